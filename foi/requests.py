"""Requests sent to many authorities: data/requests/ID.yml, one file per request. A response joins a request
through its sidecar (`request: ID`), and the site compares the answers (foi.site.compare).

    title: Digital data extraction from victims       # required
    summary: What was asked, and why.
    sent: 2025-05-01                                   # when the request went out
    authorities: [Example Constabulary, Sample County Council]   # everyone asked, replied or not
    questions:                                         # as numbered in the request; sub-questions as parts
      - number: "1"
        text: Do you use self-service kiosks?
        parts:
          - {number: "1a", text: How many?}
          - {number: "1b", text: Since when?}
      - {number: "2", text: Do you publish guidance?}

The file name is the id (lower-case letters, digits and hyphens): it is the page's URL. Allowed keys and types
are data, in foi/rules/sidecar.yml (`request:`). A request that has lost its questions leaves them out.
"""
from __future__ import annotations

import re
from pathlib import Path

from foi.sidecar import Problem, read as read_yaml

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def files(folder: Path) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and not p.name.startswith("."))


def load_all(folder: Path) -> dict[str, dict]:
    """Every usable request under `folder`, by id. Never raises; `python -m foi check` reports the rest."""
    found = {}
    for path in files(folder):
        request, _ = read(path)
        if request is not None:
            found[request["id"]] = request
    return found


def read(path: Path) -> tuple[dict | None, list[Problem]]:
    """One request file: the request ({id, title, summary, sent, authorities, questions}) or None, and problems."""
    path = Path(path)
    data, problems = read_yaml(path, "request")
    if not ID.match(path.stem):
        problems.append(Problem(str(path), None, f"'{path.stem}' cannot be a request id",
                                "rename the file using lower-case letters, digits and hyphens only"))
        return None, problems
    if data is None:
        return None, problems
    request = {
        "id": path.stem,
        "title": data["title"],
        "summary": data.get("summary"),
        "sent": data.get("sent"),
        "authorities": data.get("authorities", []),
        "questions": [{"number": q["number"], "text": q["text"], "parts": q.get("parts", [])}
                      for q in data.get("questions", [])],
    }
    numbers = [q["number"] for q in request["questions"]] + [
        p["number"] for q in request["questions"] for p in q["parts"]]
    for number in sorted({n for n in numbers if numbers.count(n) > 1}):
        problems.append(Problem(str(path), None, f"question number '{number}' is used twice",
                                "number every question and part differently: 1, 1a, 1b, 2..."))
    return request, problems


def questions(request: dict) -> list[dict]:
    """The questions a response answers one by one, in order: each part of a question, or the question itself
    when it has no parts. Each is {number, text, parent}: parent is the number of the question a part belongs to."""
    found = []
    for q in request.get("questions", []):
        if q["parts"]:
            found += [{"number": p["number"], "text": p["text"], "parent": q["number"]} for p in q["parts"]]
        else:
            found.append({"number": q["number"], "text": q["text"], "parent": None})
    return found


def find(request: dict, label: str) -> dict | None:
    """The question or part a label names ('Q2', '2(a)', 'Question 2a' -> '2a'), as {number, text}, or None."""
    wanted = normalise(label)
    for q in request.get("questions", []):
        for item in [q] + q["parts"]:
            if normalise(item["number"]) == wanted:
                return {"number": item["number"], "text": item["text"]}
    return None


def normalise(label) -> str:
    """'Question 2(a)', 'Q2a', '2 a.' -> '2a'."""
    text = re.sub(r"^\s*(question|q)\b\.?|^\s*q(?=\d)", "", str(label).strip().lower())
    return re.sub(r"[^a-z0-9]", "", text)

"""The editorial layer: what a sidecar adds to a record without touching the document's own text.

    request: rasso-digital-data-extraction   # joins the response to data/requests/ID.yml
    answer_map: {1: "1a", 2: "1b"}           # answer number -> question number, where position and labels fail
    notes:
      - {answer: 3, text: The force answered a different question.}
      - {quote: "exact words of the response", text: A note pinned to that passage.}
    corrections:                             # extracted fields put right; listed in editorial.corrected
      authority: Example Constabulary
      reference: EX-123
      date: 2025-07-17
      answers: {3: {outcome: not_held}}
    tags: [digital forensics]
    cited_in:
      - {url: "https://example.org/story", title: A story, outlet: Example News, date: 2025-08-01}

Answers map to the request's questions (foi.requests.questions) by the sidecar's answer_map first, then by the
label the document gives an answer ('2a', 'Q3'), then by position: the nth answer to the nth question. Values
that do not fit are skipped, never raised: `python -m foi check` reports them.
"""
from __future__ import annotations

import re

from foi import requests as requests_
from foi import sidecar as sidecar_
from foi.extract import outcomes, summary
from foi.slugs import slugify


def apply(record: dict, sidecar: dict | None, requests: dict) -> None:
    """Add request_id, answers[i].request_question and editorial {notes, tags, cited_in, corrected} to record."""
    side = sidecar_.clean(sidecar)
    corrected = correct(record, side.get("corrections", {}))
    request = requests.get(side.get("request"))
    record["request_id"] = request["id"] if request else None
    for answer, question in zip(record["answers"], match_questions(record, request, side.get("answer_map", {}))):
        answer["request_question"] = question
    record["editorial"] = {
        "notes": [n for n in (place_note(record, note) for note in side.get("notes", [])) if n],
        "tags": list(dict.fromkeys(side.get("tags", []))),
        "cited_in": [{key: c.get(key) for key in ("url", "title", "outlet", "date")} for c in side.get("cited_in", [])],
        "corrected": corrected,
    }


def correct(record: dict, corrections: dict) -> list[str]:
    """Apply corrections to the record's fields; the names of the fields corrected."""
    done = []
    if "authority" in corrections:
        record["authority"] = {"name": corrections["authority"], "slug": slugify(corrections["authority"])}
        done.append("authority")
    for field in ("reference", "date"):
        if field in corrections:
            record[field] = corrections[field]
            done.append(field)
    by_n = {a["n"]: a for a in record["answers"]}
    for n, fields in sorted(corrections.get("answers", {}).items()):
        if n in by_n and "outcome" in fields:
            by_n[n]["outcome"] = fields["outcome"]
            by_n[n]["ncnd"] = fields["outcome"] == "ncnd"
            done.append(f"answers.{n}.outcome")
    if done:
        record["ncnd"] = any(a["ncnd"] for a in record["answers"]) or any(e["ncnd"] for e in record["exemptions"])
        record["outcome"] = outcomes.overall(record["answers"], record["text"])
        record["summary"] = summary.summarise(record)
    return done


def match_questions(record: dict, request: dict | None, answer_map: dict) -> list[dict | None]:
    """For each answer, the request question it answers ({number, text}) or None."""
    if request is None:
        return [None] * len(record["answers"])
    in_order = requests_.questions(request)
    found = []
    for i, answer in enumerate(record["answers"]):
        question = None
        if answer["n"] in answer_map:
            question = requests_.find(request, answer_map[answer["n"]])
        elif answer.get("label"):
            question = requests_.find(request, answer["label"])
        if question is None and answer["n"] not in answer_map and i < len(in_order):
            question = {"number": in_order[i]["number"], "text": in_order[i]["text"]}
        found.append(question)
    return found


def place_note(record: dict, note: dict) -> dict | None:
    """A sidecar note as {text, answer, quote, start, end}; None when its answer or quote is not in the record."""
    answer, quote, start, end = note.get("answer"), note.get("quote"), None, None
    if answer is not None and answer not in {a["n"] for a in record["answers"]}:
        return None
    if quote is not None:
        span = find_quote(record["text"], quote)
        if span is None:
            return None
        start, end = span
        if answer is None:
            answer = next((a["n"] for a in record["answers"]
                           if a.get("start") is not None and a["start"] <= start < a["end"]), None)
    return {"text": note["text"], "answer": answer, "quote": quote, "start": start, "end": end}


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where the quoted words occur in text (line breaks and runs of spaces count as one space), or None."""
    words = quote.split()
    if not words:
        return None
    m = re.search(r"\s+".join(map(re.escape, words)), text)
    return (m.start(), m.end()) if m else None

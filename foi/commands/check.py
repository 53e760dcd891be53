"""Validate data/: every request file, and every sidecar against the response it describes. Prints each problem
as FILE:LINE: what is wrong, with a hint, and exits 1; prints one OK line and exits 0 when there is none."""
from __future__ import annotations

import difflib
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from foi import annotations, collection, requests, rules, sidecar
from foi.pipeline import process
from foi.sidecar import Problem
from foi.site.render import count


def add_arguments(parser):
    parser.add_argument("--data", type=Path, default=Path("data"), help="folder of responses (default: data)")


def run(args) -> int:
    problems, responses, reqs = check(args.data)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{count(len(problems), 'problem', 'problems')} in {args.data}")
        return 1
    print(f"OK: {count(responses, 'response', 'responses')} and {count(reqs, 'request', 'requests')} in {args.data}, "
          "no problems")
    return 0


def check(data: Path) -> tuple[list[Problem], int, int]:
    """Every problem in data/, the number of responses and the number of requests."""
    data = Path(data)
    problems, reqs = [], {}
    for path in requests.files(data / "requests"):
        request, found = requests.read(path)
        problems += found
        if request is not None:
            reqs[request["id"]] = request
    sources = collection.discover(data)
    problems += orphans(data, sources)
    results = _process_all(sources)
    owners: dict[tuple[str, str], Path] = {}
    for result in results:
        side_path = sidecar.path_for(result.path)
        side, found = sidecar.read(side_path) if side_path.exists() else ({}, [])
        problems += found
        if side is None:
            continue   # the sidecar is not YAML: reported above, and the response cannot be read without it
        if result.error:
            problems.append(Problem(str(result.path), None, f"cannot read this response: {result.error}",
                                    "convert it to text, HTML, PDF or Word, or remove it"))
            continue
        if side_path.exists():
            problems += against_record(side_path, result.record, reqs, data / "requests")
        annotations.apply(result.record, result.sidecar, reqs)
        problems += duplicate(result.record, result.path, side_path, owners)
    return sorted(problems, key=lambda p: (p.file, p.line or 0)), len(sources), len(reqs)


def against_record(side_path: Path, record: dict, reqs: dict, folder: Path) -> list[Problem]:
    """Problems of a sidecar that only the response shows: answers it does not have, quotes not in its text,
    a request or question that does not exist."""
    raw = yaml.load(side_path.read_text(encoding="utf-8"), Loader=sidecar.TextLoader) or {}
    if not isinstance(raw, dict):
        return []
    node = yaml.compose(side_path.read_text(encoding="utf-8"), Loader=sidecar.TextLoader)
    schema = rules.load("sidecar")["sidecar"]
    count = len(record["answers"])
    issues = []

    def answer(value, path):
        valid = _valid(value, "answer")
        if valid is not None and not 1 <= valid <= count:
            issues.append((path, f"answer {valid} is not in this response, which has {count}",
                           "answers are numbered 1, 2, 3... in document order: see `python -m foi extract FILE`"))

    request_id = _valid(raw.get("request"), "text")
    request = reqs.get(request_id)
    if request_id is not None and request is None:
        issues.append((("request",), f"no request '{request_id}'", _request_hint(request_id, reqs, folder)))
    answer_map = raw.get("answer_map")
    for key, label in (answer_map.items() if isinstance(answer_map, dict) else []):
        answer(key, ("answer_map", key))
        if request is not None and _valid(label, "text") and requests.find(request, label) is None:
            numbers = ", ".join(q["number"] for q in requests.questions(request)) or "none"
            issues.append((("answer_map", key), f"request '{request['id']}' has no question '{label}'",
                           f"its questions are: {numbers}"))
    notes = raw.get("notes")
    for i, item in enumerate(notes if isinstance(notes, list) else []):
        note, _ = sidecar.conform(item, schema["notes"][0])
        if note is None:
            continue
        if "answer" in note:
            answer(note["answer"], ("notes", i, "answer"))
        if "quote" in note and annotations.find_quote(record["text"], note["quote"]) is None:
            issues.append((("notes", i, "quote"), "these words are not in the response",
                           "quote the response's exact words (line breaks may be spaces)"))
    corrections = raw.get("corrections")
    fixes = corrections.get("answers") if isinstance(corrections, dict) else None
    for key in (fixes if isinstance(fixes, dict) else {}):
        answer(key, ("corrections", "answers", key))
    return [Problem(str(side_path), sidecar.line_of(node, path), message, hint) for path, message, hint in issues]


def duplicate(record: dict, source: Path, side_path: Path, owners: dict) -> list[Problem]:
    """The response has the same authority and reference as one seen before."""
    authority, reference = (record.get("authority") or {}).get("slug"), record.get("reference")
    if not (authority and reference):
        return []
    first = owners.setdefault((authority, reference), source)
    if first == source:
        return []
    where = side_path if side_path.exists() else source
    return [Problem(str(where), None, f"{record['authority']['name']} {reference} is also {first}",
                    "keep one copy, or correct the authority or reference in a sidecar")]


def orphans(data: Path, sources: list[Path]) -> list[Problem]:
    """Sidecars with no response beside them (a misnamed sidecar would be silently ignored)."""
    stems = {p.with_suffix("") for p in sources}
    found = []
    for path in sorted(data.rglob("*")):
        rel = path.relative_to(data)
        if path.suffix not in (".yml", ".yaml") or rel.parts[0] in collection.SKIP_DIRS or rel == Path("slugs.yml"):
            continue
        if path.with_suffix("") not in stems:
            found.append(Problem(str(path), None, "no response beside this sidecar",
                                 "a sidecar is NAME.yml beside the response NAME.txt, NAME.html, NAME.pdf..."))
        elif path.suffix == ".yaml":
            found.append(Problem(str(path), None, "sidecars end in .yml; this one is ignored", "rename it"))
    return found


def _process_all(sources: list[Path]):
    jobs = os.cpu_count() or 1
    if jobs == 1 or len(sources) < 2 * jobs:
        return [process(p) for p in sources]
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(process, sources, chunksize=16))


def _valid(value, kind: str):
    """value as the sidecar type `kind`, or None when it is not one (reported by the schema check)."""
    kept, _ = sidecar.conform(value, kind)
    return kept


def _request_hint(request_id: str, reqs: dict, folder: Path) -> str:
    if any((folder / f"{request_id}{ext}").exists() for ext in (".yml", ".yaml")):
        return f"{folder / request_id}.yml has problems: fix them first"
    close = difflib.get_close_matches(request_id, list(reqs), n=1)
    return f"did you mean '{close[0]}'?" if close else f"requests are files {folder}/ID.yml"

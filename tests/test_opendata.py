"""Bulk data: responses.json against the published schema, answers.csv row by row, one record per response."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema

from foi.collection import Collection
from foi.site import Output, opendata

ROOT = Path(__file__).resolve().parent.parent
RECORDS = Path(__file__).parent / "fixtures" / "opendata" / "records.json"


def records():
    return json.loads(RECORDS.read_text(encoding="utf-8"))


def generate(tmp_path) -> Path:
    docs = tmp_path / "docs"
    opendata.write(Collection(records()), Output(docs))
    return docs


def test_responses_json_holds_every_record_and_each_validates_against_the_schema(tmp_path):
    docs = generate(tmp_path)
    data = json.loads((docs / "data" / "responses.json").read_text(encoding="utf-8"))
    schema = json.loads((docs / "data" / "record.schema.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert [r["id"] for r in data["records"]] == sorted(r["id"] for r in records())
    for record in data["records"]:
        jsonschema.validate(record, schema)
    assert data["records"] == sorted(records(), key=lambda r: r["id"])


def test_published_schema_is_the_record_contract(tmp_path):
    docs = generate(tmp_path)
    assert (docs / "data" / "record.schema.json").read_bytes() == (ROOT / "foi" / "record.schema.json").read_bytes()


def test_each_record_is_published_next_to_its_page(tmp_path):
    docs = generate(tmp_path)
    for record in records():
        assert json.loads((docs / "responses" / f"{record['id']}.json").read_text(encoding="utf-8")) == record


def test_answers_csv_has_one_row_per_answer_with_its_question_and_anchor(tmp_path):
    docs = generate(tmp_path)
    text = (docs / "data" / "answers.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    expected = sorted((r["id"], a["n"]) for r in records() for a in r["answers"])
    assert [(row["response_id"], int(row["answer"])) for row in rows] == expected

    first = rows[expected.index(("example-constabulary-foi-1-25", 2))]
    assert first == {
        "response_id": "example-constabulary-foi-1-25", "authority": "Example Constabulary",
        "reference": "FOI 1/25", "date": "2025-03-04", "request_id": "stop-and-search",
        "question": "3", "answer": "2", "outcome": "refused", "short": "", "exemptions": "FOIA s40(2)",
        "ncnd": "false", "url": "/responses/example-constabulary-foi-1-25/#q2",
    }
    ncnd = rows[expected.index(("example-constabulary-foi-1-25", 3))]
    assert (ncnd["question"], ncnd["ncnd"], ncnd["outcome"]) == ("3", "true", "ncnd")
    unmapped = rows[expected.index(("no-authority-response", 1))]
    assert (unmapped["authority"], unmapped["question"], unmapped["exemptions"]) == ("", "1", "EIR r12(5)(b)")


def test_answers_csv_keeps_document_text_from_running_as_a_spreadsheet_formula(tmp_path):
    docs = generate(tmp_path)
    rows = list(csv.DictReader(io.StringIO((docs / "data" / "answers.csv").read_text(encoding="utf-8"), newline="")))
    evil = next(row for row in rows if row["response_id"] == "evil-authority-1")
    assert evil["reference"] == "'=HYPERLINK(\"http://x\")"
    assert evil["authority"].startswith("Evil <script>")


def test_output_is_byte_identical_on_rerun(tmp_path):
    first = generate(tmp_path / "a")
    second = generate(tmp_path / "b")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files and files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes()


def test_an_empty_collection_still_publishes_valid_files(tmp_path):
    docs = tmp_path / "docs"
    opendata.write(Collection([]), Output(docs))
    assert json.loads((docs / "data" / "responses.json").read_text()) == {"schema_version": 1, "records": []}
    assert (docs / "data" / "answers.csv").read_text().splitlines() == [",".join(opendata.COLUMNS)]

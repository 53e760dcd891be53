"""Bulk data for reuse: every record as JSON, the schema, one CSV row per answer, and each record beside its page.

Files (under docs/, served at the same path on the site):
  data/responses.json      {"schema_version": 1, "records": [record, ...]}, records sorted by id, one per line
  data/record.schema.json  the record contract (foi/record.schema.json)
  data/answers.csv         one row per answer (COLUMNS), sorted by response id then answer number
  responses/<id>.json      one record (urls.record_json)
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from foi.site import urls

RESPONSES = "data/responses.json"
SCHEMA = "data/record.schema.json"
ANSWERS = "data/answers.csv"
SCHEMA_SOURCE = Path(__file__).resolve().parent.parent / "record.schema.json"

COLUMNS = ["response_id", "authority", "reference", "date", "request_id", "question", "answer", "outcome",
           "short", "exemptions", "ncnd", "url"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write(coll, out) -> None:
    records = sorted(coll.records, key=lambda r: r["id"])
    dumped = [coll.record_json(r) for r in records]
    out.write(RESPONSES, responses_json(dumped))
    out.write(SCHEMA, SCHEMA_SOURCE.read_text(encoding="utf-8"))
    out.write(ANSWERS, answers_csv(records))
    for record, text in zip(records, dumped):
        rel = urls.record_json(record["id"])
        if not out.fresh(rel, text):
            out.write(rel, text + "\n")


def responses_json(dumped: list[str]) -> str:
    """The whole collection from each record's JSON; one record per line so that a change is a one-line diff."""
    lines = ",\n".join(dumped)
    return '{"schema_version": 1, "records": [\n' + lines + ("\n" if lines else "") + "]}\n"


def answers_csv(records: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([safe_cell(row[k]) for k in COLUMNS] for record in records for row in answer_rows(record))
    return buf.getvalue()


def answer_rows(record: dict) -> list[dict]:
    authority = (record.get("authority") or {}).get("name")
    rows = []
    for a in record.get("answers", []):
        mapped = a.get("request_question") or {}
        rows.append({
            "response_id": record["id"],
            "authority": authority or "",
            "reference": record.get("reference") or "",
            "date": record.get("date") or "",
            "request_id": record.get("request_id") or "",
            "question": mapped.get("number") or a["n"],
            "answer": a["n"],
            "outcome": a["outcome"],
            "short": a.get("short") or "",
            "exemptions": "; ".join(a.get("exemptions", [])),
            "ncnd": "true" if a.get("ncnd") else "false",
            "url": "/" + urls.response_url(record["id"], a["n"]),
        })
    return rows


def safe_cell(value) -> str:
    """A CSV cell that no spreadsheet runs as a formula: text starting with =, +, -, @, a tab or a carriage
    return gets a leading apostrophe."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


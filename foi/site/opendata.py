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
from functools import partial
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
    """The bulk files are made of one part per record, and a part is made again only when its record changed
    (an answers.csv part: its summary). responses.json holds each record's JSON on a line of its own (so a change
    is a one-line diff)."""
    summaries = sorted(coll.summaries, key=lambda r: r["id"])
    digests = [coll.digest(r["id"]) for r in summaries]
    out.assemble(RESPONSES, [(d, partial(coll.record_json, r["id"])) for r, d in zip(summaries, digests)],
                 head='{"schema_version": 1, "records": [\n', sep=",\n", tail="\n]}\n" if summaries else "]}\n")
    out.write(SCHEMA, SCHEMA_SOURCE.read_text(encoding="utf-8"))
    out.assemble(ANSWERS, [(coll.summary_digest(r["id"]), partial(answers_csv, r)) for r in summaries],
                 head=csv_text([COLUMNS]))
    for r, d in zip(summaries, digests):
        rel = urls.record_json(r["id"])
        if not out.fresh(rel, d):
            out.write(rel, coll.record_json(r["id"]) + "\n")


def answers_csv(record: dict) -> str:
    """The CSV rows of a record's answers (its summary's will do)."""
    return csv_text([safe_cell(row[k]) for k in COLUMNS] for row in answer_rows(record))


def csv_text(rows) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
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


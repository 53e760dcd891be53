"""The extraction pipeline: Document -> record (record.schema.json).

read (foi.readers) -> strip site chrome lines -> metadata -> find citations -> split into request and answers
-> classify answers (with the citations inside each) and the whole response -> boilerplate spans -> summary.
"""
from __future__ import annotations

from foi.document import Document
from foi.extract import answers, boilerplate, chrome, citations, metadata, outcomes, summary

SCHEMA_VERSION = 1


def extract(doc: Document, sidecar: dict | None = None) -> dict:
    sidecar = sidecar or {}
    text = chrome.strip(doc.text)
    meta = metadata.find(text, title=doc.title, url=sidecar.get("url"))
    cites = citations.find(text)
    layout = answers.split(text)
    answer_records = []
    for block in layout.blocks:
        ids = sorted({c.id for c in cites if any(block.start <= s < block.end for s, _ in c.mentions)})
        outcome, short, ncnd = outcomes.classify(block.answer, [c for c in cites if c.id in ids], layout.letter)
        answer_records.append({
            "n": block.n, "question": block.question, "answer": block.answer,
            "outcome": outcome, "short": short, "exemptions": ids, "ncnd": ncnd,
            "start": block.start, "end": block.end, "label": block.label,
        })
    record = {
        "schema_version": SCHEMA_VERSION,
        "id": "",  # assigned by the collection (foi.slugs); extract derives a provisional one
        **meta,
        "source": {"path": str(doc.path), "url": sidecar.get("url"), "format": doc.format, "sha256": doc.sha256},
        "request": layout.request,
        "answers": answer_records,
        "exemptions": [c.as_record() for c in cites],
        "ncnd": any(c.ncnd for c in cites) or any(a["ncnd"] for a in answer_records),
        "outcome": outcomes.overall(answer_records, text),
        "boilerplate": [span._asdict() for span in boilerplate.find(text, [b.end for b in layout.blocks])],
        "text": text,
    }
    record["summary"] = summary.summarise(record)
    return record

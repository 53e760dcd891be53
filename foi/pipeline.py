"""One source file -> its record, or the reason it failed. Never raises for a bad file.

Personal data is masked (foi.privacy) before extraction, so every offset in the record is into the masked text;
a sidecar with `personal_data: show` keeps the text as published.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from foi import privacy, readers, sidecar
from foi.document import ReadError
from foi.extract import extract


@dataclass
class Result:
    path: Path
    record: dict | None = None
    error: str | None = None
    sidecar: dict | None = None


def process(path: Path) -> Result:
    path = Path(path)
    try:
        meta = sidecar.load(path)
        doc = readers.read(path)
    except (ReadError, ValueError) as exc:
        return Result(path, error=str(exc))
    masked = 0
    if meta.get("personal_data") != "show":
        text, masked = privacy.mask(doc.text, about=f"{doc.title or ''} {meta.get('url') or ''}")
        doc = replace(doc, text=text)
    try:
        record = extract(doc, meta)
    except RecursionError:
        return Result(path, error="document is too deeply nested to annotate")
    except Exception as exc:  # a bug met on one file must not stop the others; the reason names it
        return Result(path, error=f"could not annotate the text: {type(exc).__name__}: {exc}")
    record["source"]["masked"] = masked
    return Result(path, record=record, sidecar=meta)

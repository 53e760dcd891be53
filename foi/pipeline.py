"""One source file -> its record, or the reason it failed. Never raises for a bad file."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from foi import readers, sidecar
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
        return Result(path, record=extract(doc, meta), sidecar=meta)
    except ReadError as exc:
        return Result(path, error=str(exc))
    except ValueError as exc:
        return Result(path, error=str(exc))
    except RecursionError:
        return Result(path, error="document is too deeply nested to read")

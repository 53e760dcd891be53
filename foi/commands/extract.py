"""Print one JSON record per input file, in input order (record.schema.json); a file that cannot be read
prints {"error": reason, "source": {"path": ...}} and the exit status is 1."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from foi import slugs
from foi.pipeline import process


def add_arguments(parser):
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")


def run(args) -> int:
    failed = False
    for path in args.files:
        result = process(path)
        if result.error:
            failed = True
            out = {"error": result.error, "source": {"path": str(path)}}
        else:
            out = result.record
            out["id"] = slugs.derive(out, path)
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 1 if failed else 0

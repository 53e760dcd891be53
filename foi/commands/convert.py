"""Convert every response under data/ into Markdown pages under docs/ (derived files: never edit them)."""
from __future__ import annotations

import sys
from pathlib import Path

from foi import collection, site


def add_arguments(parser):
    parser.add_argument("--data", type=Path, default=Path("data"), help="folder of responses (default: data)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="MkDocs docs folder (default: docs)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")


def convert(data: Path, docs: Path, jobs: int | None = None) -> collection.Collection:
    coll = collection.load(data, jobs=jobs)
    site.write(coll, docs)
    return coll


def report(coll: collection.Collection) -> int:
    print(f"converted {len(coll.records)} responses", file=sys.stderr)
    for f in coll.failures:
        print(f"error: {f.path}: {f.error}", file=sys.stderr)
    return 1 if coll.failures else 0


def run(args) -> int:
    return report(convert(args.data, args.docs, args.jobs))

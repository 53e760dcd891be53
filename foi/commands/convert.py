"""Convert every response under data/ into Markdown pages under docs/ (derived files: never edit them).

Only sources changed since the last run are extracted (the cache is .cache/ beside docs/); every failure is
reported at the end and the exit status is then 1.
"""
from __future__ import annotations

import sys
from pathlib import Path

from foi import collection, site
from foi.site import render
from foi.progress import Progress


def add_arguments(parser):
    parser.add_argument("--data", type=Path, default=Path("data"), help="folder of responses (default: data)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="MkDocs docs folder (default: docs)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")


def convert(data: Path, docs: Path, jobs: int | None = None, progress: Progress | None = None
            ) -> collection.Collection:
    progress = progress or Progress()
    docs = Path(docs)
    state = docs.parent / ".cache"
    coll = collection.load(data, jobs=jobs, cache_dir=state, progress=progress)
    progress.stage("write pages")
    site.write(coll, docs, state=state / "pages.json")
    progress.done()
    return coll


def report(coll: collection.Collection) -> int:
    """Print the outcome, every failure together, and a loud warning for each page kept from a failed
    source; returns the exit status."""
    print(f"converted {render.count(coll.size, 'response', 'responses')} ({coll.extracted} extracted, "
          "the rest unchanged)", file=sys.stderr)
    for f in coll.failures:
        print(f"error: {f.path}: {f.error}", file=sys.stderr)
    for f in coll.kept:
        print(f"WARNING: {f.path} failed to convert; its page still shows its last good version. "
              f"Fix the file, or remove it from data/ to unpublish its page.", file=sys.stderr)
    if coll.failures:
        print(f"{len(coll.failures)} of {len(coll.failures) + coll.size - len(coll.kept)} files "
              f"failed to convert", file=sys.stderr)
    return 1 if coll.failures else 0


def run(args) -> int:
    return report(convert(args.data, args.docs, args.jobs))

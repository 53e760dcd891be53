"""Generate the site's Markdown and data files under docs/ from the collection, before MkDocs runs.

Each generator is a module here with write(coll, out); it writes through `out` so that unchanged files keep
their bytes and the build can tell which generated files are stale.
"""
from __future__ import annotations

import importlib
from pathlib import Path

GENERATORS = ["responses", "indexes", "compare", "opendata", "feeds", "stats"]


class Output:
    """Writes generated files under the docs folder, only when their bytes change."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.written: set[Path] = set()

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        self.written.add(path)
        return path


def write(coll, docs: Path) -> Output:
    out = Output(docs)
    for name in GENERATORS:
        importlib.import_module(f"foi.site.{name}").write(coll, out)
    return out

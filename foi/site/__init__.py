"""Generate the site's Markdown and data files under docs/ from the collection, before MkDocs runs.

Each generator is a module here with write(coll, out); it writes through `out` so that unchanged files keep
their bytes (MkDocs and Pagefind then see them unchanged) and stale generated files can be removed.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path

GENERATORS = ["responses", "indexes", "compare", "opendata", "feeds", "stats"]

# Folders under docs/ that hold only generated files (the docs/ folders in .gitignore); nothing outside them
# is ever deleted.
GENERATED = ("responses", "exemptions", "authorities", "requests", "data", "feeds", "originals")


class Output:
    """Writes generated files under the docs folder, only when their bytes change, and remembers them."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.written: set[Path] = set()

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            same = path.stat().st_size == len(data) and path.read_bytes() == data
        except FileNotFoundError:
            same = False
        if not same:
            path.write_bytes(data)
        self.written.add(path)
        return path

    def prune(self) -> list[Path]:
        """Delete files in the GENERATED folders that this run did not write (their source was removed), and
        folders left empty. Returns the deleted files."""
        deleted = []
        for name in GENERATED:
            folder = self.root / name
            for dirpath, dirnames, filenames in os.walk(folder, topdown=False):
                for filename in filenames:
                    path = Path(dirpath) / filename
                    if path not in self.written:
                        path.unlink()
                        deleted.append(path)
                if Path(dirpath) != folder and not os.listdir(dirpath):
                    os.rmdir(dirpath)
        return sorted(deleted)


def write(coll, docs: Path) -> Output:
    """Run every generator, then delete stale generated files (only once every generator has succeeded)."""
    out = Output(docs)
    for name in GENERATORS:
        importlib.import_module(f"foi.site.{name}").write(coll, out)
    out.prune()
    return out

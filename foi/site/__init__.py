"""Generate the site's Markdown and data files under docs/ from the collection, before MkDocs runs.

Each generator is a module here with write(coll, out); it writes through `out` so that unchanged files keep
their bytes (MkDocs and Pagefind then see them unchanged) and stale generated files can be removed.

Generating every page takes a few milliseconds a response, so when nothing changed the generators do not run
at all: `write` records in a state file the fingerprint of its inputs (the collection's fingerprint, the
whole foi package, mkdocs.yml and SITE_URL) and the size and time of every file written; when both match,
the pages on disk are already what the generators would write. When only some records changed, a generator
asks `out.fresh(rel, inputs...)` before making a file, the inputs being the digests of the records it is made
from (foi.collection), or of their summaries, which are all the collection-wide generators read; a file made
of one part per record (`out.assemble`) keeps the parts of unchanged records from the file as the last run left
it. So one changed response costs its page and its parts, and the pages that list it only if its summary
changed; no other record is read.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
from pathlib import Path
from typing import Callable

import yaml

from foi import cache

GENERATORS = ["responses", "indexes", "compare", "opendata", "feeds", "stats"]

# Folders under docs/ that hold only generated files; nothing outside them is ever deleted. With the generated
# pages outside them, these are the docs/ lines of .gitignore (a test checks).
GENERATED = ("responses", "exemptions", "authorities", "requests", "data", "feeds", "originals")
GENERATED_PAGES = ("index.md", "statistics.md")
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False)   # inputs -> the same text on every run


class Output:
    """Writes generated files under the docs folder, only when their bytes change, and remembers them."""

    def __init__(self, root: Path, last: dict | None = None):
        self.root = Path(root)
        self.written: dict[str, list] = {}      # path relative to root -> its stamp, as written (or found fresh)
        last = last or {}                       # the state of the last run, when it had the same code
        self.last_files, self.last_digests, self.last_parts = (last.get(k, {}) for k in ("files", "digests", "parts"))
        self.digests: dict[str, str] = {}       # rel -> digest of its inputs, this run
        self.parts: dict[str, list] = {}        # rel -> [digest, offset, length] of each part, this run
        self._pending: list[Callable[[bool], None]] = []

    def fresh(self, rel: str, *inputs) -> bool:
        """True when `rel` was made from these same inputs last time and is still on disk as it was left: the
        generator may skip making it (it counts as written). The inputs' digest is kept for the next run."""
        digest = hashlib.sha256(_CANONICAL.encode(inputs).encode()).hexdigest()
        self.digests[rel] = digest
        if self.last_digests.get(rel) == digest and self._as_left(rel):
            self.written[rel] = self.last_files[rel]
            return True
        return False

    def assemble(self, rel: str, parts: list[tuple[str, Callable[[], str]]], head: str = "", sep: str = "",
                 tail: str = "") -> None:
        """Write `rel` as head + sep.join(parts) + tail, where a part is (digest of its inputs, make): the bytes
        of a part the file held last time, as it was left, are kept, and only the others are made."""
        old = self._old_parts(rel)
        sep_bytes = sep.encode()
        pieces, index = [head.encode()], []
        offset = len(pieces[0])
        for digest, make in parts:
            chunk = old.get(digest)
            if chunk is None:
                chunk = make().encode()
            if index:
                pieces.append(sep_bytes)
                offset += len(sep_bytes)
            index.append([digest, offset, len(chunk)])
            pieces.append(chunk)
            offset += len(chunk)
        self.parts[rel] = index
        self.write(rel, pieces + [tail.encode()])

    def _old_parts(self, rel: str) -> dict[str, memoryview]:
        index = self.last_parts.get(rel)
        if not index or not self._as_left(rel):
            return {}
        data = memoryview((self.root / rel).read_bytes())
        return {digest: data[offset:offset + length] for digest, offset, length in index}

    def _as_left(self, rel: str) -> bool:
        """True when `rel` is on disk as the last run left it."""
        return self.last_files.get(rel) == cache.stamp(os.path.join(self.root, rel))

    def write(self, rel: str, content: str | bytes | list[bytes]) -> Path:
        """Write `rel` (text, bytes, or bytes in pieces) unless it holds these bytes already."""
        path = self.root / rel
        pieces = content if isinstance(content, list) else [
            content.encode("utf-8") if isinstance(content, str) else content]
        try:
            st = os.stat(path)
            same = st.st_size == sum(map(len, pieces)) and _holds(path, pieces)
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            same = False
        if not same:
            with open(path, "wb") as f:
                f.writelines(pieces)
            st = os.stat(path)
        self.written[rel] = [st.st_size, st.st_mtime_ns]
        return path

    def defer(self, finish: Callable[[bool], None]) -> None:
        """Work a generator handed to other processes: `finish(True)` writes its files once every generator has
        run (the others run meanwhile), `finish(False)` drops it when one of them failed."""
        self._pending.append(finish)

    def settle(self, ok: bool = True) -> None:
        """Finish (or, not `ok`, drop) the deferred work."""
        pending, self._pending = self._pending, []
        for finish in pending:
            finish(ok)

    def prune(self) -> list[Path]:
        """Delete files in the GENERATED folders that this run did not write (their source was removed), and
        folders left empty. Returns the deleted files."""
        deleted = []
        for name in GENERATED:
            folder = os.path.join(self.root, name)
            for dirpath, dirnames, filenames in os.walk(folder, topdown=False):
                rel_dir = os.path.relpath(dirpath, self.root).replace(os.sep, "/")
                for filename in filenames:
                    if f"{rel_dir}/{filename}" not in self.written:
                        os.unlink(os.path.join(dirpath, filename))
                        deleted.append(Path(dirpath) / filename)
                if dirpath != folder and not os.listdir(dirpath):
                    os.rmdir(dirpath)
        return sorted(deleted)


def _holds(path: Path, pieces: list[bytes]) -> bool:
    """True when the file holds these pieces, one after another (and no more)."""
    data, offset = memoryview(path.read_bytes()), 0
    for piece in pieces:
        if data[offset:offset + len(piece)] != piece:
            return False
        offset += len(piece)
    return offset == len(data)


def write(coll, docs: Path, state: Path | None = None) -> Output:
    """Run every generator, then delete stale generated files (only once every generator has succeeded).
    With a `state` file, skip the generators when their inputs and the files they wrote are unchanged."""
    code = _code_fingerprint(Path(docs))
    fingerprint = hashlib.sha256(f"{coll.fingerprint}\0{code}".encode()).hexdigest()
    last = cache.load_json(state) if state else {}
    out = Output(docs, last if last.get("code") == code else None)
    if state and _unchanged(last, fingerprint, out):
        return out
    try:
        for name in GENERATORS:
            importlib.import_module(f"foi.site.{name}").write(coll, out)
    except BaseException:
        out.settle(ok=False)
        raise
    out.settle()
    out.prune()
    if state:   # the records were read by now: their fingerprint includes any ids assigned while reading
        fingerprint = hashlib.sha256(f"{coll.fingerprint}\0{code}".encode()).hexdigest()
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text(json.dumps({"fingerprint": fingerprint, "code": code, "files": out.written,
                                     "digests": out.digests, "parts": out.parts}), encoding="utf-8")
    return out


def _code_fingerprint(docs: Path) -> str:
    """Everything but the records that the pages are made from: the foi package, mkdocs.yml and SITE_URL."""
    config = docs.parent / "mkdocs.yml"
    h = hashlib.sha256(f"{cache.package_version()}\0{os.environ.get('SITE_URL')}".encode())
    h.update(config.read_bytes() if config.exists() else b"")
    return h.hexdigest()


def _unchanged(last: dict, fingerprint: str, out: Output) -> bool:
    """True when the last run had the same inputs and every file it wrote is still as it left it; the files
    are then counted as written."""
    if not last.get("fingerprint") or last.get("fingerprint") != fingerprint:
        return False
    root = str(out.root)
    if any(cache.stamp(os.path.join(root, rel)) != stamp for rel, stamp in last["files"].items()):
        return False
    out.written.update(last["files"])
    return True


def load_config(path: Path) -> dict:
    """mkdocs.yml as MkDocs reads it: `!ENV [NAME, default]` is the variable if set, else the default."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: next(
    (os.environ[name] for name in loader.construct_sequence(node)[:-1] if name in os.environ),
    loader.construct_sequence(node)[-1]))

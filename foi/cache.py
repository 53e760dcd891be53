"""The convert cache under .cache/: each source's extracted record, keyed by what the record depends on.

An entry's key is the sha256 of the source's bytes, its sidecar's bytes and the converter's version (the
foi package's code and rules, see `code_version`). A re-run reads each source's bytes to hash them but
extracts only sources whose key is new. Entries are JSON files, {"record": ..., "sidecar": ...}, holding the
extractor's output before the collection adds ids and annotations (requests and slugs are not in the key).

The cache also remembers, per source path, the key of its last good record (`last_good.json`), so a source
that converted before and fails now can keep its page (see foi.collection), and the size, modification time
and key it last saw (`stats.json`), so a re-run hashes only files whose size or time changed (as git does);
and it keeps the last run's record summaries by digest (`summaries.jsonl`, see foi.collection).
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

from foi import sidecar

PACKAGE = Path(__file__).resolve().parent
# Code that only consumes records (pages, commands, the benchmark) does not change a record.
NOT_CONVERTER = {"site", "commands", "bench", "theme"}
SUFFIXES = {".py", ".yml", ".json", ".html", ".css", ".js"}


def code_version() -> str:
    """A hash of everything that decides a record: the foi package's code, rules and schema outside
    NOT_CONVERTER, the Python version and the pinned requirements."""
    return package_version(frozenset(NOT_CONVERTER))


@lru_cache(maxsize=None)
def package_version(exclude: frozenset = frozenset()) -> str:
    """A hash of the foi package's .py, .yml, .json, .html, .css and .js files outside the top-level folders
    in `exclude`, the Python version and requirements.txt."""
    h = hashlib.sha256(sys.version.encode())
    files = [p for p in PACKAGE.rglob("*") if p.suffix in SUFFIXES and p.is_file()
             and p.relative_to(PACKAGE).parts[0] not in exclude and "__pycache__" not in p.parts]
    requirements = PACKAGE.parent / "requirements.txt"
    if requirements.exists():
        files.append(requirements)
    for path in sorted(files):
        h.update(path.relative_to(PACKAGE.parent).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def key(source: Path) -> str:
    """The cache key of a source file as it is now. Raises OSError when the file cannot be read."""
    h = hashlib.sha256(code_version().encode())
    h.update(hashlib.sha256(Path(source).read_bytes()).digest())
    side = sidecar.path_for(source)
    if side != Path(source) and side.exists():
        h.update(b"sidecar" + hashlib.sha256(side.read_bytes()).digest())
    return h.hexdigest()


class Cache:
    """Records by key in ROOT/records/ab/<key>.json, and the last good key of each source path.
    With root None the cache is off: nothing is found and nothing is written."""

    def __init__(self, root: Path | None):
        self.root = Path(root) if root else None
        self.records = self.root / "records" if root else None
        self.last_good_path = self.root / "last_good.json" if root else None
        self.last_good: dict[str, str] = load_json(self.root / "last_good.json") if root else {}
        self.stats: dict[str, list] = load_json(self.root / "stats.json") if root else {}
        self._summaries: dict[str, str] = {}     # record digest -> the JSON of its line, as read

    def key(self, source: Path, rel: str) -> str:
        """The key of a source, hashed only when its or its sidecar's size or time changed since last seen."""
        now = [stamp(source), stamp(sidecar.path_for(source)), code_version()]
        known = self.stats.get(rel)
        if known and known[:-1] == now:
            return known[-1]
        k = key(source)
        self.stats[rel] = now + [k]
        return k

    def _path(self, k: str) -> Path:
        return self.records / k[:2] / f"{k}.json"

    def has(self, k: str | None) -> bool:
        """True when an entry is stored under key k (None is no key)."""
        return self.root is not None and k is not None and os.path.isfile(self._path(k))

    def get(self, k: str) -> dict | None:
        """The entry {"record", "sidecar"} stored under key k, or None."""
        if self.root is None:
            return None
        try:
            return decode(self._path(k).read_bytes())
        except (OSError, ValueError):
            return None

    def put(self, k: str, entry: dict) -> str:
        """Store an entry {"record", "sidecar"} atomically (safe from worker processes); returns its JSON."""
        text = json.dumps(entry, ensure_ascii=False)
        if self.root is None:
            return text
        path = self._path(k)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        return text

    def summaries(self) -> dict[str, list]:
        """The record summaries of the last run, by record digest, as foi.collection keeps them ({} when there are
        none or the file is damaged)."""
        if self.root is None:
            return {}
        try:
            lines = (self.root / "summaries.jsonl").read_text(encoding="ascii").splitlines()
            texts = dict(line.split("\t", 1) for line in lines)
            found = {digest: decode(text) for digest, text in texts.items()}
        except (OSError, ValueError):
            return {}
        self._summaries = texts
        return found

    def save_summaries(self, summaries: dict[str, list]) -> None:
        """Keep these summaries (this run's) in place of the last run's, one line each: digest, tab, JSON (in
        ASCII, so the only line breaks are the lines'). A summary kept already is not encoded again."""
        if self.root is None or summaries.keys() == self._summaries.keys():
            return
        lines = [f"{digest}\t{self._summaries.get(digest) or json.dumps(s)}\n" for digest, s in summaries.items()]
        tmp = self.root / "summaries.tmp"
        tmp.write_text("".join(lines), encoding="ascii")
        os.replace(tmp, self.root / "summaries.jsonl")

    def save(self, last_good: dict[str, str], sources: set[str]) -> None:
        """Record each source's last good key (and the stats of `sources`, the paths seen this run) and delete
        entries no source points to any more."""
        self.last_good = dict(sorted(last_good.items()))
        if self.root is None:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        _save_json(self.last_good_path, self.last_good)
        _save_json(self.root / "stats.json", {rel: self.stats[rel] for rel in sorted(self.stats) if rel in sources})
        keep = set(self.last_good.values())
        if self.records.is_dir():
            for folder in os.scandir(self.records):
                for entry in os.scandir(folder.path):
                    if entry.name.removesuffix(".json") not in keep:
                        os.unlink(entry.path)


def stamp(path: Path | str) -> list[int] | None:
    """[size, modification time in ns] of a file, or None when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def load_json(path: Path) -> dict:
    """A JSON object from a file, {} when missing or damaged (for a cache, that only costs work again)."""
    try:
        return decode(Path(path).read_bytes())
    except (OSError, ValueError):
        return {}


def decode(text: str | bytes):
    """JSON kept for the run, decoded out of the cyclic garbage collector's way: it holds no cycles, so the
    collector waits while it is made and then leaves it (and all else made so far) be, never walking its many
    objects again (gc.freeze): about a second of the ten a full regeneration of 10,000 pages takes."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return json.loads(text)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _save_json(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)

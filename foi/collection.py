"""The collection: every source under data/, converted to records with stable ids, and the requests.

Conversion is incremental and parallel. Each source's record is cached under .cache/ by the hash of its
bytes, its sidecar and the converter's code (foi.cache); only sources with a new hash are extracted, on all
cores, in chunks. Results keep the sorted order of the sources, so the output is the same on every run.
Cached records are read only when first asked for (`Collection.records`): when nothing changed since the
last run the site is already up to date (foi.site compares fingerprints) and no record is read at all.

A bad file never stops the others: it becomes a failure naming the file and the reason, and the command
reports every failure at the end and exits non-zero. A page once published never silently disappears: when
a source that converted before fails now (a damaged re-download, a reader regression), the collection keeps
its last good record from the cache, so its page is still generated, and lists it in `kept` so the command
warns loudly, naming the file. Only removing the source from data/ removes its page.
"""
from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from foi import annotations, cache, requests, slugs
from foi.pipeline import Result, process
from foi.progress import Progress

SKIP_DIRS = {"requests"}


class Collection:
    """The converted collection: records (read on first use), failures, and the requests."""

    def __init__(self, records: list[dict] | None = None, *, failures: list[Result] | None = None,
                 requests: dict[str, dict] | None = None, kept: list[Result] | None = None, extracted: int = 0,
                 data_dir: Path | None = None, size: int | None = None, fingerprint: str = "",
                 reader: Callable[[Collection], list[dict]] | None = None):
        self._records = records
        self._reader = reader
        self.failures = failures or []
        self.requests = requests or {}
        self.kept = kept or []                  # failures whose last good record is still published
        self.extracted = extracted              # sources read through the extractor this run
        self.data_dir = data_dir                # where the sources are (originals are published beside pages)
        self.size = len(records) if size is None and records is not None else (size or 0)
        self.fingerprint = fingerprint          # a hash of everything the records are made from
        self._json: dict[str, str] = {}

    @property
    def records(self) -> list[dict]:
        if self._records is None:
            self._records = self._reader(self) if self._reader else []
        return self._records

    def record_json(self, record: dict) -> str:
        """A record as canonical JSON (keys sorted), made once a run: open data and page freshness share it."""
        text = self._json.get(record["id"])
        if text is None:
            text = self._json[record["id"]] = json.dumps(record, ensure_ascii=False, sort_keys=True)
        return text


def discover(data_dir: Path) -> list[Path]:
    """Every response file under data/, sorted; sidecars, requests and the slug registry are not responses."""
    found = []
    for folder, dirs, names in os.walk(data_dir):
        if folder == str(data_dir):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        found += [os.path.join(folder, name) for name in names if not name.startswith(".")
                  and not name.lower().endswith((".yml", ".yaml"))]
    return sorted(Path(p) for p in found if os.path.isfile(p))


def load(data_dir: Path, jobs: int | None = None, cache_dir: Path | None = None,
         progress: Progress | None = None) -> Collection:
    """Convert data/ into a Collection. With a cache_dir, extract only what changed since the last run there;
    without, extract everything and write no cache."""
    data_dir = Path(data_dir)
    progress = progress or Progress()
    store = cache.Cache(cache_dir)
    sources = [(path, path.relative_to(data_dir).as_posix()) for path in discover(data_dir)]
    keys = {}
    for path, rel in sources:
        try:
            keys[path] = store.key(path, rel)
        except OSError:
            pass   # unreadable: extraction below reports why
    misses = [path for path, _ in sources if not store.has(keys.get(path))]
    progress.stage("convert", len(sources))
    progress.advance(len(sources) - len(misses))
    fresh, errors = {}, {}
    for path, text, error in _extract_all(misses, keys, store, jobs):
        progress.advance()
        if error:
            errors[path] = error
        else:
            fresh[path] = json.loads(text)
    progress.done()

    published, failures, kept = [], [], []   # published: (path, rel, key of its record)
    for path, rel in sources:
        if path in errors:
            failure = Result(path, error=errors[path])
            failures.append(failure)
            good = store.last_good.get(rel)
            if store.has(good):
                kept.append(failure)
                published.append((path, rel, good))
        else:
            published.append((path, rel, keys.get(path)))
    store.save({rel: k for _, rel, k in published if k}, {rel for _, rel in sources})
    reqs = requests.load_all(data_dir / "requests")
    registry = slugs.Registry(data_dir / "slugs.yml")

    def fingerprint() -> str:
        """The converter, each source's record key (or its failure), the requests and the assigned ids."""
        h = hashlib.sha256(cache.code_version().encode())
        used = {rel: k for _, rel, k in published}
        for path, rel in sources:
            h.update(f"{rel}\0{used.get(rel) or ''}\0{'failed' if path in errors else ''}\n".encode())
        for path in sorted((data_dir / "requests").rglob("*")):
            if path.is_file():
                h.update(path.relative_to(data_dir).as_posix().encode() + b"\0" + path.read_bytes())
        h.update(json.dumps(registry.ids, sort_keys=True).encode())
        return h.hexdigest()

    def read(coll: Collection) -> list[dict]:
        """The records, in source order, with their ids and annotations; new ids are saved to slugs.yml."""
        records = []
        for path, rel, k in published:
            entry = fresh.get(path) or store.get(k)
            if entry is None:   # the cached entry was damaged since: extract the (unchanged) source again
                _, text, _ = _extract((path, k, store.root))
                entry = json.loads(text) if text else None
            if entry is None:
                continue
            record = entry["record"]
            record["id"] = registry.assign(rel, slugs.derive(record, path))
            record["source"]["path"] = rel
            annotations.apply(record, entry["sidecar"], reqs)
            records.append(record)
        registry.save()
        coll.fingerprint = fingerprint()
        return records

    return Collection(failures=failures, requests=reqs, kept=kept, extracted=len(misses), data_dir=data_dir,
                      size=len(published), fingerprint=fingerprint(), reader=read)

def _extract_all(paths: list[Path], keys: dict[Path, str], store: cache.Cache, jobs: int | None):
    """(path, entry JSON, error) for each path, in order; extraction runs on `jobs` processes."""
    jobs = jobs or os.cpu_count() or 1
    tasks = [(p, keys.get(p), store.root) for p in paths]
    if jobs == 1 or len(tasks) < 2 * jobs:
        yield from map(_extract, tasks)
        return
    chunk = max(1, min(32, len(tasks) // (jobs * 8)))
    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(_extract, tasks, chunksize=chunk)


def _extract(task: tuple[Path, str | None, Path]) -> tuple[Path, str | None, str | None]:
    """Extract one source and cache its entry; returns the entry as JSON so fresh and cached records are
    identical, or the reason the file failed. Never raises for a bad file."""
    path, k, root = task
    try:
        result = process(path)
    except Exception as exc:   # an extractor bug must cost one file, not the run
        return path, None, f"internal error while converting: {type(exc).__name__}: {exc}"
    if result.error:
        return path, None, result.error
    entry = {"record": result.record, "sidecar": result.sidecar or {}}
    return path, cache.Cache(root if k else None).put(k, entry), None

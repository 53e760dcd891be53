"""The collection: every source under data/, converted to records with stable ids, and the requests.

Conversion is incremental and parallel. Each source's record is cached under .cache/ by the hash of its
bytes, its sidecar and the converter's code (foi.cache); only sources with a new hash are extracted, on all
cores, in chunks. Results keep the sorted order of the sources, so the output is the same on every run.

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
from dataclasses import dataclass, field
from pathlib import Path

from foi import annotations, cache, requests, slugs
from foi.pipeline import Result, process
from foi.progress import Progress

SKIP_DIRS = {"requests"}


@dataclass
class Collection:
    records: list[dict]
    failures: list[Result] = field(default_factory=list)
    requests: dict[str, dict] = field(default_factory=dict)
    kept: list[Result] = field(default_factory=list)   # failures whose last good record is still published
    extracted: int = 0                                  # sources read through the extractor this run
    fingerprint: str = ""                               # a hash of everything the records were made from
    data_dir: Path | None = None                        # where the sources are (originals are published beside pages)


def discover(data_dir: Path) -> list[Path]:
    """Every response file under data/, sorted; sidecars, requests and the slug registry are not responses."""
    found = []
    for path in sorted(Path(data_dir).rglob("*")):
        rel = path.relative_to(data_dir)
        if not path.is_file() or rel.parts[0] in SKIP_DIRS or path.name.startswith("."):
            continue
        if path.suffix.lower() in (".yml", ".yaml"):
            continue
        found.append(path)
    return found


def load(data_dir: Path, jobs: int | None = None, cache_dir: Path | None = None,
         progress: Progress | None = None) -> Collection:
    """Convert data/ into a Collection. With a cache_dir, extract only what changed since the last run there;
    without, extract everything and write no cache."""
    data_dir = Path(data_dir)
    progress = progress or Progress()
    store = cache.Cache(cache_dir)
    sources = discover(data_dir)
    keys = {}
    for path in sources:
        try:
            keys[path] = store.key(path, path.relative_to(data_dir).as_posix())
        except OSError:
            pass   # unreadable: extraction below reports why
    entries: dict[Path, dict] = {}
    for path, k in keys.items():
        entry = store.get(k)
        if entry is not None:
            entries[path] = entry
    misses = [p for p in sources if p not in entries]
    progress.stage("convert", len(sources))
    progress.advance(len(entries))
    errors = {}
    for path, text, error in _extract_all(misses, keys, store, jobs):
        progress.advance()
        if error:
            errors[path] = error
        else:
            entries[path] = json.loads(text)
    progress.done()

    reqs = requests.load_all(data_dir / "requests")
    registry = slugs.Registry(data_dir / "slugs.yml")
    coll = Collection(records=[], requests=reqs, extracted=len(misses), data_dir=data_dir)
    last_good = {}
    for path in sources:
        rel = path.relative_to(data_dir).as_posix()
        entry = entries.get(path)
        if path in errors:
            failure = Result(path, error=errors[path])
            coll.failures.append(failure)
            good = store.last_good.get(rel)
            entry = store.get(good) if good else None
            if entry is None:
                continue
            coll.kept.append(failure)
            last_good[rel] = good
        elif path in keys:
            last_good[rel] = keys[path]
        record = entry["record"]
        record["id"] = registry.assign(rel, slugs.derive(record, path))
        record["source"]["path"] = rel
        annotations.apply(record, entry["sidecar"], reqs)
        coll.records.append(record)
    registry.save()
    store.save(last_good, {path.relative_to(data_dir).as_posix() for path in sources})
    coll.fingerprint = _fingerprint(data_dir, sources, last_good, errors, registry)
    return coll


def _fingerprint(data_dir: Path, sources: list[Path], used: dict[str, str], errors: dict[Path, str],
                 registry: slugs.Registry) -> str:
    """The hash of what the records were made from: the converter, each source's record key (or its
    failure), the requests and the assigned ids. Equal fingerprints mean equal records."""
    h = hashlib.sha256(cache.code_version().encode())
    for path in sources:
        rel = path.relative_to(data_dir).as_posix()
        h.update(f"{rel}\0{used.get(rel, '')}\0{'failed' if path in errors else ''}\n".encode())
    for path in sorted((data_dir / "requests").rglob("*")):
        if path.is_file():
            h.update(path.relative_to(data_dir).as_posix().encode() + b"\0" + path.read_bytes())
    h.update(json.dumps(registry.ids, sort_keys=True).encode())
    return h.hexdigest()


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

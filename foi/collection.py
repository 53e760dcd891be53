"""The collection: every source under data/, converted to records with stable ids, and the requests.

Conversion is incremental and parallel. Each source's record is cached under .cache/ by the hash of its
bytes, its sidecar and the converter's code (foi.cache); only sources with a new hash are extracted, on all
cores, in chunks. Results keep the sorted order of the sources, so the output is the same on every run.

Records are read only when asked for. Each has a digest, a hash of everything it is made from (its cache key,
path, id and the request its sidecar names), known without reading it, and a summary: the record without its
document-sized fields, which is all the collection-wide pages read, with a digest of its own. Summaries are
cached (.cache/summaries.jsonl), so after one changed source only that record is read (`Collection.summaries`,
`Collection.record`), and the collection-wide pages change only if its summary did; when nothing changed the
site is already up to date (foi.site compares fingerprints) and nothing is read at all.

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
# A record's summary: what the collection-wide pages read of it (foi.site: indexes, feeds, statistics, request
# pages, the open data CSV, the originals), and of each of its answers and exemptions.
SUMMARY = {"id", "title", "reference", "date", "authority", "outcome", "ncnd", "summary", "request_id", "editorial"}
SUMMARY_SOURCE = {"path", "masked"}
SUMMARY_ANSWER = {"n", "outcome", "short", "exemptions", "ncnd", "request_question"}
SUMMARY_EXEMPTION = {"id", "law", "section", "ncnd"}


class Collection:
    """The converted collection: records (each read on first use) and their summaries, failures, and the
    requests. Made from a list of records, a record's digest is the hash of its JSON."""

    def __init__(self, records: list[dict] | None = None, *, failures: list[Result] | None = None,
                 requests: dict[str, dict] | None = None, kept: list[Result] | None = None, extracted: int = 0,
                 data_dir: Path | None = None, size: int | None = None, fingerprint: str = "",
                 sources: _Sources | None = None):
        self._sources = sources or _Given(records or [])
        self.failures = failures or []
        self.requests = requests or {}
        self.kept = kept or []                  # failures whose last good record is still published
        self.extracted = extracted              # sources read through the extractor this run
        self.data_dir = data_dir                # where the sources are (originals are published beside pages)
        self.size = len(records) if size is None and records is not None else (size or 0)
        self.fingerprint = fingerprint          # a hash of everything the records are made from
        self._summaries: list[dict] | None = None
        self._digests: dict[str, tuple[str, str]] = {}   # id -> (digest, summary digest)
        self._records: dict[str, dict] = {}     # id -> record, those read so far
        self._json: dict[str, str] = {}

    @property
    def summaries(self) -> list[dict]:
        """Every record's summary (`summarise`), in source order."""
        return self._index()

    @property
    def records(self) -> list[dict]:
        """Every record in full, in source order (reads them all)."""
        return [self.record(s["id"]) for s in self.summaries]

    def digest(self, rid: str) -> str:
        """A hash of everything record `rid` is made from: the same digest, the same record."""
        self._index()
        return self._digests[rid][0]

    def summary_digest(self, rid: str) -> str:
        """A hash of record `rid`'s summary: the same digest, the same summary."""
        self._index()
        return self._digests[rid][1]

    def record(self, rid: str) -> dict:
        """Record `rid` in full, read on first use."""
        self._index()
        if rid not in self._records:
            self._records[rid] = self._sources.read(rid)
        return self._records[rid]

    def record_json(self, rid: str) -> str:
        """A record as canonical JSON (keys sorted), made once a run."""
        text = self._json.get(rid)
        if text is None:
            text = self._json[rid] = canonical(self.record(rid))
        return text

    def _index(self) -> list[dict]:
        """The summaries, with each record's digest (and the records read to make them), made on first use."""
        if self._summaries is None:
            self._summaries = []
            for digest, summary_digest, summary, record in self._sources.index(self):
                self._summaries.append(summary)
                self._digests[summary["id"]] = digest, summary_digest
                if record is not None:
                    self._records[summary["id"]] = record
        return self._summaries


def canonical(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def summarise(record: dict) -> dict:
    """The record's SUMMARY fields, its source's, its answers' and its exemptions' (same keys and values as in
    the record)."""
    summary = {k: v for k, v in record.items() if k in SUMMARY}
    summary["source"] = {k: v for k, v in (record.get("source") or {}).items() if k in SUMMARY_SOURCE}
    summary["answers"] = [{k: v for k, v in a.items() if k in SUMMARY_ANSWER} for a in record.get("answers", [])]
    summary["exemptions"] = [{k: v for k, v in e.items() if k in SUMMARY_EXEMPTION}
                             for e in record.get("exemptions", [])]
    return summary


class _Given:
    """The records of a collection made from a list of them."""

    def __init__(self, records: list[dict]):
        self.records = records

    def index(self, coll: Collection):
        for record in self.records:
            summary = summarise(record)
            yield _hash(canonical(record)), _hash(canonical(summary)), summary, record

    def read(self, rid: str) -> dict:
        raise KeyError(rid)


class _Sources:
    """The records of data/: each published source's cached entry with its id and annotations."""

    def __init__(self, published: list[tuple[Path, str, str | None]], fresh: dict[Path, dict], store: cache.Cache,
                 registry: slugs.Registry, reqs: dict, request_files: dict[str, str],
                 fingerprint: Callable[[], str]):
        self.published, self.fresh, self.store, self.registry = published, fresh, store, registry
        self.reqs, self.request_files, self.fingerprint = reqs, request_files, fingerprint
        self.where: dict[str, tuple[Path, str, str | None]] = {}   # id -> (path, rel, key)

    def request(self, named) -> str:
        """A hash of the request a sidecar names (its value as written), '' when there is none."""
        return self.request_files.get(named, "") if isinstance(named, str) else ""

    def index(self, coll: Collection):
        """(digest, summary digest, summary, record or None) of each record in source order. A summary is cached
        by a hash of the source's cache key, path and id, with the request its sidecar named and that request's
        hash, and is used while the request is as it was; else the record is read now and summarised. New ids
        are saved to slugs.yml."""
        known = self.store.summaries()
        kept = {}
        assigned = len(self.registry.ids)
        for path, rel, k in self.published:
            rid = self.registry.ids.get(rel)
            made_from = _hash(f"{k}\0{rel}\0{rid}") if rid and k else None
            found, record = known.get(made_from), None
            if found is None or found[1] != self.request(found[0]):
                read = self._read(path, rel, k)
                if read is None:
                    continue
                record, named = read
                rid, summary = record["id"], summarise(record)
                # a source whose key could not be read was extracted now, uncached: its record is its own hash
                made_from = _hash(f"{k}\0{rel}\0{rid}") if k else _hash(canonical(record))
                found = [named, self.request(named), _hash(canonical(summary)), summary]
            self.where[rid] = (path, rel, k)
            kept[made_from] = found
            _, request, summary_digest, summary = found
            yield _hash(f"{made_from}\0{request}"), summary_digest, summary, record
        if len(self.registry.ids) != assigned:
            self.registry.save()
        self.store.save_summaries(kept)
        coll.fingerprint = self.fingerprint()   # includes the ids assigned while reading

    def read(self, rid: str) -> dict:
        """Record `rid`, read again (it was summarised from the cache)."""
        read = self._read(*self.where[rid])
        if read is None:
            raise ValueError(f"{self.where[rid][1]}: its cached record is damaged and it no longer converts")
        return read[0]

    def _read(self, path: Path, rel: str, k: str | None) -> tuple[dict, object] | None:
        """A source's record, with its id and annotations, and the request its sidecar names (as written); None
        when its cached entry is damaged and the source no longer converts."""
        entry = self.fresh.pop(path, None) or self.store.get(k)
        if entry is None:   # the cached entry was damaged since: extract the (unchanged) source again
            _, text, _ = _extract((path, k, self.store.root))
            entry = cache.decode(text) if text else None
        if entry is None:
            return None
        record = entry["record"]
        record["id"] = self.registry.assign(rel, slugs.derive(record, path))
        record["source"]["path"] = rel
        annotations.apply(record, entry["sidecar"], self.reqs)
        return record, (entry["sidecar"] or {}).get("request")


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
            fresh[path] = cache.decode(text)
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
    asked, request_files = hashlib.sha256(), {}   # request_files: request id (file name) -> a hash of its file
    for path in sorted((data_dir / "requests").rglob("*")):
        if path.is_file():
            data = path.relative_to(data_dir).as_posix().encode() + b"\0" + path.read_bytes()
            asked.update(data)
            request_files[path.stem] = _hash(request_files.get(path.stem, "") + hashlib.sha256(data).hexdigest())

    def fingerprint() -> str:
        """The converter, each source's record key (or its failure), the requests and the assigned ids."""
        h = hashlib.sha256(cache.code_version().encode())
        used = {rel: k for _, rel, k in published}
        for path, rel in sources:
            h.update(f"{rel}\0{used.get(rel) or ''}\0{'failed' if path in errors else ''}\n".encode())
        h.update(asked.digest())
        h.update(json.dumps(registry.ids, sort_keys=True).encode())
        return h.hexdigest()

    return Collection(failures=failures, requests=reqs, kept=kept, extracted=len(misses), data_dir=data_dir,
                      size=len(published), fingerprint=fingerprint(),
                      sources=_Sources(published, fresh, store, registry, reqs, request_files, fingerprint))

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

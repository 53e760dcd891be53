"""The collection: every source under data/, converted to records with stable ids, and the requests."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from foi import annotations, requests, slugs
from foi.pipeline import Result, process

SKIP_DIRS = {"requests"}


@dataclass
class Collection:
    records: list[dict]
    failures: list[Result] = field(default_factory=list)
    requests: dict[str, dict] = field(default_factory=dict)


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


def load(data_dir: Path, jobs: int | None = None) -> Collection:
    data_dir = Path(data_dir)
    sources = discover(data_dir)
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(sources) > 8:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(process, sources, chunksize=16))
    else:
        results = [process(p) for p in sources]
    reqs = requests.load_all(data_dir / "requests")
    registry = slugs.Registry(data_dir / "slugs.yml")
    records, failures = [], []
    for res in results:
        if res.error:
            failures.append(res)
            continue
        rel = res.path.relative_to(data_dir).as_posix()
        res.record["id"] = registry.assign(rel, slugs.derive(res.record, res.path))
        res.record["source"]["path"] = rel
        annotations.apply(res.record, res.sidecar, reqs)
        records.append(res.record)
    registry.save()
    return Collection(records=records, failures=failures, requests=reqs)

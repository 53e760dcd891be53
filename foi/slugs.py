"""Stable page ids. An id is derived once (authority + reference, else the file name) and then recorded in
data/slugs.yml, so a response's URL never changes when extraction improves. An id stays reserved after its
source is removed, so it never points to another response."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

HEADER = "# Assigned page ids: source file (relative to data/) -> id. Committed with the data; never edit an id.\n"


def slugify(text: str, limit: int = 60) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:limit].strip("-")
    return slug or "response"


def derive(record: dict, path: Path) -> str:
    authority = (record.get("authority") or {}).get("name")
    reference = record.get("reference")
    if authority and reference:
        return slugify(f"{authority} {reference}")
    return slugify(Path(path).stem)


class Registry:
    """data/slugs.yml: source path (relative to data/) -> id, assigned once and never changed."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.ids: dict[str, str] = {}
        if self.path.exists():
            try:
                self.ids = yaml.load(self.path.read_text(encoding="utf-8"), Loader=Loader) or {}
            except yaml.YAMLError as exc:
                raise ValueError(f"{self.path}: not valid YAML, fix it by hand (ids must not change): {exc}")
            if not isinstance(self.ids, dict):
                raise ValueError(f"{self.path}: expected a mapping of source files to ids")
        self.taken = set(self.ids.values())

    def assign(self, source: str, wanted: str) -> str:
        if source in self.ids:
            return self.ids[source]
        slug, n = wanted, 2
        while slug in self.taken:
            slug, n = f"{wanted}-{n}", n + 1
        self.ids[source] = slug
        self.taken.add(slug)
        return slug

    def save(self) -> None:
        text = HEADER + yaml.dump(dict(sorted(self.ids.items())), Dumper=Dumper, allow_unicode=True,
                                  sort_keys=False, width=1000)
        if not self.path.exists() or self.path.read_text(encoding="utf-8") != text:
            self.path.write_text(text, encoding="utf-8")

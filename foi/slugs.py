"""Stable page ids. An id is derived once (authority + reference, else the file name) and then recorded in
data/slugs.yml, so a response's URL never changes when extraction improves."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml


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
            self.ids = yaml.safe_load(self.path.read_text(encoding="utf-8")) or {}

    def assign(self, source: str, wanted: str) -> str:
        if source in self.ids:
            return self.ids[source]
        taken = set(self.ids.values())
        slug, n = wanted, 2
        while slug in taken:
            slug, n = f"{wanted}-{n}", n + 1
        self.ids[source] = slug
        return slug

    def save(self) -> None:
        text = "# Assigned page ids: source file (relative to data/) -> id. Committed with the data; never edit an id.\n"
        text += yaml.safe_dump(dict(sorted(self.ids.items())), allow_unicode=True, sort_keys=False)
        if not self.path.exists() or self.path.read_text(encoding="utf-8") != text:
            self.path.write_text(text, encoding="utf-8")

"""Rebuild only what changed: a response page whose Markdown is the same as at the last build, built with the same
settings, theme and code, is reused from the last site instead of being rendered by MkDocs again.

A response page's HTML depends on nothing but its own Markdown and the build's settings (it is outside the nav and
links to other pages with plain URLs; foi.site.shards relies on the same fact), so at 10,000 responses a build
after one new response renders the other pages of the site and one response page, not 10,000. The last build's
digests are kept in .cache/site-pages.json, written only once a build has succeeded; a build that fails puts the
last site back as it was.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import yaml

from foi import cache
from foi.site import load_config, shards


class Reuse:
    """The response pages of the last build that this build can keep, with the last site set aside."""

    def __init__(self, config: Path):
        settings = load_config(config)
        self.docs = config.parent / settings.get("docs_dir", "docs")
        self.site = config.parent / settings.get("site_dir", "site")
        self.state = config.parent / ".cache" / "site-pages.json"
        self.previous = config.parent / ".cache" / "previous-site"
        self.environment = _environment(settings, self.docs)
        self.digests = {p.stem: _digest(p) for p in shards.response_pages(self.docs)}
        last = _load(self.state)
        self.state.unlink(missing_ok=True)    # until this build succeeds, the site on disk matches no state
        same = last.get("environment") == self.environment and self.site.is_dir()
        old = last.get("pages", {}) if same else {}
        self.kept = sorted(stem for stem, digest in self.digests.items() if old.get(stem) == digest
                           and (self.site / "responses" / stem / "index.html").is_file())
        shutil.rmtree(self.previous, ignore_errors=True)
        if self.kept:
            self.previous.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.site, self.previous)

    @property
    def skip(self) -> frozenset[Path]:
        """The Markdown files of the pages kept: MkDocs need not render them."""
        return frozenset(self.docs / "responses" / f"{stem}.md" for stem in self.kept)

    def restore(self) -> None:
        """After a successful build: move the kept pages into the new site, list them in its sitemap, and
        remember this build."""
        if self.kept:
            blocks = shards.response_blocks(self.previous / "sitemap.xml")
            for stem in self.kept:
                os.replace(self.previous / "responses" / stem, self.site / "responses" / stem)
            shards.merge_sitemaps(self.site / "sitemap.xml", [], [blocks[s] for s in self.kept if s in blocks])
            shutil.rmtree(self.previous)
        self.state.parent.mkdir(parents=True, exist_ok=True)
        self.state.write_text(json.dumps({"environment": self.environment, "pages": self.digests}), encoding="utf-8")

    def abandon(self) -> None:
        """After a failed build: put the last site back as it was."""
        if self.kept:
            shutil.rmtree(self.site, ignore_errors=True)
            os.replace(self.previous, self.site)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _environment(settings: dict, docs: Path) -> str:
    """Everything else a response page's HTML depends on: the settings (site URL, theme, Markdown extensions,
    nav), the foi package (templates, the squeeze pass), the pinned requirements and Python, and any nav page
    whose title the nav takes from the page itself."""
    h = hashlib.sha256(yaml.safe_dump(settings, sort_keys=True).encode())
    h.update(cache.package_version().encode())
    for title, rel in shards.nav_pages(settings.get("nav") or []):
        if title is None and (docs / rel).is_file():
            h.update(rel.encode() + (docs / rel).read_bytes())
    return h.hexdigest()


def _load(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}

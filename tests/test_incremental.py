"""A rebuild renders only the response pages that changed, and gives the site a full build gives."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from foi.bench import generator
from foi.commands import build
from foi.site import shards


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def pages(site: Path) -> dict[str, int]:
    """Each response page and the time it was written."""
    return {p.parent.name: p.stat().st_mtime_ns for p in site.glob("responses/*/index.html")}


@pytest.fixture
def project(tmp_path):
    sources = generator.generate(tmp_path / "data", 8, seed=5)
    config = build.prepare(tmp_path / "work")
    build.convert(tmp_path / "data", tmp_path / "work" / "docs", jobs=1)
    build.mkdocs(config, 1)
    return tmp_path, sources, config


def test_a_rebuild_renders_only_the_changed_page_and_equals_a_full_build(project):
    tmp_path, sources, config = project
    site = config.parent / "site"
    before = pages(site)
    changed = next(p for p in sources if p.suffix == ".txt")
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late correction.\n", encoding="utf-8")
    build.convert(tmp_path / "data", config.parent / "docs", jobs=1)
    build.mkdocs(config, 1)
    after = pages(site)
    rebuilt = [name for name in after if after[name] != before.get(name)]
    assert len(after) == 8 and len(rebuilt) == 1

    fresh = build.prepare(tmp_path / "fresh")
    build.convert(tmp_path / "data", fresh.parent / "docs", jobs=1)
    build.mkdocs(fresh, 1)
    assert site_files(site) == site_files(fresh.parent / "site")


def test_other_settings_rebuild_every_page(project, monkeypatch):
    tmp_path, _, config = project
    site = config.parent / "site"
    before = pages(site)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_name: FOI responses, annotated", "site_name: Our FOI archive"),
                      encoding="utf-8")
    build.mkdocs(config, 1)
    after = pages(site)
    assert all(after[name] != before[name] for name in before)
    assert "Our FOI archive" in next(site.glob("responses/*/index.html")).read_text(encoding="utf-8")


def test_a_failed_rebuild_leaves_the_last_site(project, monkeypatch):
    tmp_path, _, config = project
    site = config.parent / "site"
    before = site_files(site)

    def failing(*args, **kwargs):
        raise shards.MkDocsError("mkdocs build failed: a broken template")

    monkeypatch.setattr(shards, "build", failing)
    with pytest.raises(build.BuildError, match="broken template"):
        build.mkdocs(config, 1)
    assert site_files(site) == before

"""MkDocs in parallel shards: the site it builds is the site one MkDocs run builds."""
from __future__ import annotations

import gzip
from pathlib import Path

from foi.bench import generator
from foi.commands import build
from foi.site import shards


def pages(folder: Path, sizes: list[int]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n, size in enumerate(sizes):
        path = folder / f"r{n:02}.md"
        path.write_text("x" * size)
        out.append(path)
    return out


def test_split_makes_consecutive_runs_of_equal_cost_and_the_first_carries_the_shared_pages(tmp_path):
    files = pages(tmp_path, [100] * 12)
    runs = shards.split(files, 3)
    assert [len(r) for r in runs] == [4, 4, 4] and sum(runs, []) == files
    runs = shards.split(files, 2, shared=4 * shards.cost(100))
    assert [len(r) for r in runs] == [4, 8] and sum(runs, []) == files
    assert [len(r) for r in shards.split(files, 2, shared=100 * shards.cost(100))] == [1, 11]   # never an empty shard
    long = pages(tmp_path / "long", [shards.PAGE_BYTES * 3] + [100] * 7)   # a long page costs more than one
    assert [len(r) for r in shards.split(long, 2)] == [3, 5]


def test_merged_sitemap_lists_the_response_pages_of_every_shard_in_order(tmp_path):
    def sitemap(path: Path, locs: list[str]) -> Path:
        urls = "".join(f"    <url>\n         <loc>https://foi.example/{loc}</loc>\n    </url>\n" for loc in locs)
        path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset>\n{urls}</urlset>')
        return path

    main = sitemap(tmp_path / "sitemap.xml", ["", "responses/", "responses/a/", "responses/b/", "responses/pages/2/"])
    other = sitemap(tmp_path / "other.xml", ["", "responses/", "responses/c/", "responses/d/"])
    shards.merge_sitemaps(main, [other])
    text = main.read_text()
    locs = [line.strip()[5:-6].removeprefix("https://foi.example/") for line in text.splitlines() if "<loc>" in line]
    assert locs == ["", "responses/", "responses/a/", "responses/b/", "responses/c/", "responses/d/",
                    "responses/pages/2/"]
    assert text.endswith("</urlset>") and gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()).decode() == text


def test_a_sharded_build_is_byte_for_byte_the_single_build(tmp_path, monkeypatch):
    generator.generate(tmp_path / "data", 12, seed=3)
    results = {}
    for jobs in (1, 3):
        work = tmp_path / f"jobs{jobs}"
        config = build.prepare(work)
        build.convert(tmp_path / "data", work / "docs", jobs=1)
        monkeypatch.setattr(shards, "MIN_PAGES", 1 if jobs > 1 else 10**6)
        assert build.mkdocs(config, jobs) == ""
        site = work / "site"
        assert not (work / ".cache" / "shards").exists()
        results[jobs] = {p.relative_to(site).as_posix(): gzip.decompress(p.read_bytes()) if p.suffix == ".gz"
                         else p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert len([rel for rel in results[1] if rel.startswith("responses/") and rel.endswith("/index.html")]) > 12
    assert results[3] == results[1]

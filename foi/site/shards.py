"""Run `mkdocs build --strict`, on several cores when the site is large.

MkDocs renders one page after another on one core, and at 10,000 responses the response pages are most of the
build. They are outside the nav and link to other pages with plain URLs, not Markdown links, so they can be
rendered by separate MkDocs runs ("shards") that each see the nav pages and a slice of the responses. Each shard
builds from a folder of hard links to its files under .cache/shards/ (docs/ stays as generated), with its own
config and site folder; shard 0 builds every other page into the real site folder. The other shards' response
pages are then moved into it and their sitemap entries merged into its sitemap, which gives the site one MkDocs
run builds (Material's instant navigation reads the sitemap to know which links are on the site).
"""
from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pathspec
import yaml

from foi.site import load_config

PROJECT = str(Path(__file__).resolve().parents[2])   # the folder holding the foi package
MIN_PAGES = 500                      # response pages per shard below which one MkDocs run is faster
PAGE_BYTES = 64_000                  # a page costs MkDocs about what 64 KB of its HTML does (measured at 10,000)
URL_BLOCK = re.compile(r"[ \t]*<url>.*?</url>\n", re.S)
RESPONSE_LOC = re.compile(r"<loc>[^<]*/responses/([^/<]+)/</loc>")
RESPONSES_LOC = re.compile(r"<loc>[^<]*/responses/</loc>")


class MkDocsError(RuntimeError):
    """MkDocs failed; the message holds its output."""


def build(config: Path, jobs: int | None = None, skip: frozenset[Path] = frozenset()) -> str:
    """Build the site of `config`, but the response pages in `skip` (pages reused from the last build: see
    foi.site.incremental); returns MkDocs' warnings (if any). Raises MkDocsError when it fails."""
    settings = load_config(config)
    docs = config.parent / settings.get("docs_dir", "docs")
    site = config.parent / settings.get("site_dir", "site")
    pages = [p for p in response_pages(docs) if p not in skip]
    count = shard_count(len(pages), jobs)
    if count < 2 and not skip:
        return _warnings([_wait(_start(config))])
    work = config.parent / ".cache" / "shards"
    shutil.rmtree(work, ignore_errors=True)
    slices = split(pages, count, shared=_cost(docs) - sum(cost(p.stat().st_size) for p in pages)) or [[]]
    nav = nav_pages(settings.get("nav") or [])
    procs, sites = [], []
    for k, part in enumerate(slices):
        farm = work / str(k) / "docs"
        if k == 0:
            others = {p for later in slices[1:] for p in later}
            _link_tree(docs, farm, settings.get("exclude_docs", ""), skip=others | set(skip))
        else:
            _link(docs, farm, part)
            _stand_ins(docs, farm, nav)
        sites.append(site if k == 0 else work / str(k) / "site")
        procs.append(_start(_shard_config(config, settings, farm, sites[-1], work / str(k) / "mkdocs.yml")))
    warnings = _warnings([_wait(proc) for proc in procs])
    for part, shard_site in zip(slices[1:], sites[1:]):
        for page in part:
            os.replace(shard_site / "responses" / page.stem, site / "responses" / page.stem)
    merge_sitemaps(site / "sitemap.xml", [s / "sitemap.xml" for s in sites[1:]])
    shutil.rmtree(work, ignore_errors=True)
    return warnings


def response_pages(docs: Path) -> list[Path]:
    """The Markdown file of every response page, sorted (the list of responses, responses/index.md, is not one)."""
    return sorted(p for p in docs.glob("responses/*.md") if p.name != "index.md")


def shard_count(pages: int, jobs: int | None = None) -> int:
    """How many MkDocs runs build a site of `pages` response pages with `jobs` processes (default: all cores)."""
    return max(1, min(jobs or os.cpu_count() or 1, pages // MIN_PAGES))


def cost(size: int) -> int:
    """What MkDocs spends on a page of `size` bytes, counted in bytes: mostly the same for every page (the
    theme's templates, PAGE_BYTES), plus its own bytes (our HTML passes through Markdown unparsed:
    foi.site.passthrough)."""
    return PAGE_BYTES + size


def split(pages: list[Path], count: int, shared: int = 0) -> list[list[Path]]:
    """`pages` in `count` runs of consecutive pages of about equal cost; the first run also carries `shared`
    (the cost of the other pages, which shard 0 builds), so it gets fewer response pages. Every run gets one at
    least."""
    costs = [cost(p.stat().st_size) for p in pages]
    target = (sum(costs) + shared) / count
    runs, current, load = [], [], shared
    for page, c in zip(pages, costs):
        current.append(page)
        load += c
        if load >= target * (len(runs) + 1) and len(runs) < count - 1:
            runs.append(current)
            current = []
    runs.append(current)
    return [run for run in runs if run]


def merge_sitemaps(main: Path, others: list[Path], extra: list[str] = ()) -> None:
    """Put the response pages listed in the `others` sitemaps, and the `extra` <url> blocks, into `main` (and its
    .gz) beside its own, in the order of their files after the list of responses: the order of one MkDocs run."""
    text = main.read_text(encoding="utf-8")
    blocks = URL_BLOCK.findall(text)
    pages = [block for block in blocks if RESPONSE_LOC.search(block)] + list(extra) + [
        block for path in others for block in URL_BLOCK.findall(path.read_text(encoding="utf-8"))
        if RESPONSE_LOC.search(block)]
    pages.sort(key=lambda block: RESPONSE_LOC.search(block).group(1) + ".md")
    rest = [block for block in blocks if not RESPONSE_LOC.search(block)]
    at = next((i + 1 for i, block in enumerate(rest) if RESPONSES_LOC.search(block)), len(rest))
    start = text.index(blocks[0]) if blocks else text.index("</urlset>")
    text = text[:start] + "".join(rest[:at] + pages + rest[at:]) + text[text.index("</urlset>"):]
    main.write_text(text, encoding="utf-8")
    main.with_suffix(".xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def response_blocks(sitemap: Path) -> dict[str, str]:
    """The <url> blocks of response pages in a sitemap, by page name."""
    text = sitemap.read_text(encoding="utf-8") if sitemap.is_file() else ""
    return {m.group(1): block for block in URL_BLOCK.findall(text) if (m := RESPONSE_LOC.search(block))}


def _start(config: Path) -> subprocess.Popen:
    """`mkdocs build --strict`, able to import our Markdown extension (foi.site.passthrough)."""
    path = os.pathsep.join(x for x in (PROJECT, os.environ.get("PYTHONPATH")) if x)
    env = {**os.environ, "PYTHONPATH": path, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait(proc: subprocess.Popen) -> str:
    out, err = proc.communicate()
    if proc.returncode:
        raise MkDocsError(f"mkdocs build failed:\n{out}{err}".rstrip())
    return err


def _warnings(outputs: list[str]) -> str:
    lines = (line for err in outputs for line in err.splitlines() if not line.startswith("INFO"))
    return "\n".join(dict.fromkeys(lines))


def _shard_config(config: Path, settings: dict, docs: Path, site: Path, path: Path) -> Path:
    """mkdocs.yml for one shard: the site's settings with its own docs and site folders (absolute paths)."""
    shard = dict(settings, docs_dir=str(docs), site_dir=str(site))
    theme = dict(shard.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((config.parent / theme["custom_dir"]).resolve())
        shard["theme"] = theme
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(shard, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def nav_pages(nav, title: str | None = None) -> list[tuple[str | None, str]]:
    """(title or None, file) of each Markdown file named in mkdocs.yml's nav."""
    if isinstance(nav, str):
        return [(title, nav)] if nav.endswith(".md") and "://" not in nav else []
    if isinstance(nav, dict):
        return [page for name, item in nav.items() for page in nav_pages(item, name)]
    return [page for item in nav for page in nav_pages(item)]


def _stand_ins(docs: Path, farm: Path, nav: list[tuple[str | None, str]]) -> None:
    """The nav pages in a response shard: MkDocs needs every nav page to exist, but the shard's copy of them is
    thrown away, so a page the nav gives a title is a one-line stand-in (nothing to render, nothing to
    validate); one whose nav title comes from the page itself is linked as it is."""
    for title, rel in nav:
        dest = farm / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if title is None:
            _link(docs, farm, [docs / rel])
        else:
            dest.write_text(f"# {title}\n", encoding="utf-8")


def _link_tree(docs: Path, farm: Path, exclude: str, skip: set[Path]) -> None:
    """Hard links in `farm` to every file under `docs` but those mkdocs.yml excludes and those in `skip`."""
    spec = pathspec.PathSpec.from_lines("gitignore", exclude.splitlines())
    files = []
    for folder, _, names in os.walk(docs):
        rel_folder = os.path.relpath(folder, docs)
        for name in names:
            rel = name if rel_folder == "." else f"{rel_folder}/{name}"
            path = docs / rel
            if path not in skip and not spec.match_file(rel):
                files.append(path)
    _link(docs, farm, files)


def _link(docs: Path, farm: Path, files: list[Path]) -> None:
    for path in files:
        dest = farm / path.relative_to(docs)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, dest)
        except OSError:
            shutil.copyfile(path, dest)


def _cost(docs: Path) -> int:
    """The cost of every Markdown page under `docs` (what MkDocs renders)."""
    return sum(cost(os.path.getsize(os.path.join(folder, name))) for folder, _, names in os.walk(docs)
               for name in names if name.endswith(".md"))

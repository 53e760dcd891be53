"""Build the site: convert data/ into pages under docs/, run `mkdocs build --strict`, index it for search with
Pagefind and, meanwhile, check it (links, anchors, no third-party loads, share metadata).

Files that cannot be converted are reported together at the end and make the exit status non-zero; the pages
of the other files are still built. Each stage is a function here (convert, mkdocs, index, check) so that the
benchmark can time them separately.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pathspec
import yaml

from foi import collection, site
from foi.commands import convert as convert_cmd
from foi.progress import Progress
from foi.site import check as site_check
from foi.site import incremental, search, shards
from foi.site import load_config
from foi.site.squeeze import squeeze_site

ROOT = Path(__file__).resolve().parents[2]
WORK_SITE_URL = "http://127.0.0.1:8000/"


class BuildError(RuntimeError):
    """A stage failed and the site could not be built; the message says why."""


def add_arguments(parser):
    add_site_arguments(parser)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for conversion (default: all cores)")


def add_site_arguments(parser):
    """--data and --out, for every command that builds the site."""
    parser.add_argument("--data", type=Path, default=Path("data"), help="folder of responses (default: data)")
    parser.add_argument("--out", type=Path, default=None,
                        help="build in this folder instead of the project (docs/ and site/ go there)")


def prepare(workdir: Path) -> Path:
    """A project folder to build in: the project itself, or a copy of its hand-written docs and config in
    `workdir` (tests and benchmarks build there; the site URL is $SITE_URL or a local one). Returns the
    mkdocs.yml to use."""
    workdir = Path(workdir).resolve()
    if workdir == ROOT:
        return ROOT / "mkdocs.yml"
    config = load_config(ROOT / "mkdocs.yml")
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["site_url"] = os.environ.get("SITE_URL", WORK_SITE_URL)
    (workdir / "docs").mkdir(parents=True, exist_ok=True)
    for path in tracked_docs():
        dest = workdir / "docs" / path.relative_to(ROOT / "docs")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
    out = workdir / "mkdocs.yml"
    out.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return out


def convert(data: Path, docs: Path, jobs: int | None = None, progress: Progress | None = None
            ) -> collection.Collection:
    """Stage 1: records from data/, pages under docs/ (only changed sources are extracted again)."""
    return convert_cmd.convert(Path(data), Path(docs), jobs, progress)


def mkdocs(config: Path, jobs: int | None = None) -> str:
    """Stage 2: `mkdocs build --strict` of every page but the response pages unchanged since the last build
    (foi.site.incremental), in parallel shards on a large site (foi.site.shards); the theme's indentation
    squeezed out of the new HTML; then the kept pages moved in and the files mkdocs.yml excludes (originals,
    record JSON) copied into site/ as they are. Returns MkDocs' warnings (if any); raises BuildError when it
    fails, leaving the last site in place."""
    reuse = incremental.Reuse(config)
    try:
        warnings = shards.build(config, jobs, skip=reuse.skip)
    except shards.MkDocsError as exc:
        reuse.abandon()
        raise BuildError(str(exc)) from None
    settings = load_config(config)
    site_dir = config.parent / settings.get("site_dir", "site")
    squeeze_site(site_dir)
    reuse.restore()
    copy_excluded(config.parent / settings.get("docs_dir", "docs"), site_dir, settings.get("exclude_docs", ""))
    return warnings


def copy_excluded(docs: Path, site_dir: Path, patterns: str) -> int:
    """Put the files under docs/ that match mkdocs.yml's exclude_docs (gitignore patterns) at the same place in
    site/ (hard links where the file system allows: MkDocs rebuilds site/ afresh each time); returns how many."""
    spec = pathspec.PathSpec.from_lines("gitignore", patterns.splitlines())
    placed = 0
    for folder, _, names in os.walk(docs):
        rel_folder = Path(folder).relative_to(docs)
        for name in names:
            rel = (rel_folder / name).as_posix()
            if not spec.match_file(rel):
                continue
            dest = site_dir / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.unlink(missing_ok=True)
            try:
                os.link(docs / rel, dest)
            except OSError:
                shutil.copyfile(docs / rel, dest)
            placed += 1
    return placed


def index(site_dir: Path) -> str:
    """Stage 3: the Pagefind search bundle in site/pagefind/. Returns Pagefind's warnings (if any)."""
    try:
        return search.index(site_dir)
    except search.PagefindError as exc:
        raise BuildError(str(exc)) from None


def check(site_dir: Path, site_url: str | None = None) -> list[site_check.Problem]:
    """Stage 4: every problem in the built site."""
    return site_check.check(site_dir, site_url)


def index_and_check(site_dir: Path, site_url: str | None = None) -> tuple[str, list[site_check.Problem]]:
    """Stages 3 and 4 side by side: Pagefind indexes the site while the pages are checked, then the search
    bundle's scripts and styles are checked. Returns Pagefind's warnings and the problems."""
    with ThreadPoolExecutor(1) as pool:
        indexing = pool.submit(index, site_dir)
        problems = site_check.check(site_dir, site_url, skip=search.BUNDLE)
        warnings = indexing.result()
    return warnings, problems + site_check.remote_loads(site_dir, search.BUNDLE)


def build(data: Path, workdir: Path = ROOT, jobs: int | None = None, progress: Progress | None = None) -> int:
    """Every stage, in order; returns the exit status. Conversion failures are reported at the end."""
    progress = progress or Progress()
    say = _say if progress.enabled else lambda *_: None
    config = prepare(workdir)
    settings = load_config(config)
    site_dir = config.parent / settings.get("site_dir", "site")
    started = time.perf_counter()
    coll = convert(data, config.parent / settings.get("docs_dir", "docs"), jobs, progress)
    say(f"convert: {coll.size} responses, {len(coll.failures)} failed")
    try:
        progress.stage("mkdocs build")
        warnings = mkdocs(config, jobs)
        progress.done()
        if warnings:
            print(warnings, file=sys.stderr)
        say(f"mkdocs build: {site_dir}")
        progress.stage("search index and check")
        warnings, problems = index_and_check(site_dir, settings.get("site_url"))
        progress.done()
        if warnings:
            print(warnings, file=sys.stderr)
        say(f"search index: site/pagefind/; check: {len(problems)} problems")
    except BuildError as exc:
        progress.done()
        convert_cmd.report(coll)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    status = convert_cmd.report(coll) or (1 if problems else 0)
    say(f"{'FAILED' if status else 'built'} in {time.perf_counter() - started:.1f}s: {site_dir}")
    return status


def run(args) -> int:
    return build(args.data, args.out or ROOT, jobs=args.jobs)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def tracked_docs():
    """Hand-written files under docs/: everything but the generated folders and pages (site.GENERATED...)."""
    docs = ROOT / "docs"
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs)
        if path.is_file() and rel.parts[0] not in site.GENERATED and rel.as_posix() not in site.GENERATED_PAGES:
            yield path

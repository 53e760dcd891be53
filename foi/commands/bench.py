"""Benchmark the build on N synthetic responses: time every stage, its peak memory and the site's sizes, and
a bare `mkdocs build` of N plain pages of the same length with the same theme, so our cost reads as a ratio.

Each stage runs as its own process (as a user runs it), so times include start-up and memory is the peak of
that stage's process tree.
"""
from __future__ import annotations

import gzip
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

from foi.bench import generator, measure
from foi.commands import build
from foi.site import load_config

ROOT = Path(__file__).resolve().parents[2]
LOADS_SEARCH = re.compile(r"""(?:src|href)=["']?[^"'\s>]*pagefind[^"'\s>]*""")
WORDS = ("authority request information held disclosure section exemption public interest test council police "
         "figures year total cost review policy officer contract supplier data personal refusal appeal").split()


def add_arguments(parser):
    parser.add_argument("--responses", type=int, default=1000, metavar="N", help="synthetic responses (default: 1000)")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="work in DIR and keep it (default: a temporary folder, removed afterwards)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic responses (default: 1)")


def run(args) -> int:
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return bench(args.responses, args.keep.resolve(), args.seed)
    with tempfile.TemporaryDirectory(prefix="foi-bench-") as work:
        return bench(args.responses, Path(work), args.seed)


def bench(n: int, work: Path, seed: int) -> int:
    data, project, whole, bare = work / "data", work / "project", work / "whole", work / "bare"
    for folder in (data, project, whole, bare):
        shutil.rmtree(folder, ignore_errors=True)
    say(f"generating {n} synthetic responses in {data}")
    sources = generator.generate(data, n, seed)
    config = build.prepare(project)
    docs, site = project / "docs", project / "site"
    rows, failed = [], False

    def stage(name: str, cmd: list[str], note: str = "") -> measure.Timing:
        nonlocal failed
        say(f"{name} ...")
        timing = measure.run(cmd, env=ENV)
        if timing.returncode:
            failed = True
            note = (note + " " if note else "") + f"exit {timing.returncode}"
            print(timing.output[-3000:], file=sys.stderr)
        rows.append((name, timing, note))
        return timing

    convert = [sys.executable, "-m", "foi", "convert", "--data", str(data), "--docs", str(docs)]
    cold = stage("convert (cold)", convert)
    rows[-1] = (rows[-1][0], cold, f"{n / cold.seconds:.0f} responses/s; {_converted(cold.output)}")
    stage("convert (no change)", convert)
    changed = next(p for p in sources if p.suffix == ".txt")
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late correction to this response.\n",
                       encoding="utf-8")
    stage("convert (one file changed)", convert)
    stage("mkdocs build", _call("mkdocs", config))
    stage("search indexing (Pagefind)", _call("index", site))
    check = stage("site check", _call("check", site))
    rows[-1] = (rows[-1][0], check, check.output.strip().splitlines()[-1] if check.output.strip() else "")
    total = stage("whole build (cold, new folder)",
                  [sys.executable, "-m", "foi", "build", "--data", str(data), "--out", str(whole)])

    pages = sorted(docs.glob("responses/*.md"))
    length = int(statistics.mean(p.stat().st_size for p in pages)) if pages else 2000
    bare_config = _bare_project(bare, n, length, config)
    plain = stage("bare mkdocs build (plain pages)", [sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                                                      str(bare_config)], f"{n} pages of {length} bytes")
    mk = next(t for name, t, _ in rows if name == "mkdocs build")

    print(f"\nBenchmark: {n} synthetic responses, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print(f"{'stage':34} {'seconds':>9} {'peak MB':>8}  notes")
    for name, timing, note in rows:
        print(f"{name:34} {timing.seconds:9.1f} {timing.peak_bytes / 2**20:8.0f}  {note}")
    print(f"\n{'our mkdocs build / bare mkdocs build':44} {mk.seconds / plain.seconds:6.2f}x")
    print(f"{'whole build / bare mkdocs build':44} {total.seconds / plain.seconds:6.2f}x")
    for label, value in sizes(site).items():
        print(f"{label:44} {value}")
    return 1 if failed else 0


def sizes(site: Path) -> dict[str, str]:
    """The built site's size, the HTML of a response page, and what a reader downloads to search."""
    files = [p for p in site.rglob("*") if p.is_file()]
    out = {"site size": f"{sum(p.stat().st_size for p in files) / 2**20:.1f} MB in {len(files)} files"}
    pages = [p.stat().st_size for p in site.glob("responses/*/index.html")]
    if pages:
        out["HTML per response page (mean / max)"] = f"{statistics.mean(pages) / 1024:.1f} KB / {max(pages) / 1024:.1f} KB"
    loading = [p for p in site.glob("responses/*/index.html") if LOADS_SEARCH.search(p.read_text(encoding="utf-8"))]
    out["response pages referencing pagefind files"] = f"{len(loading)} of {len(pages)}"
    bundle = site / "pagefind"
    if bundle.is_dir():
        first = _first_search(bundle)
        out["first search downloads"] = (f"{sum(first.values()) / 1024:.0f} KB ("
                                         + ", ".join(f"{k} {v / 1024:.0f} KB" for k, v in first.items()) + ")")
        wire = _first_search(bundle, compressed=True)
        out["first search, gzip on the wire"] = (f"{sum(wire.values()) / 1024:.0f} KB (UI {wire['UI'] / 1024:.0f} KB, "
                                                 f"pagefind.js {wire['pagefind.js'] / 1024:.0f} KB; Pagefind's own "
                                                 "files are gzipped already)")
        out["search bundle"] = f"{sum(p.stat().st_size for p in bundle.rglob('*') if p.is_file()) / 2**20:.1f} MB"
    return out


def _first_search(bundle: Path, compressed: bool = False) -> dict[str, int]:
    """Bytes of a first query on the search page: Pagefind UI (script and stylesheet), the loader, its
    WebAssembly, the entry, the language's metadata, every filter file (the UI shows each filter's counts before
    any query), the largest index chunk and the largest of the five result fragments shown first (times five).
    `compressed`: as a server sends them with gzip (scripts, styles and JSON; Pagefind's index files and
    WebAssembly are gzip files already)."""
    def nbytes(path: Path) -> int:
        if compressed and path.suffix in (".js", ".css", ".json"):
            return len(gzip.compress(path.read_bytes(), 6))
        return path.stat().st_size

    def size(pattern: str, pick=max) -> int:
        found = [nbytes(p) for p in bundle.glob(pattern)]
        return pick(found) if found else 0

    return {"UI": size("pagefind-ui.js") + size("pagefind-ui.css"), "pagefind.js": size("pagefind.js"),
            "wasm": size("wasm.en.*") or size("wasm.*"), "entry": size("pagefind-entry.json"),
            "meta": size("pagefind.*.pf_meta"), "filters": size("filter/*.pf_filter", sum),
            "index chunk": size("index/*.pf_index"), "5 fragments": 5 * size("fragment/*.pf_fragment")}


def _call(name: str, path: Path) -> list[str]:
    """A command running stage `name` of foi.commands.build on `path`."""
    if not hasattr(build, name):
        raise SystemExit(f"foi.commands.build has no stage function {name}()")
    code = (f"import sys; from pathlib import Path; from foi.commands import build; "
            f"r = build.{name}(Path(sys.argv[1])); print(f'{{len(r)}} problems' if isinstance(r, list) else '')")
    return [sys.executable, "-c", code, str(path)]


def _bare_project(folder: Path, n: int, length: int, ours: Path) -> Path:
    """N plain Markdown pages of `length` bytes, built with our theme settings and markdown extensions but no
    generated content, no custom templates and only the home page in the nav."""
    rng = random.Random(n)
    docs = folder / "docs"
    (docs / "pages").mkdir(parents=True)
    (docs / "index.md").write_text("# Plain pages\n\nA baseline for the benchmark.\n", encoding="utf-8")
    for i in range(n):
        text = f"# Page {i}\n\n"
        while len(text) < length:
            text += "## " + " ".join(rng.choices(WORDS, k=4)).capitalize() + "\n\n"
            text += " ".join(rng.choices(WORDS, k=rng.randint(30, 90))).capitalize() + ".\n\n"
        (docs / "pages" / f"page-{i}.md").write_text(text, encoding="utf-8")
    config = load_config(ours)
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    bare = {"site_name": "Bare", "site_url": config.get("site_url"), "docs_dir": str(docs),
            "site_dir": str(folder / "site"), "use_directory_urls": True, "theme": theme, "plugins": [],
            "markdown_extensions": config.get("markdown_extensions", []), "nav": [{"Home": "index.md"}],
            "not_in_nav": "/pages/*\n"}
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(bare, sort_keys=False), encoding="utf-8")
    return path


def _converted(output: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith(("converted", "error"))]
    errors = sum(line.startswith("error") for line in lines)
    return (lines[0] if lines else "") + (f"; {errors} errors" if errors else "")


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}

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
from foi.site import load_config, shards

ROOT = Path(__file__).resolve().parents[2]
LOADS_SEARCH = re.compile(r"""(?:src|href)=["']?[^"'\s>]*pagefind[^"'\s>]*""")
# What the search page (docs/assets/search.js) downloads: our interface, on every page with the header's form;
# then, on a first query, Pagefind's loader, WebAssembly, entry and metadata, the index chunks of the query's words
# and one fragment for each of the first results shown.
SEARCH_UI = ("assets/search.js", "assets/search.css")
RESULTS_SHOWN = 5
# First queries measured beside the worst case, as the words Pagefind looks up (lower case, punctuation dropped,
# English stems; search.js leaves out words as common as "the", none of which is here).
FIRST_QUERIES = {"31(1)(a)": ("311a",), "section 40": ("section", "40"),
                 "neither confirm nor deny": ("neither", "confirm", "nor", "deni")}
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
    shutil.rmtree(site, ignore_errors=True)   # a full build: no page kept from the last one (foi/site/incremental.py)
    stage("mkdocs build, one process", _call("mkdocs", config, 1))
    shutil.rmtree(site, ignore_errors=True)
    shards_used = shards.shard_count(n)
    stage("mkdocs build", _call("mkdocs", config), f"{shards_used} process{'es' if shards_used > 1 else ''} "
                                                   "(foi/site/shards.py)")
    stage("search indexing (Pagefind)", _call("index", site))
    check = stage("site check", _call("check", site))
    rows[-1] = (rows[-1][0], check, check.output.strip().splitlines()[-1] if check.output.strip() else "")
    whole_build = [sys.executable, "-m", "foi", "build", "--data", str(data), "--out", str(whole)]
    total = stage("whole build (cold, new folder)", whole_build)
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA second correction.\n", encoding="utf-8")
    stage("whole build (one file changed)", whole_build, "MkDocs renders the changed response page only")

    pages = sorted(docs.glob("responses/*.md"))
    length = int(statistics.mean(p.stat().st_size for p in pages)) if pages else 2000
    bare_config = _bare_project(bare, n, length, config)
    plain = stage("bare mkdocs build (plain pages)", [sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                                                      str(bare_config)], f"{n} pages of {length} bytes")
    mk = next(t for name, t, _ in rows if name == "mkdocs build")
    mk1 = next(t for name, t, _ in rows if name == "mkdocs build, one process")

    print(f"\nBenchmark: {n} synthetic responses, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print(f"{'stage':34} {'seconds':>9} {'peak MB':>8}  notes")
    for name, timing, note in rows:
        print(f"{name:34} {timing.seconds:9.1f} {timing.peak_bytes / 2**20:8.0f}  {note}")
    print(f"\n{'our mkdocs build / bare mkdocs build':44} {mk.seconds / plain.seconds:6.2f}x")
    print(f"{'our mkdocs build, one process / bare':44} {mk1.seconds / plain.seconds:6.2f}x")
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
    ui = [site / rel for rel in SEARCH_UI if (site / rel).is_file()]
    out["search on page load"] = (f"{sum(p.stat().st_size for p in ui) / 1024:.0f} KB raw / "
                                  f"{sum(len(gzip.compress(p.read_bytes(), 6)) for p in ui) / 1024:.0f} KB gzip "
                                  "(our search interface; nothing of Pagefind or its index)")
    bundle = site / "pagefind"
    if bundle.is_dir():
        first = _first_search(bundle)
        out["first search downloads"] = (f"{sum(first.values()) / 1024:.0f} KB (worst case, the largest index "
                                         "chunk: " + ", ".join(f"{k} {v / 1024:.0f} KB" for k, v in first.items())
                                         + ")")
        wire = _first_search(bundle, compressed=True)
        out["first search, gzip on the wire"] = (f"{sum(wire.values()) / 1024:.0f} KB (search UI "
                                                 f"{wire['search UI'] / 1024:.0f} KB, pagefind.js "
                                                 f"{wire['pagefind.js'] / 1024:.0f} KB; Pagefind's own "
                                                 "files are gzipped already)")
        for query, words in FIRST_QUERIES.items():
            try:
                raw, packed = _first_search(bundle, words=words), _first_search(bundle, True, words)
            except (OSError, ValueError, IndexError, KeyError, TypeError):
                break                                     # not a metadata file Pagefind wrote
            out[f"first search for {query!r}"] = (f"{sum(raw.values()) / 1024:.0f} KB raw / "
                                                  f"{sum(packed.values()) / 1024:.0f} KB gzip (index chunks "
                                                  f"{raw['index chunks'] / 1024:.0f} KB)")
        out["search bundle"] = f"{sum(p.stat().st_size for p in bundle.rglob('*') if p.is_file()) / 2**20:.1f} MB"
    return out


def _first_search(bundle: Path, compressed: bool = False, words: tuple[str, ...] | None = None) -> dict[str, int]:
    """Bytes of a first query on the search page (docs/assets/search.js): our interface (script and stylesheet,
    already fetched with any page that has the header's search form), Pagefind's loader (on the page: no web
    worker), its WebAssembly, the entry, the language's metadata, the index chunks holding the query's `words`
    (default: the largest chunk, the worst case for a one-word query) and the largest fragment times the results
    shown first. No filter file: they load only when the reader opens "Filter results" (a search without filters
    fetches none). `compressed`: as a server sends them with gzip (scripts, styles and JSON; Pagefind's index
    files and WebAssembly are gzip files already)."""
    def nbytes(path: Path) -> int:
        if compressed and path.suffix in (".js", ".css", ".json"):
            return len(gzip.compress(path.read_bytes(), 6))
        return path.stat().st_size

    def size(pattern: str, pick=max) -> int:
        found = [nbytes(p) for p in bundle.glob(pattern)]
        return pick(found) if found else 0

    if words is None:
        chunks = size("index/*.pf_index")
    else:
        chunks = sum(nbytes(bundle / "index" / f"{name}.pf_index") for name in _chunks(bundle, words))
    site = bundle.parent
    return {"search UI": sum(nbytes(site / rel) for rel in SEARCH_UI if (site / rel).is_file()),
            "pagefind.js": size("pagefind.js"), "wasm": size("wasm.en.*") or size("wasm.*"),
            "entry": size("pagefind-entry.json"), "meta": size("pagefind.*.pf_meta"), "index chunks": chunks,
            f"{RESULTS_SHOWN} fragments": RESULTS_SHOWN * size("fragment/*.pf_fragment")}


def _chunks(bundle: Path, words: tuple[str, ...]) -> set[str]:
    """The index chunks Pagefind 1.5 fetches for `words`: its metadata (gzip, a signature, then CBOR) lists the
    chunks as [first word, last word, file name], bounds shortened to the prefixes that tell chunks apart. For each
    word, the first chunk whose bounds hold it; failing that, the first whose bounds hold it when both are cut to
    the shorter length (a word past a shortened last bound, such as "section" in sec..sect)."""
    data = gzip.decompress(next(bundle.glob("pagefind.*.pf_meta")).read_bytes())
    if not data.startswith(b"pagefind_dcd"):
        raise ValueError("not a Pagefind metadata file")
    chunks = _cbor(data, 12)[0][2]

    def holds(first: str, last: str, word: str) -> bool:
        return first <= word <= last

    def holds_cut(first: str, last: str, word: str) -> bool:
        return word[:len(first)] >= first[:len(word)] and word[:len(last)] <= last[:len(word)]

    found = set()
    for word in words:
        name = next((n for f, l, n in chunks if holds(f, l, word)), None) or \
            next((n for f, l, n in chunks if holds_cut(f, l, word)), None)
        if name:
            found.add(name)
    return found


def _cbor(data: bytes, i: int):
    """One CBOR item at data[i] (the kinds Pagefind writes: integers, strings, arrays, maps) and the next offset."""
    kind, info = data[i] >> 5, data[i] & 31
    i += 1
    if info >= 24 and info <= 27:
        width = 1 << (info - 24)
        info, i = int.from_bytes(data[i:i + width], "big"), i + width
    if kind == 0:
        return info, i
    if kind == 1:
        return -1 - info, i
    if kind in (2, 3):
        raw = data[i:i + info]
        return (raw.decode() if kind == 3 else raw), i + info
    if kind in (4, 5):
        items = []
        for _ in range(info * (2 if kind == 5 else 1)):
            item, i = _cbor(data, i)
            items.append(item)
        return (items if kind == 4 else dict(zip(items[::2], items[1::2]))), i
    raise ValueError(f"CBOR kind {kind} at {i - 1}")


def _call(name: str, path: Path, *args: int) -> list[str]:
    """A command running stage `name` of foi.commands.build on `path` (and `args`)."""
    if not hasattr(build, name):
        raise SystemExit(f"foi.commands.build has no stage function {name}()")
    more = "".join(f", {a!r}" for a in args)
    code = (f"import sys; from pathlib import Path; from foi.commands import build; "
            f"r = build.{name}(Path(sys.argv[1]){more}); print(f'{{len(r)}} problems' if isinstance(r, list) else '')")
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

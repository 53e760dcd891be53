"""The collection and `foi convert`: bad files cost only themselves, published pages never silently vanish,
stale generated files go, and the output is the same on every run and with any number of workers."""
from __future__ import annotations

import io
import sys
import types
from pathlib import Path

import pytest

from foi import collection, site
from foi.commands import convert
from foi.progress import Progress


def response(authority: str, ref: str, answer: str = "Yes, the information is held.") -> str:
    return (f"{authority}\nFreedom of Information request\nReference: {ref}\nDate: 03/02/2025\n"
            f"Request\nHow many vehicles do you own?\nAnswer\n{answer}\n")


def make_data(root: Path, count: int = 4) -> Path:
    data = root / "data"
    for n in range(count):
        folder = data / ("example-constabulary" if n % 2 else "northshire")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"reply-{n}.txt").write_text(response("Example Constabulary", f"EC-{n}", f"Answer {n}."))
    return data


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_bad_file_fails_alone_with_its_name_and_reason(tmp_path):
    data = make_data(tmp_path)
    (data / "northshire" / "empty.txt").write_text("")
    (data / "northshire" / "scan.tiff").write_bytes(b"II*\x00")
    coll = collection.load(data, jobs=1)
    assert len(coll.records) == 4
    reasons = {f.path.name: f.error for f in coll.failures}
    assert reasons.keys() == {"empty.txt", "scan.tiff"}
    assert "empty" in reasons["empty.txt"] and ".tiff" in reasons["scan.tiff"]


def test_an_extractor_crash_costs_one_file(tmp_path, monkeypatch):
    data = make_data(tmp_path)
    real = collection.process

    def crashing(path):
        if path.name == "reply-2.txt":
            raise IndexError("list index out of range")
        return real(path)

    monkeypatch.setattr(collection, "process", crashing)
    coll = collection.load(data, jobs=1)
    assert len(coll.records) == 3
    assert [f.path.name for f in coll.failures] == ["reply-2.txt"]
    assert "IndexError" in coll.failures[0].error


def test_convert_reports_every_failure_at_the_end_and_exits_non_zero(tmp_path, capsys):
    data = make_data(tmp_path)
    (data / "northshire" / "a-empty.txt").write_text("   \n")
    (data / "northshire" / "b-unknown.xyz").write_text("Example Constabulary")
    status = convert.report(convert.convert(data, tmp_path / "docs", jobs=1))
    err = capsys.readouterr().err
    assert status == 1
    assert "a-empty.txt" in err and "b-unknown.xyz" in err
    assert err.index("converted 4 responses") < err.index("a-empty.txt")


def test_a_source_that_fails_now_keeps_its_last_good_page_with_a_warning(tmp_path, capsys):
    data = make_data(tmp_path)
    docs = tmp_path / "docs"
    first = convert.convert(data, docs, jobs=1)
    kept_id = next(r["id"] for r in first.records if r["source"]["path"] == "northshire/reply-0.txt")

    (data / "northshire" / "reply-0.txt").write_bytes(b"")        # a damaged re-download
    coll = convert.convert(data, docs, jobs=1)
    assert convert.report(coll) == 1
    err = capsys.readouterr().err
    assert "WARNING" in err and "reply-0.txt" in err
    assert [f.path.name for f in coll.kept] == ["reply-0.txt"]
    assert kept_id in [r["id"] for r in coll.records]
    assert coll.records == first.records

    (data / "northshire" / "reply-0.txt").unlink()                 # deliberately removed: the page goes
    coll = convert.convert(data, docs, jobs=1)
    assert convert.report(coll) == 0
    assert kept_id not in [r["id"] for r in coll.records]


def test_parallel_output_is_byte_identical_on_rerun_and_to_one_worker(tmp_path, monkeypatch):
    from foi.site import responses

    data = make_data(tmp_path, count=40)
    one, two = tmp_path / "one" / "docs", tmp_path / "two" / "docs"
    serial = convert.convert(data, one, jobs=1)
    monkeypatch.setattr(responses, "PARALLEL", 2)     # pages rendered by worker processes too
    parallel = convert.convert(data, two, jobs=2)
    assert parallel.extracted == 40
    assert serial.records == parallel.records
    assert tree(one) == tree(two)
    again = convert.convert(data, two, jobs=2)
    assert again.extracted == 0
    assert tree(one) == tree(two)
    assert [r["source"]["path"] for r in again.records] == sorted(r["source"]["path"] for r in again.records)


def test_output_skips_unchanged_bytes_and_prunes_only_stale_generated_files(tmp_path):
    docs = tmp_path / "docs"
    (docs / "how-we-annotate.md").parent.mkdir(parents=True)
    (docs / "how-we-annotate.md").write_text("hand-written")
    first = site.Output(docs)
    for rel in ("responses/a.md", "responses/b.md", "feeds/authorities/old.xml", "index.md"):
        first.write(rel, rel)
    mtime = (docs / "responses/a.md").stat().st_mtime_ns

    second = site.Output(docs)
    second.write("responses/a.md", "responses/a.md")
    second.write("index.md", "index.md")
    deleted = second.prune()
    assert [p.relative_to(docs).as_posix() for p in deleted] == ["feeds/authorities/old.xml", "responses/b.md"]
    assert (docs / "responses/a.md").stat().st_mtime_ns == mtime
    assert (docs / "how-we-annotate.md").read_text() == "hand-written"
    assert (docs / "index.md").exists() and (docs / "feeds").is_dir()
    assert not (docs / "feeds/authorities").exists()


def test_a_failing_generator_deletes_nothing(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    site.Output(docs).write("responses/published.md", "page")

    def broken(coll, out):
        raise RuntimeError("generator bug")

    monkeypatch.setitem(sys.modules, "foi.site.broken", types.SimpleNamespace(write=broken))
    monkeypatch.setattr(site, "GENERATORS", ["broken"])
    with pytest.raises(RuntimeError):
        site.write(collection.Collection(records=[]), docs)
    assert (docs / "responses/published.md").exists()


def test_pages_rendered_by_workers_are_dropped_when_a_later_generator_fails(tmp_path, monkeypatch):
    from foi.site import responses

    data = make_data(tmp_path, count=6)
    coll = collection.load(data, jobs=1)
    monkeypatch.setattr(responses, "PARALLEL", 2)

    def broken(coll, out):
        raise RuntimeError("generator bug")

    monkeypatch.setitem(sys.modules, "foi.site.broken", types.SimpleNamespace(write=broken))
    monkeypatch.setattr(site, "GENERATORS", ["responses", "broken"])
    with pytest.raises(RuntimeError):
        site.write(coll, tmp_path / "docs")
    assert not list((tmp_path / "docs").glob("responses/*.md"))
    monkeypatch.setattr(site, "GENERATORS", ["responses"])
    site.write(coll, tmp_path / "docs")
    assert len(list((tmp_path / "docs").glob("responses/*.md"))) == 6


def test_generated_folders_are_the_ignored_docs_folders():
    gitignore = (Path(__file__).parent.parent / ".gitignore").read_text().splitlines()
    ignored = {line.strip().removeprefix("docs/").rstrip("/") for line in gitignore
               if line.startswith("docs/") and line.endswith("/")}
    assert set(site.GENERATED) == ignored
    pages = {line.strip().removeprefix("docs/") for line in gitignore
             if line.startswith("docs/") and not line.strip().endswith("/")}
    assert set(site.GENERATED_PAGES) == pages


def test_progress_shows_on_a_terminal_and_is_silent_in_logs():
    log = io.StringIO()
    quiet = Progress(stream=log)
    quiet.stage("convert", 3)
    quiet.advance(3)
    quiet.done()
    assert log.getvalue() == ""

    terminal = io.StringIO()
    shown = Progress(stream=terminal, enabled=True)
    shown.stage("convert", 3)
    shown.advance(3)
    shown.done()
    assert "convert: 3 of 3" in terminal.getvalue()


def test_pages_are_not_regenerated_when_nothing_changed_but_are_when_anything_does(tmp_path, monkeypatch):
    data = make_data(tmp_path)
    docs = tmp_path / "docs"
    runs = []
    monkeypatch.setitem(sys.modules, "foi.site.counting", types.SimpleNamespace(
        write=lambda coll, out: runs.append([out.write(f"responses/{r['id']}.md", r["text"]) for r in coll.records])))
    monkeypatch.setattr(site, "GENERATORS", ["counting"])
    convert.convert(data, docs, jobs=1)
    convert.convert(data, docs, jobs=1)
    assert len(runs) == 1
    (docs / "responses" / runs[0][0].name).unlink()                    # a generated page went missing
    convert.convert(data, docs, jobs=1)
    assert len(runs) == 2 and runs[1][0].exists()
    (data / "northshire" / "reply-0.txt").write_text(response("Example Constabulary", "EC-0", "Changed."))
    convert.convert(data, docs, jobs=1)
    assert len(runs) == 3
    monkeypatch.setenv("SITE_URL", "https://foi.example/")
    convert.convert(data, docs, jobs=1)
    assert len(runs) == 4


def test_a_run_with_nothing_changed_reads_no_record(tmp_path, monkeypatch):
    from foi import cache

    data = make_data(tmp_path)
    docs = tmp_path / "docs"
    convert.convert(data, docs, jobs=1)
    (data / "northshire" / "reply-9.txt").write_text(response("Example Constabulary", "EC-9"))   # a new id
    convert.convert(data, docs, jobs=1)
    reads = []
    real_get = cache.Cache.get
    monkeypatch.setattr(cache.Cache, "get", lambda self, k: reads.append(k) or real_get(self, k))
    before = tree(docs)
    coll = convert.convert(data, docs, jobs=1)
    assert reads == [] and coll.size == 5 and coll.extracted == 0
    assert tree(docs) == before


def test_one_changed_source_costs_one_page(tmp_path, monkeypatch):
    from foi.site import responses

    data = make_data(tmp_path, count=6)
    docs = tmp_path / "project" / "docs"
    convert.convert(data, docs, jobs=1)
    rendered = []
    real_page = responses.page
    monkeypatch.setattr(responses, "page", lambda record, original=None: rendered.append(record["id"])
                        or real_page(record, original))
    changed = data / "northshire" / "reply-0.txt"
    changed.write_text(response("Example Constabulary", "EC-0", "No, it is not held."))
    coll = convert.convert(data, docs, jobs=1)
    assert coll.extracted == 1
    assert rendered == [r["id"] for r in coll.records if r["source"]["path"] == "northshire/reply-0.txt"]
    fresh = tmp_path / "fresh" / "docs"
    convert.convert(data, fresh, jobs=1)
    assert tree(docs) == tree(fresh)   # the pages left alone are what a full run writes

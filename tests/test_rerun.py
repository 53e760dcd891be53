"""A re-run after a change reads only the records that changed, and writes what a full run writes, byte for byte."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from foi import cache, collection
from foi.bench import generator
from foi.commands import convert
from foi.site import responses

FIXTURES = Path(__file__).parent / "fixtures"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    """Synthetic responses, a request answered by two of them (sidecars with notes and corrections) and hostile
    text, converted once."""
    data = tmp_path / "data"
    generator.generate(data, 9, seed=3)
    for name in ("requests", "site"):
        shutil.copytree(FIXTURES / name / "data", data, dirs_exist_ok=True)
    docs = tmp_path / "project" / "docs"
    convert.convert(data, docs, jobs=1)
    return data, docs


def assert_same_as_a_full_run(data: Path, docs: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "full" / "docs"
    shutil.rmtree(fresh.parent, ignore_errors=True)
    convert.convert(data, fresh, jobs=1)
    assert tree(docs) == tree(fresh)


def counting_reads(monkeypatch) -> list[str]:
    """The records read in full from the cache from now on."""
    reads = []
    real = cache.Cache.get
    monkeypatch.setattr(cache.Cache, "get", lambda self, k: reads.append(k) or real(self, k))
    return reads


def test_one_changed_source_reads_one_record_and_writes_what_a_full_run_writes(project, tmp_path, monkeypatch):
    data, docs = project
    reads = counting_reads(monkeypatch)
    changed = next(data.rglob("*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late correction.\n", encoding="utf-8")
    coll = convert.convert(data, docs, jobs=1)
    assert coll.extracted == 1 and reads == []
    assert_same_as_a_full_run(data, docs, tmp_path)


@pytest.mark.parametrize("edit", [
    ("example-constabulary/ec-101.yml", "Earlier than most forces.", "Later than most forces."),
    ("example-constabulary/ec-101.yml", "request: kiosk-use\n", ""),
    ("requests/kiosk-use.yml", "Do you publish guidance on their use?", "Is there published guidance?"),
    ("requests/kiosk-use.yml", "  - Imaginary Fire Service\n", ""),
])
def test_a_changed_sidecar_or_request_updates_every_page_it_touches(project, tmp_path, edit):
    data, docs = project
    name, old, new = edit
    path = data / name
    assert old in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    convert.convert(data, docs, jobs=1)
    assert_same_as_a_full_run(data, docs, tmp_path)


def test_a_removed_and_a_new_source_update_the_collection_pages(project, tmp_path):
    data, docs = project
    removed = sorted(data.rglob("*.html"))[0]
    removed.unlink()
    removed.with_suffix(".yml").unlink(missing_ok=True)
    generator.generate(tmp_path / "more", 1, seed=11)
    shutil.copytree(tmp_path / "more", data, dirs_exist_ok=True)
    convert.convert(data, docs, jobs=1)
    assert_same_as_a_full_run(data, docs, tmp_path)


def test_a_change_to_the_page_code_remakes_every_page(project, monkeypatch):
    data, docs = project
    real_page = responses.page
    monkeypatch.setattr(responses, "page", lambda record, original=None: real_page(record, original) + "<!-- v2 -->\n")
    monkeypatch.setattr(cache, "package_version", lambda exclude=frozenset(): "the next version")
    convert.convert(data, docs, jobs=1)
    pages = [p for p in docs.glob("responses/*.md") if p.name != "index.md"]
    assert len(pages) == 14 and all(p.read_text(encoding="utf-8").endswith("<!-- v2 -->\n") for p in pages)


def test_generated_files_edited_by_hand_are_made_again(project, tmp_path):
    data, docs = project
    for rel in ("data/responses.json", "data/answers.csv", "exemptions/index.md"):
        text = (docs / rel).read_bytes()
        middle = len(text) // 2   # inside a record's part
        (docs / rel).write_bytes(text[:middle] + (b"x" if text[middle:middle + 1] != b"x" else b"y") + text[middle + 1:])
    page = next(p for p in docs.glob("responses/*.md") if p.name != "index.md")
    page.write_text("edited", encoding="utf-8")
    changed = next(data.rglob("*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late correction.\n", encoding="utf-8")
    convert.convert(data, docs, jobs=1)
    assert_same_as_a_full_run(data, docs, tmp_path)


def test_damaged_summaries_cost_only_reading_the_records(project, tmp_path):
    data, docs = project
    (docs.parent / ".cache" / "summaries.jsonl").write_text("not\ta summary\n", encoding="ascii")
    (docs.parent / ".cache" / "pages.json").unlink()
    convert.convert(data, docs, jobs=1)
    assert_same_as_a_full_run(data, docs, tmp_path)


def test_the_collection_pages_read_nothing_a_summary_leaves_out(project, tmp_path, monkeypatch):
    """The pages made from the summaries are the pages made from the full records."""
    data, docs = project
    coll = collection.load(data, jobs=1)
    from foi import site

    site.write(collection.Collection(coll.records, requests=coll.requests, data_dir=data), tmp_path / "a" / "docs")
    monkeypatch.setattr(collection, "summarise", lambda record: record)
    site.write(collection.Collection(coll.records, requests=coll.requests, data_dir=data), tmp_path / "b" / "docs")
    assert tree(tmp_path / "a" / "docs") == tree(tmp_path / "b" / "docs")


def test_a_change_that_leaves_the_summary_as_it_was_remakes_no_collection_page(project, tmp_path, monkeypatch):
    from foi.site import indexes, stats

    data, docs = project
    made = []
    for module, name in ((indexes, "home"), (indexes, "exemption_page"), (indexes, "authority_page"),
                         (indexes, "responses_index"), (stats, "page")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *args, real=real, name=name: made.append(name) or real(*args))
    changed = next(data.rglob("*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late correction.\n", encoding="utf-8")
    convert.convert(data, docs, jobs=1)
    assert made == []
    assert_same_as_a_full_run(data, docs, tmp_path)


def test_a_changed_request_remakes_only_the_pages_of_the_responses_that_answer_it(project, monkeypatch):
    data, docs = project
    rendered = []
    real_page = responses.page
    monkeypatch.setattr(responses, "page", lambda record, original=None: rendered.append(record["id"])
                        or real_page(record, original))
    path = data / "requests" / "kiosk-use.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("How many kiosks", "How many self-service kiosks"),
                    encoding="utf-8")
    coll = convert.convert(data, docs, jobs=1)
    assert sorted(rendered) == sorted(s["id"] for s in coll.summaries if s["request_id"] == "kiosk-use")
    assert len(rendered) == 2


def test_a_request_removed_and_put_back_updates_its_responses(project, tmp_path):
    data, docs = project
    path = data / "requests" / "kiosk-use.yml"
    text = path.read_text(encoding="utf-8")
    path.unlink()
    convert.convert(data, docs, jobs=1)
    assert_same_as_a_full_run(data, docs, tmp_path)
    path.write_text(text, encoding="utf-8")
    convert.convert(data, docs, jobs=1)
    assert_same_as_a_full_run(data, docs, tmp_path)

"""The convert cache: unchanged sources are never re-extracted; a changed source, sidecar or converter is."""
from __future__ import annotations

from pathlib import Path

import pytest

from foi import cache, collection


def response(authority: str, ref: str, answer: str = "Yes, the information is held.") -> str:
    return (f"{authority}\nFreedom of Information request\nReference: {ref}\nDate: 03/02/2025\n"
            f"Request\nHow many vehicles do you own?\nAnswer\n{answer}\n")


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    (folder / "northshire").mkdir(parents=True)
    for n in range(1, 4):
        (folder / "northshire" / f"ncc-{n}.txt").write_text(response("Northshire County Council", f"NCC-{n}"))
    (folder / "northshire" / "ncc-1.yml").write_text("url: https://northshire.example/foi/ncc-1\n")
    return folder


@pytest.fixture
def extractions(monkeypatch):
    """The source paths read through the extractor, in order."""
    seen = []
    real = collection.process

    def counting(path):
        seen.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(collection, "process", counting)
    return seen


def load(data: Path):
    return collection.load(data, jobs=1, cache_dir=data.parent / ".cache")


def test_rerun_with_nothing_changed_extracts_nothing(data, extractions):
    first = load(data)
    assert sorted(extractions) == ["ncc-1.txt", "ncc-2.txt", "ncc-3.txt"]
    extractions.clear()
    second = load(data)
    assert extractions == [] and second.extracted == 0
    assert second.records == first.records


def test_one_changed_file_costs_one_extraction(data, extractions):
    load(data)
    extractions.clear()
    (data / "northshire" / "ncc-2.txt").write_text(response("Northshire County Council", "NCC-2", "No."))
    coll = load(data)
    assert extractions == ["ncc-2.txt"]
    assert "No." in next(r for r in coll.records if r["source"]["path"].endswith("ncc-2.txt"))["text"]


def test_a_changed_sidecar_re_extracts_its_source(data, extractions):
    load(data)
    extractions.clear()
    (data / "northshire" / "ncc-1.yml").write_text("url: https://northshire.example/foi/ncc-1-moved\n")
    coll = load(data)
    assert extractions == ["ncc-1.txt"]
    assert coll.records[0]["source"]["url"] == "https://northshire.example/foi/ncc-1-moved"


def test_a_new_converter_version_re_extracts_everything(data, extractions, monkeypatch):
    load(data)
    extractions.clear()
    monkeypatch.setattr(cache, "code_version", lambda: "another version of the code")
    load(data)
    assert len(extractions) == 3


def test_code_version_follows_converter_code_and_rules_but_not_page_code(tmp_path, monkeypatch):
    package = tmp_path / "foi"
    for rel in ("extract/answers.py", "rules/exemptions.yml", "site/responses.py", "commands/bench.py"):
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text("# version 1\n")
    monkeypatch.setattr(cache, "PACKAGE", package)

    def version():
        cache.package_version.cache_clear()
        return cache.code_version()

    before = version()
    (package / "site/responses.py").write_text("# a new page layout\n")
    (package / "commands/bench.py").write_text("# a new benchmark\n")
    assert version() == before
    (package / "rules/exemptions.yml").write_text("# a new rule\n")
    after_rules = version()
    assert after_rules != before
    (package / "extract/answers.py").write_text("# a new splitter\n")
    assert version() != after_rules
    cache.package_version.cache_clear()


def test_a_damaged_cache_entry_is_re_extracted(data, extractions):
    load(data)
    for entry in (data.parent / ".cache" / "records").rglob("*.json"):
        entry.write_text("{ not json")
    extractions.clear()
    records = load(data).records
    assert len(extractions) == 3 and len(records) == 3


def test_entries_of_removed_sources_are_dropped(data):
    load(data)
    (data / "northshire" / "ncc-3.txt").unlink()
    load(data)
    assert len(list((data.parent / ".cache" / "records").rglob("*.json"))) == 2


def test_without_a_cache_folder_nothing_is_written(data, extractions):
    collection.load(data, jobs=1)
    collection.load(data, jobs=1)
    assert len(extractions) == 6
    assert not (data.parent / ".cache").exists()


def test_a_rerun_hashes_only_files_whose_size_or_time_changed(data, monkeypatch):
    load(data)
    hashed = []
    real = cache.key
    monkeypatch.setattr(cache, "key", lambda source: hashed.append(Path(source).name) or real(source))
    load(data)
    assert hashed == []
    source = data / "northshire" / "ncc-3.txt"
    source.write_text(source.read_text().replace("Yes", "Noo"))      # same size, new time
    coll = load(data)
    assert hashed == ["ncc-3.txt"]
    assert "Noo" in coll.records[2]["text"]

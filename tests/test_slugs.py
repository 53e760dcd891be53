"""Page ids: assigned once, recorded in data/slugs.yml, never changed or reused."""
from __future__ import annotations

from foi import collection, slugs


def test_slugify_is_ascii_and_bounded():
    assert slugs.slugify("Northshire County Council FOI/2025/0042") == "northshire-county-council-foi-2025-0042"
    assert slugs.slugify("Ynys Môn — Cyngor") == "ynys-mon-cyngor"
    assert slugs.slugify("!!!") == "response"
    assert len(slugs.slugify("x" * 200)) == 60


def test_an_assigned_id_never_changes_when_extraction_changes(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    source = data / "reply.txt"
    source.write_text("Example Constabulary\nReference: EC-100\nAnswer\nYes.\n")
    first = collection.load(data, jobs=1)
    rid = first.records[0]["id"]
    assert "reply.txt: " + rid in (data / "slugs.yml").read_text()

    source.write_text("Example Constabulary\nReference: EC-999-CORRECTED\nAnswer\nYes.\n")
    again = collection.load(data, jobs=1)
    assert again.records[0]["reference"] != first.records[0]["reference"]
    assert again.records[0]["id"] == rid


def test_ids_are_unique_and_stay_reserved_after_removal(tmp_path):
    path = tmp_path / "slugs.yml"
    registry = slugs.Registry(path)
    assert registry.assign("a/reply.txt", "ec-100") == "ec-100"
    assert registry.assign("b/reply.txt", "ec-100") == "ec-100-2"
    registry.save()
    reloaded = slugs.Registry(path)
    assert reloaded.assign("c/reply.txt", "ec-100") == "ec-100-3"
    assert reloaded.assign("a/reply.txt", "something-else") == "ec-100"


def test_save_is_stable_and_sorted(tmp_path):
    path = tmp_path / "slugs.yml"
    registry = slugs.Registry(path)
    for source in ("z.txt", "a.txt", "no.txt", "2024.txt"):
        registry.assign(source, slugs.slugify(source.removesuffix(".txt")))
    registry.save()
    text = path.read_text()
    assert text.index("a.txt") < text.index("z.txt")
    assert slugs.Registry(path).ids == registry.ids     # 'no' and '2024' stay strings
    mtime = path.stat().st_mtime_ns
    slugs.Registry(path).save()
    assert path.stat().st_mtime_ns == mtime


def test_a_damaged_registry_is_an_error_not_a_reset(tmp_path):
    path = tmp_path / "slugs.yml"
    path.write_text("a.txt: [unclosed\n")
    try:
        slugs.Registry(path)
    except ValueError as exc:
        assert "slugs.yml" in str(exc)
    else:
        raise AssertionError("a damaged slugs.yml must not be silently replaced")
    assert path.read_text() == "a.txt: [unclosed\n"

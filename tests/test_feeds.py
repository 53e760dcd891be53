"""Atom feeds: well-formed, the right entries newest first, absolute links from the site URL, hostile text escaped."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest

from foi.collection import Collection
from foi.site import Output, feeds

RECORDS = Path(__file__).parent / "fixtures" / "opendata" / "records.json"
A = "{http://www.w3.org/2005/Atom}"
BASE = "https://foi.example.org/"


def records():
    return json.loads(RECORDS.read_text(encoding="utf-8"))


@pytest.fixture
def docs(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", BASE.rstrip("/"))
    docs = tmp_path / "docs"
    coll = Collection(records(), requests={"stop-and-search": {"title": "Stop and search"},
                                           "unanswered": {"title": "Nobody replied"}})
    feeds.write(coll, Output(docs))
    return docs


def parse(path: Path):
    root = ET.parse(path).getroot()
    assert root.tag == A + "feed"
    return root, root.findall(A + "entry")


def ids(entries):
    return [e.find(A + "id").text.removeprefix(BASE + "responses/").rstrip("/") for e in entries]


def test_all_feed_lists_every_response_newest_first_with_undated_last(docs):
    root, entries = parse(docs / "feeds" / "all.xml")
    assert ids(entries) == ["example-constabulary-foi-2-25", "example-constabulary-foi-1-25",
                            "example-borough-council-2024-17", "no-authority-response", "evil-authority-1"]
    assert [e.find(A + "updated").text for e in entries] == [
        "2025-05-01T00:00:00Z", "2025-03-04T00:00:00Z", "2024-11-20T00:00:00Z", "2023-01-02T00:00:00Z",
        feeds.UNDATED]
    assert root.find(A + "updated").text == "2025-05-01T00:00:00Z"
    assert root.find(A + "link[@rel='self']").get("href") == BASE + "feeds/all.xml"


def test_entry_links_to_the_response_page_and_carries_its_summary(docs):
    _, entries = parse(docs / "feeds" / "all.xml")
    entry = entries[1]
    assert entry.find(A + "link").get("href") == BASE + "responses/example-constabulary-foi-1-25/"
    assert entry.find(A + "title").text == "Example Constabulary: Stop and search in 2024 (FOI 1/25)"
    assert entry.find(A + "summary").text.startswith("Answered one question")
    assert entry.find(A + "author/" + A + "name").text == "Example Constabulary"
    assert [c.get("term") for c in entry.findall(A + "category")] == ["FOIA s31(3)", "FOIA s40(2)"]


def test_feed_per_exemption_section_authority_and_request(docs):
    assert ids(parse(docs / "feeds" / "exemptions" / "foia-s40.xml")[1]) == ["example-constabulary-foi-1-25"]
    assert ids(parse(docs / "feeds" / "exemptions" / "foia-s12.xml")[1]) == ["example-borough-council-2024-17"]
    assert ids(parse(docs / "feeds" / "exemptions" / "eir-r12.xml")[1]) == ["no-authority-response"]
    root, entries = parse(docs / "feeds" / "authorities" / "example-constabulary.xml")
    assert ids(entries) == ["example-constabulary-foi-2-25", "example-constabulary-foi-1-25"]
    assert root.find(A + "link[@rel='alternate']").get("href") == BASE + "authorities/example-constabulary/"
    root, entries = parse(docs / "feeds" / "requests" / "stop-and-search.xml")
    assert ids(entries) == ["example-constabulary-foi-2-25", "example-constabulary-foi-1-25"]
    assert "Stop and search" in root.find(A + "title").text


def test_a_request_without_responses_still_has_a_valid_empty_feed(docs):
    root, entries = parse(docs / "feeds" / "requests" / "unanswered.xml")
    assert entries == [] and root.find(A + "updated").text == feeds.UNDATED


def test_hostile_text_is_escaped_and_control_characters_dropped(docs):
    _, entries = parse(docs / "feeds" / "all.xml")
    evil = entries[-1]
    assert evil.find(A + "title").text == ('Evil <script>alert(1)</script> & "Co" ]]>: <b>Bold</b> & </title> ]]> '
                                          '(=HYPERLINK("http://x"))')
    assert evil.find(A + "summary").text == "<img src=x onerror=alert(1)> & more"
    raw = (docs / "feeds" / "all.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw and "<img" not in raw


def test_each_feed_keeps_only_the_newest_fifty(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", BASE)
    template = records()[0]
    many = [{**template, "id": f"r-{i:03d}", "date": f"2024-01-{i % 28 + 1:02d}"} for i in range(80)]
    feeds.write(Collection(many, requests={}), Output(tmp_path / "docs"))
    _, entries = parse(tmp_path / "docs" / "feeds" / "all.xml")
    newest = sorted((r["date"] for r in many), reverse=True)[:50]
    assert [e.find(A + "updated").text[:10] for e in entries] == newest


def test_feeds_are_byte_identical_on_rerun(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", BASE)
    for name in ("a", "b"):
        feeds.write(Collection(records(), requests={}), Output(tmp_path / name))
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.xml"))
    assert len(files) > 1
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)

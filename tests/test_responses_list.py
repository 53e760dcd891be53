"""The list of all responses comes in pages of indexes.PER_PAGE, newest first, each linked to its neighbours."""
from __future__ import annotations

import re
from types import SimpleNamespace

from foi.collection import Collection
from foi.site import Output, indexes


def record(i: int) -> dict:
    return {"id": f"example-constabulary-{i}", "authority": {"name": "Example Constabulary",
            "slug": "example-constabulary"}, "reference": f"FOI {i}", "date": f"2025-{i // 28 % 12 + 1:02d}-{i % 28 + 1:02d}",
            "answers": [], "exemptions": [], "ncnd": False, "outcome": "successful", "summary": "", "title": "t",
            "regimes": ["FOIA"]}


def test_pages_of_the_full_list(tmp_path, monkeypatch):
    monkeypatch.setattr(indexes, "PER_PAGE", 4)
    indexes.write(Collection([record(i) for i in range(10)], requests={}), Output(tmp_path))
    first = (tmp_path / "responses" / "index.md").read_text(encoding="utf-8")
    second = (tmp_path / "responses" / "pages" / "2.md").read_text(encoding="utf-8")
    last = (tmp_path / "responses" / "pages" / "3.md").read_text(encoding="utf-8")
    assert len(re.findall(r"<tr><td>", first)) == 4 and len(re.findall(r"<tr><td>", last)) == 2
    assert "Every response published here: 10 in all." in second
    assert 'Page 2 of 3, newest first · <a href="../../../responses/">newer</a> · ' \
           '<a href="../../../responses/pages/3/">older</a>' in second
    assert "older" not in last.split("foi-pager")[1].split("</p>")[0]
    assert "FOI 9" in first and "FOI 0" in last   # newest first


def test_a_small_collection_has_one_page_and_no_pager(tmp_path):
    indexes.write(Collection([record(1)], requests={}), Output(tmp_path))
    assert "foi-pager" not in (tmp_path / "responses" / "index.md").read_text(encoding="utf-8")
    assert not (tmp_path / "responses" / "pages").exists()


def test_exemption_and_authority_pages_list_their_responses_in_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(indexes, "PER_PAGE", 4)
    cited = [{"id": "FOIA s31(1)(a)", "ncnd": False}]
    indexes.write(Collection([record(i) | {"exemptions": cited} for i in range(10)], requests={}), Output(tmp_path))
    for first, later, title in [("exemptions/foia-s31.md", "exemptions/foia-s31/pages", "FOIA s31: Law enforcement"),
                                ("authorities/example-constabulary.md", "authorities/example-constabulary/pages",
                                 "Example Constabulary")]:
        page1 = (tmp_path / first).read_text(encoding="utf-8")
        page3 = (tmp_path / later / "3.md").read_text(encoding="utf-8")
        assert len(re.findall(r"<tr><td>", page1)) == 4 and len(re.findall(r"<tr><td>", page3)) == 2
        assert "FOI 9" in page1 and "FOI 0" in page3      # newest first
        assert f"<h1>{title}, " in page3 and "page 3 of 3</h1>" in page3
        url = first[:-len(".md")]
        assert (f'Page 3 of 3, newest first · <a href="../../../../{url}/">first</a> · '
                f'<a href="../../../../{url}/pages/2/">newer</a></p>') in page3
        assert not (tmp_path / later / "4.md").exists()
    assert "Cited in</dt><dd>10 responses" in (tmp_path / "exemptions/foia-s31.md").read_text(encoding="utf-8")

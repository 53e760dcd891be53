"""The pages people read, built end to end with `foi build`: the seed response, a fictional one, and the
index, exemption and authority pages."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from foi import catalogue
from foi.commands.build import build
from foi.site import responses, urls

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = Path(__file__).parent / "fixtures" / "site" / "data" / "example-constabulary"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pages")
    shutil.copytree(ROOT / "data", work / "data")
    (work / "data" / "slugs.yml").unlink(missing_ok=True)
    shutil.copytree(EXAMPLE, work / "data" / "example-constabulary")
    build(work / "data", work / "build")
    return work / "build" / "site"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def seed(site: Path) -> str:
    [page] = [p for p in (site / "responses").glob("*512-25/index.html")]
    return page.read_text(encoding="utf-8")


def example(site: Path) -> str:
    return read(site, "responses/example-constabulary-foi-100-25/index.html")


def test_seed_has_one_section_per_answer_with_stable_ids(site):
    html = seed(site)
    assert re.findall(r'<h2 id="(q\d+)"', html) == [f"q{n}" for n in range(1, 8)]
    assert '<a class="headerlink" href="#q1"' in html


def test_seed_table_rows_link_to_their_answers(site):
    rows = re.findall(r'<tr>\s*<td><a href="#(q\d+)">(\d+)</a></td>', seed(site))
    assert rows == [(f"q{n}", str(n)) for n in range(1, 8)]


def test_citations_are_marked_and_link_to_the_exemption_page(site):
    html = seed(site)
    assert re.search(r'<mark class="foi-cite" data-exemption="FOIA s31\(1\)\(a\)"[^>]*>'
                     r'<a href="../../exemptions/foia-s31/">Section 31\(1\)\(a\)</a></mark>', html)


def test_ncnd_answers_carry_a_callout(site):
    html = seed(site)
    assert html.count("foi-ncnd-callout") == 2
    callout = html.split("foi-ncnd-callout")[1].split("</div>")[0]
    assert "It cites FOIA s31(1)(a), FOIA s31(1)(b)." in callout
    assert "the law removes the duty to confirm or deny in FOIA s31(3)" in callout


def test_answer_table_scrolls_on_a_phone(site):
    assert re.search(r'<div class="md-typeset__scrollwrap">\s*<div class="md-typeset__table">\s*<table class="foi-answers"[^>]*>',
                     seed(site))


def test_response_page_social_meta(site):
    html = example(site)
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:url" content="http://127.0.0.1:8000/responses/example-constabulary-foi-100-25/">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert re.search(r'<meta property="og:description" content="Example Constabulary[^"]+">', html)


def test_pagefind_body_filters_and_meta(site):
    html = example(site)
    assert len(re.findall(r"\sdata-pagefind-body\b", html)) == 1
    for name, value in [("authority", "Example Constabulary"), ("exemption", "FOIA s31 Law enforcement"),
                        ("ncnd", "yes"), ("regime", "FOIA"), ("year", "2025")]:
        assert f'<span data-pagefind-filter="{name}">{value}</span>' in html
    assert '<span data-pagefind-meta="date">2025-02-03</span>' in html
    assert re.search(r'<h1 data-pagefind-meta="title">[^<]+</h1>', html)      # the result title, from the page


def test_response_markdown_asks_for_no_markdown_inside_html(site):
    """Response pages are raw HTML blocks between Markdown headings: nothing for md_in_html to parse."""
    source = (site.parent / "docs" / "responses" / "example-constabulary-foi-100-25.md").read_text(encoding="utf-8")
    assert not re.search(r"<[a-z][^>]*\smarkdown\b", source)
    assert "search_body: true" in source


def test_boilerplate_is_folded_and_ignored_by_search(site):
    html = example(site)
    folds = re.findall(r'<details class="foi-boilerplate" data-pagefind-ignore[^>]*>\s*<summary>([^<]+)</summary>'
                       r'(.*?)</details>', html, re.S)
    assert any("internal review" in body for _, body in folds)


def test_editor_note_sits_beside_its_answer(site):
    html = example(site)
    q2 = html.split('<h2 id="q2"')[1].split('<h2 id="q3"')[0]
    assert "Editor&#x27;s note" in q2 or "Editor's note" in q2
    assert "similar request last year" in q2


def test_cited_in_and_cite_this(site):
    html = example(site)
    assert '<a href="https://news.example.org/cameras" rel="nofollow noopener">Camera numbers revealed</a>' in html
    assert "http://127.0.0.1:8000/responses/example-constabulary-foi-100-25/#q2</code>" in html


def test_exemption_page_lists_responses_and_feed(site):
    html = read(site, "exemptions/foia-s31/index.html")
    assert "Law enforcement" in html
    assert 'href="../../responses/example-constabulary-foi-100-25/"' in html
    assert '<link rel="alternate feed" type="application/atom+xml"' in html
    assert 'href="http://127.0.0.1:8000/feeds/exemptions/foia-s31.xml"' in html
    assert "data-pagefind-body" not in html


def test_authority_page_and_indexes(site):
    html = read(site, "authorities/example-constabulary/index.html")
    assert 'href="../../responses/example-constabulary-foi-100-25/"' in html
    assert 'href="http://127.0.0.1:8000/feeds/authorities/example-constabulary.xml"' in html
    listing = read(site, "responses/index.html")
    assert 'class="foi-sortable foi-index"' in listing
    assert '<td data-sort="2025-02-03">3 February 2025</td>' in listing
    assert "data-pagefind-body" not in listing
    home = read(site, "index.html")
    assert 'href="http://127.0.0.1:8000/feeds/all.xml"' in home
    assert "data-pagefind-body" not in home


def test_original_file_is_published_beside_the_page(site):
    html = seed(site)
    [link] = re.findall(r'<a href="([^"]+)">Original file \(TXT\)</a>', html)
    assert link == "../../originals/cleveland-police-512-25.txt"
    original = site / "originals" / "cleveland-police-512-25.txt"
    assert original.read_bytes() == (ROOT / "data" / "cleveland-police" / "foi-512-25.txt").read_bytes()


def test_regulations_are_named_with_r_in_filters_and_paths():
    """An EIR citation is 'EIR r12' in the search filter and 'eir-r12' in its page path, never 'EIR s12'."""
    record = {"id": "x", "exemptions": [{"id": "EIR r12(5)(b)"}, {"id": "EIR r12(4)(a)"}, {"id": "FOIA s31(1)(a)"}]}
    eir = catalogue.lookup("EIR r12").name
    assert responses.section_ids(record) == [f"EIR r12 {eir}", "FOIA s31 Law enforcement"]
    assert f'<span data-pagefind-filter="exemption">EIR r12 {eir}</span>' in responses.filters(record)
    assert urls.exemption_url("EIR r12(5)(b)") == "exemptions/eir-r12/"

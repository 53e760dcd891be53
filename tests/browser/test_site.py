"""What a reader does on the built site, in Chromium: follow an answer link, search, filter, and read the
site on a phone, with no request leaving the site and no errors in the console."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from .conftest import DESKTOP, MOBILE

SEED = "cleveland-police-512-25"
EXAMPLE = "example-constabulary-foi-210-24"
SAMPLE = "sample-borough-council-sbc-77-23"
TARN = "tarn-valley-district-council-tvc-9-24"      # tests/browser/fixtures: text that looks like HTML
PAGEFIND = re.compile(r"/pagefind/")
FILTER_FILES = re.compile(r"/pagefind/filter/")


def search(page, term: str) -> list[str]:
    """Type `term` into the search page's box and return the result links, once every result has loaded."""
    page.locator("#foi-search-query").fill(term)
    expect(page.locator("[data-foi-status]")).to_contain_text(f"for “{term}”")
    return result_links(page)


def result_links(page) -> list[str]:
    status = page.locator("[data-foi-status]")
    expect(status).to_contain_text("response")
    text = status.inner_text()
    count = int(text.split()[0].replace(",", "")) if text[0].isdigit() else 0
    links = page.locator(".foi-result__title a")
    expect(links).to_have_count(min(count, 5))       # five shown at first
    return [links.nth(i).get_attribute("href") for i in range(min(count, 5))]


def slugs(links: list[str]) -> list[str]:
    return [link.strip("/").split("/")[-1] for link in links]


def open_filter(page, name: str) -> None:
    """Open "Filter results" and the group `name` with the keyboard, as a reader without a mouse would."""
    page.locator(".foi-search-filters > summary").focus()
    page.keyboard.press("Enter")
    group = page.locator(".foi-search-filters__group > summary", has_text=name)
    expect(group).to_be_visible()
    group.focus()
    page.keyboard.press("Enter")


def test_summary_table_link_scrolls_to_the_answer(open_page, seed_url):
    visit = open_page()
    page = visit.page
    page.goto(seed_url)
    page.locator('table.foi-answers a[href$="#q4"]').click()   # instant navigation makes links absolute
    expect(page).to_have_url(re.compile(r"#q4$"))
    expect(page.locator("#q4")).to_be_in_viewport()
    visit.assert_clean()


def test_search_finds_exemptions_phrases_and_authorities(open_page, base_url):
    visit = open_page()
    page = visit.page
    page.goto(base_url + "search/")
    assert slugs(search(page, "31(1)(a)")) == [SEED]
    assert slugs(search(page, "section 40")) == [EXAMPLE]
    assert sorted(slugs(search(page, "neither confirm nor deny"))) == sorted([SEED, SAMPLE])
    assert slugs(search(page, "Sample Borough Council")) == [SAMPLE]
    visit.assert_clean()


def test_search_results_narrow_by_exemption_filter(open_page, base_url):
    visit = open_page()
    page = visit.page
    page.goto(base_url + "search/?q=neither+confirm+nor+deny")
    assert sorted(slugs(result_links(page))) == sorted([SEED, SAMPLE])
    open_filter(page, "Exemption")
    page.get_by_label(re.compile("FOIA s24")).check()
    expect(page.locator("[data-foi-status]")).to_contain_text("1 response")
    assert slugs(result_links(page)) == [SAMPLE]
    groups = page.locator(".foi-search-filters__group > summary").all_inner_texts()
    assert {"Authority", "Exemption", "Outcome", "Neither confirm nor deny", "Law", "Year"} <= set(groups)
    visit.assert_clean()


def test_results_are_text_with_mark_highlights_only(open_page, base_url):
    visit = open_page()
    page = visit.page
    page.goto(base_url + "search/")
    assert slugs(search(page, "quokka")) == [TARN]
    results = page.locator("[data-foi-results]")
    tags = set(results.evaluate("list => [...list.querySelectorAll('*')].map(e => e.tagName)"))
    assert tags <= {"LI", "H2", "A", "P", "UL", "SPAN", "MARK"}
    text = results.inner_text()
    assert '<img src=x onerror="document.title=' in text and "<script>" in text and "<b>town</b>" in text
    assert "&amp;" not in text and "£12,000 & was" in text           # entities read as text, once
    marks = results.locator("mark").all_inner_texts()
    assert marks and {m.lower() for m in marks} == {"quokka"}
    assert page.title() != "pwned"
    visit.assert_clean()


def test_filters_load_only_when_the_reader_opens_them(open_page, base_url):
    visit = open_page()
    page = visit.page
    page.goto(base_url + "search/?q=31(1)(a)")
    assert slugs(result_links(page)) == [SEED]
    assert [url for url in visit.requests if FILTER_FILES.search(url)] == []
    open_filter(page, "Law")
    expect(page.get_by_role("checkbox", name=re.compile(r"^FOIA \(\d+\)$"))).to_be_visible()
    assert [url for url in visit.requests if FILTER_FILES.search(url)] != []
    visit.assert_clean()


def test_query_and_filters_are_kept_in_the_url(open_page, base_url):
    visit = open_page()
    page = visit.page
    page.goto(base_url + "search/")
    search(page, "neither confirm nor deny")
    expect(page).to_have_url(base_url + "search/?q=neither+confirm+nor+deny")
    open_filter(page, "Exemption")
    page.get_by_label(re.compile("FOIA s24")).check()
    expect(page).to_have_url(re.compile(r"\?q=neither\+confirm\+nor\+deny&exemption=FOIA\+s24"))
    linked = page.url
    other = open_page()                                           # someone follows the link
    other.page.goto(linked)
    assert slugs(result_links(other.page)) == [SAMPLE]
    expect(other.page.locator("#foi-search-query")).to_have_value("neither confirm nor deny")
    expect(other.page.locator(".foi-search-filters > summary")).to_have_text("Filter results (1 chosen)")
    visit.assert_clean()
    other.assert_clean()


def test_header_search_works_after_instant_navigation(open_page, base_url):
    visit = open_page()
    page = visit.page
    page.goto(base_url)
    page.locator(".md-tabs__link", has_text="Responses").click()     # Material's instant navigation
    expect(page).to_have_url(re.compile(r"/responses/$"))
    page.locator(".foi-search__input").fill("section 40")
    page.locator(".foi-search__input").press("Enter")
    expect(page).to_have_url(base_url + "search/?q=section+40")
    assert slugs(result_links(page)) == [EXAMPLE]
    page.locator(".md-tabs__link", has_text="Responses").click()
    page.locator(".md-tabs__link", has_text="Search").click()         # the search page, without a reload
    expect(page.locator("#foi-search-query")).to_be_visible()
    assert slugs(search(page, "31(1)(a)")) == [SEED]
    page.locator(".foi-result__title a").first.click()              # a result, without a reload
    expect(page).to_have_url(re.compile(SEED + "/$"))
    visit.assert_clean()


def test_nothing_of_pagefind_downloads_until_the_reader_searches(open_page, base_url, seed_url):
    visit = open_page()
    page = visit.page
    page.goto(seed_url)
    page.goto(base_url + "search/")
    expect(page.locator("#foi-search-query")).to_be_visible()
    expect(page.get_by_label("Search the responses")).to_be_visible()
    assert [url for url in visit.requests if PAGEFIND.search(url)] == []
    search(page, "31(1)(a)")
    fetched = [url for url in visit.requests if PAGEFIND.search(url)]
    assert any("/pagefind/index/" in url for url in fetched)
    assert not any(re.search(r"pagefind-ui|pagefind-worker|/filter/", url) for url in fetched)
    visit.assert_clean()


def test_screenshots_of_the_seed_page_and_search(open_page, seed_url, base_url, screenshots):
    for name, viewport in (("desktop", DESKTOP), ("mobile", MOBILE)):
        visit = open_page(viewport)
        page = visit.page
        page.goto(seed_url)
        page.screenshot(path=screenshots / f"seed-{name}.png", full_page=True)
        page.goto(base_url + "search/?q=31(1)(a)")
        result_links(page)
        page.screenshot(path=screenshots / f"search-{name}.png", full_page=True)
        page.goto(base_url + "search/?q=information")
        result_links(page)
        open_filter(page, "Exemption")
        expect(page.get_by_label(re.compile("FOIA s24"))).to_be_visible()
        page.screenshot(path=screenshots / f"search-filters-{name}.png", full_page=True)
        visit.assert_clean()

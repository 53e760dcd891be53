"""What a reader does on the built site, in Chromium: follow an answer link, search, filter, and read the
site on a phone, with no request leaving the site and no errors in the console."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from .conftest import DESKTOP, MOBILE

SEED = "cleveland-police-512-25"
EXAMPLE = "example-constabulary-foi-210-24"
SAMPLE = "sample-borough-council-sbc-77-23"
SEARCH_DATA = re.compile(r"/pagefind/(pagefind-entry\.json|.*\.pf_|wasm\.)")


def search(page, term: str) -> list[str]:
    """Type `term` into Pagefind UI and return the result links, once every result has loaded."""
    page.locator(".pagefind-ui__search-input").fill(term)
    message = page.locator(".pagefind-ui__message")
    expect(message).to_contain_text(term)
    return result_links(page)


def result_links(page) -> list[str]:
    message = page.locator(".pagefind-ui__message")
    expect(message).to_contain_text("result")
    text = message.inner_text()
    count = int(text.split()[0]) if text[0].isdigit() else 0
    links = page.locator(".pagefind-ui__result > div > .pagefind-ui__result-title a")   # not sub-results
    expect(links).to_have_count(count)
    return [links.nth(i).get_attribute("href") for i in range(count)]


def slugs(links: list[str]) -> list[str]:
    return [link.strip("/").split("/")[-1] for link in links]


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
    page.locator(".pagefind-ui__filter-name", has_text="Exemption").click()
    page.get_by_label(re.compile("FOIA s24")).check()
    expect(page.locator(".pagefind-ui__message")).to_contain_text("1 result")
    assert slugs(result_links(page)) == [SAMPLE]
    filters = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert {"Authority", "Exemption", "Outcome", "Neither confirm nor deny", "Law", "Year"} <= set(filters)
    visit.assert_clean()


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
    assert slugs(search(page, "31(1)(a)")) == [SEED]
    visit.assert_clean()


def test_no_search_data_downloads_until_the_reader_searches(open_page, base_url, seed_url):
    visit = open_page()
    page = visit.page
    page.goto(seed_url)
    page.goto(base_url + "search/")
    expect(page.locator(".pagefind-ui__search-input")).to_be_visible()
    assert [url for url in visit.requests if SEARCH_DATA.search(url)] == []
    search(page, "31(1)(a)")
    assert [url for url in visit.requests if SEARCH_DATA.search(url)] != []
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
        visit.assert_clean()

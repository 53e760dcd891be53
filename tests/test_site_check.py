"""The site check finds broken links and anchors, third-party loads and missing share metadata in a built site."""
from __future__ import annotations

from pathlib import Path

from foi.site.check import check

SITE_URL = "https://example.org/foi/"
META = """<meta property="og:title" content="FOI 1"><meta property="og:description" content="Speed cameras">
<link rel="canonical" href="https://example.org/foi/responses/ec-1/">"""


def page(body: str = "", head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def make_site(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def good_site(root: Path) -> dict[str, str]:
    return {
        "index.html": page('<a href="responses/ec-1/#q2">Answer 2</a> <a href="https://www.gov.uk/">GOV.UK</a>'
                           '<a href="mailto:foi@example.org">mail</a> <a href="#top" id="top">top</a>',
                           '<link rel="stylesheet" href="assets/site.css"><script src="assets/site.js"></script>'
                           '<link rel="alternate" href="https://feeds.example.net/all.xml">'),
        "responses/ec-1/index.html": page('<section id="q1"></section><section id="q2"></section>'
                                          '<a href="../../">Home</a> <a href="https://example.org/foi/">Home</a>',
                                          META),
        "assets/site.css": 'body { background: url("../img/bg.svg"); } .x { background: url(data:image/png;a) }',
        "assets/site.js": 'fetch("pagefind/pagefind-entry.json"); // see https://pagefind.app/',
        "img/bg.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    }


def reasons(site: Path) -> list[str]:
    return [str(p) for p in check(site, SITE_URL)]


def test_a_good_site_has_no_problems(tmp_path):
    assert reasons(make_site(tmp_path, good_site(tmp_path))) == []


def test_broken_links_and_anchors_are_reported_with_file_and_target(tmp_path):
    files = good_site(tmp_path)
    files["index.html"] = page('<a href="responses/ec-2/">gone</a> <a href="responses/ec-1/#q9">no answer 9</a>'
                               '<a href="https://example.org/foi/missing/">absolute, ours</a>'
                               '<a href="#nowhere">self</a> <a href="../../etc/passwd">outside</a>')
    found = reasons(make_site(tmp_path, files))
    assert found == [
        "index.html: broken link responses/ec-2/: no such page or file",
        "index.html: broken link responses/ec-1/#q9: no #q9 in responses/ec-1/index.html",
        "index.html: broken link https://example.org/foi/missing/: no such page or file",
        "index.html: broken link #nowhere: no #nowhere in index.html",
        "index.html: broken link ../../etc/passwd: no such page or file",
    ]


def test_resources_from_other_sites_are_reported_but_links_to_them_are_not(tmp_path):
    files = good_site(tmp_path)
    files["index.html"] = page(
        '<a href="https://www.gov.uk/">fine</a><img src="https://cdn.example.net/logo.png">'
        '<img srcset="a.png 1x, //cdn.example.net/b.png 2x"><div style="background:url(http://x.example/i.png)">',
        '<script src="https://cdn.example.net/lib.js"></script>'
        '<link rel="stylesheet" href="https://fonts.example.net/css">'
        '<script>fetch("https://analytics.example.net/hit")</script>')
    files["assets/site.css"] = '@import "https://fonts.example.net/a.css"; p { src: url(https://f.example.net/f.woff2) }'
    files["assets/site.js"] = 'import("https://cdn.example.net/mod.js")'
    found = reasons(make_site(tmp_path, files))
    assert sorted(found) == sorted([
        "index.html: <link> loads https://fonts.example.net/css from another site",
        "index.html: <script> loads https://cdn.example.net/lib.js from another site",
        "index.html: <img> loads https://cdn.example.net/logo.png from another site",
        "index.html: <img> loads //cdn.example.net/b.png from another site",
        "index.html: inline style loads http://x.example/i.png from another site",
        "index.html: inline script fetches https://analytics.example.net/hit from another site",
        "assets/site.css: stylesheet loads https://fonts.example.net/a.css from another site",
        "assets/site.css: stylesheet loads https://f.example.net/f.woff2 from another site",
        "assets/site.js: script fetches https://cdn.example.net/mod.js from another site",
    ])


def test_response_pages_need_share_metadata(tmp_path):
    files = good_site(tmp_path)
    files["responses/ec-1/index.html"] = page('<section id="q2"></section>')
    assert reasons(make_site(tmp_path, files)) == [
        "responses/ec-1/index.html: no og:title",
        "responses/ec-1/index.html: no og:description",
        "responses/ec-1/index.html: no canonical URL",
    ]


def test_anchors_on_pages_that_are_not_folder_indexes(tmp_path):
    files = good_site(tmp_path)
    files["404.html"] = page('<h1 id="gone">Not found</h1><a href="#gone">here</a> <a href="?q=1#gone">again</a>'
                             '<a href="#missing">no</a> <a href="./#top">home</a> <a href="index.html#top">home</a>'
                             '<a href="responses/ec-1/index.html#q1">answer 1</a> <a href="responses/ec-1#q3">no 3</a>')
    assert reasons(make_site(tmp_path, files)) == [
        "404.html: broken link #missing: no #missing in 404.html",
        "404.html: broken link responses/ec-1#q3: no #q3 in responses/ec-1/index.html",
    ]


def test_the_search_bundle_is_checked_after_pagefind_has_written_it(tmp_path, monkeypatch):
    from foi.commands import build
    from foi.site import search

    site = make_site(tmp_path, good_site(tmp_path))
    bundle = {"pagefind/pagefind.js": 'import("https://cdn.example.net/wasm.js")'}

    def pagefind(path):   # stands in for Pagefind: the bundle appears only once indexing is done
        make_site(path, bundle)
        return ""

    make_site(site, bundle)
    assert check(site, SITE_URL, skip="pagefind") == [] and len(check(site, SITE_URL)) == 1
    (site / "pagefind" / "pagefind.js").unlink()
    monkeypatch.setattr(search, "index", pagefind)
    warnings, problems = build.index_and_check(site, SITE_URL)
    assert [str(p) for p in problems] == [
        "pagefind/pagefind.js: script fetches https://cdn.example.net/wasm.js from another site"]

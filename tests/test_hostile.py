"""Hostile documents: nothing a document says may become live HTML, script, a link we did not vet, a Markdown
construct, a template expression or a file include. Built end to end with `foi build` from fixtures."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from foi.commands.build import build

FIXTURES = Path(__file__).parent / "fixtures" / "site" / "data"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("hostile")
    shutil.copytree(FIXTURES, work / "data")
    build(work / "data", work / "build")
    return work / "build" / "site"


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
            for p in site.rglob("*.html") if "responses" in p.parts or "authorities" in p.parts or p.parent == site}


def evil(site: Path) -> str:
    return (site / "responses" / "evil" / "index.html").read_text(encoding="utf-8")


def test_no_script_from_documents(site):
    for name, html in pages(site).items():
        for script in re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S):
            assert "alert" not in script, name


def test_no_event_handler_attributes(site):
    for name, html in pages(site).items():
        for tag in BeautifulSoup(html, "lxml").find_all(True):
            assert not [a for a in tag.attrs if a.lower().startswith("on")], (name, str(tag)[:200])


def test_no_javascript_or_data_links(site):
    for name, html in pages(site).items():
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*(?:javascript|data):""", html, re.I), name


def test_no_file_included_and_no_template_evaluated(site):
    html = evil(site)
    assert "root:x:0:0" not in html
    assert "--8&lt;-- &quot;/etc/passwd&quot;" in html
    assert "&#123;&#123; config.site&#95;name &#125;&#125;" in html


def test_markdown_in_documents_stays_text(site):
    html = evil(site)
    assert "&#91;markdown link&#93;(javascript:alert(&#x27;md&#x27;))" in html
    assert 'class="admonition danger"' not in html
    assert "<hr" not in html.split('class="foi-response"')[1].split("</article>")[0]
    assert "onclick&#61;" in html


def test_the_hostile_text_is_still_visible(site):
    html = evil(site)
    assert "&lt;script&gt;alert(&quot;doc&quot;)&lt;/script&gt;" in html
    assert "&lt;img src&#61;x onerror&#61;alert(&quot;img&quot;)&gt;" in html


def test_plain_urls_are_nofollow_links(site):
    assert '<a href="http://example.org/ok?a&#61;1&amp;b&#61;2" rel="nofollow noopener">' in evil(site)


def test_hostile_title_and_summary_do_not_reach_meta_tags_as_markup(site):
    for name, html in pages(site).items():
        head = html.split("</head>")[0]
        assert "<script>alert" not in head, name
        for tag in re.findall(r"<meta [^>]*>", head):
            assert tag.count('"') % 2 == 0 and "<script" not in tag, (name, tag)
    assert '<meta property="og:description" content="&#34;\u203a\u2039script\u203aalert(&#34;authority' in evil(site)


def test_editorial_text_is_escaped_too(site):
    html = evil(site)
    assert "&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;" in html
    assert "&lt;img src&#61;x onerror&#61;alert(&quot;cite&quot;)&gt;" in html


def test_original_html_is_published_as_text_not_as_a_page(site):
    names = [p.name for p in (site / "originals").iterdir()]
    assert any(n.endswith(".html.txt") for n in names), names
    assert not any(n.endswith((".html", ".htm", ".md")) for n in names), names
    assert any("Original file (HTML, as text)" in html for html in pages(site).values())

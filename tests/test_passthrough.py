"""foi.site.passthrough: a generated page's raw HTML blocks reach the HTML unparsed and unchanged."""
from __future__ import annotations

import shutil
from pathlib import Path

import markdown

from foi import pipeline
from foi.site import load_config, passthrough, responses
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = load_config(ROOT / "mkdocs.yml")["markdown_extensions"]


def convert(text: str, extensions) -> str:
    names = [e if isinstance(e, str) else next(iter(e)) for e in extensions]
    configs = {next(iter(e)): next(iter(e.values())) for e in extensions if isinstance(e, dict)}
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


def test_our_extension_is_configured_first():
    assert EXTENSIONS[0] == "foi.site.passthrough"


PAGE = f"""{passthrough.MARKER}
<h1 data-pagefind-meta="title">Northdale &#42;Council&#42;</h1>

## Question 1 {{#q1}}

<div class="foi-answer" data-outcome="answered">
<p>We hold <mark class="foi-cite"><a href="../x/">Section 40(2)</a></mark> &lt;script&gt; &#95;x&#95;</p>
<details class="foi-boilerplate"><summary>Review</summary>
<p>Ask for a review.</p>
</details>
</div>

Some *Markdown* between blocks.

<blockquote class="foi-request">
<p>1. How many?</p>
</blockquote>
<p>This request was sent to several authorities.</p>
"""


def test_blocks_come_out_as_markdown_would_write_them():
    others = [e for e in EXTENSIONS if e != "foi.site.passthrough"]
    expected = convert(PAGE.replace(passthrough.MARKER + "\n", ""), others)
    assert convert(PAGE, EXTENSIONS) == expected
    assert "<em>Markdown</em>" in expected and 'id="q1"' in expected


def test_pages_without_the_marker_are_left_to_markdown():
    text = '<div markdown="1">\n\n*kept for Markdown*\n\n</div>\n'
    assert convert(text, EXTENSIONS) == convert(text, [e for e in EXTENSIONS if e != "foi.site.passthrough"])


def test_a_response_page_asks_for_it():
    page = responses.page(pipeline.process(SEED).record | {"id": "seed"})
    assert page.split("---\n", 2)[2].lstrip().startswith(passthrough.MARKER + "\n")


def test_every_generated_page_comes_out_as_without_it(tmp_path):
    """The sample data and a fictional response: each generated page that asks for the extension is the same HTML
    with it as without it."""
    from foi.commands.convert import convert as convert_data
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "slugs.yml").unlink(missing_ok=True)
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "data" / "example-constabulary", data / "example")
    convert_data(data, tmp_path / "docs")
    others = [e for e in EXTENSIONS if e != "foi.site.passthrough"]
    pages = [p for p in (tmp_path / "docs").rglob("*.md") if passthrough.MARKER in p.read_text(encoding="utf-8")]
    assert {"index.md", "statistics.md", "exemptions/foia-s31.md", "requests/index.md"} <= \
        {p.relative_to(tmp_path / "docs").as_posix() for p in pages}
    for page in pages:
        text = page.read_text(encoding="utf-8").split("---\n", 2)[2]
        assert convert(text, EXTENSIONS) == convert(text.replace(passthrough.MARKER + "\n", ""), others), page

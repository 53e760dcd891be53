"""Where everything lives on the site: one place for every path, so links and files always agree.

Paths are relative to docs/ (the source file) and to the site root (the URL, with directory URLs).
"""
from __future__ import annotations

from foi import catalogue


def response_md(rid: str) -> str:
    return f"responses/{rid}.md"


def response_url(rid: str, answer: int | None = None) -> str:
    return f"responses/{rid}/" + (f"#q{answer}" if answer else "")


def responses_index_md(page: int = 1) -> str:
    """The list of all responses, newest first, a page of them per file: responses/index.md, responses/pages/2.md..."""
    return paged_md("responses/index.md", page)


def responses_index_url(page: int = 1) -> str:
    return paged_url("responses/", page)


def paged_md(first: str, page: int) -> str:
    """Page `page` of a long list whose first page is docs/`first`: the later pages sit in a folder named after
    it, 'exemptions/foia-s31.md' -> 'exemptions/foia-s31/pages/2.md', 'responses/index.md' -> 'responses/pages/2.md'."""
    if page == 1:
        return first
    folder = first[:-len("index.md")] if first.endswith("index.md") else first[:-len(".md")] + "/"
    return f"{folder}pages/{page}.md"


def paged_url(first: str, page: int) -> str:
    """The URL of page `page` of a list whose first page is at `first` (a directory URL)."""
    return first if page == 1 else f"{first}pages/{page}/"


def record_json(rid: str) -> str:
    """Each response's record, at a stable URL next to its page."""
    return f"responses/{rid}.json"


INERT = {".pdf", ".docx", ".doc", ".txt", ".eml"}   # suffixes no browser or MkDocs runs or renders as a page


def original(rid: str, suffix: str) -> str:
    """The source file as received. HTML, Markdown and anything else a browser or MkDocs would render as a live
    page is published as plain text (NAME.html.txt): a document never runs on the site."""
    suffix = suffix.lower()
    return f"originals/{rid}{suffix if suffix in INERT else suffix + '.txt'}"


def exemption_section(eid: str) -> str:
    """'FOIA s31(1)(a)' -> 'FOIA s31': the section or regulation an exemption id cites, which has one page."""
    law, section, _ = catalogue.split_id(eid)
    return catalogue.section_id(law, section)


def exemption_slug(eid: str) -> str:
    """'FOIA s31(1)(a)' -> 'foia-s31': the page of its section or regulation."""
    return exemption_section(eid).lower().replace(" ", "-")


def exemption_md(eid: str) -> str:
    return f"exemptions/{exemption_slug(eid)}.md"


def exemption_url(eid: str) -> str:
    return f"exemptions/{exemption_slug(eid)}/"


def authority_md(slug: str) -> str:
    return f"authorities/{slug}.md"


def authority_url(slug: str) -> str:
    return f"authorities/{slug}/"


def request_md(request_id: str) -> str:
    return f"requests/{request_id}.md"


def request_url(request_id: str) -> str:
    return f"requests/{request_id}/"


def request_csv(request_id: str) -> str:
    """The comparison matrix of a request as CSV."""
    return f"requests/{request_id}.csv"


def feed(kind: str | None = None, slug: str | None = None) -> str:
    """feeds/all.xml, feeds/exemptions/foia-s31.xml, feeds/authorities/<slug>.xml, feeds/requests/<id>.xml."""
    return "feeds/all.xml" if kind is None else f"feeds/{kind}/{slug}.xml"


def relative(from_md: str, to: str) -> str:
    """A link from the page built from docs/`from_md` to site path `to`, relative so the site works under any
    base URL and offline. Works with directory URLs: 'responses/x.md' is served at 'responses/x/'."""
    depth = from_md.count("/") + (0 if from_md.endswith("index.md") else 1)
    return "../" * depth + to

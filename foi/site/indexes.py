"""Index pages: the home page, the sortable list of responses, one page per exemption and per authority.

Index pages carry no data-pagefind-body: search indexes the responses themselves.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from foi import catalogue
from foi.site import passthrough, render, urls
from foi.site.render import attr, escape, label, meta_text
from foi.site.responses import long_date, page_title

LATEST = 10
PER_PAGE = 500   # responses per page of the full list: pages stay light however large the collection grows


def write(coll, out) -> None:
    """The index pages; a page is made again only when the summary of a response it lists changed (by digest)."""
    records = sorted(coll.summaries, key=lambda r: (r.get("date") or "", r["id"]), reverse=True)

    def fresh(rel: str, listed: list[dict], *inputs) -> bool:
        return out.fresh(rel, [coll.summary_digest(r["id"]) for r in listed], *inputs)

    if not fresh("index.md", records):
        out.write("index.md", home(records))
    pages = paged(records)
    for n, chunk in enumerate(pages, 1):
        rel = urls.responses_index_md(n)
        if not fresh(rel, chunk, len(pages), len(records)):
            out.write(rel, responses_index(chunk, n, len(pages), len(records)))
    sections = by_section(records)
    if not fresh("exemptions/index.md", records):
        out.write("exemptions/index.md", exemptions_index(sections))
    for sid, cited in sections.items():
        pages = paged(cited)
        for n, chunk in enumerate(pages, 1):   # the first page counts every response citing it
            rel = urls.paged_md(urls.exemption_md(sid), n)
            if not fresh(rel, [r for r, _ in (cited if n == 1 else chunk)], len(pages)):
                out.write(rel, exemption_page(sid, cited, n))
    authorities = by_authority(records)
    if not fresh("authorities/index.md", records):
        out.write("authorities/index.md", authorities_index(authorities))
    for slug, (name, recs) in authorities.items():
        pages = paged(recs)
        for n, chunk in enumerate(pages, 1):
            rel = urls.paged_md(urls.authority_md(slug), n)
            if not fresh(rel, recs if n == 1 else chunk, name, len(pages)):
                out.write(rel, authority_page(slug, name, recs, n))


def paged(items: list) -> list[list]:
    """A long list in pages of PER_PAGE (one empty page for an empty list)."""
    return [items[i:i + PER_PAGE] for i in range(0, len(items), PER_PAGE)] or [[]]


def pager(md: str, page: int, pages: int, first_url: str) -> str:
    """Links from page `page` of a list to its first, newer and older pages; '' for a list of one page."""
    if pages < 2:
        return ""
    near = [(1, "first")] if page > 2 else []
    near += [(n, text) for n, text in ((page - 1, "newer"), (page + 1, "older")) if 1 <= n <= pages]
    links = [f'<a href="{attr(urls.relative(md, urls.paged_url(first_url, n)))}">{text}</a>' for n, text in near]
    return f'<p class="foi-pager">Page {page} of {pages}, newest first · ' + " · ".join(links) + "</p>\n\n"


def front_matter(title: str, description: str, **extra) -> str:
    """A generated page's front matter, and the line that lets its raw HTML through Markdown unparsed."""
    meta = {"title": meta_text(title), "description": meta_text(description), **extra}
    return render.front_matter(meta) + "\n" + passthrough.MARKER + "\n"


def by_section(records: list[dict]) -> dict[str, list[tuple[dict, list[dict]]]]:
    """Section id ('FOIA s31') -> [(record, the record's citations of that section)], in page slug order."""
    out: dict = {}
    for r in records:
        cites = defaultdict(list)
        for ex in r.get("exemptions", []):
            cites[urls.exemption_section(ex["id"])].append(ex)
        for sid, exs in cites.items():
            out.setdefault(sid, []).append((r, exs))
    return dict(sorted(out.items(), key=lambda kv: urls.exemption_slug(kv[0])))


def by_authority(records: list[dict]) -> dict[str, tuple[str, list[dict]]]:
    out: dict = {}
    for r in records:
        a = r.get("authority")
        if a:
            out.setdefault(a["slug"], (a["name"], []))[1].append(r)
    return dict(sorted(out.items(), key=lambda kv: kv[1][0].lower()))


def response_link(md: str, r: dict) -> str:
    return f'<a href="{attr(urls.relative(md, urls.response_url(r["id"])))}">{escape(page_title(r))}</a>'


def outcome_badge(r: dict) -> str:
    badge = f'<span class="foi-badge foi-outcome-{attr(r.get("outcome"))}">{escape(label("outcomes", r.get("outcome")))}</span>'
    return badge + (' <span class="foi-badge foi-ncnd">NCND</span>' if r.get("ncnd") else "")


def section_link(md: str, sid: str) -> str:
    return f'<a href="{attr(urls.relative(md, urls.exemption_url(sid)))}">{escape(sid)}</a>'


def section_links(md: str, r: dict) -> str:
    return ", ".join(section_link(md, s) for s in dict.fromkeys(urls.exemption_section(ex["id"])
                                                                for ex in r.get("exemptions", [])))


def table(head: list[str], rows: list[list], cls: str = "", row_heads: bool = False) -> str:
    """An HTML table. Head cells are HTML we built; a body cell is HTML we built, or (HTML, attributes for its
    tag). With `row_heads` the first cell of each row is its header. A table with a class is wrapped to scroll
    sideways on a phone; the theme wraps class-less tables itself."""
    def cell(i: int, c) -> str:
        html, attrs = c if isinstance(c, tuple) else (c, "")
        if row_heads and i == 0:
            return f'<th scope="row"{attrs}>{html}</th>'
        return f"<td{attrs}>{html}</td>"

    th = "".join(f'<th scope="col">{h}</th>' for h in head)
    body = "\n".join("<tr>" + "".join(cell(i, c) for i, c in enumerate(row)) + "</tr>" for row in rows)
    opening = f'<table class="{cls}">' if cls else "<table>"
    html = f"{opening}\n<thead><tr>{th}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    return render.scrolling(html) if cls else html


def dated(r: dict) -> tuple[str, str]:
    """A date cell that sorts by its ISO date."""
    return escape(long_date(r.get("date")) or "undated"), f' data-sort="{attr(r.get("date") or "")}"'


def home(records: list[dict]) -> str:
    md = "index.md"
    authorities = {r["authority"]["slug"] for r in records if r.get("authority")}
    sections = {urls.exemption_section(ex["id"]) for r in records for ex in r.get("exemptions", [])}
    refused = sum(r.get("outcome") == "refused" for r in records)
    ncnd = sum(bool(r.get("ncnd")) for r in records)
    counts = [(len(records), "responses", "responses/"), (len(authorities), "authorities", "authorities/"),
              (len(sections), "exemptions cited", "exemptions/"), (refused, "refused outright", "responses/"),
              (ncnd, "neither confirm nor deny", "responses/")]
    tiles = "\n".join(f'<a class="foi-count" href="{attr(urls.relative(md, to))}"><strong>{n}</strong> {what}</a>'
                      for n, what, to in counts)
    latest = "\n".join(f"<li>{response_link(md, r)} <span class=\"foi-muted\">{escape(long_date(r.get('date')) or '')}"
                       f"</span> {outcome_badge(r)}</li>" for r in records[:LATEST])
    feed = attr(urls.relative(md, urls.feed()))
    return (front_matter("FOI responses, annotated",
                         "Freedom of Information responses from UK public authorities, annotated: what was answered, "
                         "what was refused and on which legal ground.",
                         feeds=[{"title": "All responses", "href": urls.feed()}])
            + "# FOI responses, annotated\n\n"
            "Public authorities publish their answers to Freedom of Information requests, but a refusal is easy to "
            "miss in a long letter. Each response here is split into its answers, each answer labelled with what "
            "happened to it, and every exemption cited is linked to a plain-English page about it.\n\n"
            f'<div class="foi-counts">\n{tiles}\n</div>\n\n'
            "## Latest responses\n\n"
            f'<ul class="foi-latest">\n{latest}\n</ul>\n\n'
            f'[All responses](responses/index.md) · <a href="{feed}">Atom feed</a>\n')


def responses_index(records: list[dict], page: int = 1, pages: int = 1, total: int | None = None) -> str:
    """One page of the list of all responses, newest first, with links to the newer and older pages."""
    md = urls.responses_index_md(page)
    rows = [[escape(r["authority"]["name"]) if r.get("authority") else "", response_link(md, r),
             escape(r.get("reference") or ""), dated(r), outcome_badge(r), section_links(md, r)] for r in records]
    total = len(records) if total is None else total
    title = "All responses" if page == 1 else f"All responses, page {page} of {pages}"
    links = pager(md, page, pages, urls.responses_index_url())
    return (front_matter(title, f"Every response published here: {total} in all.")
            + f"# {title}\n\n"
            "Select a column heading to sort this page by it.\n\n" + links
            + table(["Authority", "Response", "Reference", "Date", "Outcome", "Exemptions"], rows,
                    "foi-sortable foi-index") + "\n\n" + links)


def exemptions_index(sections: dict) -> str:
    md = "exemptions/index.md"
    rows = []
    for sid, cited in sections.items():
        entry = catalogue.lookup(sid)
        rows.append([section_link(md, sid), escape(entry.name), escape(label("kinds", entry.kind)),
                     (str(len(cited)), f' data-sort="{len(cited)}"'),
                     str(sum(any(ex.get("ncnd") for ex in exs) for _, exs in cited))])
    return (front_matter("Exemptions", "Every exemption and refusal ground the published responses rely on.")
            + "# Exemptions\n\n"
            "The legal grounds public authorities gave for withholding information, or for neither confirming nor "
            "denying they hold it, with how often each is cited here.\n\n"
            + table(["Exemption", "Name", "Kind", "Responses", "Neither confirm nor deny"], rows,
                    "foi-sortable foi-index") + "\n")


def exemption_page(sid: str, cited: list, page: int = 1) -> str:
    """The exemption explained, with how often and how it is cited, then page `page` of the responses citing it
    (later pages: the responses only)."""
    pages = len(paged(cited))
    md = urls.paged_md(urls.exemption_md(sid), page)
    entry = catalogue.lookup(sid)
    name = entry.name
    rows = [[response_link(md, r), escape(r["authority"]["name"]) if r.get("authority") else "", dated(r),
             escape(", ".join(ex["id"] for ex in exs)), "Yes" if any(ex.get("ncnd") for ex in exs) else "No"]
            for r, exs in paged(cited)[page - 1]]
    links = pager(md, page, pages, urls.exemption_url(sid))
    listing = links + table(["Response", "Authority", "Date", "Limbs", "NCND"], rows, "foi-sortable foi-index") \
        + "\n" + ("\n" + links if links else "")
    if page > 1:
        title = f"{sid}: {name}, responses citing it, page {page} of {pages}"
        return (front_matter(title, f"Responses citing {sid} ({name}): page {page} of {pages}.")
                + f"<h1>{escape(title)}</h1>\n\n" + listing)
    facts = [f"<dt>Kind</dt><dd>{escape(label('kinds', entry.kind))}</dd>"]
    if entry.test:
        facts.append(f"<dt>Test</dt><dd>{escape(label('tests', entry.test))}</dd>")
    if entry.ncnd_limbs:
        limbs = ", ".join(f"{sid}{limb}" for limb in entry.ncnd_limbs)
        facts.append(f"<dt>Neither confirm nor deny</dt><dd>{escape(limbs)} lets an authority refuse to say "
                     "whether it holds the information at all, where saying so would itself cause the harm "
                     "the exemption guards against.</dd>")
    limbs = Counter(ex["id"] for _, exs in cited for ex in exs)
    ncnd = sum(any(ex.get("ncnd") for ex in exs) for _, exs in cited)
    facts.append(f"<dt>Cited in</dt><dd>{render.count(len(cited), 'response', 'responses')}"
                 f" ({ncnd} to neither confirm nor deny)</dd>")
    facts.append("<dt>Limbs cited</dt><dd>" + ", ".join(f"{escape(k)} ({v})" for k, v in sorted(limbs.items()))
                 + "</dd>")
    return (front_matter(f"{sid}: {name}", entry.explanation,
                         feeds=[{"title": f"Responses citing {sid}",
                                 "href": urls.feed("exemptions", urls.exemption_slug(sid))}])
            + f"<h1>{escape(sid)}: {escape(name)}</h1>\n\n"
            f'<p class="foi-explanation">{escape(entry.explanation)}</p>\n\n'
            f'<dl class="foi-card">\n' + "\n".join(facts) + "\n</dl>\n\n"
            "## Responses citing it\n\n" + listing)


def authorities_index(authorities: dict) -> str:
    md = "authorities/index.md"
    rows = []
    for slug, (name, recs) in authorities.items():
        outcomes = Counter(r.get("outcome") for r in recs)
        rows.append([f'<a href="{attr(urls.relative(md, urls.authority_url(slug)))}">{escape(name)}</a>',
                     (str(len(recs)), f' data-sort="{len(recs)}"'), str(outcomes["refused"]),
                     str(sum(bool(r.get("ncnd")) for r in recs))])
    return (front_matter("Authorities", "Every public authority whose responses are published here.")
            + "# Authorities\n\n"
            + table(["Authority", "Responses", "Refused", "Neither confirm nor deny"], rows,
                    "foi-sortable foi-index") + "\n")


def authority_page(slug: str, name: str, recs: list[dict], page: int = 1) -> str:
    """The authority's outcomes and the exemptions it used, then page `page` of its responses (later pages: the
    responses only)."""
    pages = len(paged(recs))
    md = urls.paged_md(urls.authority_md(slug), page)
    rows = [[response_link(md, r), escape(r.get("reference") or ""), dated(r), outcome_badge(r),
             section_links(md, r)] for r in paged(recs)[page - 1]]
    links = pager(md, page, pages, urls.authority_url(slug))
    listing = links + table(["Response", "Reference", "Date", "Outcome", "Exemptions"], rows,
                            "foi-sortable foi-index") + "\n" + ("\n" + links if links else "")
    if page > 1:
        title = f"{name}, responses, page {page} of {pages}"
        return (front_matter(title, f"Freedom of Information responses from {name}: page {page} of {pages}.")
                + f"<h1>{escape(title)}</h1>\n\n" + listing)
    outcomes = Counter(r.get("outcome") for r in recs)
    outcome_list = "\n".join(f"<li>{escape(label('outcomes', k))}: {v}</li>" for k, v in outcomes.most_common())
    sections = Counter(s for r in recs for s in dict.fromkeys(urls.exemption_section(e["id"])
                                                               for e in r.get("exemptions", [])))
    used = "\n".join(f"<li>{section_link(md, s)}: {render.count(n, 'response', 'responses')}</li>"
                     for s, n in sections.most_common()) or "<li>None</li>"
    return (front_matter(name, f"Freedom of Information responses from {name}: {len(recs)} published here.",
                         feeds=[{"title": f"Responses from {meta_text(name)}",
                                 "href": urls.feed("authorities", slug)}])
            + f"<h1>{escape(name)}</h1>\n\n"
            f'<div class="foi-columns">\n<div>\n<h2 id="outcomes">Outcomes</h2>\n<ul>\n{outcome_list}\n</ul>\n</div>\n'
            f'<div>\n<h2 id="exemptions-used">Exemptions used</h2>\n<ul>\n{used}\n</ul>\n</div>\n</div>\n\n'
            "## Responses\n\n" + listing)

"""Index pages: the home page, the sortable list of responses, one page per exemption and per authority.

Index pages carry no data-pagefind-body: search indexes the responses themselves.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import yaml

from foi import catalogue
from foi.site import render, urls
from foi.site.render import attr, escape, label, meta_text
from foi.site.responses import long_date, page_title

LATEST = 10
PER_PAGE = 500   # responses per page of the full list: pages stay light however large the collection grows


def write(coll, out) -> None:
    records = sorted(coll.records, key=lambda r: (r.get("date") or "", r["id"]), reverse=True)
    out.write("index.md", home(records))
    pages = [records[i:i + PER_PAGE] for i in range(0, len(records), PER_PAGE)] or [[]]
    for n, chunk in enumerate(pages, 1):
        out.write(urls.responses_index_md(n), responses_index(chunk, n, len(pages), len(records)))
    sections = by_section(records)
    out.write("exemptions/index.md", exemptions_index(sections))
    for slug, (eid, cited) in sections.items():
        out.write(f"exemptions/{slug}.md", exemption_page(eid, slug, cited))
    authorities = by_authority(records)
    out.write("authorities/index.md", authorities_index(authorities))
    for slug, (name, recs) in authorities.items():
        out.write(urls.authority_md(slug), authority_page(slug, name, recs))


def front_matter(title: str, description: str, **extra) -> str:
    meta = {"title": meta_text(title), "description": meta_text(description), **extra}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def by_section(records: list[dict]) -> dict[str, tuple[str, list[tuple[dict, list[dict]]]]]:
    """Exemption page slug -> (section id, [(record, the record's citations of that section)])."""
    out: dict = {}
    for r in records:
        cites = defaultdict(list)
        for ex in r.get("exemptions", []):
            cites[urls.exemption_slug(ex["id"])].append(ex)
        for slug, exs in cites.items():
            law, section, _ = catalogue.split_id(exs[0]["id"])
            eid = f"{law} {'r' if law.startswith('EI') else 's'}{section}"
            out.setdefault(slug, (eid, []))[1].append((r, exs))
    return dict(sorted(out.items()))


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


def section_links(md: str, r: dict) -> str:
    seen = dict.fromkeys(urls.exemption_slug(ex["id"]) for ex in r.get("exemptions", []))
    return ", ".join(f'<a href="{attr(urls.relative(md, f"exemptions/{s}/"))}">{escape(section_name(s))}</a>'
                     for s in seen)


def section_name(slug: str) -> str:
    """'foia-s31' -> 'FOIA s31'."""
    law, number = slug.split("-", 1)
    return f"{law.upper()} {number[0]}{number[1:].upper()}"


def table(head: list[str], rows: list[list[str]], cls: str = "") -> str:
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "\n".join("<tr>" + "".join(f"<td{c[1] if isinstance(c, tuple) else ''}>"
                                      f"{c[0] if isinstance(c, tuple) else c}</td>" for c in row) + "</tr>"
                     for row in rows)
    return render.scrolling(f'<table class="{cls}">\n<thead><tr>{th}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>')


def dated(r: dict) -> tuple[str, str]:
    """A date cell that sorts by its ISO date."""
    return escape(long_date(r.get("date")) or "undated"), f' data-sort="{attr(r.get("date") or "")}"'


def home(records: list[dict]) -> str:
    md = "index.md"
    authorities = {r["authority"]["slug"] for r in records if r.get("authority")}
    sections = {urls.exemption_slug(ex["id"]) for r in records for ex in r.get("exemptions", [])}
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
    pager = ""
    if pages > 1:
        near = [(page - 1, "newer"), (page + 1, "older")]
        links = [f'<a href="{attr(urls.relative(md, urls.responses_index_url(n)))}">{text}</a>'
                 for n, text in near if 1 <= n <= pages]
        pager = f'<p class="foi-pager">Page {page} of {pages}, newest first · ' + " · ".join(links) + "</p>\n\n"
    return (front_matter(title, f"Every response published here: {total} in all.")
            + f"# {title}\n\n"
            "Select a column heading to sort this page by it.\n\n" + pager
            + table(["Authority", "Response", "Reference", "Date", "Outcome", "Exemptions"], rows,
                    "foi-sortable foi-index") + "\n\n" + pager)


def exemptions_index(sections: dict) -> str:
    md = "exemptions/index.md"
    rows = []
    for slug, (eid, cited) in sections.items():
        entry = catalogue.lookup(eid)
        rows.append([f'<a href="{attr(urls.relative(md, f"exemptions/{slug}/"))}">{escape(eid)}</a>',
                     escape(entry.name if entry else cited[0][1][0].get("name", "")),
                     escape(label("kinds", entry.kind) if entry else "Unknown"),
                     (str(len(cited)), f' data-sort="{len(cited)}"'),
                     str(sum(any(ex.get("ncnd") for ex in exs) for _, exs in cited))])
    return (front_matter("Exemptions", "Every exemption and refusal ground the published responses rely on.")
            + "# Exemptions\n\n"
            "The legal grounds public authorities gave for withholding information, or for neither confirming nor "
            "denying they hold it, with how often each is cited here.\n\n"
            + table(["Exemption", "Name", "Kind", "Responses", "Neither confirm nor deny"], rows,
                    "foi-sortable foi-index") + "\n")


def exemption_page(eid: str, slug: str, cited: list) -> str:
    md = f"exemptions/{slug}.md"
    entry = catalogue.lookup(eid)
    name = entry.name if entry else cited[0][1][0].get("name", eid)
    facts = []
    if entry:
        facts.append(f"<dt>Kind</dt><dd>{escape(label('kinds', entry.kind))}</dd>")
        if entry.test:
            facts.append(f"<dt>Test</dt><dd>{escape(label('tests', entry.test))}</dd>")
        if entry.ncnd_limbs:
            limbs = ", ".join(f"{eid}{limb}" for limb in entry.ncnd_limbs)
            facts.append(f"<dt>Neither confirm nor deny</dt><dd>{escape(limbs)} lets an authority refuse to say "
                         "whether it holds the information at all, where saying so would itself cause the harm "
                         "the exemption guards against.</dd>")
    limbs = Counter(ex["id"] for _, exs in cited for ex in exs)
    ncnd = sum(any(ex.get("ncnd") for ex in exs) for _, exs in cited)
    facts.append(f"<dt>Cited in</dt><dd>{len(cited)} response{'s' * (len(cited) != 1)}"
                 f" ({ncnd} to neither confirm nor deny)</dd>")
    facts.append("<dt>Limbs cited</dt><dd>" + ", ".join(f"{escape(k)} ({v})" for k, v in sorted(limbs.items()))
                 + "</dd>")
    rows = [[response_link(md, r), escape(r["authority"]["name"]) if r.get("authority") else "", dated(r),
             escape(", ".join(ex["id"] for ex in exs)), "Yes" if any(ex.get("ncnd") for ex in exs) else "No"]
            for r, exs in cited]
    explanation = escape(entry.explanation) if entry and entry.explanation else \
        "This ground is not yet in our catalogue of exemptions."
    return (front_matter(f"{eid}: {name}", entry.explanation if entry and entry.explanation else f"{eid}: {name}",
                         feeds=[{"title": f"Responses citing {eid}", "href": urls.feed("exemptions", slug)}])
            + f"<h1>{escape(eid)}: {escape(name)}</h1>\n\n"
            f'<p class="foi-explanation">{explanation}</p>\n\n'
            f'<dl class="foi-card">\n' + "\n".join(facts) + "\n</dl>\n\n"
            "## Responses citing it\n\n"
            + table(["Response", "Authority", "Date", "Limbs", "NCND"], rows, "foi-sortable foi-index") + "\n")


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


def authority_page(slug: str, name: str, recs: list[dict]) -> str:
    md = urls.authority_md(slug)
    outcomes = Counter(r.get("outcome") for r in recs)
    outcome_list = "\n".join(f"<li>{escape(label('outcomes', k))}: {v}</li>" for k, v in outcomes.most_common())
    sections = Counter(urls.exemption_slug(ex["id"]) for r in recs
                       for ex in {urls.exemption_slug(e["id"]): e for e in r.get("exemptions", [])}.values())
    used = "\n".join(f'<li><a href="{attr(urls.relative(md, f"exemptions/{s}/"))}">{escape(section_name(s))}</a>'
                     f": {n} response{'s' * (n != 1)}</li>" for s, n in sections.most_common()) or "<li>None</li>"
    rows = [[response_link(md, r), escape(r.get("reference") or ""), dated(r), outcome_badge(r),
             section_links(md, r)] for r in recs]
    return (front_matter(name, f"Freedom of Information responses from {name}: {len(recs)} published here.",
                         feeds=[{"title": f"Responses from {meta_text(name)}",
                                 "href": urls.feed("authorities", slug)}])
            + f"<h1>{escape(name)}</h1>\n\n"
            f'<div class="foi-columns">\n<div>\n<h2 id="outcomes">Outcomes</h2>\n<ul>\n{outcome_list}\n</ul>\n</div>\n'
            f'<div>\n<h2 id="exemptions-used">Exemptions used</h2>\n<ul>\n{used}\n</ul>\n</div>\n</div>\n\n'
            "## Responses\n\n"
            + table(["Response", "Reference", "Date", "Outcome", "Exemptions"], rows, "foi-sortable foi-index") + "\n")

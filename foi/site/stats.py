"""The statistics page (docs/statistics.md): exemption use by authority and by year, NCND and cost-limit rates,
outcomes per authority and answers per request. Each chart is a static SVG with its numbers in a table below it.

Counting rules (stated on the page too): a response counts once for each exemption section it cites; authorities
beyond the TOP_AUTHORITIES busiest, sections beyond the TOP_EXEMPTIONS most cited and requests beyond the
TOP_REQUESTS largest are grouped as "Other", so the page stays readable with thousands of responses.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from foi import catalogue
from foi.site import charts, render, urls
from foi.site.indexes import front_matter
from foi.site.indexes import table as html_table

PAGE = "statistics.md"
TOP_AUTHORITIES = 10
TOP_EXEMPTIONS = 8
TOP_REQUESTS = 15
UNKNOWN_AUTHORITY = "Authority not identified"
UNDATED = "Undated"
COST_SECTIONS = {"FOIA s12", "FOISA s12"}


def write(coll, out) -> None:
    """The page, made again only when a record's summary or a request changed."""
    if not out.fresh(PAGE, [coll.summary_digest(r["id"]) for r in coll.summaries], coll.requests):
        out.write(PAGE, page(coll.summaries, coll.requests))


def page(records: list[dict], requests: dict) -> str:
    parts = [front_matter("Statistics", "How often each exemption is used, by authority and by year; "
                          "neither-confirm-nor-deny and cost-limit rates; outcomes per authority and per request.")
             + "# Statistics", ""]
    if not records:
        return "\n".join(parts + ["No responses have been published yet.", ""])
    authorities = {authority_key(r) for r in records}
    answers = sum(len(r.get("answers", [])) for r in records)
    parts += [f"{render.count(len(records), 'response', 'responses')} from "
              f"{render.count(len(authorities), 'authority', 'authorities')}, "
              f"with {render.count(answers, 'answer', 'answers')} in all. "
              "Every number here is counted from the published records ([open data](data.md)), so it is only as "
              "good as the automatic annotation ([how we annotate](how-we-annotate.md)). A response counts once "
              "for each exemption section it cites; the less frequent authorities, exemptions and requests are "
              "grouped as \u201cOther\u201d.", ""]
    for title, intro, html in sections(records, requests):
        parts += [f"## {title}", "", intro, "", html, ""]
    return "\n".join(parts)


def sections(records: list[dict], requests: dict) -> list[tuple[str, str, str]]:
    """(heading, introduction, chart and table HTML) for each statistic."""
    cited = {r["id"]: sections_cited(r) for r in records}
    by_authority = _group(records, authority_key)
    top, rest = _top({k: len(v) for k, v in by_authority.items()}, TOP_AUTHORITIES)
    authority_rows = [(name, by_authority[name]) for name in top]
    if rest:
        authority_rows.append((f"Other authorities ({len(rest)})", [r for name in rest for r in by_authority[name]]))
    by_year = _group(records, year)
    year_rows = [(y, by_year[y]) for y in sorted(by_year, key=lambda y: (y == UNDATED, y))]
    rate_rows = [("All authorities", records)] + authority_rows
    out = [
        ("Exemptions by authority",
         "How many of each authority\u2019s responses cite each exemption section.",
         exemption_matrix("stats-exemptions-authority", "Exemptions cited, by authority", "Authority",
                          authority_rows, records, cited)),
        ("Exemptions by year",
         "How many responses dated in each year cite each exemption section.",
         exemption_matrix("stats-exemptions-year", "Exemptions cited, by year", "Year", year_rows, records,
                          cited)),
        ("Neither confirm nor deny",
         "The share of each authority\u2019s responses that neither confirm nor deny holding some of the "
         "information asked for.",
         rate("stats-ncnd", "Share of responses that neither confirm nor deny", rate_rows,
              lambda r: bool(r.get("ncnd")), "NCND")),
        ("Cost limit",
         "The share of each authority\u2019s responses refused, in whole or in part, because answering would "
         "cost more than the appropriate limit (section 12 of FOIA or FOISA, or an answer marked refused on cost).",
         rate("stats-cost", "Share of responses refused on cost", rate_rows,
              lambda r: cost_limited(r, cited[r["id"]]), "Cost limit")),
        ("Outcomes by authority",
         "How each authority\u2019s responses turned out as a whole.",
         outcomes("stats-outcomes", authority_rows)),
    ]
    if any(r.get("request_id") for r in records):
        out.append(("Answers by request",
                    "For each request sent to several authorities, how the answers to its questions turned out.",
                    answers_by_request("stats-requests", records, requests)))
    return out


def exemption_matrix(cid: str, title: str, head: str, rows: list[tuple[str, list[dict]]], records: list[dict],
                     cited: dict[str, set[str]]) -> str:
    """`cited`: each record's sections_cited, by id."""
    top, rest = _top(Counter(s for r in records for s in cited[r["id"]]), TOP_EXEMPTIONS)
    if not top:
        return "<p>No response cites an exemption yet.</p>"
    series = top + (["Other exemptions"] if rest else [])
    table_rows, chart_rows = [], []
    for label, members in rows:
        counts = Counter(s for r in members for s in cited[r["id"]])
        values = [counts[s] for s in top] + ([sum(counts[s] for s in rest)] if rest else [])
        table_rows.append([label, len(members)] + values)
        chart_rows.append((label, values, str(sum(values))))
    desc = _describe(chart_rows, series)
    head_cells = [head, "Responses"] + [_exemption_head(s) for s in top] + (["Other"] if rest else [])
    svg = charts.stacked(cid, title, desc, chart_rows, series)
    return figure(cid, svg, title) + "\n\n" + table(head_cells, table_rows)


def rate(cid: str, title: str, rows: list[tuple[str, list[dict]]], test, name: str) -> str:
    table_rows, chart_rows = [], []
    for label, members in rows:
        hits = sum(1 for r in members if test(r))
        share = percent(hits, len(members))
        table_rows.append([label, len(members), hits, share])
        chart_rows.append((label, 100 * hits / len(members), f"{share} ({hits} of {len(members)})"))
    svg = charts.bars(cid, title, _describe([(l, [v], t) for l, v, t in chart_rows], []), chart_rows, scale=100)
    return figure(cid, svg, title) + "\n\n" + table(["Authority", "Responses", name, "Share"], table_rows)


def outcomes(cid: str, rows: list[tuple[str, list[dict]]]) -> str:
    codes = list(render.labels()["outcomes"])
    series = [render.label("outcomes", c) for c in codes]
    table_rows, chart_rows = [], []
    for label, members in rows:
        counts = Counter(r.get("outcome") for r in members)
        values = [counts[c] for c in codes]
        table_rows.append([label, len(members)] + values)
        chart_rows.append((label, values, str(len(members))))
    title = "Outcomes by authority"
    svg = charts.stacked(cid, title, _describe(chart_rows, series), chart_rows, series)
    return figure(cid, svg, title) + "\n\n" + table(["Authority", "Responses"] + series, table_rows)


def answers_by_request(cid: str, records: list[dict], requests: dict) -> str:
    by_request = _group([r for r in records if r.get("request_id")], lambda r: r["request_id"])
    top, rest = _top({k: len(v) for k, v in by_request.items()}, TOP_REQUESTS)
    rows = [((requests.get(rid) or {}).get("title") or rid, by_request[rid]) for rid in top]
    if rest:
        rows.append((f"Other requests ({len(rest)})", [r for rid in rest for r in by_request[rid]]))
    codes = list(render.labels()["answer_outcomes"])
    series = [render.label("answer_outcomes", c) for c in codes]
    table_rows, chart_rows = [], []
    for label, members in rows:
        counts = Counter(a.get("outcome") for r in members for a in r.get("answers", []))
        values = [counts[c] for c in codes]
        table_rows.append([label, len(members), sum(values)] + values)
        chart_rows.append((label, values, str(sum(values))))
    title = "Answers by request"
    svg = charts.stacked(cid, title, _describe(chart_rows, series), chart_rows, series)
    return figure(cid, svg, title) + "\n\n" + table(["Request", "Responses", "Answers"] + series, table_rows)


def authority_key(record: dict) -> str:
    return (record.get("authority") or {}).get("name") or UNKNOWN_AUTHORITY


def year(record: dict) -> str:
    return (record.get("date") or "")[:4] or UNDATED


def sections_cited(record: dict) -> set[str]:
    """'FOIA s31' for any citation of section 31 of FOIA, 'EIR r12' for any of regulation 12."""
    return {catalogue.section_id(e["law"], e["section"]) for e in record.get("exemptions", [])}


def cost_limited(record: dict, cited: set[str]) -> bool:
    """Refused on cost: `cited` (the record's sections_cited) includes a cost section, or an answer says so."""
    return bool(cited & COST_SECTIONS) or any(a.get("outcome") == "refused_cost" for a in record.get("answers", []))


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "\u2013"


def figure(cid: str, svg: str, caption: str) -> str:
    return f'<figure class="foi-figure" id="{cid}">\n{svg}\n<figcaption>{render.escape(caption)}</figcaption>\n</figure>'


def table(head: list[str], rows: list[list]) -> str:
    """A table whose first cell of each row is its header; head cells are HTML we built, body cells text."""
    return html_table(head, [[render.escape(charts.xml_text(label))] + [render.escape(c) for c in cells]
                             for label, *cells in rows], row_heads=True)


def _exemption_head(section: str) -> str:
    entry = catalogue.lookup(section)
    href = urls.relative(PAGE, urls.exemption_url(section))
    title = f' title="{render.attr(entry.name)}"' if entry else ""
    return f'<a href="{render.attr(href)}"{title}>{render.escape(section)}</a>'


def _group(records: list[dict], key) -> dict[str, list[dict]]:
    groups = defaultdict(list)
    for r in sorted(records, key=lambda r: r["id"]):
        groups[key(r)].append(r)
    return dict(groups)


def _top(sizes: dict[str, int], n: int) -> tuple[list[str], list[str]]:
    """The n largest (ties by name) and the rest, by name."""
    ranked = sorted(sizes, key=lambda k: (-sizes[k], k))
    return ranked[:n], sorted(ranked[n:])


def _describe(rows: list[tuple[str, list, str]], series: list[str]) -> str:
    """The chart's numbers as text for screen readers."""
    if not series:
        return "; ".join(f"{label}: {text}" for label, _, text in rows)
    return "; ".join(f"{label}: " + (", ".join(f"{s} {v}" for s, v in zip(series, values) if v) or "none")
                     for label, values, _ in rows)

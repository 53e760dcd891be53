"""Request pages: one request sent to many authorities, their answers side by side.

requests/index.md lists every request; each request's page (urls.request_md) gives its summary and questions,
a matrix of authorities x questions whose cells link to the answers, per-question counts, the authorities that
have not replied and where the responses were cited, and links the matrix as CSV (urls.request_csv). On a phone the
matrix scrolls sideways (a class-less table, which the theme makes a scroll box); the per-question counts
below it read top to bottom. A request without questions is compared answer by answer, in document order.
"""
from __future__ import annotations

import csv
import io

from foi import requests as requests_
from foi.site import render, responses, urls
from foi.site.indexes import front_matter, table
from foi.site.opendata import safe_cell
from foi.site.render import attr, escape, label, paragraphs
from foi.site.responses import long_date
from foi.slugs import slugify

def write(coll, out) -> None:
    joined = {rid: sorted((r for r in coll.summaries if r.get("request_id") == rid), key=_row_order)
              for rid in coll.requests}
    out.write("requests/index.md", index(coll.requests, joined))
    for rid, request in coll.requests.items():
        columns = columns_of(request, joined[rid])
        out.write(urls.request_md(rid), page(request, joined[rid], columns))
        out.write(urls.request_csv(rid), matrix_csv(joined[rid], columns))


def index(reqs: dict, joined: dict) -> str:
    md = "requests/index.md"
    rows = []
    for rid, request in sorted(reqs.items(), key=lambda kv: (kv[1].get("sent") or "", kv[0]), reverse=True):
        href = attr(urls.relative(md, urls.request_url(rid)))
        rows.append([f'<a href="{href}">{escape(request["title"])}</a>',
                     (escape(long_date(request.get("sent")) or "not given"), f' data-sort="{attr(request.get("sent") or "")}"'),
                     str(len(request["authorities"])), str(len(joined[rid])),
                     str(len(requests_.questions(request)))])
    body = table(["Request", "Sent", "Authorities asked", "Replies", "Questions"], rows, "foi-sortable foi-index")
    return (front_matter("Requests", "The same request sent to many authorities, and their answers side by side.")
            + "# Requests\n\n"
            "The same request, sent to many authorities: each page sets their answers side by side.\n\n"
            + (body if rows else "<p>No requests yet.</p>") + "\n")


def columns_of(request: dict, records: list[dict]) -> list[dict]:
    """The matrix columns: the request's questions ({number, text, parent}), or answer positions when the
    request has no questions ({number: 'Answer n', n})."""
    questions = requests_.questions(request)
    if questions:
        return questions
    most = max((len(r["answers"]) for r in records), default=0)
    return [{"number": f"Answer {n}", "text": None, "parent": None, "n": n} for n in range(1, most + 1)]


def answer_for(record: dict, column: dict) -> dict | None:
    """The record's answer to a column: mapped to that question, else to the question it is part of."""
    if "n" in column:
        return next((a for a in record["answers"] if a["n"] == column["n"]), None)
    for number in (column["number"], column["parent"]):
        found = next((a for a in record["answers"] if (a.get("request_question") or {}).get("number") == number), None)
        if number and found:
            return found
    return None


def cell_words() -> dict[str, dict[str, str]]:
    """labels.yml `cells`: kind -> {'cell': the matrix cell's word, 'count': the per-question count phrase}."""
    return render.labels()["cells"]


def kind(answer: dict | None) -> str:
    """The `cells` key of an answer: 'none' for no answer, 'yes'/'no' for a bare Yes or No, else its outcome."""
    if answer is None:
        return "none"
    if answer["outcome"] == "answered" and answer.get("short") in ("Yes", "No"):
        return answer["short"].lower()
    return answer["outcome"] if answer["outcome"] in cell_words() else "unclear"


def cell_text(answer: dict | None) -> str:
    """What a cell says: 'Yes', 'NCND', 'Refused s31, s40'..."""
    words = cell_words()[kind(answer)]["cell"]
    if answer and answer["outcome"] == "refused" and answer.get("exemptions"):
        words += " " + ", ".join(dict.fromkeys(_section(e) for e in answer["exemptions"]))
    return words


def page(request: dict, records: list[dict], columns: list[dict]) -> str:
    rid, md = request["id"], urls.request_md(request["id"])
    replied = {(r.get("authority") or {}).get("slug") for r in records}
    waiting = [name for name in request["authorities"] if slugify(name) not in replied]
    sent = long_date(request.get("sent"))
    asked = len(request["authorities"])
    status = (f"Sent {'on ' + escape(sent) + ' ' if sent else ''}to {render.count(asked, 'authority', 'authorities')}; "
              f"{render.count(len(records), 'reply', 'replies')} so far.")
    parts = [
        front_matter(request["title"], request.get("summary") or request["title"],
                     feeds=[{"title": f"New responses: {request['title']}", "href": urls.feed("requests", rid)}]),
        f"<h1>{escape(request['title'])}</h1>",
        paragraphs(request.get("summary"), "foi-summary"),
        f"<p>{status}</p>",
    ]
    if request["questions"]:
        parts += ["## The questions {#questions}", questions_html(request)]
    if records:
        csv_href = attr(urls.relative(md, urls.request_csv(rid)))
        parts += ["## Answers side by side {#answers}",
                  "<p>Each cell links to that answer in the authority's response. On a small screen, scroll the "
                  f'table sideways. <a href="{csv_href}" download>Download this table (CSV)</a>.</p>',
                  f'<div class="foi-matrix">\n{matrix_html(md, records, columns)}\n</div>',
                  "## Question by question {#counts}", counts_html(records, columns)]
    if waiting:
        parts += ["## Not replied yet {#not-replied}",
                  '<ul class="foi-waiting">\n' + "\n".join(f"<li>{escape(n)}</li>" for n in waiting) + "\n</ul>"]
    parts += cited_in(md, records)
    return "\n\n".join(p.strip() for p in parts if p) + "\n"


def questions_html(request: dict) -> str:
    items = []
    for q in request["questions"]:
        parts = "".join(f'\n<li id="{_anchor(p["number"])}"><strong>{escape(p["number"])}</strong> {escape(p["text"])}</li>'
                        for p in q["parts"])
        items.append(f'<li id="{_anchor(q["number"])}"><strong>{escape(q["number"])}</strong> {escape(q["text"])}'
                     + (f"\n<ul>{parts}\n</ul>" if parts else "") + "</li>")
    return '<ul class="foi-questions">\n' + "\n".join(items) + "\n</ul>"


def matrix_html(md: str, records: list[dict], columns: list[dict]) -> str:
    head = "".join(f'<th scope="col">{_column_head(c)}</th>' for c in columns)
    rows = []
    for r in records:
        href = attr(urls.relative(md, urls.response_url(r["id"])))
        cells = [f'<th scope="row"><a href="{href}">{escape(_row_name(r))}</a></th>',
                 f'<td><span class="foi-badge foi-outcome-{attr(r.get("outcome"))}">'
                 f'{escape(label("outcomes", r.get("outcome")))}</span></td>']
        for c in columns:
            a = answer_for(r, c)
            if a is None:
                cells.append(f'<td>{cell_text(None)}</td>')
                continue
            title = attr(label("answer_outcomes", a["outcome"]))
            cells.append(f'<td><a href="{attr(urls.relative(md, urls.response_url(r["id"], a["n"])))}" title="{title}">'
                         f'<span class="foi-badge foi-answer-{attr(a["outcome"])}">{escape(cell_text(a))}</span></a></td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table>\n<thead><tr><th scope="col">Authority</th><th scope="col">Overall</th>{head}</tr></thead>\n'
            "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")


def counts(records: list[dict], column: dict) -> list[tuple[str, int]]:
    """(phrase, how many authorities) for one column, most common first."""
    tally: dict = {}
    for r in records:
        key = kind(answer_for(r, column))
        tally[key] = tally.get(key, 0) + 1
    return sorted(((cell_words()[k]["count"], n) for k, n in tally.items()), key=lambda x: -x[1])


def counts_html(records: list[dict], columns: list[dict]) -> str:
    total = len(records)
    items = []
    for c in columns:
        tally = counts(records, c)
        said = "; ".join([f"{tally[0][1]} of {render.count(total, 'authority', 'authorities')} {tally[0][0]}"]
                         + [f"{n} {phrase}" for phrase, n in tally[1:]])
        words = f" {escape(c['text'])}" if c.get("text") else ""
        items.append(f"<li><strong>{escape(c['number'])}</strong>{words}<br>{said}.</li>")
    return '<ul class="foi-counts-by-question">\n' + "\n".join(items) + "\n</ul>"


def matrix_csv(records: list[dict], columns: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["authority", "reference", "date", "response", "overall"] + [c["number"] for c in columns])
    for r in records:
        writer.writerow([safe_cell(x) for x in [
            (r.get("authority") or {}).get("name") or "", r.get("reference") or "", r.get("date") or "",
            urls.response_url(r["id"]), label("outcomes", r.get("outcome")),
            *(cell_text(answer_for(r, c)) for c in columns)]])
    return buffer.getvalue()


def cited_in(md: str, records: list[dict]) -> list[str]:
    """Articles and reports citing any of the responses, once each, with the responses they cite."""
    cites: dict = {}
    for r in records:
        for c in (r.get("editorial") or {}).get("cited_in") or []:
            cites.setdefault(c["url"], (c, []))[1].append(r)
    if not cites:
        return []
    return responses.cited_in_section([
        (c, "; cites " + ", ".join(f'<a href="{attr(urls.relative(md, urls.response_url(r["id"])))}">'
                                   f'{escape(_row_name(r))}</a>' for r in cited))
        for c, cited in cites.values()])


def _row_order(record: dict) -> tuple:
    return (_row_name(record).lower(), record.get("date") or "", record["id"])


def _row_name(record: dict) -> str:
    name = (record.get("authority") or {}).get("name") or "Unknown authority"
    return f"{name} ({record['reference']})" if record.get("reference") else name


def _column_head(column: dict) -> str:
    if not column.get("text"):
        return escape(column["number"])
    return f'<a href="#{_anchor(column["number"])}" title="{escape(column["text"])}">{escape(column["number"])}</a>'


def _anchor(number: str) -> str:
    return "question-" + slugify(number)


def _section(eid: str) -> str:
    """'FOIA s31(1)(a)' -> 's31'; 'EIR r12(5)(b)' -> 'r12'."""
    return urls.exemption_section(eid).split(" ")[1]

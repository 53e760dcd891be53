"""Response pages: one page per response, the document's own text annotated with what each answer did and why.

Every piece of document text goes through foi.site.render; everything else on the page is our own words.
"""
from __future__ import annotations

import gc
import os
from concurrent.futures import ProcessPoolExecutor
import re
from datetime import date
from pathlib import Path
from typing import Callable

from foi import catalogue
from foi.site import passthrough, render, urls
from foi.site.render import attr, escape, label

DOCUMENT_HEADINGS = {"answer", "answers", "response", "reply"}   # the document's own "Answer" lines between blocks


PARALLEL = 200   # pages to render below which starting worker processes costs more than it saves
CHUNK = 32       # pages handed to a worker at a time


def write(coll, out) -> None:
    """Each response's page and original, made only when its record changed (by digest); only those records
    are read in full."""
    pages = _Pages(out)
    for summary in coll.summaries:
        digest = coll.digest(summary["id"])
        original = copy_original(summary, coll.data_dir, out, digest)
        rel = urls.response_md(summary["id"])
        if not out.fresh(rel, digest, original):
            pages.add(rel, coll.record(summary["id"]), original)
    pages.done()


class _Pages:
    """Renders the pages that changed: here when they are few; else on all cores, from the moment there are many
    while the rest are still being looked at, and written once the other generators have run (Output.defer).
    The workers are forked from this process, which holds the records read: frozen, those objects are never
    visited by a worker's garbage collector, so their memory stays shared, not copied."""

    def __init__(self, out):
        self.out, self.waiting, self.sent, self.pool = out, [], [], None

    def add(self, rel: str, record: dict, original: str | None) -> None:
        self.waiting.append((rel, record, original))
        if self.pool is None and len(self.waiting) >= PARALLEL and (os.cpu_count() or 1) > 1:
            gc.freeze()
            self.pool = ProcessPoolExecutor()
        if self.pool and len(self.waiting) >= CHUNK:
            self._send()

    def _send(self) -> None:
        batch, self.waiting = self.waiting, []
        self.sent.append((batch, self.pool.submit(_render, [(record, original) for _, record, original in batch])))

    def done(self) -> None:
        if self.pool is None:
            for rel, record, original in self.waiting:
                self.out.write(rel, page(record, original))
            return
        self._send()
        self.out.defer(self._finish)

    def _finish(self, ok: bool) -> None:
        try:
            for batch, future in self.sent if ok else ():
                for (rel, _, _), text in zip(batch, future.result()):
                    self.out.write(rel, text)
        finally:
            self.pool.shutdown(cancel_futures=True)
            gc.unfreeze()


def _render(tasks: list[tuple[dict, str | None]]) -> list[str]:
    return [page(record, original) for record, original in tasks]


def copy_original(record: dict, data_dir: Path | None, out, digest: str) -> str | None:
    """Copy the source file to urls.original() unless it holds masked personal data; its site path, or None.
    `record` may be the record's summary; `digest` is the record's (the source's bytes are among its inputs)."""
    source = record.get("source") or {}
    if source.get("masked") or not data_dir or not source.get("path"):
        return None
    path = os.path.join(data_dir, source["path"])
    if not os.path.isfile(path):
        return None
    rel = urls.original(record["id"], Path(source["path"]).suffix)
    if not out.fresh(rel, digest):
        out.write(rel, Path(path).read_bytes())
    return rel


def page_title(record: dict) -> str:
    authority = (record.get("authority") or {}).get("name")
    who = " ".join(x for x in (authority, record.get("reference")) if x)
    title = record.get("title") or "FOI response"
    if who and (authority or "").strip().lower() == title.strip().lower():
        return who
    return title + (f": {who}" if who else "")


def long_date(iso: str | None) -> str | None:
    try:
        d = date.fromisoformat(iso or "")
    except ValueError:
        return None
    return f"{d.day} {d:%B %Y}"


def front_matter(record: dict) -> str:
    authority = (record.get("authority") or {}).get("name")
    cite = ", ".join(x for x in (authority, f"response to FOI request {record['reference']}"
                                  if record.get("reference") else "FOI response", long_date(record.get("date"))) if x)
    meta = {
        "title": render.meta_text(page_title(record)),
        "description": render.meta_text(record.get("summary")),
        "cite": {"text": render.meta_text(cite), "answers": [a["n"] for a in record.get("answers", [])]},
        "search_body": True,
    }
    return render.front_matter(meta)


def page(record: dict, original: str | None = None) -> str:
    """The Markdown page for one record; `original` is the site path of its copied source file.

    The page is a run of top-level raw HTML blocks between Markdown headings (for the table of contents). No
    block asks for Markdown inside it and each is whole elements, so the blocks pass through Markdown unparsed
    (foi.site.passthrough, which the MARKER line asks for). The element Pagefind indexes
    (class foi-response, data-pagefind-body) is added around the content by the template (front matter
    `search_body`)."""
    md = urls.response_md(record["id"])
    notes = placed_notes(record)
    parts = [
        front_matter(record),
        passthrough.MARKER,
        f'<h1 data-pagefind-meta="title">{escape(page_title(record))}</h1>',   # the result title, from the page
        header_card(record, md, original),
        filters(record),
        f'<p class="foi-summary">{escape(record.get("summary") or "")}</p>',
        *[note_html(record, n) for n in notes.get(None, [])],
        "## At a glance {#at-a-glance}",
        answer_table(record, md),
    ]
    request = request_html(record, md)
    if request:
        parts += ["## The request {#request}", request]
    answers = record.get("answers", [])
    positioned = all(isinstance(a.get("start"), int) and isinstance(a.get("end"), int) for a in answers)
    text = record.get("text", "")
    passage = passages(record, md)
    if positioned and answers and text[:answers[0]["start"]].strip():
        parts += ["## Opening of the response {#opening}", passage(0, _gap_end(text, answers[0]))]
    prev_end = _gap_end(text, answers[0]) if positioned and answers else 0
    for a in answers:
        parts += [f"## Question {a['n']} {{#q{a['n']}}}",
                  answer_html(record, md, a, notes, prev_end, passage if positioned else None)]
        prev_end = a.get("end", prev_end)
    if positioned and answers and text[answers[-1]["end"]:].strip():
        parts += ["## Closing of the response {#closing}", passage(answers[-1]["end"], len(text))]
    parts += cited_in(record)
    return "\n\n".join(p for p in parts if p) + "\n"


def _gap_end(text: str, first: dict) -> int:
    """Where the opening ends: before the lines just above the first answer that only restate it (its
    question, "Response:")."""
    end = first["start"]
    words = question_of(first)[0]
    while True:
        head = text.rfind("\n", 0, max(end - 1, 0)) + 1
        if head >= end or not _restates(text[head:end], words, first.get("label")):
            return end
        end = head


def _restates(line: str, words: str | None, label: str | None) -> bool:
    """True for a line of the document that the answer's own box already shows: the document's heading
    ("Response:", "A2."), the answer's label, or its question with or without its number ("2. How many...?")."""
    def plain(text: str) -> str:
        return " ".join(text.split()).lower().strip(" :.–-|")

    line = plain(line)
    if label:
        line = plain(re.sub(rf"^(?:q|question|a|answer|response|reply)?\s*\(?{re.escape(label.lower())}\b\)?"
                            r"[.):–-]*", "", line))
    return not line or line in DOCUMENT_HEADINGS or (bool(words) and line == plain(words))


def header_card(record: dict, md: str, original: str | None) -> str:
    corrected = set((record.get("editorial") or {}).get("corrected") or [])

    def mark(field):
        return ' <span class="foi-corrected" title="Corrected by our editors">corrected</span>' \
            if field in corrected else ""

    rows = []
    authority = record.get("authority")
    if authority:
        href = urls.relative(md, urls.authority_url(authority["slug"]))
        rows.append(("Authority", f'<a href="{attr(href)}">{escape(authority["name"])}</a>{mark("authority")}'))
    if record.get("reference"):
        rows.append(("Reference", escape(record["reference"]) + mark("reference")))
    if record.get("date"):
        when = long_date(record["date"]) or record["date"]
        rows.append(("Response date", f'<time datetime="{attr(record["date"])}">{escape(when)}</time>{mark("date")}'))
    if record.get("regimes"):
        rows.append(("Law", "; ".join(f'<abbr title="{attr(label("regimes", r))}">{escape(r)}</abbr>'
                                      for r in record["regimes"]) + mark("regimes")))
    badges = f'<span class="foi-badge foi-outcome-{attr(record.get("outcome"))}">' \
             f'{escape(label("outcomes", record.get("outcome")))}</span>{mark("outcome")}'
    if record.get("ncnd"):
        badges += ' <span class="foi-badge foi-ncnd" title="Neither confirmed nor denied">NCND</span>'
    rows.append(("Outcome", badges))
    rows.append(("Original", original_html(record, md, original)))
    if corrected:
        rows.append(("Corrections", "Our editors corrected: " + escape(", ".join(sorted(corrected)))))
    body = "\n".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return f'<dl class="foi-card">\n{body}\n</dl>'


def original_html(record: dict, md: str, original: str | None) -> str:
    source = record.get("source") or {}
    parts = []
    if source.get("masked"):
        parts.append("The original file is withheld: it contains personal data, which we have masked here.")
    elif original:
        kind = Path(source.get("path", "")).suffix.lstrip(".").upper() or "file"
        kind += "" if Path(original).suffix.upper() == "." + kind else ", as text"
        parts.append(f'<a href="{attr(urls.relative(md, original))}">Original file ({escape(kind)})</a>')
    if render.safe_url(source.get("url")):
        parts.append(render.link(source["url"], "as published by the authority"))
    return "; ".join(parts) or "Not published"


def section_ids(record: dict) -> list[str]:
    """Section-level exemption labels, e.g. 'FOIA s31 Law enforcement', once each in citation order."""
    entries = dict.fromkeys(catalogue.lookup(ex["id"]) for ex in record.get("exemptions", []))
    return [f"{entry.id} {entry.name}" for entry in entries]


def filters(record: dict) -> str:
    """Hidden Pagefind filters and metadata; the element is ignored for the text index."""
    authority = (record.get("authority") or {}).get("name")
    spans = [("filter", "authority", authority)]
    spans += [("filter", "exemption", s) for s in section_ids(record)]
    spans += [("filter", "outcome", label("outcomes", record.get("outcome"))),
              ("filter", "ncnd", "yes" if record.get("ncnd") else "no")]
    spans += [("filter", "regime", r) for r in record.get("regimes", [])]
    spans += [("filter", "year", (record.get("date") or "")[:4]),
              ("meta", "date", record.get("date")),
              ("meta", "reference", record.get("reference"))]
    body = "\n".join(f'<span data-pagefind-{kind}="{name}">{escape(value)}</span>'
                     for kind, name, value in spans if value)
    return f'<div class="foi-filters" hidden data-pagefind-ignore="index">\n{body}\n</div>'


def question_of(answer: dict) -> tuple[str | None, str]:
    """The question's words and where they come from: 'response', 'request', or '' when neither has them."""
    if answer.get("question"):
        return answer["question"], "response"
    rq = answer.get("request_question") or {}
    if rq.get("text"):
        return rq["text"], "request"
    return None, ""


def exemption_links(ids: list[str], md: str) -> str:
    return ", ".join(f'<a href="{attr(urls.relative(md, urls.exemption_url(e)))}">{escape(e)}</a>' for e in ids)


def answer_table(record: dict, md: str) -> str:
    rows = []
    for a in record.get("answers", []):
        words, origin = question_of(a)
        if words:
            question = escape(words) + (' <span class="foi-from">(from the request)</span>' if origin == "request" else "")
        else:
            question = '<span class="foi-missing">question not included in the published response</span>'
        badge = f'<span class="foi-badge foi-answer-{attr(a["outcome"])}">{escape(label("answer_outcomes", a["outcome"]))}</span>'
        if a.get("ncnd"):
            badge += ' <span class="foi-badge foi-ncnd">NCND</span>'
        rows.append(f'<tr><td><a href="#q{a["n"]}">{a["n"]}</a></td><td class="foi-q">{question}</td>'
                    f'<td>{badge}</td><td>{escape(a.get("short") or "")}</td>'
                    f'<td>{exemption_links(a.get("exemptions", []), md)}</td></tr>')
    head = "<thead><tr><th>#</th><th>Question</th><th>Outcome</th><th>Yes/No</th><th>Exemptions</th></tr></thead>"
    # Left out of the search index: every word of it is in the answers below, and each repeat of a word is one
    # more position in the index a first search downloads.
    return render.scrolling(f'<table class="foi-answers" data-pagefind-ignore="index">\n{head}\n<tbody>\n'
                            + "\n".join(rows) + "\n</tbody>\n</table>")


def request_html(record: dict, md: str) -> str:
    """The request's words, unless they only restate questions the answers show (a response that repeats each
    question above its answer), and a link to the other authorities' answers to a round-robin request."""
    parts = []
    answers = record.get("answers", [])
    if record.get("request") and not (answers and all(
            any(_restates(line, question_of(a)[0], a.get("label")) for a in answers)
            for line in record["request"].splitlines())):
        parts.append(f'<blockquote class="foi-request">\n{render.paragraphs(record["request"])}\n</blockquote>')
    if record.get("request_id"):
        href = urls.relative(md, urls.request_url(record["request_id"]))
        parts.append(f'<p>This request was sent to several authorities: '
                     f'<a href="{attr(href)}">compare their answers</a>.</p>')
    return "\n".join(parts)


def marks(record: dict) -> list[render.Mark]:
    by_span: dict[tuple[int, int], list[str]] = {}
    for ex in record.get("exemptions", []):
        for m in ex.get("mentions", []):
            by_span.setdefault((m["start"], m["end"]), []).append(ex["id"])
    out = []
    for (s, e), ids in by_span.items():
        names = sorted({catalogue.lookup(eid).name for eid in ids})
        out.append(render.Mark(s, e, tuple(ids), "; ".join(names)))
    return out


def folds(record: dict) -> list[render.Fold]:
    """The boilerplate passages; one the response repeats word for word refers to its first appearance."""
    text, first, out = record.get("text", ""), {}, []
    for b in sorted(record.get("boilerplate", []), key=lambda b: b["start"]):
        words = " ".join(text[b["start"]:b["end"]].split())
        same_as = _place(record, first[words]) if words in first else None
        first.setdefault(words, b["start"])
        out.append(render.Fold(b["start"], b["end"], label("boilerplate", b["kind"]), same_as))
    return out


def _place(record: dict, offset: int) -> tuple[str, str]:
    """(anchor, words) of the page section that shows text[offset]: an answer, the opening or the closing."""
    answers = record.get("answers", [])
    if not answers or offset < answers[0]["start"]:
        return "#opening", "in the opening"
    a = next((a for a in answers if offset < a["end"]), None)
    return (f"#q{a['n']}", f"under question {a['n']}") if a else ("#closing", "in the closing")


def passages(record: dict, md: str) -> Callable[[int, int], str]:
    """passage(start, end): that stretch of the document's text, annotated; its citations and boilerplate are
    found once for the page."""
    text, found_marks, found_folds = record.get("text", ""), marks(record), folds(record)

    def passage(start: int, end: int) -> str:
        body = render.annotated(text, start, end, found_marks, found_folds,
                                href=lambda eid: urls.relative(md, urls.exemption_url(eid)))
        return f'<div class="foi-text">\n{body}\n</div>' if body else ""
    return passage


def answer_html(record: dict, md: str, a: dict, notes: dict, prev_end: int,
                passage: Callable[[int, int], str] | None) -> str:
    """An answer's box; with `passage` (the answers' places in the text are known), its stretch of the text."""
    words, origin = question_of(a)
    doc_label = f' <span class="foi-label">({escape(a["label"])} in the response)</span>' if a.get("label") else ""
    if words:
        source = "The request asked" if origin == "request" else "Question"
        question = f'<p class="foi-question-title">{source}{doc_label}</p>\n{render.paragraphs(words)}'
    else:
        question = (f'<p class="foi-question-title">Question{doc_label}</p>\n'
                    '<p class="foi-missing">The question is not included in the published response.</p>')
    parts = [f'<div class="foi-answer" data-outcome="{attr(a["outcome"])}">',
             f'<div class="foi-question">\n{question}\n</div>',
             f'<p class="foi-answer-meta"><span class="foi-badge foi-answer-{attr(a["outcome"])}">'
             f'{escape(label("answer_outcomes", a["outcome"]))}</span>'
             + (' <span class="foi-corrected" title="Corrected by our editors">corrected</span>'
                if f'answers.{a["n"]}.outcome' in ((record.get("editorial") or {}).get("corrected") or []) else "")
             + (f' Exemptions: {exemption_links(a["exemptions"], md)}' if a.get("exemptions") else "") + "</p>"]
    if a.get("ncnd"):
        parts.append(ncnd_callout(a))
    if passage:
        gap = record.get("text", "")[prev_end:a["start"]]
        if not all(_restates(line, words, a.get("label")) for line in gap.splitlines()):
            parts.append(passage(prev_end, a["start"]))
        parts.append(passage(a["start"], a["end"]))
    else:
        parts.append(f'<div class="foi-text">\n{render.paragraphs(a.get("answer"))}\n</div>')
    parts += [note_html(record, n) for n in notes.get(a["n"], [])]
    parts.append("</div>")
    return "\n".join(p for p in parts if p)


def ncnd_callout(a: dict) -> str:
    """What NCND means here: the grounds the answer cites, and where the law removes the duty to confirm or deny."""
    cited = a.get("exemptions", [])
    limbs = []
    for eid in cited:
        entry = catalogue.lookup(eid)
        limbs += [f"{entry.id}{limb}" for limb in entry.ncnd_limbs if f"{entry.id}{limb}" not in cited]
    grounds = f" It cites {escape(', '.join(cited))}." if cited else ""
    where = (f" For these grounds the law removes the duty to confirm or deny in "
             f"{escape(', '.join(dict.fromkeys(limbs)))}.") if limbs else ""
    return ('<div class="admonition info foi-ncnd-callout">\n<p class="admonition-title">Neither confirm nor deny</p>\n'
            "<p>The authority would not say whether it holds this information at all." + grounds + where +
            " A refusal to confirm or deny is not a sign that the information exists.</p>\n</div>")


def placed_notes(record: dict) -> dict:
    """Editor's notes by the answer they sit beside (None: about the whole response)."""
    placed: dict = {}
    answers = record.get("answers", [])
    for note in (record.get("editorial") or {}).get("notes") or []:
        where = note.get("answer")
        if where is None and isinstance(note.get("start"), int):
            where = next((a["n"] for a in answers
                          if isinstance(a.get("start"), int) and a["start"] <= note["start"] < a["end"]), None)
        placed.setdefault(where, []).append(note)
    return placed


def note_html(record: dict, note: dict) -> str:
    quote = note.get("quote")
    if not quote and isinstance(note.get("start"), int) and isinstance(note.get("end"), int):
        quote = record.get("text", "")[note["start"]:note["end"]]
    parts = ['<aside class="foi-note">', '<p class="foi-note-title">Editor\'s note</p>']
    if quote:
        parts.append(f"<blockquote>\n{render.paragraphs(quote)}\n</blockquote>")
    parts += [render.paragraphs(note.get("text")), "</aside>"]
    return "\n".join(p for p in parts if p)


def cited_in(record: dict) -> list[str]:
    return cited_in_section([(c, "") for c in (record.get("editorial") or {}).get("cited_in") or []])


def cited_in_section(cites: list[tuple[dict, str]]) -> list[str]:
    """The "Cited in" heading and list: each article or report (an editorial cited_in entry: url, title, outlet,
    date) with our own HTML after it; nothing when there are none."""
    if not cites:
        return []
    items = []
    for c, after in cites:
        extra = ", ".join(escape(x) for x in (c.get("outlet"), long_date(c.get("date")) or c.get("date")) if x)
        items.append(f"<li>{render.link(c['url'], c.get('title') or c['url'])}" + (f" ({extra})" if extra else "")
                     + f"{after}</li>")
    return ["## Cited in {#cited-in}", '<ul class="foi-cited-in">\n' + "\n".join(items) + "\n</ul>"]

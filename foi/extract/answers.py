"""Split a response into the request's words and its answer blocks, as the authority laid them out.

Three layouts, tried in turn (patterns in foi/rules/answers.yml):
- answer headings: "Answer", "A1:", "Response 2-5:" start each answer, "Question n" headings carry the questions;
- numbered items after the response begins: "1.", "2&3.", "Q4)", "a)", each an answer, or a restated question
  followed by its answer; items with no answer of their own are answered together with the next one;
- a letter with no per-question structure: one answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from foi.rules import load


@dataclass
class Block:
    n: int
    question: str | None     # the question's words, None where the document lost them
    answer: str
    start: int               # character offsets of the answer in the text
    end: int
    label: str | None = None  # the document's own label: "1", "2a", "2&3"


@dataclass
class Layout:
    request: str | None
    blocks: list[Block]
    letter: bool = False      # no per-question structure: one block holds the whole letter


@dataclass
class Line:
    start: int
    end: int
    text: str


@lru_cache(maxsize=None)
def _rules() -> dict[str, re.Pattern]:
    rules = load("answers")
    label = rules["label"]
    return {name: re.compile(rules[name].replace("{label}", label), re.I)
            for name in ("answer_heading", "question_heading", "item", "response_heading", "request_heading",
                         "further_answer", "question_start", "closing", "sign_off", "greeting", "table_title",
                         "short_answer", "refusal_start", "lead_in", "request_intro", "question_ref",
                                 "annex_heading")}


def split(text: str) -> Layout:
    lns = lines(text)
    rx = _rules()
    heads = [i for i, ln in enumerate(lns) if _answer_heading(ln.text)]
    numbered = [i for i in heads if _answer_heading(lns[i].text)[0]]
    region = max(_region_start(lns, heads if len(heads) == 1 and not numbered else []), _last_message(lns))
    close = next((i for i, ln in enumerate(lns) if i >= region and rx["closing"].fullmatch(ln.text)), len(lns))
    first = min([region - 1 if region else len(lns)] + heads)
    request = _request(text, lns, first) if first < len(lns) else None
    if len(heads) > 1 or numbered:
        within = [i for i in heads if i < close]   # headings after the sign-off belong to no answer above it
        if not within:
            within, close = heads, len(lns)
        blocks = _by_headings(text, lns[:close], within)
    else:
        blocks = _by_items(text, lns, region, close) or _annex(text, lns, close)
    letter = blocks is None
    if letter:
        headed = region > 0 and rx["response_heading"].fullmatch(lns[region - 1].text) is not None
        blocks = _by_parts(text, lns[region:close], headed)
        letter = len(blocks) == 1
    for n, b in enumerate(blocks, 1):
        b.n = n
    return Layout(request, blocks, letter)


def lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, stripped, with their offsets."""
    out = []
    pos = 0                                  # where the line starts
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            out.append(Line(start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _answer_heading(line: str) -> tuple[str | None, str] | None:
    """(label, text after the heading) for an answer heading line, else None."""
    m = _rules()["answer_heading"].fullmatch(line)
    if not m:
        return None
    return (m.group(1) or m.group(2)), (m.group(3) or "")


def _region_start(lines: list[Line], single_heading: list[int]) -> int:
    """Index of the first line of the response proper: after its heading ("Response", "In response:")."""
    rx = _rules()["response_heading"]
    found = [i for i, ln in enumerate(lines) if rx.fullmatch(ln.text)] + single_heading
    return max(found) + 1 if found else 0


def _last_message(lines: list[Line]) -> int:
    """In a thread of letters (a WhatDoTheyKnow page), the index where the last letter begins: its greeting after
    an earlier letter's sign-off."""
    rx = _rules()
    signed = [i for i, ln in enumerate(lines) if rx["sign_off"].fullmatch(ln.text)]
    greetings = [i for i, ln in enumerate(lines) if rx["greeting"].fullmatch(ln.text) and signed and i > signed[0]]
    return greetings[-1] if greetings else 0


def _request(text: str, lines: list[Line], end: int) -> str | None:
    """The request's own words: after its heading ("You asked:") or the sentence introducing it, up to `end`."""
    rx = _rules()
    starts = [i for i, ln in enumerate(lines[:end]) if rx["request_heading"].fullmatch(ln.text)
              or rx["request_intro"].fullmatch(ln.text)]
    if not starts:
        return None
    first = starts[0]
    while first + 1 in starts:   # "Below is your request and our response." then "Your request and our response"
        first += 1
    body = lines[first + 1:end]
    return text[body[0].start:body[-1].end] if body else None


def _block(text: str, question: str | None, body: list[Line], label: str | None, first: str | None = None,
           first_start: int | None = None) -> Block:
    start = first_start if first else body[0].start
    end = body[-1].end if body else start + len(first or "")
    return Block(0, question, text[start:end].strip(), start, end, label)


def _by_headings(text: str, lines: list[Line], heads: list[int]) -> list[Block]:
    qrx = _rules()["question_heading"]
    asked = [_question_above(lines, heads[k - 1] if k else -1, i, _answer_heading(lines[i].text)[0])
             for k, i in enumerate(heads)]
    blocks = []
    for k, i in enumerate(heads):
        label, rest = _answer_heading(lines[i].text)
        stop = asked[k + 1][0] if k + 1 < len(heads) else len(lines)
        body = []
        for ln in lines[i + 1:stop]:
            if qrx.fullmatch(ln.text):
                break
            body.append(ln)
        question = _question_before(lines, heads[k - 1] if k else -1, i) or asked[k][1]
        label = label or asked[k][2]
        if rest:
            start = lines[i].end - len(rest)
            blocks.append(_block(text, question, body, label, rest, start))
        elif body:
            blocks.append(_block(text, question, body, label))
    return blocks


def _question_before(lines: list[Line], after: int, head: int) -> str | None:
    qrx = _rules()["question_heading"]
    for j in range(head - 1, after, -1):
        m = qrx.fullmatch(lines[j].text)
        if m:
            parts = ([m.group(2)] if m.group(2) else []) + [ln.text for ln in lines[j + 1:head]]
            return " ".join(parts) or None
    return None


def _question_above(lines: list[Line], after: int, head: int, numbered: str | None
                    ) -> tuple[int, str | None, str | None]:
    """The question restated on the line just above an answer heading, numbered ("2. Do you hold...?") or not
    ("How many...?"): (its line index, its words, its number), or (head, None, None) when that line is no
    question, or has another number than a `numbered` heading. The answer above ends where it begins."""
    j = head - 1
    if j <= after:
        return head, None, None
    label, rest = _item(lines[j].text)
    words = rest if label else lines[j].text
    if numbered and label != numbered:
        return head, None, None
    if words.rstrip().endswith("?") or _rules()["question_start"].match(words):
        return j, words.strip(), label
    return head, None, None


def _by_items(text: str, lines: list[Line], region: int, close: int) -> list[Block] | None:
    rx = _rules()
    items = []  # (line index, label, remainder)
    for i in range(region, close):
        label, rest = _item(lines[i].text)
        if label is not None:
            items.append((i, label, rest))
        elif items and rx["further_answer"].fullmatch(lines[i].text):
            items.append((i, None, lines[i].text))
    firsts = [k for k, (_, label, _) in enumerate(items) if label in ("1", "1a")]
    if firsts:
        items = items[firsts[-1]:]
    if not any(label and label[0].isdigit() for _, label, _ in items):
        return None
    seen: set[str] = set()
    items = [it for it in items if it[1] is None or not (it[1] in seen or seen.add(it[1]))]
    earlier = {_norm(_item(ln.text)[1] or ln.text) for ln in lines[:items[0][0]]}
    blocks, pending = [], []
    lead = next((ln for ln in lines[region:items[0][0]] if rx["short_answer"].fullmatch(ln.text)), None)
    if lead:  # "Yes, we do operate such a policy." answering the question asked before the numbered ones
        blocks.append(_block(text, None, [lead], None))
    kept = [(i, label, rest) for k, (i, label, rest) in enumerate(items)
            if label is None or label[0].isdigit() or _sub_item(items, k)]
    for k, (i, label, rest) in enumerate(kept):
        stop = kept[k + 1][0] if k + 1 < len(kept) else close
        body = lines[i + 1:stop]
        if label is None:  # a further answer paragraph: all of it is answer
            blocks.append(_block(text, None, lines[i:stop], None))
        elif "|" in rest:  # a table row: the question's cell, then the answer's cells
            q, _, a = rest.partition("|")
            blocks.append(_answer_block(text, pending + [q.strip()], label, lines[i], a, body))
            pending = []
        elif re.search(r"\?\s+\S", rest):  # "1. How many...? 76 staff": the question, then its answer
            q, a = re.split(r"(?<=\?)\s+(?=\S)", rest, maxsplit=1)
            blocks.append(_answer_block(text, pending + [q], label, lines[i], a, body))
            pending = []
        elif body and (not rest or not label[0].isdigit() or _is_question(rest, earlier)):
            blocks.append(_block(text, " ".join(pending + [rest]).strip() or None, body, label))
            pending = []
        elif rest and not body and not label[0].isdigit():  # a part of the question: answered below it
            pending.append(rest)
        elif rest and not _is_question(rest, earlier):
            blocks.append(_answer_block(text, pending, label, lines[i], rest, body))
            pending = []
        else:
            pending.append(rest)
    return blocks or None


def _sub_item(items: list, k: int) -> bool:
    """A lettered item is a part of a question when it follows a numbered question that has no answer of its own
    (it is immediately followed by its parts); elsewhere letters are lists inside an answer's text."""
    j = k
    while j > 0 and items[j - 1][1] and not items[j - 1][1][0].isdigit():
        j -= 1
    if j == 0:
        return False
    parent_line, parent_label, _ = items[j - 1]
    return parent_label is not None and items[j][0] == parent_line + 1


def _annex(text: str, lines: list[Line], close: int) -> list[Block] | None:
    """Numbered answers in an annex after the letter's sign-off ("Yours sincerely ... ANNEX / 1. ...")."""
    rx = _rules()
    annex = next((i for i in range(close, len(lines)) if rx["annex_heading"].fullmatch(lines[i].text)), None)
    if annex is None:
        return None
    end = next((i for i in range(annex + 1, len(lines)) if rx["closing"].fullmatch(lines[i].text)), len(lines))
    return _by_items(text, lines, annex + 1, end)


def _sentences(body: list[Line]) -> list[Line]:
    """Lines cut where a sentence inside them turns to another question ("... limit. In relation to question 3 -")."""
    rx = _rules()["question_ref"]
    out = []
    for ln in body:
        cuts = [m.start(1) for m in re.finditer(r"[.!?]\s+(\S)", ln.text) if rx.match(ln.text, m.start(1))]
        for a, b in zip([0] + cuts, cuts + [len(ln.text)]):
            piece = ln.text[a:b].rstrip()
            out.append(Line(ln.start + a, ln.start + a + len(piece), piece))
    return out


def _by_parts(text: str, body: list[Line], headed: bool = False) -> list[Block]:
    """A response without numbered answers: one answer, or one per flattened table, further answer paragraph,
    paragraph turning to another question, or refusal after an answer that gives something. `headed`: the body
    follows a "Response" heading, so what comes before the first turn to another question is an answer too."""
    rx = _rules()
    body = _sentences(body)
    tables = [i for i in range(len(body) - 1) if body[i].text == "|" and rx["table_title"].fullmatch(body[i + 1].text)]
    further = [i for i in range(1, len(body)) if rx["further_answer"].fullmatch(body[i].text)]
    turns = [i for i in range(1, len(body)) if rx["question_ref"].match(body[i].text)]
    if turns and not headed and not _gives(body[:turns[0]]):  # the letter's preamble: kept with the first turn
        turns = turns[1:]
    starts = set(tables[:1] or [0]) | set(tables) | set(further) | set(turns)
    for i in range(1, len(body)):
        if rx["refusal_start"].fullmatch(body[i].text) and not rx["lead_in"].fullmatch(body[i - 1].text):
            before = max(k for k in starts if k < i)
            if _gives(body[before:i], only=True):
                starts.add(i)
    starts = sorted(starts)
    return [_block(text, None, body[a:b], None) for a, b in zip(starts, starts[1:] + [len(body)]) if body[a:b]]


def _gives(part: list[Line], only: bool = False) -> bool:
    """The part hands over information (figures, an attachment, a bare answer); `only`: and withholds nothing, so
    a refusal after it is about something else (not the reasons for its own redactions)."""
    from foi.extract import outcomes
    found = outcomes.signals("\n".join(ln.text for ln in part))
    withheld = {"partial", "refused", "cost", "ncnd"}
    return bool(found & {"given", "figures"}) and not (only and found & withheld)


def _answer_block(text, pending, label, line, first, body) -> Block:
    start = line.end - len(first.lstrip()) if first.strip() else (body[0].start if body else line.end)
    block = _block(text, " ".join(p for p in pending if p) or None, body, label, first.strip() or None, start)
    return block


def _item(line: str) -> tuple[str | None, str]:
    rx = _rules()
    m = rx["question_heading"].fullmatch(line)
    if m and re.match(r"(?:q|question)\s*\d", line, re.I):
        return m.group(1), m.group(2) or ""
    m = rx["item"].fullmatch(line)
    if not m:
        return None, ""
    return (m.group(1) or m.group(2)).replace(" ", ""), m.group(3) or ""


def _is_question(line: str, earlier: set[str]) -> bool:
    return line.rstrip().endswith(("?", ":")) or _norm(line) in earlier or bool(_rules()["question_start"].match(line))


def _norm(line: str) -> str:
    return re.sub(r"[^a-z]+", "", line.lower())

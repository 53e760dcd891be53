"""Find boilerplate passages (duties explained, public interest test, NCND caveat, data disclaimers, review and
complaint rights) so pages can fold them; rules in foi/rules/boilerplate.yml."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from foi.extract import answers
from foi.rules import load


class Span(NamedTuple):
    kind: str
    start: int
    end: int


@lru_cache(maxsize=None)
def _rules():
    rules = load("boilerplate")
    kinds = {kind: (spec["lines"], re.compile("|".join(f"(?:{p})" for p in spec["start"]), re.I))
             for kind, spec in rules["kinds"].items()}
    return kinds, re.compile(rules["stop"], re.I)


def _kind(line: str) -> str | None:
    kinds, _ = _rules()
    return next((kind for kind, (_, rx) in kinds.items() if rx.match(line)), None)


def find(text: str) -> list[Span]:
    kinds, stop = _rules()
    lines = answers.lines(text)
    spans: list[Span] = []
    i = 0
    while i < len(lines):
        kind = _kind(lines[i].text)
        if kind is None:
            i += 1
            continue
        limit, _ = kinds[kind]
        j = i + 1
        while j < len(lines) and j - i < limit and _kind(lines[j].text) in (None, kind) and not stop.match(lines[j].text):
            j += 1
        span = Span(kind, lines[i].start, lines[j - 1].end)
        if spans and spans[-1].kind == kind and text[spans[-1].end:span.start].strip() == "":
            span = Span(kind, spans.pop().start, span.end)
        spans.append(span)
        i = j
    return spans

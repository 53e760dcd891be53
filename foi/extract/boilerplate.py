"""Find boilerplate passages (duties explained, public interest test, NCND caveat, data disclaimers, review and
complaint rights) so pages can fold them; rules in foi/rules/boilerplate.yml."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Sequence

from foi.extract import answers
from foi.rules import load


class Span(NamedTuple):
    kind: str
    start: int
    end: int


@lru_cache(maxsize=None)
def _rules():
    rules = load("boilerplate")
    limits = {kind: spec["lines"] for kind, spec in rules["kinds"].items()}
    # every kind's starts in one alternation, in order; an empty group closing each kind's names the first that
    # matches a line
    starts = "|".join(f"(?:{'|'.join(f'(?:{p})' for p in spec['start'])})(?P<{kind}>)"
                      for kind, spec in rules["kinds"].items())
    return limits, re.compile(starts, re.I), re.compile(rules["stop"], re.I)


def _kind(line: str) -> str | None:
    _, starts, _ = _rules()
    m = starts.match(line)
    return m.lastgroup if m else None


def find(text: str, ends: Sequence[int] = ()) -> list[Span]:
    """The boilerplate passages of `text`; none runs past `ends`, the offsets where the answers end."""
    limits, _, stop = _rules()
    lines = answers.lines(text)
    kinds = [_kind(ln.text) for ln in lines]
    spans: list[Span] = []
    i = 0
    while i < len(lines):
        kind = kinds[i]
        if kind is None:
            i += 1
            continue
        j = i + 1
        end = min((e for e in ends if e > lines[i].start), default=len(text))   # of the answer it starts in
        while j < len(lines) and j - i < limits[kind] and kinds[j] in (None, kind) and not stop.match(lines[j].text) \
                and lines[j].start < end:
            j += 1
        span = Span(kind, lines[i].start, lines[j - 1].end)
        if spans and spans[-1].kind == kind and text[spans[-1].end:span.start].strip() == "" \
                and not any(spans[-1].end <= e < span.start for e in ends):
            span = Span(kind, spans.pop().start, span.end)
        spans.append(span)
        i = j
    return spans

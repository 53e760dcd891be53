"""Literal prefilters for the rules' regular expressions: skip a search that cannot match.

`required` reads a parsed pattern for the strings every match must contain one of; `Pattern` and `Patterns` run a
pattern only on a text whose `fold` contains one of them there. Conservative: a pattern with no such strings known
is always searched.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from re import _constants as c, _parser

# A literal is kept only when it is ASCII; under re.I these are the only other characters that match an ASCII
# letter, besides the Kelvin sign, which lower() already makes "k" (tests/test_patterns.py checks all of Unicode).
_FOLDS = (("İ", "i"), ("ı", "i"), ("ſ", "s"))
LIMIT = 32                                   # most strings an alternation of literals may expand to
_ZERO_WIDTH = {c.AT, c.ASSERT, c.ASSERT_NOT}
_REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT}


@lru_cache(maxsize=64)                       # a document's text is folded once for all its patterns
def fold(text: str) -> str:
    """`text` in lower case, each character folded as re.I folds it onto ASCII; same length as `text`."""
    for odd, ascii_ in _FOLDS:
        text = text.replace(odd, ascii_)
    return text.lower()


def required(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which `fold(text)` contains wherever `pattern` matches in `text`; None when no
    such strings are known."""
    _, needs = _sequence(_parser.parse(pattern, flags))
    return _best(needs)


class Pattern:
    """A compiled pattern (the calls of re.Pattern that rules use) that skips a text, or the part of it searched,
    lacking every string its matches need."""
    __slots__ = ("rx", "needles")

    def __init__(self, pattern: str, flags: int = 0):
        self.rx = re.compile(pattern, flags)
        self.needles = required(pattern, flags)

    def _may_match(self, text: str, pos: int, endpos: int) -> bool:
        if self.needles is None:
            return True
        folded = fold(text)
        return any(folded.find(n, pos, endpos) >= 0 for n in self.needles)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.rx.search(text, pos, endpos) if self._may_match(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.rx.match(text, pos, endpos) if self._may_match(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        return self.rx.finditer(text, pos, endpos) if self._may_match(text, pos, endpos) else iter(())


class Patterns:
    """Rule patterns searched together: a text is scanned once for the strings they require, and only the
    patterns it may match are searched."""

    def __init__(self, patterns: Iterable[str], flags: int = 0):
        self.rules = [(re.compile(p, flags), required(p, flags)) for p in patterns]
        self.needles = frozenset().union(*(need for _, need in self.rules if need))

    def search(self, text: str) -> re.Match | None:
        """The first match of the first pattern, in order, that matches `text`."""
        folded = fold(text)
        present = {n for n in self.needles if n in folded}
        for rx, need in self.rules:
            if (need is None or not need.isdisjoint(present)) and (m := rx.search(text)):
                return m
        return None


def _sequence(items) -> tuple[set[str] | None, list]:
    """(exact, needs) of a parsed sequence: every string it can match, when that is a small set of literals; and
    sets of strings, every match containing one string of each set."""
    runs: list[list[set[str]]] = [[]]       # runs of items that match literals, each a set of alternatives
    needs = []
    for op, av in items:
        if op in _ZERO_WIDTH:                # consumes nothing: the literals either side stay adjacent
            continue
        exact, item_needs = _item(op, av)
        needs += item_needs
        run = runs[-1]
        if exact is None:
            runs.append([])
        elif len(exact) == 1 and run and len(run[-1]) == 1:
            run[-1] = {next(iter(run[-1])) + next(iter(exact))}
        else:
            run.append(exact)
    # any span of adjacent items in a run is required: one of the strings it can match
    spans = [_product(run[i:j]) for run in runs for i in range(len(run)) for j in range(i + 1, len(run) + 1)]
    return (_product(runs[0]) if len(runs) == 1 else None), needs + [s for s in spans if s]


def _product(items: list[set[str]]) -> set[str] | None:
    """Every concatenation of one string from each item; None when more than LIMIT."""
    out = {""}
    for alternatives in items:
        if len(out) * len(alternatives) > LIMIT:
            return None
        out = {a + b for a in out for b in alternatives}
    return out


def _item(op, av) -> tuple[set[str] | None, list]:
    if op is c.LITERAL:
        return ({chr(av).lower()} if chr(av).isascii() else None), []
    if op is c.IN:
        if all(o is c.LITERAL and chr(v).isascii() for o, v in av):
            return {chr(v).lower() for _, v in av}, []
        return None, []
    if op is c.SUBPATTERN:
        return _sequence(av[3])
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op is c.BRANCH:
        alternatives = [_sequence(p) for p in av[1]]
        exact = None
        if all(e is not None for e, _ in alternatives):
            exact = set().union(*(e for e, _ in alternatives))
            exact = exact if len(exact) <= LIMIT else None
        options = [needs + [e] for e, needs in alternatives]
        # one string that every alternative needs, or else one of each alternative's best
        common = set.intersection(*({next(iter(n)) for n in o if n and len(n) == 1} for o in options))
        bests = [_best(o) for o in options]
        union = [] if None in bests else [frozenset().union(*bests)]
        return exact, union + [{s} for s in common]
    if op in _REPEATS:
        low, high, p = av
        exact, needs = _sequence(p)
        if exact is not None and high == 1:
            return (exact | {""} if low == 0 else exact), []
        return None, (needs + [exact] if low >= 1 else [])
    return None, []


def _best(candidates) -> frozenset[str] | None:
    """The most selective set of required strings: the shortest string long enough to be rare (6 characters), then
    the fewest strings, then the longest shortest string."""
    sets = [_minimal(s) for s in candidates if s and "" not in s]
    return max(sets, key=lambda s: (min(6, min(map(len, s))), -len(s), min(map(len, s))), default=None)


def _minimal(strings) -> frozenset[str]:
    """Drop each string that contains another: finding the shorter one is enough."""
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))

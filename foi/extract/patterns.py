"""Literal prefilters for the rules' regular expressions: skip a search that cannot match.

`required` reads a parsed pattern for the strings every match must contain one of; `Pattern` and `Patterns` run a
pattern only on a text whose `fold` contains one of them there. `starts` reads the strings every match begins with:
where they are known (and long enough to be rare), the pattern is tried only where one of them is. Conservative: a
pattern with no such strings known is always searched.
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
_KELVIN = "\u212a"
LIMIT = 32                                   # most strings an alternation of literals may expand to
GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")    # inline flags at a pattern's start, which must stay there
START_MIN = 3                                # starting strings shorter than this begin too many places to try each
_ZERO_WIDTH = {c.AT, c.ASSERT, c.ASSERT_NOT}
_REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT}


@lru_cache(maxsize=64)                       # a document's text is folded once for all its patterns
def fold(text: str) -> str:
    """`text` in lower case, each character folded as re.I folds it onto ASCII; same length as `text`."""
    for odd, ascii_ in _FOLDS:
        text = text.replace(odd, ascii_)
    return text.lower()


def cases(char: str) -> str | None:
    """Every character that matches the ASCII character `char` under re.I; None for any other character."""
    if not char.isascii():
        return None
    odd = "".join(o for o, _ in _FOLDS) + _KELVIN
    return "".join(sorted({x for x in char.lower() + char.upper() + odd if re.fullmatch(re.escape(char), x, re.I)}))


def required(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which `fold(text)` contains wherever `pattern` matches in `text`; None when no
    such strings are known."""
    _, needs, _ = _sequence(_parser.parse(pattern, flags))
    return _best(needs)


def starts(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which `fold(text)` has where each match of `pattern` in `text` begins; None when
    no such strings are known."""
    first = _sequence(_parser.parse(pattern, flags))[2]
    return frozenset(first) if first else None


class Pattern:
    """A compiled pattern (the calls of re.Pattern that rules use) that skips a text, or the part of it searched,
    lacking every string its matches need, and is tried only where one of its starting strings is; starting
    strings too short for that are checked first, by their first characters."""
    __slots__ = ("rx", "needles", "starts")

    def __init__(self, pattern: str, flags: int = 0):
        self.needles = required(pattern, flags)
        first = starts(pattern, flags)
        self.starts = first if first and min(map(len, first)) >= START_MIN else None
        if first and not self.starts:
            pattern = _first_characters(pattern, first)
        self.rx = re.compile(pattern, flags)

    def _may_match(self, text: str, pos: int, endpos: int) -> bool:
        if self.needles is None:
            return True
        folded = fold(text)
        return any(folded.find(n, pos, endpos) >= 0 for n in self.needles)

    def _at_starts(self, text: str, pos: int, endpos: int) -> Iterator[re.Match]:
        """The matches finditer finds, each tried only where a starting string is."""
        folded = fold(text)
        places = set()
        for s in self.starts:
            i = folded.find(s, pos, endpos)
            while i >= 0:
                places.add(i)
                i = folded.find(s, i + 1, endpos)
        end = pos
        for i in sorted(places):
            if i >= end and (m := self.rx.match(text, i, endpos)):
                end = m.end()
                yield m

    def first(self, text: str) -> re.Match | None:
        """`search` for a text known to hold one of the strings the matches need."""
        return next(self._at_starts(text, 0, len(text)), None) if self.starts else self.rx.search(text)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        if self.starts:
            return next(self._at_starts(text, pos, endpos), None)
        return self.rx.search(text, pos, endpos) if self._may_match(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.rx.match(text, pos, endpos) if self._may_match(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        if self.starts:
            return self._at_starts(text, pos, endpos)
        return self.rx.finditer(text, pos, endpos) if self._may_match(text, pos, endpos) else iter(())


class Patterns:
    """Named lists of rule patterns searched together: a text is scanned once for the strings they require, and
    only the patterns it may match are searched."""

    def __init__(self, named: dict[str, Iterable[str]], flags: int = 0):
        self.rules = [(name, Pattern(p, flags)) for name, patterns in named.items() for p in patterns]
        self.always = {k for k, (_, rule) in enumerate(self.rules) if rule.needles is None}
        needles = frozenset().union(*(rule.needles for _, rule in self.rules if rule.needles))
        # one pass over the folded text finds, at each place, the longest needle there: the needles it begins
        # with are there too, and each of them lets the rules that need it be searched
        self.scan = re.compile(f"(?=({_longest(needles)}))") if needles else None
        self.lets = {n: frozenset(k for k, (_, rule) in enumerate(self.rules) if rule.needles
                                  and any(n.startswith(m) for m in rule.needles)) for n in needles}

    def matching(self, text: str) -> set[str]:
        """The names of the lists with a pattern that matches `text`."""
        searched = set(self.always)
        if self.scan:
            for m in self.scan.finditer(fold(text)):
                searched |= self.lets[m.group(1)]
        found = set()
        for k in sorted(searched):
            name, rule = self.rules[k]
            if name not in found and rule.first(text):
                found.add(name)
        return found


def _first_characters(pattern: str, first: Iterable[str]) -> str:
    """`pattern`, checking first that a place has the first character of one of the strings its matches begin with
    (in any case): a quick test that passes over most places."""
    chars = "".join(sorted({c for s in first for c in cases(s[0])}))
    flags = GLOBAL_FLAGS.match(pattern)               # must stay at the start
    head = flags.group() if flags else ""
    return f"{head}(?=[{re.escape(chars)}])(?:{pattern[len(head):]})"


def _longest(strings: Iterable[str]) -> str:
    """A pattern that matches the longest of `strings` that begins where it is tried (a tree of their letters)."""
    tree: dict = {}
    for s in strings:
        node = tree
        for char in s:
            node = node.setdefault(char, {})
        node[""] = {}                        # a string ends here

    def branch(node: dict) -> str:
        ways = [re.escape(char) + branch(rest) for char, rest in sorted(node.items()) if char]
        if not ways:
            return ""
        body = ways[0] if len(ways) == 1 else f"(?:{'|'.join(ways)})"
        return f"(?:{body})?" if "" in node else body
    return branch(tree)


def _sequence(items) -> tuple[set[str] | None, list, set[str] | None]:
    """(exact, needs, first) of a parsed sequence: every string it can match, when that is a small set of literals;
    sets of strings, every match containing one string of each set; and strings, one of which every match begins
    with, when known."""
    runs: list[list[set[str]]] = [[]]       # runs of items that match literals, each a set of alternatives
    needs = []
    first = None
    for k, (op, av) in enumerate(op_av for op_av in items if op_av[0] not in _ZERO_WIDTH):
        # zero-width items consume nothing: the literals either side stay adjacent
        exact, item_needs, item_first = _item(op, av)
        needs += item_needs
        if k == 0:
            first = item_first
        run = runs[-1]
        if exact is None:
            runs.append([])
        elif len(exact) == 1 and run and len(run[-1]) == 1:
            run[-1] = {next(iter(run[-1])) + next(iter(exact))}
        else:
            run.append(exact)
    if runs[0]:                              # the first item's literals, with the single ones that follow it
        first = runs[0][0]
    # any span of adjacent items in a run is required: one of the strings it can match
    spans = [_product(run[i:j]) for run in runs for i in range(len(run)) for j in range(i + 1, len(run) + 1)]
    return (_product(runs[0]) if len(runs) == 1 else None), needs + [s for s in spans if s], \
        (None if first is None or "" in first else first)


def _product(items: list[set[str]]) -> set[str] | None:
    """Every concatenation of one string from each item; None when more than LIMIT."""
    out = {""}
    for alternatives in items:
        if len(out) * len(alternatives) > LIMIT:
            return None
        out = {a + b for a in out for b in alternatives}
    return out


def _item(op, av) -> tuple[set[str] | None, list, set[str] | None]:
    if op is c.LITERAL:
        exact = {chr(av).lower()} if chr(av).isascii() else None
        return exact, [], exact
    if op is c.IN:
        if all(o is c.LITERAL and chr(v).isascii() for o, v in av):
            exact = {chr(v).lower() for _, v in av}
            return exact, [], exact
        return None, [], None
    if op is c.SUBPATTERN:
        return _sequence(av[3])
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op is c.BRANCH:
        alternatives = [_sequence(p) for p in av[1]]
        exact = None
        if all(e is not None for e, _, _ in alternatives):
            exact = set().union(*(e for e, _, _ in alternatives))
            exact = exact if len(exact) <= LIMIT else None
        options = [needs + [e] for e, needs, _ in alternatives]
        # one string that every alternative needs, or else one of each alternative's best
        common = set.intersection(*({next(iter(n)) for n in o if n and len(n) == 1} for o in options))
        bests = [_best(o) for o in options]
        union = [] if None in bests else [frozenset().union(*bests)]
        firsts = [f for _, _, f in alternatives]
        first = None if None in firsts else set().union(*firsts)
        return exact, union + [{s} for s in common], first
    if op in _REPEATS:
        low, high, p = av
        exact, needs, first = _sequence(p)
        first = first if low >= 1 else None
        if exact is not None and high == 1:
            return (exact | {""} if low == 0 else exact), [], first
        return None, (needs + [exact] if low >= 1 else []), first
    return None, [], None


def _best(candidates) -> frozenset[str] | None:
    """The most selective set of required strings: the shortest string long enough to be rare (6 characters), then
    the fewest strings, then the longest shortest string."""
    sets = [_minimal(s) for s in candidates if s and "" not in s]
    return max(sets, key=lambda s: (min(6, min(map(len, s))), -len(s), min(map(len, s))), default=None)


def _minimal(strings) -> frozenset[str]:
    """Drop each string that contains another: finding the shorter one is enough."""
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))

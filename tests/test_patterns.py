"""Literal prefilters (foi/extract/patterns.py): pattern -> the strings every match contains, and searches that give
the same answer as the regular expressions themselves."""
from __future__ import annotations

import random
import re

import pytest

from foi.bench import generator
from foi.extract.patterns import Pattern, Patterns, cases, fold, required, starts
from foi.rules import load


@pytest.mark.parametrize("pattern, expected", [
    (r"\bnot held\b", {"not held"}),
    (r"NCND", {"ncnd"}),
    (r"(?-i:ABC)\d", {"abc"}),
    (r"cost\b limit", {"cost limit"}),                                    # zero-width: literals stay adjacent
    (r"exceed(?:s|ed|ing)? the limit", {" the limit"}),
    (r"(?:will|can|could) not (?:either )?confirm or deny", {"confirm or deny"}),
    (r"\bwithh[eo]ld\b", {"withheld", "withhold"}),
    (r"\bis exempt\b|\bexempt(?:ing|ed)\b", {"exempt"}),
    (r"\bwe hold\b|\bheld by (?:us|them)\b", {"we hold", "held by "}),
    (r"section\s*12\b|\bs\.?\s?12\b", {"12"}),                                 # a string every branch needs
    (r"(?:is|are) kept", {"is kept", "are kept"}),
    (r"(?:ab){2,}", {"ab"}),
    (r"café menu", {" menu"}),                                            # only ASCII literals are kept
    (r"\d+ (?:hours|days)", {" hours", " days"}),
    (r"held|\d+", None),                                                   # one branch needs no literal
    (r"[a-z]+ing", {"ing"}),
    (r"(?:abc)?\d", None),
    (r"x{0}\d", None),
    (r"£\s?\d", None),
    (r"(?=abc)\w+", None),                                                 # a lookahead consumes nothing
])
def test_required(pattern, expected):
    assert required(pattern, re.I) == (None if expected is None else frozenset(expected))


@pytest.mark.parametrize("pattern, expected", [
    (r"\bnot held\b", {"not held"}),
    (r"(?:will|can) not", {"will", "can"}),                               # the first part only
    (r"exceed(?:s|ed)? the limit", {"exceed"}),                          # the literals before an optional part
    (r"(?:ab)+c", {"ab"}),
    (r"(?=x)abc", {"abc"}),                                                # a lookahead consumes nothing
    (r"(?:ab)?c", None),                                                   # a match may begin at "c"
    (r"\d+ hours", None),
    (r"held|\d+", None),
    (r"a|", None),
])
def test_starts(pattern, expected):
    assert starts(pattern, re.I) == (None if expected is None else frozenset(expected))


def test_cases_are_what_ignorecase_matches():
    assert cases("k") == cases("K") == "Kk\u212a"                         # the Kelvin sign
    assert cases("i") == "Iiİı" and cases("s") == "Ssſ" and cases("7") == "7"
    assert cases("é") is None


def test_fold_matches_ignorecase_for_every_character():
    """Every character that re.I matches to an ASCII one folds to it, and folding keeps every offset."""
    chars = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    folded = fold(chars)
    assert len(folded) == len(chars)
    for m in re.finditer(r"[\x00-\x7f]", chars, re.I):
        ascii_ = [chr(a) for a in range(128) if re.fullmatch(re.escape(chr(a)), m.group(), re.I)]
        assert {a.lower() for a in ascii_} == {folded[m.start()]}, hex(ord(m.group()))


@pytest.mark.parametrize("named, text, found", [
    ({"a": ["not held"], "b": ["exempt"]}, "The data is EXEMPT.", {"b"}),
    ({"a": ["not held"], "b": ["exempt"]}, "Nothing to see.", set()),
    ({"a": ["is exempt"]}, "İS EXEMPT", {"a"}),                             # dotted capital I matches i
    ({"a": ["section 12"]}, "ſection 12", {"a"}),                          # long s matches s
    ({"a": ["kept"]}, "\u212aEPT", {"a"}),                                # Kelvin sign matches k
    ({"a": ["\\d+ hours", "held"]}, "It took 30 hours.", {"a"}),
    ({"a": ["[a-z]+"], "b": ["held"]}, "Held", {"a", "b"}),                # no prefilter: always searched
    ({"a": ["exempt"], "b": ["exemption"], "c": ["ex"]}, "An exemption", {"a", "b", "c"}),  # needles in needles
    ({"a": ["exemption"]}, "exemptio", set()),
])
def test_patterns_matching(named, text, found):
    assert Patterns(named, re.I).matching(text) == found


def test_pattern_searches_like_the_regular_expression():
    text = "Our ref: 12/34. The request was refused.\nReference: AB-99\ns.12 x9 S 4"
    for pattern in [r"\bref(?:erence)?:\s*(\S+)", r"refused", r"withheld", r"\d+", r"(?m)^s\.?\s?\d+|x\d|\bs \d"]:
        rule, rx = Pattern(pattern, re.I), re.compile(pattern, re.I)
        for pos, endpos in [(0, len(text)), (5, 30), (20, 25), (0, 3)]:
            assert [m.span() for m in rule.finditer(text, pos, endpos)] == \
                [m.span() for m in rx.finditer(text, pos, endpos)]
            for call in ("search", "match"):
                got, want = getattr(rule, call)(text, pos, endpos), getattr(rx, call)(text, pos, endpos)
                assert (got and got.span()) == (want and want.span())


def test_pattern_tried_where_its_starting_strings_are():
    rule = Pattern(r"\bref(?:erence)?:\s*\d+", re.I)
    assert rule.starts == frozenset({"ref"})
    text = "Preference: none. REF: 12, reference: 34; ref:5"
    assert [m.group() for m in rule.finditer(text)] == ["REF: 12", "reference: 34", "ref:5"]
    assert Pattern(r"s\d", re.I).starts is None                          # too short: it would start too often
    assert Pattern(r"(?m)^s\d", re.I).rx.pattern == r"(?m)(?=[Ssſ])(?:^s\d)"  # its first character checked first


def test_pattern_skips_a_text_without_its_strings():
    assert Pattern("withheld|exempt").needles == frozenset({"withheld", "exempt"})
    assert Pattern("withheld", re.I).search("Nothing was WITHHELD.", 0, 12) is None   # not within pos..endpos


def _synthetic_texts():
    rng = random.Random(7)
    return [generator.as_text(generator.compose(rng, n)).decode("utf-8") for n in range(60)]


def test_every_match_of_the_outcome_rules_contains_a_required_string():
    texts = _synthetic_texts()
    for patterns in load("outcomes")["signals"].values():
        for pattern in patterns:
            need = required(pattern, re.I)
            first = starts(pattern, re.I)
            for text in texts:
                for m in re.finditer(pattern, text, re.I):
                    assert need is None or any(n in fold(m.group()) for n in need), (pattern, m.group())
                    assert first is None or fold(m.group()).startswith(tuple(first)), (pattern, m.group())
                assert bool(Patterns({"a": [pattern]}, re.I).matching(text)) == bool(re.search(pattern, text, re.I))

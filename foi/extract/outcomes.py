"""Classify each answer (answered, not held, NCND, refused...) and the whole response (rules/outcomes.yml)."""
from __future__ import annotations

import re
from functools import lru_cache

from foi.extract.patterns import Patterns
from foi.rules import load


@lru_cache(maxsize=None)
def _rules():
    rules = load("outcomes")
    signals = Patterns(rules["signals"], re.I)
    stated = {name: re.compile(p, re.I) for name, p in rules["stated"].items()}
    return signals, re.compile(rules["short"], re.I), stated


def signals(answer: str, citations: list = ()) -> set[str]:
    """The kinds of statement an answer makes: ncnd, cost, refused, not_held, redirected (published or
    elsewhere), partial, pending, given, figures."""
    rules, _, _ = _rules()
    found = rules.matching(answer)
    for c in citations:
        regime, section = re.match(r"(\w+) [sr](\d+)", c.id).groups()
        if c.ncnd:
            found.add("ncnd")
        elif regime in ("FOIA", "FOISA") and section == "12":
            found.add("cost")
        elif regime in ("FOIA", "FOISA") and (regime, section) in (("FOIA", "21"), ("FOISA", "25")):
            found.add("published")
        else:  # EIR regulation 12 holds every exception; 12(4)(b) is about cost only where the text says so
            found.add("refused")
    if found & {"published", "elsewhere"}:
        found.add("redirected")
    return found


def classify(answer: str, citations: list = (), letter: bool = False) -> tuple[str, str | None, bool]:
    """-> (outcome, short 'Yes'/'No'/None, ncnd). `letter`: the answer is a whole letter with no per-question
    structure, so one that neither gives, refuses nor redirects anything is unclear."""
    _, short_rx, _ = _rules()
    if not re.search(r"\w", answer):  # an empty table cell
        return "unclear", None, False
    m = short_rx.match(answer)
    short = m.group(1).capitalize() if m else None
    found = signals(answer, citations)
    given = "given" in found or short is not None
    if "pending" in found and not given:  # a holding letter: no decision yet
        return "unclear", short, False
    if "ncnd" in found:
        return ("partially_answered" if "partial" in found else "ncnd"), None, True
    if "redirected" in found and not given and not found & {"cost", "not_held", "partial"}:
        return "redirected", None, False
    if "published" in found and "not_held" in found and "cost" not in found:  # part published, part not held
        return "partially_answered", short, False
    if "partial" in found and (given or found & {"cost", "refused", "not_held", "figures"}):
        return "partially_answered", short, False
    for kind, outcome in (("cost", "refused_cost"), ("refused", "refused"), ("not_held", "not_held")):
        if kind in found:
            return ("partially_answered" if given else outcome), short, False
    if letter and not given and "figures" not in found:
        return "unclear", short, False
    return "answered", short, False


def overall(answers: list[dict], text: str) -> str:
    """The whole response, as WhatDoTheyKnow classifies requests (corpus/LABELS.md)."""
    outcomes = {a["outcome"] for a in answers}
    if outcomes <= {"unclear"}:
        _, _, stated = _rules()
        return next((name for name, rx in stated.items() if rx.search(text)), "unclear")
    given = outcomes & {"answered", "partially_answered", "redirected"}
    if outcomes <= {"answered", "redirected"}:
        return "successful"
    if given:
        return "partially_successful"
    if outcomes & {"refused", "refused_cost", "ncnd"}:
        return "refused"
    if outcomes == {"not_held"}:
        return "not_held"
    return "unclear"

"""Classify each answer (answered, not held, NCND, refused...) and the whole response."""
from __future__ import annotations

import re

SHORT = re.compile(r"^\s*(Yes|No)\b", re.I)


def classify(answer: str, citations: list) -> tuple[str, str | None, bool]:
    """-> (outcome, short 'Yes'/'No'/None, ncnd)."""
    m = SHORT.match(answer)
    short = m.group(1).capitalize() if m else None
    if any(c.ncnd for c in citations):
        return "ncnd", None, True
    if citations:
        return "refused", None, False
    return "answered", short, False


def overall(answers: list[dict], text: str) -> str:
    outcomes = {a["outcome"] for a in answers}
    given = outcomes & {"answered", "partially_answered", "redirected"}
    if not answers or outcomes == {"unclear"}:
        return "unclear"
    if outcomes == {"not_held"}:
        return "not_held"
    if given and outcomes <= {"answered", "redirected"}:
        return "successful"
    if given:
        return "partially_successful"
    return "refused"

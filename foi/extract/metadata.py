"""Authority, reference, response date, regimes and title."""
from __future__ import annotations

import re
from datetime import date

DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
REFERENCE = re.compile(r"(?:Enquiry\s+)?Reference(?:\s+(?:No|Number))?\.?\s*:?\s*([A-Z0-9][\w/ -]*\d[\w/-]*)", re.I)


def find(text: str, title: str | None = None, url: str | None = None) -> dict:
    return {
        "authority": None,
        "reference": _reference(text),
        "date": _date(text),
        "regimes": ["FOIA"] if "Freedom of Information" in text else [],
        "title": title or "Freedom of Information response",
    }


def _reference(text: str) -> str | None:
    m = REFERENCE.search(text)
    return re.sub(r"\s*([-/])\s*", r"\1", m.group(1).strip()) if m else None


def _date(text: str) -> str | None:
    m = DATE.search(text)
    if not m:
        return None
    d, mth, y = (int(g) for g in m.groups())
    y = y + 2000 if y < 100 else y
    try:
        return date(y, mth, d).isoformat()
    except ValueError:
        return None

"""Remove site chrome (cookie banners, navigation, beta notices) by the rules in foi/rules/chrome.yml."""
from __future__ import annotations

import re
from functools import lru_cache

from foi.rules import load


@lru_cache(maxsize=None)
def _patterns() -> list[re.Pattern]:
    return [re.compile(p, re.I) for p in load("chrome")["lines"]]


def strip(text: str) -> str:
    """Drop every line that is wholly site chrome; keep every other line as it is."""
    pats = _patterns()
    return "\n".join(line for line in text.split("\n") if not any(p.fullmatch(line.strip()) for p in pats)).strip()

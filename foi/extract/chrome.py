"""Remove site chrome (cookie banners, navigation, beta notices) by the rules in foi/rules/chrome.yml."""
from __future__ import annotations

import re
from functools import lru_cache

from foi.rules import load


@lru_cache(maxsize=None)
def _pattern() -> re.Pattern:
    """One alternation of every rule: a line matches it whole when it matches one of them whole."""
    return re.compile("|".join(f"(?:{p})" for p in load("chrome")["lines"]), re.I)


def strip(text: str) -> str:
    """Drop every line that is wholly site chrome; keep every other line as it is."""
    chrome = _pattern()
    return "\n".join(line for line in text.split("\n") if not chrome.fullmatch(line.strip())).strip()

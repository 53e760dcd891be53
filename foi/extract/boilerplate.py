"""Find boilerplate spans (public interest test, review and ICO rights, disclaimers) so pages can fold them."""
from __future__ import annotations

import re
from typing import NamedTuple


class Span(NamedTuple):
    kind: str
    start: int
    end: int


RULES = [
    ("review_rights", re.compile(r"^If you are not satisfied with this response.*$", re.M)),
]


def find(text: str) -> list[Span]:
    return [Span(kind, m.start(), m.end()) for kind, rx in RULES for m in rx.finditer(text)]

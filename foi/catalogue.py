"""The exemption catalogue (foi/rules/exemptions.yml): every exemption and refusal ground, by canonical id."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from foi.rules import load

ID = re.compile(r"^(FOIA|FOISA|EIR|EISR) ([sr])(\d+[A-Z]?)((?:\([^)]+\))*)$")


@dataclass(frozen=True)
class Entry:
    law: str            # FOIA, FOISA, EIR, EISR
    section: str        # '31', '12'
    name: str           # statutory heading
    kind: str           # absolute, qualified, procedural
    test: str | None    # prejudice, class, or None
    ncnd_limbs: tuple[str, ...]   # subsections that carry the NCND provision, e.g. ('(3)',)
    explanation: str    # plain English, ours

    @property
    def id(self) -> str:
        return f"{self.law} {'r' if self.law.startswith('EI') else 's'}{self.section}"


@lru_cache(maxsize=None)
def entries() -> dict[str, Entry]:
    """Section-level entries keyed by id without subsections: 'FOIA s31'."""
    out = {}
    for law, sections in load("exemptions").items():
        for section, e in sections.items():
            entry = Entry(law, str(section), e["name"], e["kind"], e.get("test"),
                          tuple(e.get("ncnd_limbs") or ()), e.get("explanation", "").strip())
            out[entry.id] = entry
    return out


def split_id(eid: str) -> tuple[str, str, str | None]:
    """'FOIA s31(1)(a)' -> ('FOIA', '31', '(1)(a)')."""
    m = ID.match(eid)
    if not m:
        raise ValueError(f"not an exemption id: {eid!r}")
    return m.group(1), m.group(3), m.group(4) or None


def lookup(eid: str) -> Entry | None:
    law, section, _ = split_id(eid)
    return entries().get(f"{law} {'r' if law.startswith('EI') else 's'}{section}")

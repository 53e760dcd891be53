"""The exemption catalogue (foi/rules/exemptions.yml): every exemption and refusal ground, by canonical id."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
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
    limbs: dict[str, str] = field(default_factory=dict, compare=False)   # '(1)(a)' -> what that limb covers

    @property
    def id(self) -> str:
        return section_id(self.law, self.section)

    def limb(self, subsection: str | None) -> str | None:
        """What the cited limb covers: the most specific named limb that `subsection` falls within."""
        while subsection:
            if subsection in self.limbs:
                return self.limbs[subsection]
            subsection = subsection[:subsection.rfind("(")]
        return None

    def is_ncnd_limb(self, subsection: str | None) -> bool:
        """True when `subsection` is (or lies within) a limb that lifts the duty to confirm or deny."""
        return bool(subsection) and any(subsection == n or subsection.startswith(n + "(") for n in self.ncnd_limbs)


def section_id(law: str, section: str) -> str:
    """('FOIA', '31') -> 'FOIA s31'; regulations take 'r': ('EIR', '12') -> 'EIR r12'."""
    return f"{law} {'r' if law.startswith('EI') else 's'}{section}"


@lru_cache(maxsize=None)
def entries() -> dict[str, Entry]:
    """Section-level entries keyed by id without subsections: 'FOIA s31'."""
    out = {}
    for law, sections in load("exemptions").items():
        for section, e in sections.items():
            entry = Entry(law, str(section), e["name"], e["kind"], e.get("test"),
                          tuple(e.get("ncnd_limbs") or ()), " ".join(e.get("explanation", "").split()),
                          dict(e.get("limbs") or {}))
            out[entry.id] = entry
    return out


@lru_cache(maxsize=4096)     # the same few ids, asked for by every answer of every page
def split_id(eid: str) -> tuple[str, str, str | None]:
    """'FOIA s31(1)(a)' -> ('FOIA', '31', '(1)(a)')."""
    m = ID.match(eid)
    if not m:
        raise ValueError(f"not an exemption id: {eid!r}")
    return m.group(1), m.group(3), m.group(4) or None


def lookup(eid: str) -> Entry | None:
    law, section, _ = split_id(eid)
    return entries().get(section_id(law, section))

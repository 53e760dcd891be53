"""Find every exemption or refusal ground a response relies on, to the limb, with character offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from foi import catalogue


@dataclass
class Citation:
    id: str                                  # canonical: 'FOIA s31(1)(a)'
    mentions: list[tuple[int, int]] = field(default_factory=list)
    ncnd: bool = False
    public_interest_test: bool = False

    def as_record(self) -> dict:
        law, section, sub = catalogue.split_id(self.id)
        entry = catalogue.lookup(self.id)
        return {
            "id": self.id, "law": law, "section": section, "subsection": sub,
            "name": entry.name if entry else f"Section {section}",
            "kind": entry.kind if entry else None,
            "ncnd": self.ncnd, "public_interest_test": self.public_interest_test,
            "mentions": [{"start": s, "end": e} for s, e in self.mentions],
        }


CITE = re.compile(r"Section\s+(\d+)\s*\((\d+)\)\s*\(([a-z])\)(?:\s*(?:&|and)\s*\(([a-z])\))?", re.I)


def find(text: str) -> list[Citation]:
    found: dict[str, Citation] = {}
    ncnd = "neither confirm nor deny" in text.lower() or "duty in section 1(1) (a)" in text.lower()
    for m in CITE.finditer(text):
        section, sub = m.group(1), m.group(2)
        if section in {"1", "16", "17"}:
            continue
        for limb in filter(None, (m.group(3), m.group(4))):
            cid = f"FOIA s{section}({sub})({limb})"
            found.setdefault(cid, Citation(cid, ncnd=ncnd, public_interest_test="public interest" in text.lower()))
            found[cid].mentions.append((m.start(), m.end()))
    return list(found.values())

"""Find every exemption or refusal ground a response relies on, to the limb, with character offsets.

A citation is a head word ("Section", "s.", "regulation", "exemptions at") and a list of references
("31(1)(a) & (b)", "40(2) and 43(2)"); the Act named after the list decides the law, and a section of any other
Act is not an exemption. A citation counts when at least one of its mentions is relied on: not in the requester's
words, not hypothetical, not negated, not an explanation of another provision. Every mention of a relied-on
citation is kept, so the site can highlight each. The rules (patterns) live in foi/rules/citations.yml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from foi import catalogue
from foi.extract.patterns import Pattern
from foi.rules import load


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
            "limb": entry.limb(sub) if entry else None,
            "kind": entry.kind if entry else None,
            "ncnd": self.ncnd, "public_interest_test": self.public_interest_test,
            "mentions": [{"start": s, "end": e} for s, e in self.mentions],
        }


@dataclass
class _Mention:
    law: str
    section: str
    groups: tuple[str, ...]                  # ('(1)', '(a)')
    start: int
    end: int
    relied: bool = True

    @property
    def id(self) -> str:
        return catalogue.section_id(self.law, self.section) + "".join(self.groups)


NUMBER = r"(\d{1,3}(?-i:[A-Z])?)(?!\d|[.,:/]\d)"
GROUP = re.compile(r"\s?\(\s*(\d{1,2}[A-Z]?|[A-Za-z]{1,4})\s*\)")
SENTENCE_MAX = 1500
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n(?![ \t]*[a-z])")


@lru_cache(maxsize=None)
def _rules() -> dict:
    r = load("citations")
    i = re.I
    heads = {law: Pattern(rf"(?:{p})\s*{NUMBER}", i) for law, p in r["heads"].items()}
    return {
        "heads": heads,
        "separator": re.compile(r["separator"], i),
        "list_intro": re.compile(r["list_intro"], i),
        "list_item": re.compile(r["list_item"], re.M),
        "next_number": re.compile(NUMBER),
        "not_a_section": re.compile(r["not_a_section"], i),
        "of_law": re.compile(r["of_law"]),
        "access": {law: re.compile(p) for law, p in r["access_laws"].items()},
        "scottish": Pattern(r["scottish"]),
        **{k: re.compile(p, i) for k, p in r["not_relied"].items()},
        "ncnd": Pattern(r["ncnd"], i),
        "public_interest": Pattern(r["public_interest"], i),
        "cost": Pattern(r["cost"], i),
        "manifestly_unreasonable": Pattern(r["manifestly_unreasonable"], i),
    }


def find(text: str) -> list[Citation]:
    """Every exemption or refusal ground `text` relies on, in order of first mention."""
    rules = _rules()
    scottish = bool(rules["scottish"].search(text))
    mentions = [m for m in _mentions(text, scottish) if catalogue.lookup(m.id)]
    for m in mentions:
        m.relied = _relied(text, m.start, m.end)
    relied_ids = {m.id for m in mentions if m.relied}
    found: dict[str, Citation] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.id in relied_ids:
            found.setdefault(m.id, Citation(m.id)).mentions.append((m.start, m.end))
    _add_cost(text, scottish, found)
    _fold_parents(found)
    pit = bool(rules["public_interest"].search(text))
    for cid, c in found.items():
        entry = catalogue.lookup(cid)
        by_limb = entry.kind != "procedural" and entry.is_ncnd_limb(catalogue.split_id(cid)[2])
        c.ncnd = by_limb or any(_ncnd_near(text, s, e) for s, e in c.mentions)
        c.public_interest_test = pit and entry.kind == "qualified"
    return sorted(found.values(), key=lambda c: c.mentions[0])


def _mentions(text: str, scottish: bool):
    """Every reference in a citation list, with the law it belongs to; sections of other Acts are dropped."""
    rules = _rules()
    heads = [(m.start(), kind, m) for kind, head in rules["heads"].items() for m in head.finditer(text)]
    heads += [(m.start(1), "section", m) for m in rules["list_item"].finditer(text)
              if _in_exemption_list(text, m.start())]
    done = 0
    for start, kind, m in sorted(heads, key=lambda h: h[0]):
        if start < done:                                  # inside a list already read
            continue
        refs, done = _parse_list(text, m, start)
        law = _law(text, done, kind, scottish)
        if law is None:
            continue
        for section, groups, s, e in refs:
            yield _Mention(law, section, groups, s, e)


def _in_exemption_list(text: str, start: int) -> bool:
    """A line that starts with a bare reference stands in a list of exemptions when the list's first line above is
    introduced by one ("by virtue of the following exemptions:")."""
    rules = _rules()
    for line in reversed([ln for ln in text[max(0, start - 1500):start].split("\n") if ln.strip()][-8:]):
        if rules["list_item"].match(line):
            continue
        return bool(rules["list_intro"].search(line))
    return False


def _parse_list(text: str, head: re.Match, start: int):
    """The references that follow a head: [(section, groups, start, end)], and where the list ends."""
    rules = _rules()
    section = head.group(1)
    groups, pos = _groups(text, head.end())
    refs = [(section, groups, start, pos)]
    while True:
        sep = rules["separator"].match(text, pos)
        if not sep or sep.end() == pos:
            break
        more, after = _groups(text, sep.end())
        if more and groups:                              # "(a) & (b)": a sibling of the last limb
            groups = _siblings(_split_siblings(groups)[-1], more)
            refs.append((section, groups, sep.end(), after))
            pos = after
            continue
        num = rules["next_number"].match(text, sep.end())
        if not num or rules["not_a_section"].match(text, num.end()):
            break
        section = num.group(1)
        groups, pos = _groups(text, num.end())
        refs.append((section, groups, num.start(), pos))
    return list(_expand(refs)), pos


def _groups(text: str, pos: int) -> tuple[tuple[str, ...], int]:
    """Parenthesised subsections from `pos`: '(1) (a)(b)' -> ('(1)', '(a)', '(b)'); '(3)(A)' -> ('(3A)',)."""
    out: list[str] = []
    while m := GROUP.match(text, pos):
        g = m.group(1)
        if g.isupper() and len(g) == 1 and out and out[-1][1:-1].isdigit():
            out[-1] = f"({out[-1][1:-1]}{g})"
        elif g.isdigit() or g[:-1].isdigit() and g[-1].isupper() or g.islower():
            out.append(f"({g})")
        else:
            break
        pos = m.end()
    return tuple(out), pos


ROMAN = re.compile(r"\([ivx]+\)")


def _levels(groups: tuple[str, ...]) -> list[str]:
    """number, letter or roman for each group; '(i)' is a roman numeral only straight after a letter."""
    out: list[str] = []
    for g in groups:
        if g[1].isdigit():
            out.append("number")
        elif ROMAN.fullmatch(g) and out and out[-1] in ("letter", "roman"):
            out.append("roman")
        else:
            out.append("letter")
    return out


def _split_siblings(groups: tuple[str, ...]) -> list[tuple[str, ...]]:
    """'(1)(a)(b)' -> [(1)(a), (1)(b)]: a limb straight after one of its own level is a sibling, not a child."""
    out: list[tuple[str, ...]] = [()]
    levels = _levels(groups)
    for i, g in enumerate(groups):
        if i and levels[i] == levels[i - 1] != "number":
            out.append(out[-1][:-1] + (g,))
        else:
            out[-1] = out[-1] + (g,)
    return out


def _siblings(groups: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
    """The limb "(b)" in "31(1)(a) & (b)": it replaces the last limb of its own level."""
    levels = _levels(groups)
    level = _levels(groups + more[:1])[-1]
    for i in range(len(groups) - 1, -1, -1):
        if levels[i] == level:
            return groups[:i] + more
    return groups + more


def _expand(refs):
    for section, groups, s, e in refs:
        for g in _split_siblings(groups):
            yield section, g, s, e


def _law(text: str, end: int, kind: str, scottish: bool) -> str | None:
    """The law a citation list belongs to: named right after it, else the document's regime; None for other Acts."""
    rules = _rules()
    default = {"section": "FOISA" if scottish else "FOIA", "regulation": "EISR" if scottish else "EIR"}[kind]
    m = rules["of_law"].match(text, end)
    if not m:
        return default
    name = " ".join((m.group("name") + m.group("kind")).split())
    for law, pattern in rules["access"].items():
        if pattern.match(name):
            if law == "this":
                return default
            return "EISR" if law == "EIR" and scottish else law
    return None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], looking at most SENTENCE_MAX characters back."""
    lower = max(0, start - SENTENCE_MAX)
    s, stop = lower, start
    while (i := max(text.rfind(c, lower, stop) for c in ".!?\n")) >= 0:   # back to the last sentence end
        if SENTENCE_END.match(text, i, start):
            s = i + 1
            break
        stop = i
    e = SENTENCE_END.search(text, end)
    return s, e.start() if e else len(text)


def _relied(text: str, start: int, end: int) -> bool:
    """False where the mention is the requester's, hypothetical, negated, or explains another provision."""
    rules = _rules()
    s, e = _sentence(text, start, end)
    sentence, before = text[s:e], text[s:start]
    if rules["asking"].search(sentence) or rules["hypothetical"].match(sentence):
        return False
    if rules["negated_before"].search(before) or rules["negated_after"].match(text, end, e):
        return False
    explaining = rules["explaining"].search(before)
    return not (explaining and rules["heads"]["section"].search(before, 0, explaining.start()))


def _add_cost(text: str, scottish: bool, found: dict[str, Citation]) -> None:
    """A refusal on cost that never names its section: each cost phrase becomes a mention of the cost ground."""
    rules = _rules()
    phrases = [m for m in rules["cost"].finditer(text) if _relied(text, m.start(), m.end())]
    if not phrases:
        return
    cost = "FOISA s12" if scottish else "FOIA s12"
    if (not any(c.startswith(cost) for c in found) and rules["manifestly_unreasonable"].search(text)
            and any(c.startswith(("EIR", "EISR")) for c in found)):
        cost = "EISR r10(4)(b)" if scottish else "EIR r12(4)(b)"
    ids = [c for c in found if c == cost or c.startswith(cost + "(")] or [cost]
    for cid in ids:
        c = found.setdefault(cid, Citation(cid))
        c.mentions = sorted(set(c.mentions) | {(m.start(), m.end()) for m in phrases})


def _fold_parents(found: dict[str, Citation]) -> None:
    """'Section 31' beside 'Section 31(1)(a)': the parent's mentions go to each of its limbs, once each ground."""
    for parent in list(found):
        children = [c for c in found if c != parent and c.startswith(parent + "(")]
        if children:
            for child in children:
                found[child].mentions = sorted(set(found[child].mentions) | set(found[parent].mentions))
            del found[parent]


def _starts_with_citation(line: str) -> bool:
    rules = _rules()
    line = line.lstrip(" \t-–•·*")
    return any(head.match(line) for head in rules["heads"].values()) or bool(rules["list_item"].match(line))


def _ncnd_near(text: str, start: int, end: int) -> bool:
    """NCND language in the mention's sentence, or in the line that introduces the list it stands in."""
    rules = _rules()
    s, e = _sentence(text, start, end)
    if rules["ncnd"].search(text, s, e):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    if not _starts_with_citation(text[line_start:line_end if line_end >= 0 else len(text)]):
        return False
    above = [line for line in text[max(0, line_start - 800):line_start].split("\n") if line.strip()]
    for line in reversed(above[-3:]):   # a list item: look at the lines above it
        if rules["ncnd"].search(line):
            return True
        if not _starts_with_citation(line):
            return False
    return False

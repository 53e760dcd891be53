"""Authority, reference, response date, regimes and title of a response (rules in foi/rules/metadata.yml)."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from urllib.parse import urlparse

from foi.extract.patterns import Pattern, cases, fold
from foi.rules import load
from foi.slugs import slugify

def find(text: str, title: str | None = None, url: str | None = None) -> dict:
    name = authority(text, url, title)
    return {
        "authority": {"name": name, "slug": slugify(name)} if name else None,
        "reference": reference(text),
        "date": response_date(text),
        "regimes": regimes(text, scottish=_scottish(name, url)),
        "title": _title(text, _without_site(title, name), url),
    }


# -- reference ------------------------------------------------------------------------------------------------

TOKEN = r"((?-i:(?:[A-Z][A-Za-z]*[ /.-]?){0,3})\d(?:[\w./]*\d)?(?:[ \t]*[-/&][ \t]*\d(?:[\w./]*\d)?)*)"


@lru_cache(maxsize=None)
def _reference_rules() -> tuple[list[Pattern], list[re.Pattern]]:
    rules = load("metadata")
    # the character before a label is looked at, not taken, so a match begins with the label's own words
    labelled = [Pattern(rf"(?:^|(?<=[\s\[(:]))(?:{label})[ \t]*[:.]?[ \t]*(?:[-–][ \t]+)?(?:\n[-–\s]*)?{TOKEN}", re.I | re.M)
                for label in rules["reference_labels"]]
    headings = [re.compile(p, re.M) for p in rules["reference_headings"]]
    return labelled, headings


def reference(text: str) -> str | None:
    """The authority's own reference, spaces squeezed around separators ('512- 25' -> '512-25')."""
    labelled, headings = _reference_rules()
    found = []
    for rx in labelled:
        found += [(m.start(1), m.group(1)) for m in rx.finditer(text) if _plausible(m.group(1))]
    if not found:
        head = "\n".join(text.split("\n")[:30])
        found = [(m.start(1), m.group(1)) for rx in headings for m in rx.finditer(head)]
    if not found:
        return None
    ref = min(found)[1].strip(" ./-")
    return re.sub(r"\s*([-/&])\s*", lambda m: " & " if m.group(1) == "&" else m.group(1), ref)


def _plausible(ref: str) -> bool:
    if _date_rules()[0].fullmatch(ref.strip()):
        return False
    digits = sum(c.isdigit() for c in ref)
    return digits >= 3 or (digits >= 2 and re.search(r"[/-]", ref) is not None)


# -- date -----------------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _date_rules():
    rules = load("metadata")
    m, weekdays = rules["months"], rules["weekdays"]
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    weekday = rf"(?:(?:{weekdays})day,?\s+)?"
    # a date starts with a digit or the first letter of a weekday or month: checked first, to pass over other
    # positions at once; then with a digit or the first two letters of one
    words = f"{m}|{weekdays}".split("|")
    starts = "".join(sorted({word[0] for word in words}))
    pattern = re.compile(
        rf"(?=[\d{starts}])(?=\d|{_two_letters(w[:2] if w[:2].isalpha() else w[0] for w in words)})(?<![\d/.-]){weekday}(?:{day}\s*({m})\.?,?\s*(\d{{4}})|(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}}|\d{{2}})|({m})\s+{day},?\s+(\d{{4}}))(?!\d)",
        re.I)
    return (pattern, re.compile(rules["response_date_labels"], re.I), re.compile(rules["letter_date_label"], re.I),
            re.compile(rules["other_date_words"], re.I))


def _two_letters(words) -> str:
    """What the first two letters of one of `words` match under re.I, as alternatives that each start with one
    character matched case-sensitively: the engine passes over an alternative at once where its character is not."""
    seconds: dict[str, set[str]] = {}
    for word in words:
        seconds.setdefault(word[0], set()).add(word[1:2])
    alternatives = []
    for first, s in sorted(seconds.items()):
        second = "" if "" in s else f"(?i:[{re.escape(''.join(sorted(s)))}])"
        same = cases(first)
        alternatives += [re.escape(c) + second for c in same] if same else [f"(?i:{re.escape(first)}){second}"]
    return "(?-i:" + "|".join(alternatives) + ")"


MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _to_iso(m: re.Match) -> str | None:
    g = m.groups()
    if g[0]:
        d, mth, y = int(g[0]), MONTHS.index(g[1][:3].lower()) + 1, int(g[2])
    elif g[3]:
        d, mth, y = int(g[3]), int(g[4]), int(g[5])
        y = y + 2000 if y < 100 else y
    else:
        d, mth, y = int(g[7]), MONTHS.index(g[6][:3].lower()) + 1, int(g[8])
    try:
        return date(y, mth, d).isoformat()
    except ValueError:
        return None


def response_date(text: str) -> str | None:
    """The response's own date: a date labelled as the response's, else the letter's date ("Date: ...", or a date
    standing on its own at the head of a letter); never the request's date or a date in the answers."""
    pattern, response_label, letter_label, other = _date_rules()
    tiers: dict[int, list[str]] = {1: [], 2: [], 3: []}
    for m in pattern.finditer(text):
        iso = _to_iso(m)
        if not iso or re.match(r"\s*(?:-|–|to|and)\s*\d", text[m.end():m.end() + 8]):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()]
        starts_line = not before.strip(" \t-•")
        if starts_line:
            above = text[:line_start].rstrip().rsplit("\n", 1)[-1].strip(" \t-•")
            labelled = above.endswith(":") or re.search(r"\bdate\b", above, re.I)
            before = above if labelled else ""
        if response_label.search(before):
            tiers[1].append(iso)
        elif other.search(before[-30:]):
            continue
        elif letter_label.search(before):
            tiers[2].append(iso)
        elif other.search(before):
            continue
        elif starts_line or re.search(r"(?:\t|\s{2,}|[/|])\s*$", before):
            tiers[3].append(iso)
    for tier in (1, 2, 3):
        if tiers[tier]:
            return tiers[tier][0]
    return None


# -- regimes --------------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _regime_rules():
    rules = load("metadata")
    return (re.compile(rules["regimes_team_names"]), Pattern(rules["regimes_remit_words"], re.I),
            {name: Pattern(rx, re.I) for name, rx in rules["regimes"].items()},
            Pattern(rules["regimes_english_eir"]), Pattern(rules["regimes_english_foia"]))


def regimes(text: str, scottish: bool = False) -> list[str]:
    """The access regimes a response is made under or cites; a response that names none is taken to be made under
    the freedom of information law of its country (FOISA in Scotland, else FOIA)."""
    team_names, remit_words, named, english_eir, english_foia = _regime_rules()
    text = team_names.sub(" ", text)
    for m in reversed(list(remit_words.finditer(text))):
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        ends = [i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i >= 0]
        text = text[:start] + text[min(ends, default=len(text)):]
    found = {name for name, rx in named.items() if rx.search(text)}
    if "EISR" in found and not english_eir.search(text):
        found.discard("EIR")
    if "FOISA" in found and not english_foia.search(text):
        found.discard("FOIA")
    if not found:
        found = {"FOISA" if scottish else "FOIA"}
    return sorted(found)


# -- authority ------------------------------------------------------------------------------------------------

TITLE_PARTS = r"\s+[|–—-]\s+"   # between the parts of a web page's title: "Subject | Site"


@lru_cache(maxsize=None)
def _authority_rules():
    rules, known = load("metadata"), load("authorities")
    usual = {alias.lower(): name for name, aliases in known["names"].items() for alias in [name, *aliases]}
    spelled = [alias for name, aliases in known["names"].items() for alias in [name, *aliases]]
    word = r"[A-Z][\w'’-]+"
    joint = r"(?:,? (?:and|&|of|upon|on|the|y) |, | |-)"
    generic = (rf"(?:{rules['name_prefixes']}){word}(?:{joint}{word})*?(?:,? (?:and|&) [A-Z][\w'’-]+)?(?= |,|\.|$)"
               rf"|{word}(?:{joint}{word})*? (?:{rules['name_endings']})\b")
    # Every name starts with a capital, or (a known name of several words, in any case) with its first two letters
    # at the start of a word: checked first (after a single class of first letters, the quickest test), so the scan
    # passes over most positions without trying each name.
    capitals = "".join(sorted({re.escape(n[0]) for n in spelled if " " not in n and not "A" <= n[0] <= "Z"}))
    several = [n for n in spelled if " " in n]
    firsts = "".join(sorted({re.escape(n[0]) for n in several}))
    # Known names, longest first, are tried only beside those whose first letter folds to the same one: names in
    # different groups never match at the same place, so the order in which they are tried there is kept.
    groups: dict[str, list[str]] = {}
    for n in sorted(spelled, key=len, reverse=True):
        first = fold(n[0])
        groups.setdefault(first if first.isascii() else "", []).append(
            rf"{'(?i:' if ' ' in n else '(?:'}{re.escape(n)})\b")
    names = "|".join((rf"(?=(?i:{re.escape(first)}))" if first else "") + f"(?:{'|'.join(alternatives)})"
                     for first, alternatives in groups.items())
    name_rx = rf"(?=(?i:[A-Z{capitals}{firsts}]))(?=[A-Z{capitals}]|\b{_two_letters(several)})(?:\b(?:{names})|{generic})"
    contexts = [Pattern(c.replace("{name}", f"(?P<name>{name_rx})"), re.M) for c in rules["self_contexts"]]
    return re.compile(name_rx, re.M), contexts, usual, set(rules["not_name_words"]), known["domains"]


def authority(text: str, url: str | None = None, title: str | None = None) -> str | None:
    """The authority that wrote the response: the name it uses of itself, else the owner of the web domain it was
    published on or gives in its letterhead, else the site named in the web page's title ("... | Eastwick Council"),
    else the public body the text names most often."""
    name_rx, contexts, usual, skip, domains = _authority_rules()
    own = Counter()
    for rx in contexts:
        for m in rx.finditer(text):
            name = _clean(m.group("name"), usual, skip)
            if name:
                own[name] += 1
    # a regulator named in the review-rights paragraph ("the ICO cannot...") yields to any other body
    regulators = set(load("authorities")["regulators"])
    if set(own) - regulators:
        return max(own, key=lambda n: (n not in regulators, own[n]))
    return _other_evidence(text, url, title, name_rx, usual, skip, domains, regulators) or \
        (own.most_common(1)[0][0] if own else None)


def _other_evidence(text, url, title, name_rx, usual, skip, domains, regulators) -> str | None:
    head = text[:3000]
    hosts = [urlparse(url).hostname or "" if url else ""]
    if "@" in head or "www." in head.lower():     # where a host can be
        hosts += re.findall(r"(?:www\.|@)([a-z0-9.-]+\.[a-z]{2,})", head, re.I)
    for k, host in enumerate(hosts):
        host = host.lower()
        for domain, name in domains.items():
            # a regulator's address in the text is where to complain, not whose letter it is
            if (host == domain or host.endswith("." + domain)) and (k == 0 or name not in regulators):
                return name
    for part in reversed(re.split(TITLE_PARTS, title or "")[1:]):   # the site's name ends a page title
        name = _clean(part, usual, skip) if name_rx.fullmatch(part) else None
        if name and name not in regulators:
            return name
    named = Counter(n for n in (_clean(m.group(0), usual, skip) for m in name_rx.finditer(text))
                    if n and n not in regulators)
    return named.most_common(1)[0][0] if named else None


def _clean(name: str, usual: dict, skip: set) -> str | None:
    """A name as usually written: known names and their short forms mapped, sentence words dropped from the front."""
    words = name.strip(" ,").split()
    while words and " ".join(words).lower() not in usual and words[0] in skip:
        words = words[1:]
    name = " ".join(words)
    if len(words) < 2 and name.lower() not in usual:
        return None
    return usual.get(name.lower(), name)


def _scottish(name: str | None, url: str | None) -> bool:
    host = (urlparse(url).hostname or "") if url else ""
    return bool(re.search(load("metadata")["scottish"], f"{name or ''} {host}", re.I))


# -- title ----------------------------------------------------------------------------------------------------

def _without_site(title: str | None, authority: str | None) -> str | None:
    """A web page's title without the authority's name ending it: "Gritting | Northdale Council" -> "Gritting"."""
    parts = re.split(f"({TITLE_PARTS})", title or "")
    while authority and len(parts) > 2 and parts[-1].strip().lower() == authority.lower():
        parts = parts[:-2]
    return "".join(parts) if title else title


def _title(text: str, title: str | None, url: str | None = None) -> str:
    """The document's own title, else the subject in the address of an authority's page, else a heading near the
    top of the text."""
    rules = load("metadata")
    generic = re.compile(rules["generic_titles"], re.I)
    if title and not generic.fullmatch(title.strip()):
        return title.strip()
    host = (urlparse(url).hostname or "").lower() if url else ""
    sites = list(load("authorities")["domains"]) + rules["subject_sites"]
    own = any(host == d or host.endswith("." + d) for d in sites)
    words = [w for w in re.split(r"[-_]+", urlparse(url).path.rstrip("/").rsplit("/", 1)[-1]) if w] if own else []
    words = [w for w in words if not re.search(r"\d", w) and w.lower() not in rules["address_filler_words"]]
    if len(words) >= 2 and not any("." in w for w in words):
        words = [_as_written(w, text) for w in words]
        return " ".join([words[0][0].upper() + words[0][1:]] + words[1:])
    for line in text.split("\n")[:12]:
        line = line.strip()
        if 8 <= len(line) <= 100 and len(line.split()) >= 2 and not generic.fullmatch(line) \
                and not re.search(rules["not_title"], line, re.I) and not line.endswith((".", ",")):
            return line
    return "Freedom of Information response"


def _as_written(word: str, text: str) -> str:
    """A word from a web address, in capitals where the text writes it so (an acronym: RASSO), else lower case."""
    upper = word.upper()
    if len(word) > 1 and re.search(rf"\b{re.escape(upper)}\b", text):
        return upper
    return word.lower()

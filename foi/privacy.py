"""Mask personal data in a response's text: individuals' email addresses and phone numbers, and the requester's
name. An authority's published mailbox, switchboard or helpline stays. The rules are in foi/rules/privacy.yml."""
from __future__ import annotations

import re
from functools import lru_cache

from foi.rules import load

EMAIL = re.compile(r"(?<![\w.+-])([\w.+'-]+)@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})\b")
REDACTED_EMAIL = re.compile(r"[xX.*_-]+@[xX.*_-]+")          # already redacted by the authority
PHONE = re.compile(r"(?<![\w/.£$-])(?:\+44[ \t]?(?:\(0\)[ \t]?)?|\(?0)\d[\d \t()-]{7,14}\d(?![\w/-])")
NAME_WORD = r"[A-Z][A-Za-z'’-]*\.?"
HOST = re.compile(r"(?:@|//|\bwww\.)((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})")
REQUEST_TO = re.compile(r"request to (.+?)(?: - |$)", re.I)       # "... - a Freedom of Information request to X"
SALUTATION = re.compile(r"\s*Dear\s+([^,:;\n]+?)\s*(?:[,:;]|$)")   # at the start of a line
CONTEXT = 40            # characters before a phone number that may name it as a switchboard or helpline


@lru_cache(maxsize=None)
def _rules() -> dict:
    rules = load("privacy")
    return {
        **rules,
        "mailboxes": [re.compile(p, re.I) for p in rules["public_mailboxes"]],
        "not_names": {w.lower() for w in rules["not_names"]},
        "titles": "|".join(rules["titles"]),
        "sign_off": re.compile(rf"\s*(?:{'|'.join(map(re.escape, rules['sign_offs']))})\s*[,.!]?\s*", re.I),
    }


def mask(text: str, about: str = "") -> tuple[str, int]:
    """-> (the text with personal data replaced, how many replacements were made). *about* is what else is
    known of the document (its title, its URL): it may show that the text is a WhatDoTheyKnow thread."""
    rules = _rules()
    count = 0

    def replacer(kind: str, public):
        def replace(m: re.Match) -> str:
            nonlocal count
            if public(m):
                return m.group(0)
            count += 1
            return rules["replacements"][kind]
        return replace

    for name in requester_names(text, about):
        text, n = _name_pattern(name).subn(rules["replacements"]["name"], text)
        count += n
    if "@" in text:                           # in every address: a text without one is not scanned
        text = EMAIL.sub(replacer("email", _public_email), text)
    text = PHONE.sub(replacer("phone", _public_phone), text)
    return text, count


def _public_email(m: re.Match) -> bool:
    """An authority's mailbox, or an address the authority already redacted."""
    rules = _rules()
    local, domain = m.group(1), m.group(2).lower()
    if REDACTED_EMAIL.fullmatch(m.group(0)):
        return True
    return domain not in rules["private_domains"] and any(p.fullmatch(local) for p in rules["mailboxes"])


def _public_phone(m: re.Match) -> bool:
    """Not a UK phone number at all (wrong length), a non-geographic number organisations publish, or a number
    named just before it, on its line, as a switchboard or helpline."""
    rules = _rules()
    digits = re.sub(r"\D", "", m.group(0))
    national = "0" + digits[2:].removeprefix("0") if digits.startswith("44") else digits
    if not 10 <= len(national) <= 11 or national.startswith(tuple(rules["public_phone_prefixes"])):
        return True
    before = m.string[max(0, m.start() - CONTEXT):m.start()].rsplit("\n", 1)[-1].lower()
    return any(word in before for word in rules["public_phone_words"])


def requester_names(text: str, about: str = "") -> list[str]:
    """Names a response gives its requester: "Dear Jane Smith," salutations and, in a WhatDoTheyKnow thread,
    the sign-off of a message addressed to an organisation (the request itself)."""
    rules = _rules()
    thread = any(marker in f"{about}\n{text}".lower() for marker in rules["thread_markers"])
    organisations = _organisation_words(text, about)
    names, to_organisation = [], False
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if m := SALUTATION.match(line):
            name = m.group(1).rstrip(".")
            to_organisation = (any(w.strip(".").lower() in rules["not_names"] for w in name.split())
                               or re.sub(r"\W", "", name).lower() in organisations)
            if not to_organisation and _is_name(name):
                names.append(name)
        elif thread and to_organisation and rules["sign_off"].fullmatch(line):
            after = next((s.strip() for s in lines[i + 1:i + 4] if s.strip()), "")
            if _is_name(after) and not any(w.strip(".").lower() in rules["not_names"] for w in after.split()):
                names.append(after)
            to_organisation = False
    return sorted(set(names), key=len, reverse=True)


def _organisation_words(text: str, about: str) -> str:
    """Web and email domains in the text and in what is known about it, and the authority a WhatDoTheyKnow
    page's title names, squeezed to letters: "Dear Ofsted," is to an organisation when ofsted.gov.uk is there."""
    both = f"{text}\n{about}"
    found = HOST.findall(both) if any(s in both for s in ("@", "//", "www.")) else []
    found += REQUEST_TO.findall(about)
    return " ".join(re.sub(r"\W", "", f).lower() for f in found)


def _is_name(words: str) -> bool:
    """One to five capitalised words, not only titles ("Mr" alone names no one)."""
    titles = _rules()["titles"].split("|")
    return (re.fullmatch(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}}", words) is not None
            and any(w.rstrip(".") not in titles for w in words.split()))


def _name_pattern(name: str) -> re.Pattern:
    """The name wherever it appears: in full, with or without a title; its surname after a title, first name or
    initials ("Mr Rowe", "D Rowe"); a lone first name ("Dear Dave") with any surname that follows it."""
    titles = _rules()["titles"]
    title = rf"(?:(?:{titles})\.?\s+)"
    words = [w for w in name.split() if w.rstrip(".") not in titles.split("|")]
    if not words:
        return re.compile(rf"\b{re.escape(name)}\b")
    last = re.escape(words[-1].rstrip("."))
    if len(words) == 1 and len(words) == len(name.split()):
        pattern = rf"{last}(?:\s+[A-Z][a-z'’-]+)?"
    else:
        first = rf"(?:{re.escape(words[0])}|[A-Z]\.?)" if len(words) > 1 else r"[A-Z]\.?"
        pattern = rf"{title}(?:{first}\s+){{0,2}}{last}|(?:{first}\s+){{1,2}}{last}"
        if len(words) > 1:
            pattern = r"\s+".join(re.escape(w) for w in words) + "|" + pattern
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")

"""Saved HTML pages with BeautifulSoup and lxml: the page's text, one block per line.

Site chrome is dropped by the selectors in foi/rules/html.yml; headings, paragraphs and list items each get
their own line, numbered list items keep their numbers, and a table becomes one line per row with its cells
joined by " | ". The tree is walked once, without recursion, and chrome is matched by index rather than by a
CSS engine: a page nested ten thousand deep, or ten megabytes long, reads in seconds.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction, Tag

from foi.readers.text import decode
from foi.rules import load

BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "main",
          "blockquote", "pre", "dt", "dd", "dl", "ul", "ol", "hr", "address", "caption", "figcaption", "form",
          "fieldset", "details", "summary", "br", "body"}
INVISIBLE = {"script", "style", "noscript", "template", "iframe", "svg", "head", "object", "embed", "canvas",
             "title", "meta", "link"}
NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
ITEM_END = object()        # on the walk's stack after a numbered item: an empty item's number is dropped
CONTENT_END = object()     # on the walk's stack after an article or main element

SELECTOR = re.compile(r"(?P<tag>[a-zA-Z][\w-]*)?(?P<parts>(?:[#.][\w-]+|\[[^\]]+\])*)")
PART = re.compile(r"#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)|\[(?P<attr>[\w-]+)(?:=(?P<q>['\"]?)(?P<value>.*?)(?P=q))?\]")


@dataclass(frozen=True)
class Selector:
    """A simple CSS selector: tag, #id, .classes and [attributes], all of which an element must have."""
    tag: str | None
    id: str | None
    classes: frozenset[str]
    attrs: tuple[tuple[str, str | None], ...]

    @classmethod
    def parse(cls, text: str) -> "Selector":
        m = SELECTOR.fullmatch(text.strip())
        if not m or not text.strip():      # a combinator or pseudo-class: not supported
            raise ValueError(f"foi/rules/html.yml: not a simple selector: {text!r}")
        parts = list(PART.finditer(m.group("parts")))
        return cls(m.group("tag").lower() if m.group("tag") else None,
                   next((p.group("id") for p in parts if p.group("id")), None),
                   frozenset(p.group("cls") for p in parts if p.group("cls")),
                   tuple((p.group("attr").lower(), p.group("value")) for p in parts if p.group("attr")))

    def matches(self, tag: Tag) -> bool:
        if self.tag and tag.name != self.tag or self.id and tag.get("id") != self.id:
            return False
        if self.classes and not self.classes <= set(tag.get("class") or ()):
            return False
        return all(name in tag.attrs and (value is None or tag.get(name) == value) for name, value in self.attrs)


class Chrome:
    """The selectors of foi/rules/html.yml, indexed by id, class, tag or attribute so each element is checked
    against the few that could match it."""

    def __init__(self, rules: dict):
        self.by_key: dict[tuple[str, str], list[Selector]] = defaultdict(list)
        for selector in map(Selector.parse, rules["drop"]):
            key = (("id", selector.id) if selector.id else ("class", min(selector.classes)) if selector.classes
                   else ("tag", selector.tag) if selector.tag else ("attr", selector.attrs[0][0]))
            self.by_key[key].append(selector)
        self.outside_content = set(rules["drop_outside_content"])
        self.content = set(rules["content"])

    def matches(self, tag: Tag, in_content: bool) -> bool:
        if tag.name in self.outside_content and not in_content:
            return True
        keys = [("tag", tag.name), ("id", tag.get("id"))]
        keys += [("class", c) for c in tag.get("class") or ()]
        keys += [("attr", name) for name in tag.attrs]
        return any(s.matches(tag) for key in keys for s in self.by_key.get(key, ()))


@lru_cache(maxsize=None)
def chrome() -> Chrome:
    return Chrome(load("html"))


def read(data: bytes) -> tuple[str, str | None]:
    soup = BeautifulSoup(decode(data), "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    lines = (" ".join(line.split()) for line in "".join(_walk(soup)).splitlines())
    return "\n".join(line for line in lines if line), title


def _walk(root: Tag, in_content: int = 0):
    """The text under *root* in pieces, chrome left out, with a line break around every block."""
    rules = chrome()
    stack: list = [root]
    numbers: dict[int, int] = {}          # id of a numbered list item -> its number
    number = ""                           # an item's number, waiting for the item's first words
    while stack:
        node = stack.pop()
        if node is ITEM_END:
            number = ""
        elif node is CONTENT_END:
            in_content -= 1
        elif isinstance(node, str):
            if isinstance(node, NOT_TEXT):
                continue
            if number and node.strip():
                node, number = number + node.lstrip(), ""
            yield str(node)
        elif node.name in INVISIBLE or node is not root and rules.matches(node, in_content > 0):
            continue
        elif node.name == "tr":
            yield "\n" + _row_text(node, in_content) + "\n"
        else:
            block = node.name in BLOCKS
            if block:
                yield "\n"
                stack.append("\n")
            if node.name in rules.content:
                in_content += 1
                stack.append(CONTENT_END)
            if node.name == "ol":
                numbers.update(_numbers(node))
            if id(node) in numbers:
                number = f"{numbers[id(node)]}. "
                stack.append(ITEM_END)
            stack.extend(reversed(node.contents))


def _row_text(row: Tag, in_content: int) -> str:
    """A table row as one line: its non-empty cells, each cell's text squeezed to one line, joined by ' | '."""
    cells = (" ".join("".join(_walk(cell, in_content)).split()) for cell in _children(row, ("td", "th")))
    return " | ".join(cell for cell in cells if cell)


def _numbers(ol: Tag) -> dict[int, int]:
    """The numbers an ordered list shows before its items, from its start attribute."""
    try:
        start = int(ol.get("start", 1))
    except ValueError:
        start = 1
    return {id(item): start + i for i, item in enumerate(_children(ol, ("li",)))}


def _children(tag: Tag, names: tuple[str, ...]) -> list[Tag]:
    """The elements directly under `tag` with one of these names (find_all(names, recursive=False), quicker)."""
    return [child for child in tag.contents if isinstance(child, Tag) and child.name in names]

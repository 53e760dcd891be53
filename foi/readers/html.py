"""Saved HTML pages with BeautifulSoup and lxml: the page's text, one block per line.

Site chrome is dropped by the selectors in foi/rules/html.yml; headings, paragraphs and list items each get
their own line, numbered list items keep their numbers, and a table becomes one line per row with its cells
joined by " | ". The tree is walked without recursion, so a page nested ten thousand deep reads in a moment.
"""
from __future__ import annotations

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
ITEM_END = object()     # on the walk's stack after a numbered item's contents: an empty item's number is dropped


@lru_cache(maxsize=None)
def chrome_selector() -> str:
    return ", ".join(load("html")["drop"])


def read(data: bytes) -> tuple[str, str | None]:
    soup = BeautifulSoup(decode(data), "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    dropped = {id(tag) for tag in soup.select(chrome_selector())}
    lines = (" ".join(line.split()) for line in "".join(_walk(soup, dropped)).splitlines())
    return "\n".join(line for line in lines if line), title


def _walk(root: Tag, dropped: set[int]):
    """The text under *root* in pieces, with a line break around every block; a stack instead of recursion."""
    stack: list = [root]
    numbers: dict[int, int] = {}          # id of a numbered list item -> its number
    number = ""                           # an item's number, waiting for the item's first words
    while stack:
        node = stack.pop()
        if node is ITEM_END:
            number = ""
            continue
        if isinstance(node, str):
            if isinstance(node, NOT_TEXT):
                continue
            if number and node.strip():
                node, number = number + node.lstrip(), ""
            yield str(node)
            continue
        if node.name in INVISIBLE or id(node) in dropped:
            continue
        block = node.name in BLOCKS
        if block:
            yield "\n"
        if node.name == "tr":
            yield _row_text(node, dropped) + "\n"
            continue
        if node.name == "ol":
            numbers.update(_numbers(node))
        if block:
            stack.append("\n")
        if id(node) in numbers:
            number = f"{numbers[id(node)]}. "
            stack.append(ITEM_END)
        stack.extend(reversed(node.contents))


def _row_text(row: Tag, dropped: set[int]) -> str:
    """A table row as one line: its non-empty cells, each cell's text squeezed to one line, joined by ' | '."""
    cells = (" ".join("".join(_walk(cell, dropped)).split()) for cell in row.find_all(["td", "th"], recursive=False))
    return " | ".join(cell for cell in cells if cell)


def _numbers(ol: Tag) -> dict[int, int]:
    """The numbers an ordered list shows before its items, from its start attribute."""
    try:
        start = int(ol.get("start", 1))
    except ValueError:
        start = 1
    return {id(item): start + i for i, item in enumerate(ol.find_all("li", recursive=False))}

"""Saved HTML pages with BeautifulSoup and lxml: the page's text, one block per line.

Site chrome is dropped by the selectors in foi/rules/html.yml; headings, paragraphs and list items each get
their own line, numbered list items keep their numbers, and a table becomes one line per row with its cells
joined by " | ".
"""
from __future__ import annotations

from bs4 import BeautifulSoup
from soupsieve import SelectorSyntaxError

from foi.readers.text import decode
from foi.rules import load

BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "main",
          "blockquote", "pre", "dt", "dd", "dl", "ul", "ol", "hr", "address", "caption", "figcaption", "form",
          "fieldset", "details", "summary"}
INVISIBLE = ["script", "style", "noscript", "template", "iframe", "svg", "head", "object", "embed", "canvas"]


def read(data: bytes) -> tuple[str, str | None]:
    soup = BeautifulSoup(decode(data), "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup(INVISIBLE):
        tag.decompose()
    for selector in load("html")["drop"]:
        try:
            found = soup.select(selector)
        except SelectorSyntaxError:
            continue
        for tag in found:
            tag.decompose()
    for table in soup.find_all("table"):
        _flatten_table(table)
    for ol in soup.find_all("ol"):
        _number_items(ol)
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line), title


def _flatten_table(table) -> None:
    """Each row (innermost tables first) becomes one string: its non-empty cells joined by ' | '."""
    for row in reversed(table.find_all("tr")):
        cells = [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"], recursive=False)]
        row.clear()
        row.append(" | ".join(cell for cell in cells if cell))


def _number_items(ol) -> None:
    try:
        n = int(ol.get("start", 1))
    except ValueError:
        n = 1
    for item in ol.find_all("li", recursive=False):
        item.insert(0, f"{n}. ")
        n += 1

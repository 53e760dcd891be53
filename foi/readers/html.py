"""Saved HTML pages: the page's text, one block per line, with structural site chrome dropped."""
from __future__ import annotations

from bs4 import BeautifulSoup

from foi.readers.text import decode

BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "section", "article",
          "blockquote", "pre", "dt", "dd", "td", "th"}


def read(data: bytes) -> tuple[str, str | None]:
    soup = BeautifulSoup(decode(data), "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup(["script", "style", "noscript", "template", "iframe", "svg", "head"]):
        tag.decompose()
    for tag in soup.find_all(BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line), title

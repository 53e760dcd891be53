"""The one place where document text becomes page text: untrusted text -> escaped HTML that Markdown leaves alone.

Documents are hostile input. Everything taken from them is HTML-escaped and every character Markdown, attribute
lists, Jinja or snippets could act on is written as a character reference, so nothing in a document becomes live
HTML, a link, a heading or an include. Only plain http(s) and mailto URLs become links, marked nofollow.
Callers emit the result inside raw HTML blocks, one block per line of document text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import yaml

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Characters Markdown (and its extensions, Jinja, snippets) give meaning to, beyond HTML's & < > " '.
MARKDOWN_SIGNIFICANT = "\\`*_[]{}!|~^#=$"
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
            **{c: f"&#{ord(c)};" for c in MARKDOWN_SIGNIFICANT}}
_TABLE = str.maketrans(_ESCAPES)
URL = re.compile(r"(?:https?://|mailto:)[^\s<>\"'`]+", re.I)
TRAILING = ".,;:!?)]}'\""


@lru_cache(maxsize=None)
def labels() -> dict:
    """foi/site/labels.yml: the words pages use for the record's codes."""
    return yaml.safe_load((Path(__file__).with_name("labels.yml")).read_text(encoding="utf-8"))


def label(group: str, code: str | None) -> str:
    return labels()[group].get(code, str(code or "").replace("_", " ").capitalize())


def escape(text: str) -> str:
    """Text -> HTML text or attribute value that neither HTML nor Markdown will act on."""
    return str(text).translate(_TABLE)


def attr(value: str) -> str:
    """Our own values (ids, paths, catalogue names) for an HTML attribute."""
    return html.escape(str(value), quote=True)


def inline(text: str) -> str:
    """Escaped text with plain http(s)/mailto URLs as nofollow links."""
    out, pos = [], 0
    for m in URL.finditer(text):
        url = m.group(0).rstrip(TRAILING)
        if len(url) <= len(m.group(0).split(":", 1)[0]) + 3:
            continue
        out.append(escape(text[pos:m.start()]))
        out.append(link(url, url))
        pos = m.start() + len(url)
    out.append(escape(text[pos:]))
    return "".join(out)


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) or mailto address, else None."""
    url = (url or "").strip()
    return url if re.match(r"(?:https?://|mailto:)[^\s<>\"'`]+$", url, re.I) else None


def link(url: str, text: str) -> str:
    """An external link to an untrusted URL: only http(s)/mailto, else just the text."""
    href = safe_url(url)
    if not href:
        return escape(text)
    return f'<a href="{escape(href)}" rel="nofollow noopener">{escape(text)}</a>'


def paragraphs(text: str | None, cls: str | None = None) -> str:
    """Each non-blank line of untrusted text as a <p>; one HTML block with no blank lines in it."""
    class_ = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{class_}>{inline(line.strip())}</p>" for line in (text or "").splitlines() if line.strip())


def front_matter(meta: dict) -> str:
    """A page's YAML front matter (with libyaml where present: the same text, several times faster)."""
    return "---\n" + yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=False) + "---\n"


def count(n: int, one: str, many: str) -> str:
    """'1 authority', '3 authorities'."""
    return f"{n} {one if n == 1 else many}"


def scrolling(table: str) -> str:
    """Wrap a table so it scrolls sideways on a phone instead of widening the page (Material's own wrapper)."""
    return f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">\n{table}\n</div></div>'


def meta_text(text: str | None, limit: int = 300) -> str:
    """Untrusted text for front matter (page titles, descriptions): one line, no angle brackets, so templates
    that print it unescaped still print text."""
    return shorten(str(text or "").replace("<", "\u2039").replace(">", "\u203a"), limit)


def shorten(text, limit: int) -> str:
    """Text on one line (runs of white space as one space), cut to `limit` characters with an ellipsis."""
    one = " ".join(str(text).split())
    return one if len(one) <= limit else one[:limit - 1].rstrip() + "\u2026"


@dataclass(frozen=True)
class Mark:
    """A citation in the text: offsets and the exemption ids it cites."""
    start: int
    end: int
    ids: tuple[str, ...]
    title: str = ""


@dataclass(frozen=True)
class Fold:
    """A boilerplate passage, folded under a summary line; `same_as` (href, place) when the same words appeared
    earlier on the page: the passage then refers to them instead of repeating them."""
    start: int
    end: int
    summary: str
    same_as: tuple[str, str] | None = None


def annotated(text: str, start: int, end: int, marks: Iterable[Mark] = (), folds: Iterable[Fold] = (),
              href: Callable[[str], str] | None = None) -> str:
    """text[start:end] as HTML: one <p> per line, citations in <mark class="foi-cite"> linking to `href(id)`,
    boilerplate in <details data-pagefind-ignore="index"> blocks. Every character of the passage is kept, but a
    boilerplate passage repeated word for word is one line linking to where it first appears."""
    marks = sorted((m for m in marks if m.start < end and m.end > start), key=lambda m: (m.start, -m.end))
    blocks, pos = [], start
    for fold in sorted(folds, key=lambda f: f.start):
        a, b = max(fold.start, pos), min(fold.end, end)
        if a >= b:
            continue
        blocks.append(_lines(text, pos, a, marks, href))
        body = _lines(text, a, b, marks, href)
        if body and fold.same_as and (a, b) == (fold.start, fold.end):
            target, place = fold.same_as
            blocks.append(f'<p class="foi-same">{escape(fold.summary)}: the same words as '
                          f'<a href="{attr(target)}">{escape(place)}</a>.</p>')
        elif body:
            blocks.append(f'<details class="foi-boilerplate" data-pagefind-ignore="index">\n'
                          f"<summary>{escape(fold.summary)}</summary>\n{body}\n</details>")
        pos = b
    blocks.append(_lines(text, pos, end, marks, href))
    return "\n".join(b for b in blocks if b)


def _lines(text, start, end, marks, href) -> str:
    out, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            out.append(f"<p>{_marked(text, pos, stop, marks, href)}</p>")
        pos = stop + 1
    return "\n".join(out)


def _marked(text, start, end, marks, href) -> str:
    out, pos = [], start
    for m in marks:
        a, b = max(m.start, start), min(m.end, end)
        if a < pos or a >= b:
            continue
        out.append(inline(text[pos:a]))
        words = escape(text[a:b])
        if href:
            words = f'<a href="{attr(href(m.ids[0]))}">{words}</a>'
        title = f' title="{attr(m.title)}"' if m.title else ""
        out.append(f'<mark class="foi-cite" data-exemption="{attr("; ".join(m.ids))}"{title}>{words}</mark>')
        pos = b
    out.append(inline(text[pos:end]))
    return "".join(out).strip()

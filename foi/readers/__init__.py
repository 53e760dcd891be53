"""Read a response file of any supported format into a Document, or raise ReadError with the reason.

Each reader module has read(data: bytes) -> (text, title). A legacy Word .doc is recorded as format 'docx'
(the closest value record.schema.json allows); source.path keeps its real suffix.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from foi.document import Document, ReadError
from foi.readers import doc, docx, eml, html, pdf, text
from foi.rules import load

MAX_BYTES = 25 * 2**20       # larger files are refused: a response's text is rarely over a few MB
MAX_CHARS = 2_000_000        # about a thousand pages; more would take minutes to annotate

# extension -> (format, reader module)
READERS = {
    ".txt": ("text", text),
    ".text": ("text", text),
    ".md": ("markdown", text),
    ".markdown": ("markdown", text),
    ".html": ("html", html),
    ".htm": ("html", html),
    ".pdf": ("pdf", pdf),
    ".docx": ("docx", docx),
    ".doc": ("docx", doc),
    ".eml": ("eml", eml),
}

# Word files are often saved under the other Word suffix: the first bytes tell which reader fits
WORD_MAGIC = {b"PK\x03\x04": docx, b"\xd0\xcf\x11\xe0": doc}


def read(path: Path) -> Document:
    path = Path(path)
    if path.suffix.lower() not in READERS:
        raise ReadError(f"unsupported file type {path.suffix or '(none)'!r}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"file is too large: {size / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MB limit")
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}") from None
    fmt, body, title = read_bytes(data, path.suffix)
    return Document(path=path, format=fmt, text=body, sha256=hashlib.sha256(data).hexdigest(), title=title)


def read_bytes(data: bytes, suffix: str) -> tuple[str, str, str | None]:
    """The bytes of a file named *suffix* -> (format, normalised text, title). Raises ReadError only."""
    kind = READERS.get(suffix.lower())
    if kind is None:
        raise ReadError(f"unsupported file type {suffix or '(none)'!r}")
    if not data:
        raise ReadError("file is empty")
    if not data.strip():
        raise ReadError("file holds only blank space")
    fmt, module = kind
    if fmt == "docx":
        module = next((m for magic, m in WORD_MAGIC.items() if data.startswith(magic)), module)
    try:
        body, title = module.read(data)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError("document is too deeply nested to read") from None
    except Exception as exc:  # parsers of damaged files raise anything; the reason is what the user needs
        raise ReadError(f"damaged or unreadable {suffix.lstrip('.').upper()} file ({type(exc).__name__})") from None
    body = text.normalise(body)
    if not body.strip():
        raise ReadError("no text found in the file")
    if len(body) > MAX_CHARS:
        raise ReadError(f"too much text: {len(body):,} characters, over the {MAX_CHARS:,} limit")
    return fmt, body, _title(title)


@lru_cache(maxsize=None)
def _not_titles() -> list[re.Pattern]:
    return [re.compile(p, re.I) for p in load("titles")["not_titles"]]


def _title(title: str | None) -> str | None:
    """A title from the file's metadata, squeezed to one line; None where it is a placeholder or a file name."""
    title = " ".join((title or "").split())
    return None if any(p.fullmatch(title) for p in _not_titles()) else title

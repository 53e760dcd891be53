"""Read a response file of any supported format into a Document, or raise ReadError with the reason."""
from __future__ import annotations

import hashlib
from pathlib import Path

from foi.document import Document, ReadError
from foi.readers import html, text

MAX_BYTES = 50 * 1024 * 1024

# extension -> (format, reader module); each module has read(data: bytes, path: Path) -> Document fields
READERS = {
    ".txt": ("text", text),
    ".text": ("text", text),
    ".md": ("markdown", text),
    ".markdown": ("markdown", text),
    ".html": ("html", html),
    ".htm": ("html", html),
}

SUPPORTED = tuple(READERS)


def read(path: Path) -> Document:
    path = Path(path)
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise ReadError(f"unsupported file type {path.suffix or '(none)'!r}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise ReadError(f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MB limit")
    data = path.read_bytes()
    if not data.strip():
        raise ReadError("file is empty")
    fmt, module = kind
    body, title = module.read(data)
    if not body.strip():
        raise ReadError("no text found in the file")
    return Document(path=path, format=fmt, text=body, sha256=hashlib.sha256(data).hexdigest(), title=title)

"""Plain text and Markdown in any encoding."""
from __future__ import annotations

from charset_normalizer import from_bytes

from foi.document import ReadError


def decode(data: bytes) -> str:
    """Bytes to text: BOMs and UTF-8 first, then the encoding charset-normalizer finds most likely."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ReadError("not text: binary content or an unknown encoding")
    return str(best)


def read(data: bytes) -> tuple[str, str | None]:
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise ReadError("not text: binary content")
    return text, None

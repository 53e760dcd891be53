"""Plain text and Markdown in any encoding: UTF-8, UTF-16 with a BOM, cp1252 from Word, latin-1..."""
from __future__ import annotations

import re

from charset_normalizer import from_bytes

from foi.document import ReadError

BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
PREFERRED = "cp1252"
LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f\u00ad\u200b\ufeff]")   # controls, soft hyphens, zero widths
TABS = re.compile(r"\t{2,}")
BLANK_LINES = re.compile(r"\n{3,}")
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})


def decode(data: bytes) -> str:
    """Bytes to text: a BOM, else UTF-8, else the encoding charset-normalizer finds most likely (Word's cp1252
    where it fits as well as any: short texts fit several code pages equally)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise ReadError(f"not text: invalid {codec.upper()}") from None
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise ReadError("not text: binary content or an unknown encoding")
    least = min(m.percent_chaos for m in matches)
    if any(m.percent_chaos == least and PREFERRED in m.could_be_from_charset for m in matches):
        try:
            return _checked(data.decode(PREFERRED))
        except UnicodeDecodeError:
            pass
    return _checked(str(matches[0]))


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters: a binary file that happened to decode."""
    if "\x00" in text or len(CONTROLS.findall(text)) > len(text) // 100:
        raise ReadError("not text: binary content")
    return text


def normalise(text: str) -> str:
    """One form for every reader: '\\n' line breaks, no control characters or soft hyphens, no typographic
    ligatures (PDFs), no trailing spaces, one tab at most in a row, no runs of blank lines, none at either end."""
    text = INVISIBLE.sub("", LINE_BREAKS.sub("\n", text)).replace("\u00a0", " ").translate(LIGATURES)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return BLANK_LINES.sub("\n\n", TABS.sub("\t", text)).strip("\n")


def read(data: bytes) -> tuple[str, str | None]:
    return decode(data), None

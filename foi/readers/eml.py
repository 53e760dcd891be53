"""Email (.eml) with the standard library's email package: the authority's reply, without the earlier messages
it quotes, followed by the text of every attachment that is itself a response (PDF, Word, text, HTML), each
under a line "Attachment: NAME". The subject is the title."""
from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import PurePath

from foi.document import ReadError
from foi.readers import html
from foi.rules import load


@lru_cache(maxsize=None)
def _rules() -> tuple[list[re.Pattern], tuple[str, ...]]:
    rules = load("email")
    return [re.compile(p, re.I) for p in rules["quote_starts"]], tuple(rules["attachment_suffixes"])


def read(data: bytes) -> tuple[str, str | None]:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    if not msg.keys():
        raise ReadError("not an email: no headers found")
    body = msg.get_body(preferencelist=("plain", "html"))
    text = _part_text(body) if body is not None else ""
    reply = own_words(text)
    sections = [_header_lines(msg), reply]
    for part in msg.iter_attachments():
        name = part.get_filename() or ""
        if part is body or PurePath(name).suffix.lower() not in _rules()[1]:
            continue
        sections.append(f"Attachment: {name}\n{_attachment_text(part, name)}")
    subject = msg.get("subject")
    return "\n\n".join(s for s in sections if s.strip()), str(subject) if subject else None


def own_words(text: str) -> str:
    """A reply without the earlier messages it quotes: everything from the first quote marker on (a marker may
    be wrapped onto a second line), and '>' lines."""
    starts, _ = _rules()
    lines = text.replace("\r\n", "\n").split("\n")

    def quote_starts(i: int) -> bool:
        one = lines[i].strip()
        two = f"{one} {lines[i + 1].strip()}" if i + 1 < len(lines) else one
        return any(p.fullmatch(one) or p.fullmatch(two) for p in starts)

    cut = next((i for i in range(len(lines)) if quote_starts(i)), len(lines))
    return "\n".join(line for line in lines[:cut] if not line.lstrip().startswith(">")).strip()


def _part_text(part) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError):            # unknown charset or broken transfer encoding
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("latin-1")
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    if part.get_content_subtype() == "html":
        return html.read(content.encode("utf-8"))[0]
    return content


def _header_lines(msg) -> str:
    """The date the reply was sent, as a line of text (the response's date)."""
    try:
        sent = parsedate_to_datetime(str(msg.get("date", "")))
    except (TypeError, ValueError, IndexError):
        return ""
    return f"Date: {sent.day} {sent:%B %Y}"


def _attachment_text(part, name: str) -> str:
    from foi import readers      # readers imports this module: import at call time

    data = part.get_payload(decode=True) or b""
    try:
        return readers.read_bytes(data, PurePath(name).suffix)[1]
    except ReadError as exc:
        return f"(not read: {exc})"

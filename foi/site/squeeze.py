"""Squeeze the theme's indentation out of the built HTML: every run of whitespace that spans a line break becomes
one newline, which a browser renders exactly as it rendered the run (preformatted blocks, textareas, scripts and
styles are left as they are). Material's templates indent deeply; this keeps response pages light without copying its templates.
"""
from __future__ import annotations

import re
from pathlib import Path

# a whole verbatim element (kept as it is), or a run of two or more whitespace characters with a line break in it
GAP = re.compile(rb"(<(pre|textarea|script|style)\b.*?</\2\s*>)|[ \t]*\n[ \t\r\n]+|[ \t]+\n", re.S | re.I)


def squeeze(html: bytes) -> bytes:
    return GAP.sub(lambda m: m.group(1) or b"\n", html)


def squeeze_site(site_dir: Path) -> int:
    """Squeeze every HTML file under site/ in place; returns the bytes saved."""
    saved = 0
    for path in Path(site_dir).rglob("*.html"):
        html = path.read_bytes()
        small = squeeze(html)
        if len(small) != len(html):
            path.write_bytes(small)
            saved += len(html) - len(small)
    return saved

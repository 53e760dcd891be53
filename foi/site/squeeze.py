"""Squeeze the theme's indentation out of the built HTML: every run of whitespace that spans a line break becomes
one newline, which a browser renders exactly as it rendered the run (preformatted blocks, textareas, scripts and
styles are left as they are). Material's templates indent deeply; this keeps response pages light without copying its templates.
"""
from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

VERBATIM = re.compile(rb"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
GAP = re.compile(rb"[ \t]*\n[ \t\r\n]+|[ \t]+\n")   # two or more whitespace characters with a line break


def squeeze(html: bytes) -> bytes:
    parts = VERBATIM.split(html)   # text, verbatim element, its tag name, text, ...: only the text is squeezed
    return b"".join(GAP.sub(b"\n", part) if k % 3 == 0 else part for k, part in enumerate(parts) if k % 3 != 2)


def squeeze_site(site_dir: Path, jobs: int | None = None) -> int:
    """Squeeze every HTML file under site/ in place, on all cores; returns the bytes saved."""
    paths = sorted(Path(site_dir).rglob("*.html"))
    if len(paths) < 200:
        return sum(map(squeeze_file, paths))
    with ProcessPoolExecutor(jobs or os.cpu_count()) as pool:
        return sum(pool.map(squeeze_file, paths, chunksize=64))


def squeeze_file(path: Path) -> int:
    html = path.read_bytes()
    small = squeeze(html)
    if len(small) != len(html):
        path.write_bytes(small)
    return len(html) - len(small)

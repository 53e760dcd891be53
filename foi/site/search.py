"""Index the built site for search with Pagefind, writing the search bundle (index, fragments, filters and
pagefind.js, which docs/assets/search.js drives; Pagefind also writes its prebuilt UI files, which we do not use)
into site/pagefind/. Only response content is indexed: pages mark it with data-pagefind-body, boilerplate with
data-pagefind-ignore, and filters (authority, exemption, outcome, ncnd, regime, year) with data-pagefind-filter.

The pagefind package ships the Pagefind binary; running it on the folder (rather than feeding pages through
the Python API) streams the pages from disk, which keeps memory modest on a large site.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"
# Left out of the index: the permalink signs MkDocs adds to headings (they would show in result titles), and our
# own labels repeated on every response page, which nobody searches for and whose words would swell the index
# chunks every query downloads: the header card (reference, date, law, outcome: the reference is in the title,
# the rest are filters), "Question (N in the response)", each answer's outcome and exemption line (the exemption
# is in the response's own words beside it), "question not included" notes and the neither-confirm-nor-deny
# explanation. The response's own text, our summary and the section headings (result anchors) stay indexed.
EXCLUDE = ", ".join((".headerlink", ".foi-card", ".foi-question-title", ".foi-answer-meta", ".foi-missing",
                     ".foi-ncnd-callout"))


class PagefindError(RuntimeError):
    """Pagefind failed; the message holds its output."""


def index(site: Path) -> str:
    """Write the search bundle for the built site into `site`/pagefind/. Returns Pagefind's warnings, one of
    each (such as a data-pagefind-ignore value it does not understand), or ''."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE,
           "--force-language", "en", "--exclude-selectors", EXCLUDE, "--quiet"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode:
        raise PagefindError(f"pagefind failed (exit {proc.returncode}): {proc.stderr + proc.stdout}")
    lines = (proc.stdout + proc.stderr).splitlines()
    return "\n".join(f"pagefind: {line}" for line in dict.fromkeys(line.strip() for line in lines if line.strip()))

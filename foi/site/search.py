"""Index the built site for search with Pagefind, writing the search bundle (index, pagefind-ui.js/css) into
site/pagefind/. Only response content is indexed: pages mark it with data-pagefind-body, boilerplate with
data-pagefind-ignore, and filters (authority, exemption, outcome, ncnd, regime, year) with data-pagefind-filter.

The pagefind package ships the Pagefind binary; running it on the folder (rather than feeding pages through
the Python API) streams the pages from disk, which keeps memory modest on a large site.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"


class PagefindError(RuntimeError):
    """Pagefind failed; the message holds its output."""


def index(site: Path, verbose: bool = False) -> None:
    """Write the search bundle for the built site into `site`/pagefind/."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE,
           "--force-language", "en"]
    proc = subprocess.run(cmd + ([] if verbose else ["--quiet"]), capture_output=not verbose, text=True)
    if proc.returncode:
        raise PagefindError(f"pagefind failed (exit {proc.returncode}): {(proc.stderr or '') + (proc.stdout or '')}")

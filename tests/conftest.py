"""Shared test helpers. ../shared (the labelled corpus) is optional: tests that need it skip without it."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "data" / "cleveland-police" / "foi-512-25.txt"


@pytest.fixture
def shared():
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared corpus not present")
    return SHARED

"""(being written) Requests sent to many authorities: data/requests/<id>.yml."""
from __future__ import annotations

from pathlib import Path


def load_all(folder: Path) -> dict[str, dict]:
    return {}

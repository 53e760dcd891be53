"""Sidecars: NAME.yml beside NAME.ext carries what a publisher knows about a response (url, request, notes...)."""
from __future__ import annotations

from pathlib import Path

import yaml


def path_for(source: Path) -> Path:
    return Path(source).with_suffix(".yml")


def load(source: Path) -> dict:
    """The sidecar of a source file as a dict ({} when there is none). Raises ValueError when it is not YAML."""
    side = path_for(source)
    if not side.exists() or side == Path(source):
        return {}
    try:
        data = yaml.safe_load(side.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ValueError(f"{side}: not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"{side}: expected a mapping of keys to values")
    return data

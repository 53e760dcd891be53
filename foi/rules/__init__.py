"""Rules kept as data: each NAME.yml beside this file, loaded once."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when present: every worker loads every rule file


@lru_cache(maxsize=None)
def load(name: str):
    return yaml.load((HERE / f"{name}.yml").read_text(encoding="utf-8"), Loader=LOADER)

"""The labelled corpus (../shared) is the judge: no score may fall below the floors in tests/score-floors.yml."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FLOORS = Path(__file__).with_name("score-floors.yml")


def score(shared: Path, corpus: str) -> dict[str, float]:
    proc = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(shared / "corpus" / corpus),
                           "--project", str(ROOT), "--python", sys.executable],
                          cwd=ROOT, capture_output=True, text=True)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("SCORE ")]
    assert lines, f"score.py printed no SCORE line:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    return {k: float(v) for k, v in (part.split("=") for part in lines[-1].split()[1:])}


@pytest.mark.parametrize("corpus", ["dev", "formats"])
def test_scores_hold_their_floors(shared, corpus):
    got = score(shared, corpus)
    floors = yaml.safe_load(FLOORS.read_text(encoding="utf-8"))[corpus]
    assert got["errors"] <= floors.pop("errors")
    below = {k: (got[k], floor) for k, floor in floors.items() if got[k] < floor}
    assert not below, f"below the floor (got, floor): {below}"

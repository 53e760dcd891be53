"""Legacy Word .doc files, through the antiword program (Debian package antiword)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile

from foi.document import ReadError

TIMEOUT = 30        # seconds
PICTURE = "[pic]"   # antiword's stand-in for an image


def read(data: bytes) -> tuple[str, str | None]:
    if shutil.which("antiword") is None:
        raise ReadError("antiword is not installed: cannot read legacy .doc")
    with tempfile.NamedTemporaryFile(suffix=".doc") as tmp:
        tmp.write(data)
        tmp.flush()
        try:
            run = subprocess.run(["antiword", "-w", "0", "-m", "UTF-8.txt", tmp.name],
                                 capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ReadError(f"legacy .doc took over {TIMEOUT} seconds to read") from None
        if run.returncode != 0:
            reason = run.stderr.decode("utf-8", "replace").replace(tmp.name, "the file").strip().splitlines()
            raise ReadError(f"cannot read legacy .doc: {reason[-1] if reason else 'antiword failed'}")
    lines = run.stdout.decode("utf-8", "replace").splitlines()
    return "\n".join(_flatten(line) for line in lines if line.strip() != PICTURE), None


def _flatten(line: str) -> str:
    """antiword draws a table row as '|cell |cell |': keep the cells that hold text, joined by ' | '."""
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|")):
        return line
    cells = [" ".join(cell.split()) for cell in stripped[1:-1].split("|")]
    return " | ".join(cell for cell in cells if cell)

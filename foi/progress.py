"""Progress of long runs on a terminal: the current stage and how many of N are done, on one line of stderr.

Silent when stderr is not a terminal (CI logs, pipes), so logs hold only results and errors.
"""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, stream=None, enabled: bool | None = None, interval: float = 0.1):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.interval = interval
        self.name, self.total, self.count, self.shown = "", 0, 0, 0.0

    def stage(self, name: str, total: int = 0) -> None:
        """Start a stage: `total` items to do, or 0 when the stage is not counted."""
        self.name, self.total, self.count = name, total, 0
        self._show(force=True)

    def advance(self, n: int = 1) -> None:
        self.count += n
        self._show(force=self.count >= self.total)

    def done(self) -> None:
        """End the stage and clear the line."""
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _show(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.shown < self.interval):
            return
        self.shown = now
        counted = f" {self.count} of {self.total}" if self.total else " ..."
        self.stream.write(f"\r\033[K{self.name}:{counted}")
        self.stream.flush()

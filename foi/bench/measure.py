"""Time a command and its peak memory: the wall time, and the largest total resident memory of the command's
whole process tree (the command and its workers), sampled from /proc every 50 ms."""
from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass


@dataclass
class Timing:
    seconds: float
    peak_bytes: int
    returncode: int
    output: str


def run(cmd: list[str], env: dict | None = None) -> Timing:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.wait(0.05):
            peak[0] = max(peak[0], tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = proc.communicate()[0]
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    return Timing(seconds, peak[0], proc.returncode, output)


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (0 once it has gone)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    todo += [int(child) for child in f.read().split()]
        except (OSError, ValueError):
            continue
    return total

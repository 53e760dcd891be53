"""Time a command and its peak memory: the wall time, and the largest total memory of the command's whole process
tree (the command and its workers), sampled from /proc every 50 ms. Memory is the proportional set size (PSS): a
page that forked workers share with their parent is counted once, not once per process as resident size would."""
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
            peak[0] = max(peak[0], tree_memory(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = proc.communicate()[0]
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    return Timing(seconds, peak[0], proc.returncode, output)


def tree_memory(pid: int) -> int:
    """Bytes of memory of a process and all its descendants (0 once it has gone): their PSS, or their resident
    size where the kernel gives no PSS."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += _memory(current)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    todo += [int(child) for child in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def _memory(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:"))
    except (OSError, StopIteration):
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

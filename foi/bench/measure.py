"""Time a command and its peak memory: the wall time, and the largest total memory of the command's whole process
tree (the command and its workers).

Memory is the proportional set size (PSS): a page that forked workers share with their parent is counted once, not
once per process as resident size would. The kernel takes about 10 ms to total the PSS of a large process, so the
tree's resident size (cheap) is sampled every 50 ms and its PSS each time the resident size reaches a new high,
as long as PSS sampling has taken under 2% of the time so far: sampling it every 50 ms took most of a core from
the command being timed.
"""
from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass

PSS_SHARE = 0.02     # most of the elapsed time that sampling PSS may take


@dataclass
class Timing:
    seconds: float
    peak_bytes: int
    returncode: int
    output: str


def run(cmd: list[str], env: dict | None = None) -> Timing:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = {"rss": 0, "pss": 0, "spent": 0.0, "higher": False}
    stop = threading.Event()

    def sample():
        while not stop.wait(0.05):
            rss = tree_memory(proc.pid, _rss)
            if rss > peak["rss"]:
                peak["rss"], peak["higher"] = rss, True
            now = time.perf_counter()
            if peak["higher"] and peak["spent"] <= PSS_SHARE * (now - started):
                peak["pss"] = max(peak["pss"], tree_memory(proc.pid, _pss))
                peak["spent"] += time.perf_counter() - now
                peak["higher"] = False

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = proc.communicate()[0]
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    return Timing(seconds, peak["pss"] or peak["rss"], proc.returncode, output)


def tree_memory(pid: int, measure=None) -> int:
    """Bytes of memory of a process and all its descendants (0 once it has gone), by `measure` (default: PSS, or
    the resident size where the kernel gives no PSS)."""
    measure = measure or _pss
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += measure(current)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    todo += [int(child) for child in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next(int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:"))
    except (OSError, StopIteration):
        return _rss(pid)


def _rss(pid: int) -> int:
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

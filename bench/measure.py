"""Benchmark helpers: run a measurement in a fresh process, report seconds and peak memory.

Each measurement runs in its own Python process so that its peak resident memory
(``VmHWM``) is its own, and so that file caches are the only thing runs share. Times
are the best of ``repeat`` runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

__all__ = ["measure", "ratio_line"]

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {bench!r})
setup, stmt = {setup!r}, {stmt!r}
ns = {{}}
exec(setup, ns)
best = float("inf")
for _ in range({repeat}):
    t = time.perf_counter()
    exec(stmt, ns)
    best = min(best, time.perf_counter() - t)
try:  # VmHWM is this program's own peak; ru_maxrss also counts the parent's size at fork
    peak_kb = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": best, "peak_mb": peak_kb / 1024}}))
"""


def measure(setup: str, stmt: str, repeat: int = 3) -> dict:
    """Best time of ``stmt`` (after ``setup``) over ``repeat`` runs, and the process's peak memory in MB."""
    code = _CHILD.format(bench=str(Path(__file__).parent), setup=setup, stmt=stmt, repeat=repeat)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(f"measurement failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def ratio_line(label: str, subject: dict, baseline: dict) -> str:
    """One report line: times, ratio, memory."""
    return (f"{label:<28} {subject['seconds']:8.3f} s  baseline {baseline['seconds']:8.3f} s  "
            f"ratio {subject['seconds'] / baseline['seconds']:5.2f}x  "
            f"peak {subject['peak_mb']:7.0f} MB (baseline {baseline['peak_mb']:.0f} MB)")

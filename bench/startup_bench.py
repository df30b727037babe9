"""Start-up: whole ``riep`` processes against a bare process doing the least the command must do.

Most of what a person waits for at the desk or in CI is the process starting: the shipped
workbooks are a few hundred lines. Each figure is the best of ``repeat`` wall-clock runs of
a fresh process, subject and baseline interleaved so that a busy machine slows both; the
processes' CPU time (user + system) is reported beside it, as it moves less when other work
shares the machine:

- ``riep --help`` against ``python -c "import click"`` (target: at most 2x);
- ``riep check workbook/financial_allocation.xlsx`` against a process that imports pandas and
  python-calamine and reads the same sheet into a DataFrame (target: at most 1.5x).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["main", "startup", "TARGETS"]

ROOT = Path(__file__).resolve().parents[1]
ALLOCATION = ROOT / "workbook" / "financial_allocation.xlsx"
RIEP = "import sys\nfrom riep.cli import main\nsys.argv[0] = 'riep'\nmain()"
BARE_READ = (
    "import pandas as pd, python_calamine as pc\n"
    f"rows = pc.CalamineWorkbook.from_path({str(ALLOCATION)!r}).get_sheet_by_name('Allocation').to_python()\n"
    "frame = pd.DataFrame(rows[1:], columns=rows[0])"
)
TARGETS = {"riep --help": 2.0, "riep check (shipped)": 1.5}


def _seconds(args: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one process."""
    env = {**os.environ, "XLWINGS_LICENSE_KEY": os.environ.get("XLWINGS_LICENSE_KEY", "noncommercial")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(args, capture_output=True, env=env)
    took = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{args} failed:\n{done.stderr.decode()[-2000:]}")
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup(subject: list[str], baseline: list[str], repeat: int = 7) -> tuple[tuple[float, float], tuple[float, float]]:
    """Best (wall-clock, CPU) seconds of ``subject`` and of ``baseline`` (Python arguments), interleaved runs."""
    best_s = best_b = (float("inf"), float("inf"))
    for _ in range(repeat):
        b = _seconds([sys.executable, *baseline])
        s = _seconds([sys.executable, *subject])
        best_b = (min(best_b[0], b[0]), min(best_b[1], b[1]))
        best_s = (min(best_s[0], s[0]), min(best_s[1], s[1]))
    return best_s, best_b


def main() -> list[str]:
    cases = {
        "riep --help": (["-c", RIEP, "--help"], ["-c", "import click"]),
        "riep check (shipped)": (["-c", RIEP, "check", str(ALLOCATION)], ["-c", BARE_READ]),
    }
    lines = []
    for label, (subject, baseline) in cases.items():
        (s, s_cpu), (b, b_cpu) = startup(subject, baseline)
        verdict = "ok" if s / b <= TARGETS[label] else "OVER TARGET"
        lines.append(f"{label:<22} {s:6.3f} s  baseline {b:6.3f} s  ratio {s / b:5.2f}x  (target {TARGETS[label]}x: "
                     f"{verdict}); CPU {s_cpu:6.3f} s against {b_cpu:6.3f} s = {s_cpu / b_cpu:5.2f}x")
        print(lines[-1], flush=True)
    return lines


if __name__ == "__main__":
    main()

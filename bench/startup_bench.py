"""Start-up: whole ``riep`` processes against a bare process doing the least the command must do.

Most of what a person waits for at the desk or in CI is the process starting: the shipped
workbooks are a few hundred lines. Each figure is the best of ``repeat`` wall-clock runs of
a fresh process, subject and baseline interleaved so that a busy machine slows both; the
processes' CPU time (user + system) is reported beside it, as it moves less when other work
shares the machine:

- ``riep --help`` against ``python -c "import click"`` (target: at most 2x);
- ``riep check workbook/financial_allocation.xlsx`` against a process that imports pandas and
  python-calamine and reads the same sheet into a DataFrame (target: at most 1.5x);
- the same pair on a generated allocation workbook of 200,000 lines (``check_bench.generate``), where
  reading dominates (target: at most 1.3x).

riep's bytecode is compiled first, as ``pip install`` compiles a wheel's (and ``make setup`` does for the
working tree): otherwise, with ``PYTHONDONTWRITEBYTECODE`` set, every riep process compiles its modules again.
"""

from __future__ import annotations

import compileall
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["main", "startup", "TARGETS"]

ROOT = Path(__file__).resolve().parents[1]
ALLOCATION = ROOT / "workbook" / "financial_allocation.xlsx"
BIG_LINES = 200_000
RIEP = "import sys\nfrom riep.cli import main\nsys.argv[0] = 'riep'\nmain()"
TARGETS = {"riep --help": 2.0, "riep check (shipped)": 1.5, f"riep check ({BIG_LINES:,})": 1.3}


def bare_read(path: Path) -> str:
    """A process that imports pandas and python-calamine and reads ``path``'s Allocation sheet into a DataFrame."""
    return ("import pandas as pd, python_calamine as pc\n"
            f"rows = pc.CalamineWorkbook.from_path({str(path)!r}).get_sheet_by_name('Allocation').to_python()\n"
            "frame = pd.DataFrame(rows[1:], columns=rows[0])")


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
    from check_bench import generate

    compileall.compile_dir(ROOT / "python" / "riep", quiet=1)
    big = generate(ROOT / "bench" / "results" / f"allocation_{BIG_LINES}.xlsx", BIG_LINES)
    cases = {
        "riep --help": (["-c", RIEP, "--help"], ["-c", "import click"], 7),
        "riep check (shipped)": (["-c", RIEP, "check", str(ALLOCATION)], ["-c", bare_read(ALLOCATION)], 7),
        f"riep check ({BIG_LINES:,})": (["-c", RIEP, "check", str(big)], ["-c", bare_read(big)], 3),
    }
    lines = []
    for label, (subject, baseline, repeat) in cases.items():
        (s, s_cpu), (b, b_cpu) = startup(subject, baseline, repeat)
        verdict = "ok" if s / b <= TARGETS[label] else "OVER TARGET"
        lines.append(f"{label:<22} {s:6.3f} s  baseline {b:6.3f} s  ratio {s / b:5.2f}x  (target {TARGETS[label]}x: "
                     f"{verdict}); CPU {s_cpu:6.3f} s against {b_cpu:6.3f} s = {s_cpu / b_cpu:5.2f}x")
        print(lines[-1], flush=True)
    return lines


if __name__ == "__main__":
    main()

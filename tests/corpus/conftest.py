"""The corpus runner: ``riep`` in a forked child, so each case has its own exit code, output and peak memory."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from riep.cli import main
from riep.jobs import all_jobs

PEAK_MB = 1024  # every run in the corpus stays under 1 GB of memory

all_jobs()  # imported once here, so each forked run starts as a warm process would


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    peak_mb: float


def _child(argv: list[str], out: Path, err: Path) -> None:
    os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1)
    os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 - the child ends with os._exit
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    code = 70
    try:
        main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0) if isinstance(exc.code, int | None) else 1
    except BaseException:  # anything escaping main is what the corpus exists to catch: report it as exit 70
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


@pytest.fixture
def riep_fork(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """``riep_fork("check", path)`` runs the command in a forked child (in ``tmp_path/work``) and returns an
    :class:`Outcome` with the child's own peak memory (its maximum resident set, shared pages included), which
    must stay under :data:`PEAK_MB`."""
    monkeypatch.setenv("COLUMNS", "160")
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    monkeypatch.chdir(work)

    def run(*args: object) -> Outcome:
        out, err = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child([str(a) for a in args], out, err)
        _, status, usage = os.wait4(pid, 0)
        outcome = Outcome(code=os.waitstatus_to_exitcode(status), out=out.read_text(encoding="utf-8"),
                          err=err.read_text(encoding="utf-8"), peak_mb=usage.ru_maxrss / 1024)
        assert outcome.peak_mb < PEAK_MB, f"riep {' '.join(map(str, args))} peaked at {outcome.peak_mb:,.0f} MB"
        return outcome

    return run


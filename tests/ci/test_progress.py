"""The progress bar of riep run and riep baseline: on a terminal only, never in CI."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from riep.cli.progress import wants_progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("ci", "tty", "shown"), [
    (None, True, True), ("true", True, False), ("1", True, False), ("false", True, True), (None, False, False),
])
def test_a_bar_only_on_a_terminal_outside_ci(monkeypatch, ci, tty, shown):
    for name in ("CI", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    if ci is not None:
        monkeypatch.setenv("CI", ci)
    assert wants_progress(Console(file=_Tty() if tty else io.StringIO())) is shown


def test_riep_run_in_ci_prints_no_bar(riep, tmp_path, monkeypatch):
    from allocdata import write_allocation
    from ci.conftest import AS_OF

    monkeypatch.setenv("CI", "true")
    write_allocation(tmp_path / "in" / "plan.xlsx")
    code, out, err = riep("run", tmp_path / "in", "--out", tmp_path / "out", "--as-of", AS_OF, "-q")
    assert (code, out, err) == (0, "1 file: 0 errors, 0 warnings, 1 note\n", "")

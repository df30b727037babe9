"""Shared fixtures: the shipped workbooks, small workbook factories and LibreOffice recalculation."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from allocdata import WORKBOOKS


@pytest.fixture
def shipped(tmp_path: Path):
    """A fresh copy of a shipped workbook: ``shipped("financial_allocation.xlsx")``."""

    def copy(name: str) -> Path:
        dest = tmp_path / "in" / name
        dest.parent.mkdir(exist_ok=True)
        shutil.copy(WORKBOOKS / name, dest)
        return dest

    return copy


def pytest_collection_modifyitems(config, items):
    """Every test that starts LibreOffice (through ``recalc``) must say so with ``@pytest.mark.libreoffice``, so
    ``-m "not libreoffice"`` really leaves LibreOffice out."""
    unmarked = [i.nodeid for i in items if "recalc" in getattr(i, "fixturenames", ()) and not i.get_closest_marker("libreoffice")]
    if unmarked:
        raise pytest.UsageError("uses LibreOffice (recalc) without @pytest.mark.libreoffice: " + ", ".join(unmarked))


@pytest.fixture
def recalc(tmp_path: Path):
    """Open a workbook in LibreOffice headless, recalculate every formula, return the saved copy."""
    from riep.xlsx.libreoffice import recalculate

    def run(path: Path) -> Path:
        return recalculate(path, tmp_path / "recalculated")

    return run


@pytest.fixture
def riep(capsys, monkeypatch):
    """Run the ``riep`` command in-process: ``code, out, err = riep("check", path)``."""
    from riep.cli import main

    monkeypatch.setenv("COLUMNS", "160")

    def call(*args: object) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exit_info:
            main([str(a) for a in args])
        captured = capsys.readouterr()
        return int(exit_info.value.code or 0), captured.out, captured.err

    return call


@pytest.fixture
def golden(request):
    """Compare text with ``tests/<dir>/golden/NAME``; ``RIEP_UPDATE_GOLDEN=1`` rewrites the file instead."""

    def check(name: str, text: str) -> None:
        path = Path(request.fspath).parent / "golden" / name
        if os.environ.get("RIEP_UPDATE_GOLDEN"):
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert text == path.read_text(encoding="utf-8")

    return check


class ShippedRun:
    """``riep run workbook`` over the shipped workbooks, once per test session: exit code, output, files written,
    and how often each workbook was opened (``opens[("calamine", name)]``, ``opens[("openpyxl", name)]``)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.code = 0
        self.stdout = self.stderr = ""
        self.opens: Counter[tuple[str, str]] = Counter()


@pytest.fixture(scope="session")
def shipped_run(tmp_path_factory) -> ShippedRun:
    """One whole ``riep run`` (as of 15 December 2009) shared by the tests that look at its results."""
    import contextlib
    import io

    import openpyxl
    import python_calamine

    import riep.xlsx.reader
    import riep.xlsx.writer
    from riep.cli import main

    run = ShippedRun(tmp_path_factory.mktemp("shipped_run") / "out")
    real_load = openpyxl.load_workbook

    class Calamine:  # python_calamine, counting the workbooks it opens
        def __getattr__(self, name: str) -> object:
            return getattr(python_calamine, name)

        class CalamineWorkbook:
            @staticmethod
            def from_path(path: str, **kw: object) -> object:
                run.opens["calamine", Path(path).name] += 1
                return python_calamine.CalamineWorkbook.from_path(path, **kw)

    def load_workbook(path: object, *a: object, **kw: object) -> object:
        run.opens["openpyxl", Path(str(path)).name] += 1
        return real_load(path, *a, **kw)

    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(riep.xlsx.reader, "pc", Calamine())
        mp.setattr(openpyxl, "load_workbook", load_workbook)
        mp.setattr(riep.xlsx.writer, "load_workbook", load_workbook, raising=False)
        mp.setenv("COLUMNS", "160")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.raises(SystemExit) as info:
            main(["run", str(WORKBOOKS), "--out", str(run.out), "--as-of", "2009-12-15"])
    run.code, run.stdout, run.stderr = int(info.value.code or 0), out.getvalue(), err.getvalue()
    return run

"""Shared fixtures: the shipped workbooks, small workbook factories and LibreOffice recalculation."""

from __future__ import annotations

import fcntl
import json
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


SLOW_MARKERS = ("libreoffice", "browser", "plain_install")  # tests that start another program (pyproject's markers)


def pytest_collection_modifyitems(config, items):
    """Every test that starts LibreOffice (through ``recalc``) must say so with ``@pytest.mark.libreoffice``, so
    ``-m "not libreoffice"`` really leaves LibreOffice out.

    The files with most such tests run first (``--no-loadscope-reorder`` keeps this order), so that the parallel
    workers are not left waiting at the end for one long file that started last."""
    unmarked = [i.nodeid for i in items if "recalc" in getattr(i, "fixturenames", ()) and not i.get_closest_marker("libreoffice")]
    if unmarked:
        raise pytest.UsageError("uses LibreOffice (recalc) without @pytest.mark.libreoffice: " + ", ".join(unmarked))
    slow = Counter(i.nodeid.split("::")[0] for i in items if any(i.get_closest_marker(m) for m in SLOW_MARKERS))
    items.sort(key=lambda i: -slow[i.nodeid.split("::")[0]])  # stable: each file keeps its own order


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
    """``riep run workbook`` over the shipped workbooks, once per test session (shared by the parallel workers):
    exit code, output, files written, how often each workbook was opened (``opens[("calamine", name)]``,
    ``opens[("openpyxl", name)]``) and how often the risk heat map was drawn (``drawn``)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.code = self.drawn = 0
        self.stdout = self.stderr = ""
        self.opens: Counter[tuple[str, str]] = Counter()

    def save(self, path: Path) -> None:
        opens = [[tool, name, n] for (tool, name), n in self.opens.items()]
        path.write_text(json.dumps({"code": self.code, "stdout": self.stdout, "stderr": self.stderr,
                                    "drawn": self.drawn, "opens": opens}), encoding="utf-8")

    @classmethod
    def load(cls, out: Path, path: Path) -> ShippedRun:
        data = json.loads(path.read_text(encoding="utf-8"))
        run = cls(out)
        run.code, run.stdout, run.stderr, run.drawn = data["code"], data["stdout"], data["stderr"], data["drawn"]
        run.opens.update({(tool, name): n for tool, name, n in data["opens"]})
        return run


@pytest.fixture(scope="session")
def shipped_run(tmp_path_factory) -> ShippedRun:
    """One whole ``riep run`` (as of 15 December 2009) shared by the tests that look at its results: the first
    xdist worker to ask runs it, the others wait for it and read what it recorded."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the session's folder, above each worker's own
    record = shared / "shipped_run.json"
    with (shared / "shipped_run.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            _run_shipped(shared / "shipped_run" / "out").save(record)
    return ShippedRun.load(shared / "shipped_run" / "out", record)


def _run_shipped(out: Path) -> ShippedRun:
    import contextlib
    import io

    import openpyxl
    import python_calamine

    import riep.pdf.heatmap
    import riep.xlsx.reader
    import riep.xlsx.writer
    from riep.cli import main

    run = ShippedRun(out)
    real_load, real_draw = openpyxl.load_workbook, riep.pdf.heatmap.heat_map

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

    def heat_map(*a: object, **kw: object) -> object:
        run.drawn += 1
        return real_draw(*a, **kw)

    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(riep.xlsx.reader, "pc", Calamine())
        mp.setattr(openpyxl, "load_workbook", load_workbook)
        mp.setattr(riep.xlsx.writer, "load_workbook", load_workbook, raising=False)
        mp.setattr(riep.pdf.heatmap, "heat_map", heat_map)
        mp.setenv("COLUMNS", "160")
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), \
                pytest.raises(SystemExit) as info:
            main(["run", str(WORKBOOKS), "--out", str(out), "--as-of", "2009-12-15"])
    run.code, run.stdout, run.stderr = int(info.value.code or 0), stdout.getvalue(), stderr.getvalue()
    return run

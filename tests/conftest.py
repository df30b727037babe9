"""Shared fixtures: the shipped workbooks, small workbook factories and LibreOffice recalculation."""

from __future__ import annotations

import os
import shutil
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

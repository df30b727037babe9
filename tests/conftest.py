"""Shared fixtures: the shipped workbooks, small workbook factories and LibreOffice recalculation."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

ROOT = Path(__file__).resolve().parents[1]
WORKBOOKS = ROOT / "workbook"


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

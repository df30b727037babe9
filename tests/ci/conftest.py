"""Fixtures for the CI tests: the shipped workbooks with one allocation line changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from allocdata import WORKBOOKS
from ci.xlsxpatch import set_number

AS_OF = "2009-12-15"  # the day of the Year Two plan: no review or report is judged overdue against today


@pytest.fixture(scope="module")
def plus_37(tmp_path_factory) -> Path:
    """The shipped workbooks with one allocation line, Housing and Planning (Performance), moved by +£37k."""
    folder = tmp_path_factory.mktemp("changed")
    for p in WORKBOOKS.glob("*.xlsx"):
        shutil.copy(p, folder / p.name)
    set_number(WORKBOOKS / "financial_allocation.xlsx", folder / "financial_allocation.xlsx", "Allocation", "E12", 157)
    return folder

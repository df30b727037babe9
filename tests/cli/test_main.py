"""The command line's one boundary: how a fault in riep itself reaches the user."""

from __future__ import annotations

import pytest

from allocdata import WORKBOOKS
from riep.checks import validate as validate_module


def _broken(*_args, **_kwargs):
    raise ZeroDivisionError("division by zero")


def test_a_fault_in_riep_is_one_line_and_exit_3(riep, monkeypatch, tmp_path):
    monkeypatch.setattr(validate_module, "check_book", _broken)
    monkeypatch.delenv("RIEP_DEBUG", raising=False)
    code, out, err = riep("check", WORKBOOKS / "financial_allocation.xlsx", "--write-sheet", tmp_path / "c.xlsx")
    assert code == 3
    assert err == ("riep stopped on a fault of its own (ZeroDivisionError: division by zero); no file was left "
                   "half-written. Please report it with the workbook; RIEP_DEBUG=1 shows the details.\n")
    assert out == "" and list(tmp_path.iterdir()) == []


def test_riep_debug_shows_the_traceback(riep, monkeypatch):
    monkeypatch.setattr(validate_module, "check_book", _broken)
    monkeypatch.setenv("RIEP_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        riep("check", WORKBOOKS / "financial_allocation.xlsx")

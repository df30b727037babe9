"""The one boundary between the core and Excel: riep.excel.functions.excel_function."""

from __future__ import annotations

import inspect

import pytest
from xlwings import XlwingsError

from riep.errors import InputError
from riep.excel.functions import FUNCTIONS, excel_function, financial_year
from riep.excel.values import cellwise


def _half(values):
    """Half of each value."""
    def one(v):
        if isinstance(v, str):
            raise InputError(f"'{v}' is not a number")
        return v / 2
    return cellwise(one, ["values"], values)


def test_signature_and_help_are_the_core_wrappers():
    for impl in FUNCTIONS:
        f = excel_function(impl)
        assert f is not impl and f.__wrapped__ is impl
        assert inspect.signature(f) == inspect.signature(impl) and f.__doc__ == impl.__doc__ and f.__doc__
    assert excel_function(financial_year, name="RIEP_FINANCIAL_YEAR").__name__ == "RIEP_FINANCIAL_YEAR"


def test_single_cell_error_raises_with_the_message():
    with pytest.raises(XlwingsError, match="^'x' is not a number$"):
        excel_function(_half)("x")
    assert excel_function(_half)(4) == 2


def test_array_errors_per_cell():
    assert excel_function(_half)([[4], ["x"]]) == [[2], ["#VALUE!"]]
    desktop = excel_function(_half, cell_error=lambda m: f"#VALUE! {m}")
    assert desktop([[4], ["x"]]) == [[2], ["#VALUE! 'x' is not a number"]]


def test_an_unexpected_failure_is_an_error_value_not_a_crash(caplog):
    def broken(x):
        """Always fails."""
        return 1 / 0

    with pytest.raises(XlwingsError) as info:
        excel_function(broken)(1)
    assert str(info.value) == ("RIEP.BROKEN hit a fault in riep (ZeroDivisionError: division by zero); this is not "
                               "your mistake: please report it to whoever runs the RIEP add-in, with the values you gave")
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and "\n" not in lines[0]  # one log line, no traceback
    assert lines[0].startswith("RIEP.BROKEN failed: ZeroDivisionError: division by zero (at ")
    assert lines[0].endswith(f"{__file__}:{broken.__code__.co_firstlineno + 2})")

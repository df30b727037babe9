"""Classic desktop xlwings: the same RIEP functions, importable as UDFs (``UDF Modules: riep.excel.udfs``)."""

from __future__ import annotations

import datetime as dt

import pytest
from xlwings import XlwingsError

import riep.excel.udfs as udfs
from riep.excel.functions import FUNCTIONS
from riep.excel.ribbon import BUTTONS


def test_every_function_is_a_desktop_udf_with_its_help():
    for impl in FUNCTIONS:
        udf = getattr(udfs, f"RIEP_{impl.__name__.upper()}")
        assert udf.__name__ == f"RIEP_{impl.__name__.upper()}"
        assert udf.__doc__ == impl.__doc__ and udf.__wrapped__ is impl  # one implementation, wrapped
    assert sorted(n for n in udfs.__all__ if n.startswith("RIEP_")) == sorted(
        f"RIEP_{f.__name__.upper()}" for f in FUNCTIONS)


def test_desktop_values_arrive_as_datetimes():
    assert udfs.RIEP_FINANCIAL_YEAR(dt.datetime(2010, 1, 15)) == "2009/10"
    assert udfs.RIEP_QUARTER([[dt.datetime(2009, 11, 15)], [None]]) == [["Q3 2009/10"], [""]]


def test_desktop_errors_carry_the_message():
    with pytest.raises(XlwingsError, match="^'soon' is not a date; type a date such as 15/01/2010$"):
        udfs.RIEP_FINANCIAL_YEAR("soon")


def test_one_runpython_entry_point_per_button():
    assert [getattr(udfs, b.script).__name__ for b in BUTTONS] == [b.script for b in BUTTONS]

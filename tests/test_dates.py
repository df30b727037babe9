"""Excel serial dates and dated cells (``riep.dates``)."""

from __future__ import annotations

import datetime as dt

import pytest

from riep.dates import excel_date, serial_to_date
from riep.errors import InputError


@pytest.mark.parametrize(("serial", "day"), [
    (40193, dt.date(2010, 1, 15)), (40193.75, dt.date(2010, 1, 15)), (1, dt.date(1900, 1, 1)),
    (59, dt.date(1900, 2, 28)), (61, dt.date(1900, 3, 1)), (2958465, dt.date(9999, 12, 31)),
])
def test_serial_dates(serial, day):
    assert serial_to_date(serial) == day


def test_serial_dates_out_of_range():
    with pytest.raises(InputError, match=r"^'0' is not a date Excel can show$"):
        serial_to_date(0)
    with pytest.raises(InputError, match="29 February 1900, a day that never existed"):
        serial_to_date(60)


@pytest.mark.parametrize(("value", "day"), [
    (dt.datetime(2009, 6, 30, 14, 0), dt.date(2009, 6, 30)), (dt.date(2009, 6, 30), dt.date(2009, 6, 30)),
    (40024, dt.date(2009, 7, 30)), (40024.5, dt.date(2009, 7, 30)),
])
def test_a_cell_holding_a_date(value, day):
    assert excel_date(value) == day


@pytest.mark.parametrize("value", [None, "", "30/06/2009", "#REF!", True, 0, -5, 60, 2958466, float("nan")])
def test_a_cell_that_does_not_hold_a_date_is_left_to_the_caller(value):
    assert excel_date(value) is None

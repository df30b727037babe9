"""Dates as Excel stores them: serial numbers of the 1900 date system, dates and date-times.

Every reader of dated cells (the add-in's worksheet functions, the support records, the risk
register) turns a cell into a date here; what each does with text is its own policy.
"""

from __future__ import annotations

import datetime as dt
import math

from riep.cellvalue import cell_text
from riep.errors import InputError

__all__ = ["serial_to_date", "excel_date"]

_EPOCH_ORDINAL = dt.date(1899, 12, 30).toordinal()
_LAST_SERIAL = 2958466  # 1 January 10000


def serial_to_date(serial: float) -> dt.date:
    """An Excel serial date (1900 date system) as a date: 40193 -> 15 January 2010."""
    if not 1 <= serial < _LAST_SERIAL:  # NaN fails this too
        raise InputError(f"'{cell_text(serial)}' is not a date Excel can show")
    whole = int(math.floor(serial))
    if whole == 60:
        raise InputError("60 is 29 February 1900, a day that never existed (Excel's leap-year quirk)")
    if whole < 60:  # Excel counts the non-existent 29 Feb 1900, so early serials are one day off
        whole += 1
    return dt.date.fromordinal(_EPOCH_ORDINAL + whole)


def excel_date(value: object) -> dt.date | None:
    """The date in a cell that holds a date, a date-time or a serial number Excel can show; ``None`` otherwise
    (blank, text, an error value, a number out of range), for the caller to judge."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return serial_to_date(value)
        except InputError:  # out of range, or Excel's phantom 29 February 1900
            return None
    return None

"""UK financial years (1 April to 31 March, written ``2009/10``) and their quarters.

Q1 is April-June, Q2 July-September, Q3 October-December, Q4 January-March.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["normalise_year", "financial_year", "fy_start", "fy_end", "quarter", "quarter_end", "next_year", "year_label_error"]

_FULL = re.compile(r"^\s*(?:fy\s*)?(\d{4})\s*[/\-–_ ]\s*(\d{2}|\d{4})\s*$", re.I)
_SHORT = re.compile(r"^\s*(?:fy\s*)?(\d{2})\s*[/\-–_ ]\s*(\d{2})\s*$", re.I)


def year_label_error(text: object) -> str:
    """The sentence used when a year cannot be read."""
    return f"'{text}' is not a financial year; write it as 2009/10"


def normalise_year(text: object) -> str | None:
    """``'2009-10'``, ``'09/10'``, ``'2009/2010'``, ``'FY2009/10'`` to ``'2009/10'``; ``None`` if not a year.

    The second half must be the year after the first.
    """
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return None
    s = str(text)
    m = _FULL.match(s)
    if m:
        start = int(m.group(1))
    else:
        m = _SHORT.match(s)
        if not m:
            return None
        start = 2000 + int(m.group(1)) if int(m.group(1)) < 70 else 1900 + int(m.group(1))
    end_text = m.group(2)
    end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
    if len(end_text) == 2 and end < start:
        end += 100
    if end != start + 1:
        return None
    return f"{start}/{str(end)[-2:]}"


def financial_year(day: dt.date) -> str:
    """The financial year a date falls in: 15 Jan 2010 -> ``'2009/10'``."""
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}/{str(start + 1)[-2:]}"


def fy_start(year: str) -> dt.date:
    """1 April of a ``'2009/10'`` year."""
    return dt.date(int(year[:4]), 4, 1)


def fy_end(year: str) -> dt.date:
    """31 March closing a ``'2009/10'`` year."""
    return dt.date(int(year[:4]) + 1, 3, 31)


def next_year(year: str) -> str:
    """``'2009/10'`` -> ``'2010/11'``."""
    start = int(year[:4]) + 1
    return f"{start}/{str(start + 1)[-2:]}"


def quarter(day: dt.date) -> str:
    """The financial quarter of a date: 15 Nov 2009 -> ``'Q3 2009/10'``."""
    q = (day.month - 4) % 12 // 3 + 1
    return f"Q{q} {financial_year(day)}"


def quarter_end(q: int, year: str) -> dt.date:
    """Last day of quarter ``q`` (1-4) of financial year ``year``."""
    start = int(year[:4])
    month, yr = {1: (6, start), 2: (9, start), 3: (12, start), 4: (3, start + 1)}[q]
    return (dt.date(yr, month % 12 + 1, 1) if month != 12 else dt.date(yr + 1, 1, 1)) - dt.timedelta(days=1)

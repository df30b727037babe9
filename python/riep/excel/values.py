"""Cell values as Excel hands them to a worksheet function, turned into what the core expects.

Excel sends a function argument as a single value or a 2-D block of values; dates arrive
as serial numbers (Office.js), ``datetime`` objects (classic desktop xlwings) or ISO text;
blank cells as ``None`` or ``""``; error values as ``'#REF!'`` text or, from Office.js, as
error objects. The add-in passes Office.js values through raw (xlwings' own per-cell
conversion costs about 0.1 ms a cell), so :func:`grid` is where every cell is read. Nothing here knows a
rule: it only shapes and converts, raising :class:`~riep.errors.InputError` with a sentence
a finance officer can act on when a value cannot be read.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from riep.cellvalue import cell_number
from riep.dates import serial_to_date
from riep.errors import InputError, RiepError
from riep.table import is_error_value

__all__ = [
    "Grid",
    "CellError",
    "cell",
    "grid",
    "flatten",
    "is_blank",
    "to_date",
    "to_number",
    "to_text",
    "cellwise",
]

Grid = list[list[Any]]

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+Z?)?\s*$")
_UK = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")


@dataclass(frozen=True)
class CellError:
    """One cell of an array result that could not be worked out, and why."""

    message: str


def cell(value: object) -> object:
    """One cell as Python: an empty cell is ``None``; Office.js sends error values and data types as
    objects (``{"type": "Error", "basicValue": "#N/A", ...}``) whose ``basicValue`` is what the cell shows."""
    if isinstance(value, dict):
        return value.get("basicValue", "#VALUE!" if value.get("type") == "Error" else None)
    return None if value == "" else value


def _row(row: list[Any] | tuple[Any, ...]) -> list[Any]:
    return [v if v.__class__ in _PLAIN and v != "" else cell(v) for v in row]


_PLAIN = {int, float, bool}


def grid(value: object) -> Grid:
    """Any argument as a 2-D block of cells: a single value becomes ``[[value]]``.

    A 1-D list is one row: xlwings Server hands over a one-row range (``A1:C1``) that way.
    """
    if isinstance(value, (list, tuple)):
        if not value:
            return [[None]]
        if isinstance(value[0], (list, tuple)):
            return [_row(row) if isinstance(row, (list, tuple)) else [cell(row)] for row in value]
        return [_row(value)]
    return [[cell(value)]]


def flatten(value: object) -> list[Any]:
    """Every cell of an argument, row by row."""
    return [v for row in grid(value) for v in row]


def is_blank(value: object) -> bool:
    """An empty cell: ``None``, ``""``/spaces, or NaN."""
    return (
        value is None
        or (isinstance(value, str) and not value.strip())
        or (isinstance(value, float) and math.isnan(value))
    )


def to_date(value: object) -> dt.date:
    """A cell meant to hold a date: a serial number, a date/datetime, or ISO (2010-01-15) or UK (15/01/2010) text."""
    if value.__class__ in (int, float):  # the usual case first: Office.js sends dates as serial numbers
        return serial_to_date(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise InputError(f"{_show(value)} is not a date")
    if isinstance(value, (int, float)):
        return serial_to_date(float(value))
    if is_error_value(value):
        raise InputError(f"the cell shows {str(value).strip().upper()}, not a date")
    if isinstance(value, str):
        for pattern, order in ((_ISO, (1, 2, 3)), (_UK, (3, 2, 1))):
            m = pattern.match(value)
            if m:
                y, mo, d = (int(m.group(i)) for i in order)
                try:
                    return dt.date(y, mo, d)
                except ValueError:
                    break
    raise InputError(f"{_show(value)} is not a date; type a date such as 15/01/2010")


def to_number(value: object, what: str = "value") -> float:
    """A cell meant to hold a number; text or an error value raises naming ``what``."""
    cell = cell_number(value)
    if cell.value is not None:
        return cell.value
    if cell.kind == "error":
        raise InputError(f"the {what} shows {cell.raw}, not a number")
    if cell.kind == "blank":
        raise InputError(f"the {what} is blank")
    if isinstance(value, bool):
        raise InputError(f"the {what} {_show(value)} is not a number")
    raise InputError(f"the {what} {_show(value)} is text, not a number")


def to_text(value: object) -> str:
    """A cell as text (numbers without a trailing .0)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _show(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"'{value}'"


def cellwise(fn: Callable[..., Any], names: list[str], *args: object, required: int | None = None) -> Grid:
    """Apply ``fn`` cell by cell over arguments of one shape (single cells are repeated).

    A cell whose ``required`` leading arguments (default: all) are all blank gives a blank
    result, so a formula over a table column leaves empty rows empty. A cell the core rejects gives a :class:`CellError`.
    Arguments of different sizes raise an :class:`InputError` naming them.
    """
    grids = [grid(a) for a in args]
    shapes = [(len(g), max(len(r) for r in g)) for g in grids]
    big = max(shapes, key=lambda s: s[0] * s[1])
    for name, shape in zip(names, shapes):
        if shape not in (big, (1, 1)):
            raise InputError(
                f"{name} is {_size(shape)} but another argument is {_size(big)}; "
                "give ranges of the same size, or a single cell"
            )
    n_rows, n_cols = big
    total = n_rows * n_cols
    n_req = required or len(grids)
    flat = [repeat(g[0][0], total) if s == (1, 1) else [v for r in g for v in _padded(r, n_cols)]
            for g, s in zip(grids, shapes)]
    results: list[Any] = []
    append = results.append
    for cells in zip(*flat):
        for c in cells[:n_req]:
            if c is not None and not is_blank(c):
                break
        else:
            append("")
            continue
        try:
            append(fn(*cells))
        except RiepError as exc:
            append(CellError(exc.detail if not exc.file else exc.message))
    return [results[i * n_cols:(i + 1) * n_cols] for i in range(n_rows)]


def _padded(row: list[Any], width: int) -> list[Any]:
    return row if len(row) == width else row + [None] * (width - len(row))


def _size(shape: tuple[int, int]) -> str:
    rows, cols = shape
    r = f"{rows} row{'s' if rows != 1 else ''}"
    return r if cols == 1 else f"{r} by {cols} columns"

"""Row heights for wrapped text.

Excel and LibreOffice only fit a row to wrapped text when a person edits it; a row written by
openpyxl keeps the default height, so long text prints over the rows below. Every writer
sizes its rows here from the text and the column width.
"""

from __future__ import annotations

import textwrap

from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["wrapped_lines", "fit_row"]

_POINTS_PER_LINE = 13.0
_DEFAULT_HEIGHT = 15.0


def wrapped_lines(text: object, width: float) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide (Excel's column-width unit), wrapped
    between words. A character is taken as wide as the '0' the unit is measured in, as it is in DejaVu Sans
    (LibreOffice's stand-in for Calibri); Calibri is narrower, so Excel shows a little room to spare."""
    per_line = max(int(width) - 1, 1)
    return sum(max(1, len(textwrap.wrap(part, per_line, break_on_hyphens=False))) for part in str(text or "").split("\n"))


def fit_row(ws: Worksheet, row: int, text: object, width: float) -> None:
    """Make ``row`` tall enough for ``text`` wrapped in a column ``width`` wide (never shorter than it is)."""
    lines = wrapped_lines(text, width)
    if lines > 1:
        current = ws.row_dimensions[row].height or _DEFAULT_HEIGHT
        ws.row_dimensions[row].height = max(current, lines * _POINTS_PER_LINE + 2)

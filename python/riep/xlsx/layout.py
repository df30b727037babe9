"""How wide text is in a sheet, how many lines it wraps to, and how tall its row must be.

Every sheet riep writes is set in Calibri (Excel's default; LibreOffice uses Carlito, its metric-compatible
stand-in, installed by ``scripts/setup-system.sh``). Widths are measured with Calibri's own character
widths, so a column is as wide as its text needs and a row as tall as the lines its text wraps to.

Excel and LibreOffice only fit a row to wrapped text when a person edits it; a row written by openpyxl
keeps the default height, so long text would print over the rows below. Every writer sizes its rows here.
"""

from __future__ import annotations

import re

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FONT_NAME", "BODY_PT", "UNIT_PT", "font", "text_pt", "column_pt", "width_for", "wrapped_lines", "line_pt", "fit_row"]

FONT_NAME = "Calibri"
BODY_PT = 11.0
_DEFAULT_HEIGHT = 15.0

# Advance widths (thousandths of an em) of Calibri, read from Carlito (the same metrics), for these characters.
_CHARS = (' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~'
          "£–—‘’“”…é")
_REGULAR = (
    226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507,
    507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520,
    420, 855, 646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479,
    525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715,
    433, 453, 395, 314, 460, 314, 498, 507, 498, 905, 250, 250, 418, 418, 690, 498)
_BOLD = (
    226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507, 507,
    507, 507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488, 459, 637, 631, 267, 331, 547,
    423, 874, 659, 676, 532, 686, 563, 473, 495, 653, 591, 906, 551, 520, 478, 325, 430, 325, 498, 498, 300, 494,
    537, 418, 537, 503, 316, 474, 537, 246, 255, 480, 246, 813, 537, 538, 537, 537, 355, 399, 347, 537, 473, 745,
    459, 474, 397, 344, 475, 344, 498, 507, 498, 905, 258, 258, 435, 435, 711, 503)
_EM = {False: dict(zip(_CHARS, _REGULAR)), True: dict(zip(_CHARS, _BOLD))}
_HYPHEN = re.compile(r"(?<=[A-Za-z0-9]-)(?=[A-Za-z0-9])")  # where a line may break inside a word
_OTHER = 600  # a character not in the table: as wide as a wide letter, so it is never under-measured
# One unit of column width prints as 5.55 pt in LibreOffice (measured); Excel shows it as 7 px with text set in
# hinted 7 px digits, the same proportion. Text gets the column less its inner margins.
UNIT_PT, _CELL_PAD_PT = 5.55, 4.0


def font(**kw: object) -> Font:
    """A cell font in the sheets' typeface (openpyxl leaves the name out, and LibreOffice then prints a serif)."""
    return Font(name=FONT_NAME, **kw)


def text_pt(text: object, size: float = BODY_PT, bold: bool = False) -> float:
    """How wide ``text`` is set on one line, in points."""
    em = _EM[bold]
    return sum(em.get(ch, _OTHER) for ch in str(text)) * size / 1000


def column_pt(width: float) -> float:
    """The room (points) for text in a column ``width`` units wide."""
    return width * UNIT_PT - _CELL_PAD_PT


def width_for(points: float) -> float:
    """The column width (units) that holds ``points`` of text on one line."""
    return (points + _CELL_PAD_PT) / UNIT_PT


def wrapped_lines(text: object, width: float, size: float = BODY_PT, bold: bool = False) -> int:
    """How many lines ``text`` takes in a column ``width`` units wide, wrapped between words and after a hyphen
    inside a word (``SUP-`` / ``007``); a word longer than the line is broken, as Excel and LibreOffice do."""
    room = max(column_pt(width), 1.0)
    space = text_pt(" ", size, bold)
    total = 0
    for part in str(text or "").split("\n"):
        lines, used = 1, 0.0
        for word in part.split():
            for k, piece in enumerate(_HYPHEN.split(word)):
                w, gap = text_pt(piece, size, bold), (space if k == 0 else 0.0)
                if used and used + gap + w <= room:
                    used += gap + w
                    continue
                if used:
                    lines += 1
                while w > room:  # a word wider than the column breaks across lines
                    lines, w = lines + 1, w - room
                used = w
        total += lines
    return total


def line_pt(size: float = BODY_PT) -> float:
    """The height of one line of text at ``size`` (Calibri's line spacing, as Excel sets it)."""
    return size * 1.22


def fit_row(ws: Worksheet, row: int, text: object, width: float, size: float = BODY_PT, bold: bool = False) -> None:
    """Make ``row`` tall enough for ``text`` wrapped in a column ``width`` wide (never shorter than it is)."""
    lines = wrapped_lines(text, width, size, bold)
    if lines > 1 or size > BODY_PT:
        current = ws.row_dimensions[row].height or _DEFAULT_HEIGHT
        ws.row_dimensions[row].height = max(current, round(lines * line_pt(size) + 3, 1))

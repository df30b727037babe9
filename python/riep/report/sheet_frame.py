"""The print frame of every sheet riep writes (openpyxl): A4, margins, header and footer, widths from the text,
the cover sheet first and the document properties.

A sheet prints on A4 in the orientation it asks for, fitted to the page width, with its header row
repeated on every page, the partnership's name and the report's title at the top of each page and
"Page x of y" with the file's name at the foot. Column widths come from the text they hold: wide
enough for the longest header word and the values, capped so the page does not have to shrink below
9 pt; longer text wraps and its row grows to hold it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from openpyxl import Workbook as XlWorkbook
from openpyxl.cell.cell import Cell
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from riep.report.cover import Cover
from riep.report.page import HEADER_MARGIN_IN, MARGIN_IN, TOP_MARGIN_IN, PageFrame
from riep.report.page import header_text as _literal
from riep.safetext import safe_cell
from riep.table import col_letter
from riep.xlsx.layout import fit_row, wrapped_lines

__all__ = ["print_frame", "fit_columns", "write_cover", "frame_workbook", "COVER_SHEET", "MIN_PRINT_PT",
           "text_width", "chart_text", "span_text"]

COVER_SHEET = "About"
MIN_PRINT_PT = 9.0
_BODY_PT = 11.0  # openpyxl's default font (Calibri 11)
# One unit of column width is the width of a '0' in the default font: 5.25 pt in Excel's Calibri, 7 pt where
# LibreOffice has no Calibri and uses DejaVu Sans. Fitting to the wider keeps 9 pt on every printer.
_CHAR_PT = 7.0
_MARGIN_IN = MARGIN_IN
_PRINTABLE_PT = {True: (297 / 25.4 - 2 * _MARGIN_IN) * 72, False: (210 / 25.4 - 2 * _MARGIN_IN) * 72}
_MIN_WRAP = 12.0


def budget(landscape: bool) -> float:
    """The most column width (Excel units) a sheet may have so that, fitted to A4's width, text stays >= 9 pt."""
    return 0.97 * _PRINTABLE_PT[landscape] / (_CHAR_PT * MIN_PRINT_PT / _BODY_PT)  # 3% for rounding


def text_width(value: object, number_format: str | None = None) -> float:
    """How wide ``value`` is written, in characters (its longest line; numbers as formatted; formulas as a number)."""
    if value is None or value == "":
        return 0
    if isinstance(value, str) and value.startswith("="):
        return 9
    if isinstance(value, bool):
        return 5
    if isinstance(value, (int, float)):
        digits = len(f"{abs(value):,.0f}") + (2 if number_format and "." in number_format else 0)
        return digits + 2
    if isinstance(value, (dt.date, dt.datetime)):
        return 10
    return max(len(line) for line in str(value).split("\n"))


def _narrowed(widths: list[float], floors: list[float], room: float) -> list[float]:
    """``widths`` with the widest cut to one common width (never below their floors) so that they add up to
    ``room`` where that can be done: the columns with most text give up the most, the narrow ones keep theirs."""
    if sum(widths) <= room:
        return widths
    lo, hi = 0.0, max(widths)
    for _ in range(40):
        mid = (lo + hi) / 2
        if sum(max(min(w, mid), f) for w, f in zip(widths, floors)) > room:
            hi = mid
        else:
            lo = mid
    return [max(min(w, lo), f) for w, f in zip(widths, floors)]


def fit_columns(ws: Worksheet, header_row: int, headers: Sequence[str], rows: Sequence[Sequence[object]],
                caps: Sequence[float], formats: Sequence[str | None], landscape: bool,
                keep: Collection[int] = ()) -> list[float]:
    """Set column widths from the text: each column as wide as its longest header word and its values, at most
    its cap, then the widest text columns narrowed until the sheet fits A4 at >= 9 pt. Headers wrap; a value
    wider than its column wraps and its row grows. Columns in ``keep`` (links, which LibreOffice does not wrap)
    keep the width of their text, up to their cap. Returns the widths."""
    widths: list[float] = []
    floors: list[float] = []
    for j, head in enumerate(headers):
        word = max((len(w) for w in str(head).split()), default=4) + 1
        column = [r[j] for r in rows if j < len(r)]
        texts = [v for v in column if isinstance(v, str) and not v.startswith("=")]
        longest_word = max((len(w) for v in texts for w in v.split()), default=0) + 1
        widths.append(max(word, min(max((text_width(v, formats[j]) for v in column), default=0) + 1, caps[j]), 4))
        floors.append(widths[-1] if j in keep or not texts else max(word, min(longest_word, 20)))
    widths = _narrowed(widths, floors, budget(landscape))
    for j, w in enumerate(widths):
        ws.column_dimensions[col_letter(j)].width = round(w, 1)
        head = ws.cell(row=header_row, column=j + 1)
        head.alignment = Alignment(wrap_text=True, vertical="bottom")
        fit_row(ws, header_row, head.value, w)
    for i, r in enumerate(rows):
        for j, value in enumerate(r[:len(widths)]):
            if isinstance(value, str) and not value.startswith("=") and text_width(value) > widths[j] - 1:
                cell = ws.cell(row=header_row + 1 + i, column=j + 1)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                fit_row(ws, header_row + 1 + i, value, widths[j])
    return widths


def span_text(ws: Worksheet, row: int, widths: Sequence[float]) -> None:
    """Spread the text in column A of ``row`` over the table's width, wrapped, its row tall enough: a long title,
    subtitle or note never runs past the table (and so never makes the printed page smaller)."""
    cell = ws.cell(row=row, column=1)
    if cell.value is None or len(widths) < 2:
        return
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    size = float(cell.font.sz or _BODY_PT)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    lines = wrapped_lines(cell.value, sum(widths) * _BODY_PT / size * 0.85)
    ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, lines * size * 1.3 + 3)


def print_frame(ws: Worksheet, *, landscape: bool, header_row: int | None, organisation: str = "",
                title: str = "") -> None:
    """A4 in the given orientation, half-inch margins, fitted to the page width, the header row repeated, the
    partnership and title at the top of every page and "Page x of y" with the file's name at the foot."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = _MARGIN_IN
    ws.page_margins.top = ws.page_margins.bottom = TOP_MARGIN_IN
    ws.page_margins.header = ws.page_margins.footer = HEADER_MARGIN_IN
    ws.print_options.horizontalCentered = False
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"
    texts = PageFrame(landscape=landscape, organisation=organisation, title=title).headers()
    for part, place in ((ws.oddHeader.left, "leftHeader"), (ws.oddHeader.right, "rightHeader"),
                        (ws.oddFooter.left, "leftFooter"), (ws.oddFooter.right, "rightFooter")):
        part.text, part.size = texts[place], _BODY_PT  # printed at the sheet's scale, so at least 9 pt
    ws.oddHeader.left.font = "Calibri,Bold"


def chart_text(size: int, colour: str | None = None) -> RichText:
    """Text properties for a chart's axis or labels at ``size`` hundredths of a point (1100 = 11 pt), in ``colour``
    (``RRGGBB``) when given."""
    props = CharacterProperties(sz=size, solidFill=colour)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _text(cell: Cell, text: str) -> Cell:
    """Text on the cover (a workbook's title, a sheet's name) stays text, however it starts (riep.safetext)."""
    cell.value, quote = safe_cell(text)
    cell.data_type, cell.quotePrefix = "s", quote
    return cell


def write_cover(wb: XlWorkbook, cover: Cover) -> Worksheet:
    """The ``About`` sheet, first in the workbook: what the report is, whose, from which file, as of when, by
    which riep and rules, and what it found."""
    if COVER_SHEET in wb.sheetnames:
        del wb[COVER_SHEET]
    ws = wb.create_sheet(COVER_SHEET, 0)
    widths = [16.0, budget(False) - 18]
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = widths
    for row, text, font in ((1, cover.title, Font(bold=True, size=16)), (2, cover.organisation, Font(size=12))):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)  # wrapped, never past the page
        cell = _text(ws.cell(row=row, column=1), text)
        cell.font, cell.alignment = font, Alignment(wrap_text=True, vertical="top")
        lines = wrapped_lines(text, sum(widths) * _BODY_PT / (font.sz or _BODY_PT) * 0.8)
        ws.row_dimensions[row].height = lines * (font.sz or _BODY_PT) * 1.3 + 4
    shade = PatternFill("solid", start_color="F2F2F2", end_color="F2F2F2")
    for k, (label, text) in enumerate(cover.lines(), start=4):
        a, b = _text(ws.cell(row=k, column=1), label), _text(ws.cell(row=k, column=2), text)
        a.font = Font(bold=True)
        a.alignment = Alignment(vertical="top")
        b.alignment = Alignment(wrap_text=True, vertical="top")
        a.fill = shade
        fit_row(ws, k, text, widths[1])
    sheets = [n for n in wb.sheetnames if n != COVER_SHEET]
    last = 4 + len(cover.lines()) + 1
    label = ws.cell(row=last, column=1, value="Sheets")
    label.font, label.alignment = Font(bold=True), Alignment(vertical="top")
    _text(ws.cell(row=last, column=2), ", ".join(sheets)).alignment = Alignment(wrap_text=True, vertical="top")
    fit_row(ws, last, ", ".join(sheets), widths[1])
    print_frame(ws, landscape=False, header_row=None, organisation=cover.organisation, title=cover.title)
    return ws


def frame_workbook(wb: XlWorkbook, cover: Cover, results: Sequence[str]) -> None:
    """Frame a workbook riep writes: result sheets first (after the cover) and headed with the partnership (each
    keeps its own title on the right), the cover sheet written, the document properties set (creator riep, title,
    subject)."""
    for k, name in enumerate(results):
        if name in wb.sheetnames:
            wb.move_sheet(wb[name], k - wb.sheetnames.index(name))
            ws = wb[name]
            ws.oddHeader.left.text, ws.oddHeader.left.size = _literal(cover.organisation), _BODY_PT
    write_cover(wb, cover)
    props = wb.properties
    props.creator = props.lastModifiedBy = "riep"
    props.title = f"{cover.organisation}: {cover.title}" if cover.organisation else cover.title
    props.subject = cover.subject()
    props.keywords = f"riep {cover.run.riep_version}; rules {cover.run.rules_version}; as of {cover.run.as_of}"
    props.modified = props.created = cover.run.started_at.astimezone(dt.UTC).replace(tzinfo=None)
    props.description = "\n".join(f"{a}: {b}" for a, b in cover.lines())

"""The print frame of every sheet riep writes (openpyxl): A4, margins, header and footer, widths from the text,
the cover sheet first and the document properties.

A sheet prints on A4 in the orientation it asks for, fitted to the page width, with its header row
repeated on every page, the partnership's name and the report's title at the top of each page and
"Page x of y" with the file's name at the foot. Column widths come from the text they hold, measured
in Calibri's own widths (:mod:`riep.xlsx.layout`; LibreOffice prints in Carlito, the same metrics):
wide enough for the longest header word and the figures as their number format shows them, capped so
the page does not have to shrink below 9 pt; longer text wraps and its row grows to the lines it takes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence

from openpyxl import Workbook as XlWorkbook
from openpyxl.cell.cell import Cell
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.styles import Alignment, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from riep.report.cover import Cover
from riep.report.page import HEADER_MARGIN_IN, MARGIN_IN, TOP_MARGIN_IN, PageFrame
from riep.report.page import header_text as _literal
from riep.safetext import safe_cell
from riep.table import col_letter
from riep.xlsx.layout import BODY_PT, UNIT_PT, fit_row, font, line_pt, text_pt, width_for, wrapped_lines

__all__ = ["print_frame", "fit_columns", "write_cover", "frame_workbook", "COVER_SHEET", "MIN_PRINT_PT",
           "shown_text", "chart_text", "span_text"]

COVER_SHEET = "About"
MIN_PRINT_PT = 9.0
_MARGIN_IN = MARGIN_IN
_PRINTABLE_PT = {True: (297 / 25.4 - 2 * _MARGIN_IN) * 72, False: (210 / 25.4 - 2 * _MARGIN_IN) * 72}
_FIGURE = 999_999.0  # a formula's figure is measured as this (its value is not known until the workbook recalculates)
_MAX_WORD = 20.0  # a text column never narrower than its longest word, up to this width (longer words break)


def budget(landscape: bool) -> float:
    """The most column width (units) a sheet may have so that, fitted to A4's width, text stays >= 9 pt."""
    return 0.95 * _PRINTABLE_PT[landscape] / (UNIT_PT * MIN_PRINT_PT / BODY_PT)  # 5%: LibreOffice rounds each column and the scale


def _formatted(value: float, number_format: str | None) -> str:
    """``value`` as Excel writes it under ``number_format`` (its sections for positive, negative and zero, literal
    text and brackets kept, colours dropped)."""
    sections = (number_format or "#,##0.##").split(";")
    pick = 0 if value > 0 or len(sections) == 1 else (1 if value < 0 else (2 if len(sections) > 2 else 0))
    section = re.sub(r"\[[^\]]*\]", "", sections[pick])
    digits = re.search(r"[#0][#0,]*(\.[#0]+)?", section)
    if digits is None:
        return section.replace('"', "")
    decimals = len(digits.group(1)) - 1 if digits.group(1) else 0
    number = f"{abs(value):,.{decimals}f}" if "," in digits.group(0) else f"{abs(value):.{decimals}f}"
    text = (section[:digits.start()] + number + section[digits.end():]).replace('"', "").replace("\\", "")
    return f"-{text}" if value < 0 and len(sections) == 1 else text


def shown_text(value: object, number_format: str | None = None) -> str:
    """The text a cell shows for ``value`` under ``number_format``; a formula, whose value is not known until the
    workbook recalculates, as the widest figure of six digits its format may show."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and value.startswith("="):
        return max((_formatted(v, number_format or "#,##0") for v in (_FIGURE, -_FIGURE)), key=text_pt)
    if isinstance(value, bool):
        return "FALSE"
    if isinstance(value, (int, float)):
        return _formatted(value, number_format)
    if isinstance(value, (dt.date, dt.datetime)):
        return "00/00/0000"
    return str(value)


def _longest_line(text: str, bold: bool = False) -> float:
    return max((text_pt(line, bold=bold) for line in text.split("\n")), default=0.0)


def _longest_word(text: str, bold: bool = False) -> float:
    return max((text_pt(w, bold=bold) for w in text.split()), default=0.0)


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
    """Set column widths from the text, measured in the sheets' font: each column as wide as its longest header
    word (bold) and its values, at most its cap, then the widest text columns narrowed until the sheet fits A4 at
    >= 9 pt. A column is never narrower than its figures (no ``###``), its header's longest word, or, for columns
    in ``keep`` (links, which LibreOffice does not wrap), its whole text. Headers wrap; a value wider than its
    column wraps and its row grows to the lines it takes. Returns the widths."""
    widths: list[float] = []
    floors: list[float] = []
    for j, head in enumerate(headers):
        word = width_for(_longest_word(str(head), bold=True)) + 0.2
        column = [r[j] for r in rows if j < len(r)]
        texts = [v for v in column if isinstance(v, str) and not v.startswith("=")]
        full = width_for(max((_longest_line(shown_text(v, formats[j])) for v in column), default=0.0)) + 0.2
        figures = width_for(max((_longest_line(shown_text(v, formats[j])) for v in column if v not in texts),
                                default=0.0)) + 0.2
        longest_word = width_for(max((_longest_word(v) for v in texts), default=0.0)) + 0.2
        widths.append(max(word, min(full, caps[j]), 4))
        if j in keep:
            floors.append(max(word, full, 4))
        else:
            floors.append(max(word, figures, min(longest_word, _MAX_WORD), 4))
        widths[-1] = max(widths[-1], floors[-1])
    widths = _narrowed(widths, floors, budget(landscape))
    for j, w in enumerate(widths):
        ws.column_dimensions[col_letter(j)].width = round(w + 0.05, 1)
        head = ws.cell(row=header_row, column=j + 1)
        head.alignment = Alignment(wrap_text=True, vertical="bottom")
        fit_row(ws, header_row, head.value, w, bold=True)
    for i, r in enumerate(rows):
        for j, value in enumerate(r[:len(widths)]):
            if isinstance(value, str) and not value.startswith("=") and wrapped_lines(value, widths[j]) > 1:
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
    size = float(cell.font.sz or BODY_PT)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    lines = wrapped_lines(cell.value, sum(widths), size, bool(cell.font.b))
    ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, round(lines * line_pt(size) + 3, 1))


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
        part.text, part.size = texts[place], BODY_PT  # printed at the sheet's scale, so at least 9 pt
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
    widths = [16.0, round(0.95 * _PRINTABLE_PT[False] / UNIT_PT - 16, 1)]  # printed at full size, 11 pt
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = widths
    for row, text, bold, size in ((1, cover.title, True, 16.0), (2, cover.organisation, False, 12.0)):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)  # wrapped, never past the page
        cell = _text(ws.cell(row=row, column=1), text)
        cell.font, cell.alignment = font(bold=bold, size=size), Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = round(wrapped_lines(text, sum(widths), size, bold) * line_pt(size) + 4, 1)
    shade = PatternFill("solid", start_color="F2F2F2", end_color="F2F2F2")
    for k, (label, text) in enumerate(cover.lines(), start=4):
        a, b = _text(ws.cell(row=k, column=1), label), _text(ws.cell(row=k, column=2), text)
        a.font = font(bold=True)
        a.alignment = Alignment(vertical="top")
        b.alignment = Alignment(wrap_text=True, vertical="top")
        a.fill = shade
        fit_row(ws, k, text, widths[1])
    sheets = [n for n in wb.sheetnames if n != COVER_SHEET]
    last = 4 + len(cover.lines()) + 1
    label = ws.cell(row=last, column=1, value="Sheets")
    label.font, label.alignment = font(bold=True), Alignment(vertical="top")
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
            ws.oddHeader.left.text, ws.oddHeader.left.size = _literal(cover.organisation), BODY_PT
    write_cover(wb, cover)
    props = wb.properties
    props.creator = props.lastModifiedBy = "riep"
    props.title = f"{cover.organisation}: {cover.title}" if cover.organisation else cover.title
    props.subject = cover.subject()
    props.keywords = f"riep {cover.run.riep_version}; rules {cover.run.rules_version}; as of {cover.run.as_of}"
    props.modified = props.created = cover.run.started_at.astimezone(dt.UTC).replace(tzinfo=None)
    props.description = "\n".join(f"{a}: {b}" for a, b in cover.lines())

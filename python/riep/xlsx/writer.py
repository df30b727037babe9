"""Writing workbooks safely, and rendering :class:`~riep.sheets.SheetContent` with openpyxl.

Nothing is ever half-written: every file goes to a temporary file in the destination folder
and is renamed into place only when complete. The input workbook is never modified:
``write_result_copy`` refuses to write over it.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook as XlWorkbook
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabel, DataLabelList
from openpyxl.chart.legend import LegendEntry
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.series import SeriesLabel
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableStyleInfo

from riep.errors import InputError, OutputError
from riep.money import XL_HEADROOM_K
from riep.report.cover import Cover
from riep.report.sheet_frame import chart_text, fit_columns, frame_workbook, print_frame, span_text
from riep.safetext import Formula, safe_cell
from riep.sheets import SheetContent
from riep.table import col_letter
from riep.xlsx.layout import font

__all__ = ["atomic_write", "atomic_save", "atomic_write_text", "write_result_copy", "render_sheet", "apply_highlights",
           "put"]

_LABEL_K = XL_HEADROOM_K.replace("[Red]", "")  # a waterfall's labels: a zero bar (headroom) reads "none"


def _mode_for(dest: Path) -> int:
    """The permissions ``dest`` keeps when replaced, or a new file's usual ones (``mkstemp`` makes them owner-only)."""
    try:
        return dest.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(dest: str | Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(tmp)`` for a temporary path beside ``dest``, then rename it to ``dest``.

    The file ends with the permissions ``dest`` had, or those of any new file the user makes, so colleagues
    who can read the output folder can read the reports."""
    dest = Path(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name[:200]}.", suffix=".tmp", dir=dest.parent)
    except OSError as exc:
        raise OutputError(f"cannot be written ({exc.strerror or exc})", file=dest) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, _mode_for(dest))
        os.replace(tmp, dest)
    except OSError as exc:  # a full disk, a folder made read-only meanwhile: the user's to fix, nothing left behind
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot be written ({exc.strerror or exc})", file=dest) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def put(cell: Cell, value: object) -> Cell:
    """Store ``value`` in ``cell`` the safe way (:func:`riep.safetext.safe_cell`): text from a cell stays text, with
    Excel's quote prefix when it starts like a formula; only a :class:`~riep.safetext.Formula` is a formula."""
    stored, quote = safe_cell(value)
    cell.value = stored
    if isinstance(value, str) and not isinstance(value, Formula):
        cell.data_type = "s"  # never a formula (=...) nor an error value (#REF!) when it came from a cell
    if quote:
        cell.quotePrefix = True
    return cell


def atomic_save(wb: XlWorkbook, dest: str | Path) -> Path:
    """Save an openpyxl workbook to ``dest`` atomically."""
    return atomic_write(dest, lambda tmp: wb.save(tmp))


def atomic_write_text(dest: str | Path, text: str) -> Path:
    """Write text to ``dest`` atomically (UTF-8)."""
    return atomic_write(dest, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_result_copy(src: str | Path, dest: str | Path, sheets: list[SheetContent], cover: Cover | None = None) -> Path:
    """Copy ``src`` to ``dest`` with the result ``sheets`` added (replacing earlier runs' sheets); with a ``cover``,
    framed as a report: the cover sheet, then the result sheets, then the workbook's own sheets."""
    src, dest = Path(src), Path(dest)
    if dest.exists() and dest.resolve() == src.resolve():
        raise InputError("is the input workbook; write the results to a different file", file=dest)
    if dest.suffix.lower() != ".xlsx":
        raise InputError("must end in .xlsx", file=dest)
    try:
        wb = load_workbook(src)
    except Exception as exc:  # read fine by calamine, yet openpyxl cannot copy it (a part it does not understand)
        raise InputError(f"cannot be copied with a result sheet ({type(exc).__name__}: {str(exc)[:120]}); save it "
                         "again in Excel and retry, or run without --write-sheet", file=src) from None
    for content in sheets:
        render_sheet(wb, content)
        apply_highlights(wb, content)
    if cover is not None:
        frame_workbook(wb, cover, [c.name for c in sheets])
    if sheets:  # open on the first result sheet
        for ws in wb.worksheets:
            ws.sheet_view.tabSelected = False
        wb.active = wb.sheetnames.index(sheets[0].name)
        wb.active.sheet_view.tabSelected = True
    return atomic_save(wb, dest)


def apply_highlights(wb: XlWorkbook, content: SheetContent) -> None:
    """Fill the source cells a sheet reports on (format only: values are never touched)."""
    for rgb, links in content.highlights.items():
        fill = PatternFill("solid", start_color=rgb, end_color=rgb)
        for link in links:
            if link.sheet in wb.sheetnames:
                wb[link.sheet][link.cell].fill = fill


def render_sheet(wb: XlWorkbook, c: SheetContent) -> None:
    """Write ``c`` as a sheet of ``wb`` (an existing sheet of that name is replaced)."""
    index = None
    if c.name in wb.sheetnames:
        index = wb.sheetnames.index(c.name)
        for ws in wb.worksheets:
            for tname in list(ws.tables):
                if ws.title == c.name:
                    del ws.tables[tname]
        del wb[c.name]
    ws = wb.create_sheet(c.name, index)
    put(ws["A1"], c.title)
    ws["A1"].font = font(bold=True, size=14)
    if c.subtitle:
        put(ws["A2"], c.subtitle)
        ws["A2"].font = font(italic=True)
    top = c.first_row
    for j, col in enumerate(c.columns):
        cell = put(ws.cell(row=top, column=j + 1), col.name)
        cell.font = font(bold=True)
    for i, row in enumerate(c.rows):
        fill = c.row_fills.get(i)
        for j, value in enumerate(row):
            cell = put(ws.cell(row=top + 1 + i, column=j + 1), value)
            fmt = c.columns[j].number_format if j < len(c.columns) else None
            fmt = c.row_formats.get(i, fmt) if fmt else None
            if fmt and isinstance(value, (int, float, Formula)):
                cell.number_format = fmt
            if fill:
                cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    for (i, j), link in c.links.items():
        cell = ws.cell(row=top + 1 + i, column=j + 1)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=link.target, display=str(cell.value or ""))
        cell.font = font(color="0563C1", underline="single")
    last_row = top + max(len(c.rows), 1)
    if c.table_name and c.columns:
        ref = f"A{top}:{col_letter(len(c.columns) - 1)}{last_row}"
        taken = {name.lower() for sheet in wb.worksheets for name in sheet.tables}  # a renamed old sheet keeps its own
        name, k = c.table_name, 2
        while name.lower() in taken:
            name, k = f"{c.table_name}{k}", k + 1
        table = Table(displayName=name, ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=False)
        ws.add_table(table)
    for i in c.hidden_rows:
        ws.row_dimensions[top + 1 + i].hidden = True
    for i in c.page_breaks:
        ws.row_breaks.append(Break(id=top + i))
    for k, note in enumerate(c.notes):
        put(ws.cell(row=last_row + 2 + k, column=1), note)
    for pic in c.pictures:
        img = Image(io.BytesIO(pic.png))
        if pic.width_px and pic.height_px:
            img.width, img.height = pic.width_px, pic.height_px
        ws.add_image(img, pic.anchor)
    for ch in c.charts:
        chart = BarChart()
        chart.type = "bar" if ch.kind == "bar" else "col"
        chart.title = ch.title
        chart.grouping = "stacked" if ch.stacked else "clustered"
        if ch.stacked:
            chart.overlap = 100
        if ch.y_title:
            chart.y_axis.title = ch.y_title
        for k, rng in enumerate(ch.values):
            chart.add_data(Reference(ws, range_string=f"'{c.name}'!{rng}"), titles_from_data=False)
            if k < len(ch.series_names):
                chart.series[k].tx = SeriesLabel(v=ch.series_names[k])
            if k in ch.invisible_series:
                chart.series[k].graphicalProperties.noFill = True
                chart.series[k].graphicalProperties.line.noFill = True
        drawn = [k for k in range(len(ch.values)) if k not in ch.invisible_series]
        if len(drawn) <= 1:  # one series needs no legend
            chart.legend = None
        elif ch.invisible_series:  # a waterfall's base is scaffolding: keep it out of the legend
            chart.legend.legendEntry = [LegendEntry(idx=k, delete=True) for k in ch.invisible_series]
        if ch.invisible_series:  # a waterfall: each drawn bar says its amount, from the bar's base (never over the axis)
            shown = {"showVal": True, "showCatName": False, "showSerName": False, "showLegendKey": False,
                     "showPercent": False, "numFmt": _LABEL_K, "dLblPos": "inBase"}
            for k in drawn:  # each label in a colour that reads on its bar (white on the dark Budget bar)
                chart.series[k].dLbls = DataLabelList(
                    dLbl=[DataLabel(idx=i, txPr=chart_text(1200, rgb), **shown)
                          for i, rgb in sorted(ch.label_colours().items())], txPr=chart_text(1200), **shown)
        for idx, rgb in ch.point_fills.items():
            for k in drawn:
                point = DataPoint(idx=idx)
                point.graphicalProperties.solidFill = rgb
                chart.series[k].dPt.append(point)
        chart.visible_cells_only = False  # helper rows hidden from print are still drawn
        chart.x_axis.delete = chart.y_axis.delete = False  # Excel hides axes whose delete flag is left unset
        for axis in (chart.x_axis, chart.y_axis):  # printed at the sheet's scale: 11 pt stays readable
            axis.txPr = chart_text(1200)
        chart.y_axis.number_format = "#,##0"
        if ch.kind == "bar":  # categories read top to bottom, as they stand in the sheet
            chart.x_axis.scaling.orientation = "maxMin"
            chart.y_axis.crosses = "max"
        chart.set_categories(Reference(ws, range_string=f"'{c.name}'!{ch.categories}"))
        chart.width, chart.height = ch.width_cm, ch.height_cm
        ws.add_chart(chart, ch.anchor)
    widths = fit_columns(ws, top, [col.name for col in c.columns], c.rows, [col.width for col in c.columns],
                         [col.number_format for col in c.columns], c.landscape, keep={j for _, j in c.links})
    for row in (1, 2, *range(last_row + 2, last_row + 2 + len(c.notes))):
        span_text(ws, row, widths)
    for i in range(len(c.rows)):  # counts centred, so they do not run into the text beside them
        for j, col in enumerate(c.columns):
            cell = ws.cell(row=top + 1 + i, column=j + 1)
            cell.alignment = Alignment(wrap_text=cell.alignment.wrap_text, vertical="top",
                                       horizontal="center" if col.centred or col.number_format == "0" else None)
    ws.freeze_panes = f"A{top + 1}"
    print_frame(ws, landscape=c.landscape, header_row=top, title=c.title)

"""Render :class:`~riep.sheets.SheetContent` into the open workbook through the xlwings API.

This writes what ``riep.xlsx.writer.render_sheet`` writes with openpyxl for ``--write-sheet``
(title, subtitle, header row, rows with live formulas, number formats, row fills, links to
the reported cells, an Excel Table, notes, pictures, charts, frozen header), so the ribbon
button and the CLI give the same sheet. With xlwings Server every call becomes an action
the add-in's JavaScript applies in Excel; with classic desktop xlwings it happens at once.

The run's cover (:func:`render_cover`) is the ``About`` sheet ``riep run`` puts first: the openpyxl
writer's cover (:func:`riep.report.sheet_frame.write_cover`) copied cell by cell. How each sheet prints
(A4, margins, header and footer, repeated header row, page breaks) and what xlwings' remote chart API
cannot say (a waterfall's undrawn base, each bar's own colour, its label's colour, hidden rows still
plotted) go to Excel as one ``runMacro`` action per sheet calling ``riepPrintFrame`` in
``addin/static/js/ribbon.js``, which applies them with Office.js (the page needs ExcelApi 1.9, the
charts 1.8; an older Excel keeps the sheet as written, with Excel's default page and colours). Hidden
helper rows are xlwings' own (``rows.hidden``). Classic desktop xlwings runs no ribbon JavaScript:
there the sheets keep Excel's default page set-up and chart colours.

Only riep's own result sheets are replaced. The cells a sheet reports on are coloured by
:mod:`riep.excel.highlights`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from riep.errors import RefusedError
from riep.excel.book import on_server, sheet_named
from riep.report.cover import Cover
from riep.report.page import HEADER_MARGIN_IN, MARGIN_IN, TOP_MARGIN_IN, PageFrame
from riep.report.sheet_frame import COVER_SHEET, write_cover
from riep.safetext import Formula, quoted, visible
from riep.sheets import Chart, SheetContent

__all__ = ["render_sheet", "render_cover", "is_result_sheet", "is_cover_sheet", "refused", "PRINT_FRAME"]

PRINT_FRAME = "riepPrintFrame"
"""The Office.js function of ``addin/static/js/ribbon.js`` that sets a sheet's page and its charts' colours."""
_BOLD = '&"-,Bold"'  # the partnership's name in bold at the top left, as the openpyxl writer prints it


def _width(book: Any, chars: float) -> float:
    """Column width: Office.js takes points, classic desktop Excel characters."""
    return round((chars * 7 + 5) * 0.75, 2) if on_server(book) else chars


def is_result_sheet(sheet: Any, content: SheetContent) -> bool:
    """A sheet riep wrote earlier: it holds riep's results table or starts with the sheet's title."""
    if content.table_name and any(t.name.lower() == content.table_name.lower() for t in sheet.tables):
        return True
    return sheet["A1"].value == content.title


def _value(v: object) -> object:
    return "" if v is None else quoted(v)


def is_cover_sheet(sheet: Any) -> bool:
    """The cover sheet riep wrote earlier: its facts start with the organisation, in row 4."""
    return sheet["A4"].value == "Organisation"


def refused(name: str, book: Any) -> RefusedError:
    """Why riep does not replace a sheet of that name it did not write."""
    return RefusedError(f"the workbook already has a sheet called '{name}' that riep did not write; rename it and run "
                        "again", file=book.name)


def _replace(book: Any, name: str, ours: bool) -> Any:
    """A new sheet ``name``, in the place of riep's earlier sheet of that name (else after the last sheet)."""
    old = sheet_named(book, name)
    place: dict[str, Any] = {}
    if old is not None:
        if not ours:
            raise refused(name, book)
        index = old.index
        old.delete()  # the new sheet takes the old one's place
        if index >= 2:
            place = {"after": book.sheets[index - 2]}
        elif len(book.sheets):
            place = {"before": book.sheets[0]}
    return book.sheets.add(name=name, **place)


def render_cover(book: Any, cover: Cover, sheets: list[str]) -> Any:
    """The ``About`` sheet of a run, listing ``sheets``: in the place of riep's earlier cover, else after the last
    sheet (before the result sheets that follow it). It is the sheet the openpyxl writer makes
    (:func:`riep.report.sheet_frame.write_cover`), written there and copied cell by cell: values, fonts, fills,
    wrapping, merged title rows, column widths and row heights."""
    from openpyxl import Workbook

    old = sheet_named(book, COVER_SHEET)
    ws = _replace(book, COVER_SHEET, old is not None and is_cover_sheet(old))
    made = Workbook()
    made.remove(made.active)
    for name in sheets:
        made.create_sheet(name)
    _transcribe(book, write_cover(made, cover), ws)
    _print_frame(book, ws, PageFrame(landscape=False, organisation=cover.organisation, title=cover.title))
    return ws


def _geometry(book: Any, src: Any, ws: Any, skip_rows: set[int] | frozenset[int] = frozenset()) -> None:
    """Copy an openpyxl sheet's column widths, row heights (not of ``skip_rows``: a height would show a hidden row)
    and merged cells onto the sheet ``ws`` of ``book``."""
    for letter, dim in src.column_dimensions.items():
        if dim.width:
            ws.range(f"{letter}1").column_width = _width(book, dim.width)
    for row, dim in src.row_dimensions.items():
        if dim.height and row not in skip_rows:
            ws.range((row, 1)).row_height = dim.height
    for merged in src.merged_cells.ranges:
        ws.range(merged.coord).merge(False)


def _transcribe(book: Any, src: Any, ws: Any) -> None:
    """Copy an openpyxl sheet's cells and their look onto the sheet ``ws`` of ``book`` (each look once per run of
    cells down a column that share it: few actions for Excel to apply)."""
    grid = [[quoted(c.value) if c.value is not None else "" for c in row] for row in src.iter_rows()]
    if grid:
        ws.range((1, 1)).value = grid
    _geometry(book, src, ws)
    looks: dict[tuple[str, object], dict[int, list[int]]] = {}
    for row in src.iter_rows():
        for c in row:
            if c.value is None:
                continue
            found = [("bold", True) if c.font.b else None,
                     ("size", float(c.font.sz)) if c.font.sz and float(c.font.sz) != 11 else None,
                     ("color", f"#{str(c.fill.start_color.rgb)[-6:]}") if c.fill.fill_type == "solid" else None,
                     ("wrap_text", True) if c.alignment.wrap_text else None,
                     ("vertical_alignment", c.alignment.vertical) if c.alignment.vertical else None]
            for look in filter(None, found):
                looks.setdefault(look, {}).setdefault(c.column, []).append(c.row)
    for (what, value), columns in looks.items():
        for column, rows in columns.items():
            for first, last in _spans(rows):
                cells = ws.range((first, column), (last, column))
                if what in ("bold", "size"):
                    setattr(cells.font, what, value)
                else:
                    setattr(cells, what, value)


def render_sheet(book: Any, c: SheetContent, organisation: str = "") -> Any:
    """Write ``c`` as a sheet of ``book``, replacing riep's earlier sheet of that name; returns the sheet. Its pages
    are headed with ``organisation`` and the sheet's title."""
    old = sheet_named(book, c.name)
    ws = _replace(book, c.name, old is not None and is_result_sheet(old, c))
    ws["A1"].value = quoted(c.title)
    ws["A1"].font.bold = True
    ws["A1"].font.size = 14
    if c.subtitle:
        ws["A2"].value = quoted(c.subtitle)
        ws["A2"].font.italic = True
    top = c.first_row
    ncols = len(c.columns)
    live = any(isinstance(v, Formula) for row in c.rows for v in row) or bool(c.links)
    block = [[quoted(col.name) for col in c.columns]] + [[_value(v) for v in row] + [""] * (ncols - len(row)) for row in c.rows]
    for (i, j), link in c.links.items():
        if i < len(c.rows) and j < ncols:
            value = c.rows[i][j]
            # a linked figure stays live: the link shows what its formula calculates to
            shown = value[1:] if isinstance(value, Formula) else '"' + visible(str(value or "")).replace('"', '""') + '"'
            block[i + 1][j] = f'=HYPERLINK("#{link.target.replace(chr(34), chr(34) * 2)}",{shown})'
    if ncols:
        target = ws.range((top, 1), (top + len(c.rows), ncols))
        if live:
            target.formula = block  # live formulas (and links) go in as formulas; plain values stay values
        else:
            target.value = block
        ws.range((top, 1), (top, ncols)).font.bold = True
    last_row = top + max(len(c.rows), 1)
    for j, col in enumerate(c.columns):
        if col.number_format and c.rows:
            ws.range((top + 1, j + 1), (top + len(c.rows), j + 1)).number_format = col.number_format
            for i, fmt in c.row_formats.items():
                ws.range((top + 1 + i, j + 1)).number_format = fmt
    for (first, last), rgb in _runs(c.row_fills, ncols):
        ws.range((top + 1 + first, 1), (top + 1 + last, ncols)).color = f"#{rgb}"
    for (i, j), _link in c.links.items():
        if i < len(c.rows) and j < ncols:
            ws.range((top + 1 + i, j + 1)).font.color = "#0563C1"
    if c.table_name and ncols:
        ws.tables.add(source=ws.range((top, 1), (last_row, ncols)), name=c.table_name,
                      table_style_name="TableStyleLight9", has_headers=True)
    for k, note in enumerate(c.notes):
        ws.range((last_row + 2 + k, 1)).value = quoted(note)
    _layout(book, ws, c)
    for first, last in _spans(c.hidden_rows):  # a chart's helper figures: drawn, never shown nor printed
        ws.range((top + 1 + first, 1), (top + 1 + last, 1)).rows.hidden = True
    _pictures(ws, c)
    _charts(ws, c)
    try:
        ws.freeze_panes.freeze_at(f"A{top + 1}")
    except (AttributeError, NotImplementedError):  # classic desktop xlwings has no freeze-panes API
        pass
    _print_frame(book, ws, PageFrame(landscape=c.landscape, header_row=top, organisation=organisation, title=c.title,
                                     breaks=[top + 1 + i for i in c.page_breaks]), [_chart_look(ch) for ch in c.charts])
    return ws


def _layout(book: Any, ws: Any, c: SheetContent) -> None:
    """Column widths, wrapped cells, title rows spread over the table and row heights as the openpyxl writer works
    them out from the text (:func:`riep.report.sheet_frame.fit_columns`): the sheet prints at 9 pt or more, as
    ``riep run``'s does."""
    from openpyxl import Workbook

    from riep.xlsx.writer import render_sheet as render_xlsx

    made = Workbook()
    made.remove(made.active)
    render_xlsx(made, c.model_copy(update={"pictures": [], "charts": []}))
    src, top, ncols = made[c.name], c.first_row, len(c.columns)
    _geometry(book, src, ws, {top + 1 + i for i in c.hidden_rows})
    for j in range(ncols):
        wrapped = [i for i in range(len(c.rows) + 1) if src.cell(row=top + i, column=j + 1).alignment.wrap_text]
        for first, last in _spans(wrapped):
            ws.range((top + first, j + 1), (top + last, j + 1)).wrap_text = True
    for row in {cell.min_row for cell in src.merged_cells.ranges}:  # titles and notes spread over the table
        ws.range((row, 1)).wrap_text = True
    if ncols:
        ws.range((top, 1), (top, ncols)).vertical_alignment = "bottom"
    if ncols and c.rows:
        ws.range((top + 1, 1), (top + len(c.rows), ncols)).vertical_alignment = "top"


def _spans(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive row indexes as (first, last) spans."""
    out: list[tuple[int, int]] = []
    for i in sorted(set(rows)):
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _chart_look(ch: Chart) -> dict[str, Any]:
    """What ``riepPrintFrame`` does to a chart that xlwings' remote API cannot (a new chart's series cannot be
    reached without reading them back from Excel): the hidden helper rows still plotted, the series' names, the
    waterfall's base drawn without fill, each bar's own colour, the drawn bars labelled with their amount (#,##0,
    at the bar's base) in each label's colour. (The legend is the remote API's: shown only where more than one
    series is drawn.)"""
    drawn = [k for k in range(len(ch.values)) if k not in ch.invisible_series]
    return {"names": ch.series_names[:len(ch.values)], "invisible": ch.invisible_series, "drawn": drawn,
            "labelled": bool(ch.invisible_series),
            "points": {str(i): f"#{rgb}" for i, rgb in ch.point_fills.items()},
            "labels": {str(i): f"#{rgb}" for i, rgb in ch.label_colours().items()}, "number_format": "#,##0"}


def _print_frame(book: Any, ws: Any, frame: PageFrame, charts: list[dict[str, Any]] | None = None) -> None:
    """Ask the ribbon's ``riepPrintFrame`` (Office.js) to set ``ws``'s page and its charts' colours (xlwings Server
    only: classic desktop xlwings has no ribbon JavaScript to call)."""
    if not on_server(book):
        return
    headers = frame.headers()
    margins = {"left": MARGIN_IN, "right": MARGIN_IN, "top": TOP_MARGIN_IN, "bottom": TOP_MARGIN_IN,
               "header": HEADER_MARGIN_IN, "footer": HEADER_MARGIN_IN}
    book.app.macro(PRINT_FRAME)(ws.name, {
        "orientation": "Landscape" if frame.landscape else "Portrait", "paperSize": "A4",
        "titleRows": f"${frame.header_row}:${frame.header_row}" if frame.header_row else None,
        "margins": {k: round(v * 72, 1) for k, v in margins.items()},  # Office.js takes points
        "headers": {**headers, "leftHeader": _BOLD + headers["leftHeader"]} if frame.organisation else headers,
        "breaks": frame.breaks, "charts": charts or []})


def _runs(fills: dict[int, str], ncols: int) -> list[tuple[tuple[int, int], str]]:
    """Consecutive rows with the same fill as one range each (fewer actions for Excel to apply)."""
    out: list[tuple[tuple[int, int], str]] = []
    for i in sorted(fills):
        if out and out[-1][1] == fills[i] and out[-1][0][1] == i - 1:
            out[-1] = ((out[-1][0][0], i), fills[i])
        else:
            out.append(((i, i), fills[i]))
    return out if ncols else []


def _pictures(ws: Any, c: SheetContent) -> None:
    for k, pic in enumerate(c.pictures):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{c.name}_{k}.png"
            path.write_bytes(pic.png)
            anchor = ws[pic.anchor]
            ws.pictures.add(str(path), anchor=anchor, width=pic.width_px, height=pic.height_px)


def _charts(ws: Any, c: SheetContent) -> None:
    """Native charts over the sheet's own ranges (categories and series in adjacent columns), with the title, the
    series' names, the axes and the legend the openpyxl writer gives them, where xlwings' remote API can say it."""
    for ch in c.charts:
        first = ch.categories.split(":")[0]
        last = ch.values[-1].split(":")[-1] if ch.values else ch.categories.split(":")[-1]
        kind = "bar" if ch.kind == "bar" else "column"
        chart = ws.charts.add(width=round(ch.width_cm / 2.54 * 72), height=round(ch.height_cm / 2.54 * 72),
                              chart_type=f"{kind}_stacked" if ch.stacked else f"{kind}_clustered",
                              source=ws.range(f"{first}:{last}"), plot_by="columns", name=ch.title,
                              anchor=ws[ch.anchor])
        if not on_server(ws.book):
            continue  # classic desktop xlwings: Excel's own chart as it draws it
        chart.title = ch.title
        chart.legend.visible = len(ch.values) - len(ch.invisible_series) > 1
        chart.value_axis.number_format = "#,##0"
        if ch.kind == "bar":  # categories read top to bottom, as they stand in the sheet, the amounts underneath
            chart.category_axis.set(reverse_order=True, crosses="maximum")

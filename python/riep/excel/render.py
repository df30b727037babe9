"""Render :class:`~riep.sheets.SheetContent` into the open workbook through the xlwings API.

This writes what ``riep.xlsx.writer.render_sheet`` writes with openpyxl for ``--write-sheet``
(title, subtitle, header row, rows with live formulas, number formats, row fills, links to
the reported cells, an Excel Table, notes, pictures, charts, frozen header), so the ribbon
button and the CLI give the same sheet. With xlwings Server every call becomes an action
the add-in's JavaScript applies in Excel; with classic desktop xlwings it happens at once.

Only riep's own result sheets are replaced. Reported cells on the person's sheets get a fill
colour and nothing else; the cells filled by the previous run of the same sheet get their
own fill back first (kept on the hidden ``riep_fills`` sheet), so a fixed problem stops
being highlighted and the person's own colours are never lost.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from riep.errors import RefusedError
from riep.safetext import Formula, quoted, visible
from riep.sheets import SheetContent

__all__ = ["render_sheet", "apply_highlights", "highlight_name", "is_result_sheet", "FILLS_SHEET", "OwnFills"]


def _on_server(book: Any) -> bool:
    return getattr(getattr(book.app, "engine", None), "name", "") == "remote"


def _width(book: Any, chars: float) -> float:
    """Column width: Office.js takes points, classic desktop Excel characters."""
    return round((chars * 7 + 5) * 0.75, 2) if _on_server(book) else chars


def _sheet(book: Any, name: str) -> Any | None:
    return next((s for s in book.sheets if s.name.lower() == name.lower()), None)


def is_result_sheet(sheet: Any, content: SheetContent) -> bool:
    """A sheet riep wrote earlier: it holds riep's results table or starts with the sheet's title."""
    if content.table_name and any(t.name.lower() == content.table_name.lower() for t in sheet.tables):
        return True
    return sheet["A1"].value == content.title


def highlight_name(content: SheetContent) -> str:
    """The defined name remembering which cells a result sheet highlighted."""
    return "_riep_" + "".join(ch if ch.isalnum() else "_" for ch in content.name) + "_cells"


def _value(v: object) -> object:
    return "" if v is None else quoted(v)


def render_sheet(book: Any, c: SheetContent) -> Any:
    """Write ``c`` as a sheet of ``book``, replacing riep's earlier sheet of that name; returns the sheet."""
    old = _sheet(book, c.name)
    place: dict[str, Any] = {}
    if old is not None:
        if not is_result_sheet(old, c):
            raise RefusedError(
                f"the workbook already has a sheet called '{c.name}' that riep did not write; rename it and run again",
                file=book.name,
            )
        index = old.index
        old.delete()  # the new sheet takes the old one's place
        if index >= 2:
            place = {"after": book.sheets[index - 2]}
        elif len(book.sheets):
            place = {"before": book.sheets[0]}
    ws = book.sheets.add(name=c.name, **place)
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
        ws.range((top, j + 1)).column_width = _width(book, col.width)
        if col.number_format and c.rows:
            ws.range((top + 1, j + 1), (top + len(c.rows), j + 1)).number_format = col.number_format
            for i, fmt in c.row_formats.items():
                ws.range((top + 1 + i, j + 1)).number_format = fmt
        if (j == ncols - 1 or col.width >= 40) and c.rows:
            ws.range((top + 1, j + 1), (top + len(c.rows), j + 1)).wrap_text = True
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
    _pictures(ws, c)
    _charts(ws, c)
    try:
        ws.freeze_panes.freeze_at(f"A{top + 1}")
    except (AttributeError, NotImplementedError):  # classic desktop xlwings has no freeze-panes API
        pass
    return ws


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
    """Native charts over the sheet's own ranges (categories and series in adjacent columns)."""
    for ch in c.charts:
        first = ch.categories.split(":")[0]
        last = ch.values[-1].split(":")[-1] if ch.values else ch.categories.split(":")[-1]
        kind = "bar" if ch.kind == "bar" else "column"
        ws.charts.add(width=540, height=270, chart_type=f"{kind}_stacked" if ch.stacked else f"{kind}_clustered",
                      source=ws.range(f"{first}:{last}"), name=ch.title, anchor=ws[ch.anchor])


OwnFills = dict[str, dict[str, str]]
"""The fills the person gave cells, as the ribbon sends them: sheet -> A1 address -> ``#RRGGBB``."""

FILLS_SHEET = "riep_fills"
"""The hidden sheet where riep keeps, for every cell it highlighted, the fill the cell had before."""

_FILLS_HEADER = ["Result sheet", "Cell", "Own fill"]


def _fill_records(book: Any) -> list[list[str]]:
    """Rows of the hidden fills sheet: [result sheet, ``Sheet!A1``, own fill or ""]."""
    ws = _sheet(book, FILLS_SHEET)
    if ws is None:
        return []
    values = ws.used_range.value
    rows = values if isinstance(values, list) and values and isinstance(values[0], list) else [values]
    return [[str(v or "") for v in (row + ["", "", ""])[:3]] for row in rows[1:] if row and row[0]]


def _own_fill(book: Any, sheet: Any, cell: str, fills: OwnFills | None) -> str:
    """The fill a cell has now: from what the ribbon sent (Office.js), or read from Excel (classic xlwings)."""
    if fills is not None or _on_server(book):
        by_cell = next((v for k, v in (fills or {}).items() if k.lower() == sheet.name.lower()), {})
        return str(by_cell.get(cell.upper(), "") or "")
    rgb = sheet[cell].color
    return "" if rgb is None else "#{:02X}{:02X}{:02X}".format(*rgb)


def apply_highlights(book: Any, c: SheetContent, fills: OwnFills | None = None) -> None:
    """Fill the cells ``c`` reports on (format only), first giving back their own fill to cells no longer reported.

    Before riep first colours a cell it records the cell's own fill (``fills``, or read from
    Excel) on the hidden :data:`FILLS_SHEET`; when a later run no longer reports the cell,
    that fill is put back. Workbooks highlighted by an older riep remembered only the cells
    (a defined name, ``_riep_<sheet>_cells``): those lose riep's fill as before.
    """
    wanted = {(link.sheet.lower(), link.cell.upper()) for links in c.highlights.values() for link in links}
    records = _fill_records(book)
    mine = {r[1]: r[2] for r in records if r[0].lower() == c.name.lower()}
    others = {r[1].lower(): r[2] for r in records if r[0].lower() != c.name.lower()}
    if not mine:
        mine = {f"{sheet}!{cell}": "" for sheet, cell in _remembered(book, highlight_name(c))}
    for where, own in mine.items():
        sheet_name, cell = where.rsplit("!", 1)
        if (sheet_name.lower(), cell.upper()) not in wanted and where.lower() not in others:
            ws = _sheet(book, sheet_name)
            if ws is not None:
                ws[cell].color = own or None
    kept: dict[str, str] = {}
    for rgb, links in c.highlights.items():
        for link in links:
            ws = _sheet(book, link.sheet)
            if ws is None:
                continue
            where = f"{ws.name}!{link.cell.upper()}"
            known = next((v for k, v in mine.items() if k.lower() == where.lower()), None)
            if known is None:
                known = others.get(where.lower())
            kept[where] = known if known is not None else _own_fill(book, ws, link.cell, fills)
            ws[link.cell].color = f"#{rgb}"
    rows = [r for r in records if r[0].lower() != c.name.lower()] + [[c.name, k, v] for k, v in kept.items()]
    _write_fills(book, rows)


def _write_fills(book: Any, rows: list[list[str]]) -> None:
    ws = _sheet(book, FILLS_SHEET)
    if ws is None:
        if not rows:
            return
        ws = book.sheets.add(name=FILLS_SHEET, after=book.sheets[len(book.sheets) - 1])
        ws.visible = False
    else:
        ws.clear_contents()
    ws["A1"].value = [_FILLS_HEADER, *rows]


def _remembered(book: Any, name: str) -> list[tuple[str, str]]:
    for n in book.names:
        if n.name.lower() == name.lower():
            text = str(n.refers_to).lstrip("=").strip('"')
            return [tuple(item.rsplit("!", 1)) for item in text.split(";") if "!" in item]  # type: ignore[misc]
    return []

"""Colour the cells a result sheet reports on in the open workbook, and give them their own colour back.

Reported cells on the person's sheets get a fill colour and nothing else; the cells filled by the
previous run of the same sheet get their own fill back first (kept on the hidden ``riep_fills``
sheet), so a fixed problem stops being highlighted and the person's own colours are never lost.
"""

from __future__ import annotations

from typing import Any

from riep.excel.book import on_server, sheet_named
from riep.sheets import SheetContent

__all__ = ["apply_highlights", "highlight_name", "FILLS_SHEET", "OwnFills"]


def highlight_name(content: SheetContent) -> str:
    """The defined name remembering which cells a result sheet highlighted."""
    return "_riep_" + "".join(ch if ch.isalnum() else "_" for ch in content.name) + "_cells"


OwnFills = dict[str, dict[str, str]]
"""The fills the person gave cells, as the ribbon sends them: sheet -> A1 address -> ``#RRGGBB``."""

FILLS_SHEET = "riep_fills"
"""The hidden sheet where riep keeps, for every cell it highlighted, the fill the cell had before."""

_FILLS_HEADER = ["Result sheet", "Cell", "Own fill"]


def _fill_records(book: Any) -> list[list[str]]:
    """Rows of the hidden fills sheet: [result sheet, ``Sheet!A1``, own fill or ""]."""
    ws = sheet_named(book, FILLS_SHEET)
    if ws is None:
        return []
    values = ws.used_range.value
    rows = values if isinstance(values, list) and values and isinstance(values[0], list) else [values]
    return [[str(v or "") for v in (row + ["", "", ""])[:3]] for row in rows[1:] if row and row[0]]


def _own_fill(book: Any, sheet: Any, cell: str, fills: OwnFills | None) -> str:
    """The fill a cell has now: from what the ribbon sent (Office.js), or read from Excel (classic xlwings)."""
    if fills is not None or on_server(book):
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
            ws = sheet_named(book, sheet_name)
            if ws is not None:
                ws[cell].color = own or None
    kept: dict[str, str] = {}
    for rgb, links in c.highlights.items():
        for link in links:
            ws = sheet_named(book, link.sheet)
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
    ws = sheet_named(book, FILLS_SHEET)
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

"""The book JSON Excel's Office.js client sends to xlwings Server, built from an .xlsx for tests.

It follows ``getBookData`` in xlwings Server's ``static/js/custom-scripts/index.js``: per
sheet, the values from A1 to the last used cell (empty cells as ``""``, date-formatted
numbers as ISO text, error values as ``'#REF!'`` text, whole numbers as JSON integers), the
named Tables with their addresses and columns, and the workbook's and sheets' defined names.
:func:`table_formulas` is what the RIEP ribbon (``addin/static/js/ribbon.js``) sends next to
it: the formula of every formula cell inside a table.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import xlwings
from openpyxl.utils import get_column_letter, range_boundaries

__all__ = ["book_json", "table_formulas"]


def _cell_json(value: object, number_format: str) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00.000Z"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _used(ws) -> tuple[int, int] | None:
    """Last row and column holding a value (Office.js's values-only used range)."""
    last_r = last_c = 0
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                last_r = max(last_r, cell.row)
                last_c = max(last_c, cell.column)
    return (last_r, last_c) if last_r else None


def _table_json(ws, table) -> dict[str, Any]:
    c1, r1, c2, r2 = range_boundaries(table.ref)
    headers = (table.headerRowCount if table.headerRowCount is not None else 1) > 0
    totals = bool(table.totalsRowCount)
    top = r1 + 1 if headers else r1
    bottom = r2 - 1 if totals else r2
    style = table.tableStyleInfo
    return {
        "name": table.displayName,
        "range_address": table.ref,
        "row_count": r2 - r1 + 1,
        "column_count": c2 - c1 + 1,
        "columns": [c.name for c in table.tableColumns],
        "header_row_range_address": f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r1}" if headers else None,
        "data_body_range_address": f"{get_column_letter(c1)}{top}:{get_column_letter(c2)}{max(bottom, top)}",
        "total_row_range_address": f"{get_column_letter(c1)}{r2}:{get_column_letter(c2)}{r2}" if totals else None,
        "show_headers": headers,
        "show_totals": totals,
        "table_style": style.name if style is not None else None,
        "show_autofilter": table.autoFilter is not None,
        "show_table_style_first_column": bool(style and style.showFirstColumn),
        "show_table_style_last_column": bool(style and style.showLastColumn),
        "show_table_style_row_stripes": bool(style and style.showRowStripes),
        "show_table_style_column_stripes": bool(style and style.showColumnStripes),
    }


def _names(wb) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    positions = {ws.title: i for i, ws in enumerate(wb.worksheets)}
    scopes: list[tuple[Any, Any]] = [(None, wb.defined_names)] + [(ws, ws.defined_names) for ws in wb.worksheets]
    for scope_ws, names in scopes:
        for name, dn in names.items():
            dests = list(dn.destinations)
            sheet_name, ref = dests[0] if len(dests) == 1 else (None, None)
            is_range = sheet_name in positions and ref is not None
            out.append({
                "name": name,
                "refers_to": f"={dn.attr_text}",
                "type": "Range" if is_range else "String",
                "sheet_index": positions.get(sheet_name) if is_range else None,
                "address": ref.replace("$", "") if is_range else None,
                "scope_sheet_name": scope_ws.title if scope_ws is not None else None,
                "scope_sheet_index": positions[scope_ws.title] if scope_ws is not None else None,
                "book_scope": scope_ws is None,
            })
    return out


def book_json(path: str | Path, *, active_sheet: int = 0) -> dict[str, Any]:
    """The request body Office.js sends for a custom script over the workbook at ``path``."""
    path = Path(path)
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in wb.worksheets:
        used = _used(ws)
        if used is None:
            values: list[list[object]] = [[""]]
            used_address, n_rows, n_cols = None, 0, 0
        else:
            last_r, last_c = used
            values = [[_cell_json(c.value, c.number_format) for c in row]
                      for row in ws.iter_rows(min_row=1, max_row=last_r, min_col=1, max_col=last_c)]
            used_address, n_rows, n_cols = f"A1:{get_column_letter(last_c)}{last_r}", last_r, last_c
        sheets.append({
            "name": ws.title,
            "visibility": "Visible" if ws.sheet_state == "visible" else "Hidden",
            "show_gridlines": bool(ws.sheet_view.showGridLines if ws.sheet_view.showGridLines is not None else True),
            "print_area": ws.print_area.replace("$", "").split("!")[-1] if ws.print_area else None,
            "notes": [],
            "notes_supported": True,
            "used_range_address": used_address,
            "used_range_row_count": n_rows,
            "used_range_column_count": n_cols,
            "values": values,
            "pictures": [],
            "shapes": [],
            "charts": [],
            "tables": [_table_json(ws, t) for t in ws.tables.values()],
            "pivot_tables": [],
        })
    return {
        "client": "Office.js",
        "version": xlwings.__version__,
        "book": {"name": path.name, "active_sheet_index": active_sheet, "selection": "A1", "calculation": "Automatic"},
        "names": _names(wb),
        "sheets": sheets,
    }


def table_formulas(path: str | Path) -> dict[str, dict[str, str]]:
    """The formulas of every formula cell inside a named table: sheet -> A1 address -> formula."""
    wb = openpyxl.load_workbook(path)
    out: dict[str, dict[str, str]] = {}
    for ws in wb.worksheets:
        for table in ws.tables.values():
            for row in ws[table.ref]:
                for cell in row:
                    text = cell.value if isinstance(cell.value, str) else getattr(cell.value, "text", None)
                    if isinstance(text, str) and text.startswith("="):
                        out.setdefault(ws.title, {})[cell.coordinate] = text
    return out



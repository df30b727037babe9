"""Write the support-records workbook: an index, one printable sheet per authority, the findings.

Regenerating into an existing records workbook keeps what people typed: each authority
sheet ends with a *Notes* area whose cells are carried into the new sheet (the rest of the
sheet is protected, without a password, so typing goes there), sheets riep did not write are
left alone, and a record whose authority is no longer supported keeps its sheet. Money on each sheet is live: totals are ``SUM`` formulas over the funding rows, the
extra funding a ``SUMIF`` by kind, what is left a subtraction; the index reads those cells.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from openpyxl import Workbook as XlWorkbook
from openpyxl import load_workbook
from openpyxl.styles import Alignment, Border, PatternFill, Protection, Side
from openpyxl.worksheet.worksheet import Worksheet

from riep.errors import InputError
from riep.money import XL_LEFT_POUNDS, XL_POUNDS
from riep.records.record import Grid, Item, Record
from riep.records.sheet import INDEX_SHEET, MONEY_KEYS, index_sheet
from riep.report.cover import Cover
from riep.report.sheet_frame import frame_workbook, print_frame, span_text
from riep.safetext import Formula
from riep.sheets import Link, SheetContent
from riep.table import col_letter
from riep.xlsx.layout import fit_row, font
from riep.xlsx.reader import open_workbook
from riep.xlsx.writer import atomic_save, put, render_sheet

__all__ = ["write_records_workbook", "read_notes", "RECORD_MARK", "NOTES_MARK", "NOTES_ROWS"]

RECORD_MARK = "Support record: "
NOTES_MARK = "Notes (type here: kept when the records are regenerated)"
NOTES_ROWS = 20
_WIDTHS = [30, 13, 12, 35, 13, 11, 11, 8]  # 133 characters: A4 landscape at >= 9 pt
_FLAG = {"error": "F8CBAD", "warning": "FFE699", "ok": "C6EFCE"}
_SECTION = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
_HEAD = PatternFill("solid", start_color="EDEDED", end_color="EDEDED")
_NOTES = PatternFill("solid", start_color="FFF9E5", end_color="FFF9E5")
_THIN = Side(style="thin", color="A6A6A6")


Notes = dict[tuple[int, int], object]  # (row offset below the mark, 1-based column) -> value


def read_notes(path: str | Path) -> dict[str, Notes]:
    """The notes typed on each record sheet of an existing records workbook, by authority."""
    wb = load_workbook(path)
    return {auth: notes for ws in wb.worksheets if (auth := _authority(ws)) and (notes := _notes_of(ws))}


def _authority(ws: Worksheet) -> str | None:
    title = ws["A1"].value
    return title[len(RECORD_MARK):] if isinstance(title, str) and title.startswith(RECORD_MARK) else None


def _notes_of(ws: Worksheet) -> Notes:
    mark = next((c.row for c in ws["A"] if c.value == NOTES_MARK), None)
    if mark is None:
        return {}
    return {(c.row - mark, c.column): c.value for row in ws.iter_rows(min_row=mark + 1) for c in row
            if c.value is not None and not (isinstance(c.value, str) and not c.value.strip())}


def _value_cell(ws: Worksheet, row: int, item: Item, resolve: Callable[[str], str]) -> None:
    cell = ws.cell(row=row, column=2)
    put(cell, Formula(resolve(item.formula)) if item.formula else item.number if item.number is not None else item.value)
    if item.number is not None:
        cell.number_format = XL_LEFT_POUNDS if item.label.startswith("Left") else XL_POUNDS
    if item.flag in _FLAG:
        cell.fill = PatternFill("solid", start_color=_FLAG[item.flag], end_color=_FLAG[item.flag])


def _layout(record: Record, top: int) -> tuple[list[tuple[int, str, object, dict]], dict[str, str], int]:
    """Assign rows: returns (row, kind, payload, context) entries, item cells by label, and the next free row."""
    entries: list[tuple[int, str, object, dict]] = []
    items: dict[str, str] = {}
    row = top
    for sec in record.sections:
        ctx: dict = {}
        entries.append((row, "section", sec.title, ctx))
        row += 1
        for it in sec.items:
            entries.append((row, "item", it, ctx))
            items[it.label] = f"B{row}"
            if it.key:
                items[f"key:{it.key}"] = f"B{row}"
            row += 1
        if sec.grid is not None:
            g = sec.grid
            entries.append((row, "grid", g, ctx))
            first = row + 1
            last = row + max(len(g.rows), 1)
            for j, name in enumerate(g.columns):
                ctx[name] = f"{col_letter(j)}{first}:{col_letter(j)}{last}"
                if name in g.totals:
                    ctx[f"total:{name}"] = f"{col_letter(j)}{last + 1}"
            row = last + 1 + (1 if g.totals else 0)
        for it in sec.after:
            entries.append((row, "item", it, ctx))
            items[it.label] = f"B{row}"
            if it.key:
                items[f"key:{it.key}"] = f"B{row}"
            row += 1
        row += 1
    return entries, items, row


def _numeric(g: Grid, j: int) -> bool:
    """Column ``j`` of ``g`` holds figures only (its heading then stands over them, on the right)."""
    values = [r[j] for r in g.rows if j < len(r) and r[j] not in (None, "")]
    return bool(values) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)


def _grid(ws: Worksheet, row: int, g: Grid) -> None:
    for j, name in enumerate(g.columns):
        c = put(ws.cell(row=row, column=j + 1), name)
        c.font, c.fill, c.border = font(bold=True), _HEAD, Border(bottom=_THIN)
        c.alignment = Alignment(wrap_text=True, vertical="top", horizontal="right" if _numeric(g, j) else None)
        if j < len(_WIDTHS):
            fit_row(ws, row, name, _WIDTHS[j])
    if not g.rows:
        put(ws.cell(row=row + 1, column=1), g.empty).font = font(italic=True, color="595959")
    for i, values in enumerate(g.rows, start=1):
        for j, v in enumerate(values):
            c = put(ws.cell(row=row + i, column=j + 1), v)
            c.alignment = Alignment(vertical="top")
            if g.columns[j] in g.money and isinstance(v, (int, float)):
                c.number_format = XL_POUNDS
            elif isinstance(v, dt.date):
                c.number_format = "dd/mm/yyyy"
                c.alignment = Alignment(horizontal="left", vertical="top")
            if isinstance(v, str) and j < len(_WIDTHS) and len(v) > _WIDTHS[j] - 1:  # wraps rather than overrun
                c.alignment = Alignment(wrap_text=True, vertical="top")
                if j < len(_WIDTHS):
                    fit_row(ws, row + i, v, _WIDTHS[j])

    for i, j, flag in g.flags:
        ws.cell(row=row + 1 + i, column=j + 1).fill = PatternFill("solid", start_color=_FLAG[flag], end_color=_FLAG[flag])
    if g.totals:
        last = row + max(len(g.rows), 1)
        ws.cell(row=last + 1, column=1, value="Total").font = font(bold=True)
        for j, name in enumerate(g.columns):
            if name in g.totals:
                letter = col_letter(j)
                c = ws.cell(row=last + 1, column=j + 1, value=Formula(f"=SUM({letter}{row + 1}:{letter}{last})"))
                c.number_format, c.font, c.border = XL_POUNDS, font(bold=True), Border(top=_THIN)


def _record_sheet(wb: XlWorkbook, record: Record, notes: Notes, index: int) -> dict[str, str]:
    """Write one record sheet; returns the cells of its items by label (for the index formulas)."""
    ws = wb.create_sheet(record.sheet, index)
    put(ws["A1"], RECORD_MARK + record.authority)
    ws["A1"].font = font(bold=True, size=14)
    kind = f"{record.type} council" if record.type and record.type != "fire" else (record.type or "authority")
    marker = " Illustrative demonstration data: an invented authority." if record.illustrative else ""
    put(ws["A2"], f"{kind.capitalize()}, {record.county_area}. Judged on {record.as_of:%d/%m/%Y} from "
                f"{Path(record.file).name}. Status: {record.status}.{marker}")
    ws["A2"].font = font(italic=True, color="595959")
    span_text(ws, 2, _WIDTHS)  # wrapped across the page: a long line is never cut off at the print area's edge
    entries, items, end = _layout(record, 4)

    def resolve(formula: str, ctx: dict) -> str:
        def sub(m: re.Match[str]) -> str:
            key = m.group(1)
            if key.startswith("item:"):
                return items[key[5:]]
            return ctx[key]
        return re.sub(r"\{([^{}]+)\}", sub, formula)

    for row, what, payload, ctx in entries:
        if what == "section":
            for j in range(len(_WIDTHS)):
                ws.cell(row=row, column=j + 1).fill = _SECTION
            put(ws.cell(row=row, column=1), payload).font = font(bold=True, size=12)
        elif what == "item":
            assert isinstance(payload, Item)
            put(ws.cell(row=row, column=1), payload.label).font = font(bold=True)
            _value_cell(ws, row, payload, partial(resolve, ctx=ctx))
        else:
            assert isinstance(payload, Grid)
            _grid(ws, row, payload)
    mark = end
    ws.cell(row=mark, column=1, value=NOTES_MARK).font = font(bold=True, size=12)
    for j in range(len(_WIDTHS)):
        ws.cell(row=mark, column=j + 1).fill = _SECTION
    last = mark + max(NOTES_ROWS, max((o for o, _ in notes), default=0))
    for r in range(mark + 1, last + 1):
        for j in range(len(_WIDTHS)):
            cell = ws.cell(row=r, column=j + 1)
            cell.fill, cell.protection = _NOTES, Protection(locked=False)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for (off, col), value in notes.items():
        c = put(ws.cell(row=mark + off, column=col), value)
        c.protection = Protection(locked=False)
    # the record is regenerated from the workbook: only the notes area takes typing (no password; Review > Unprotect)
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = ws.protection.formatCells = False
    for j, w in enumerate(_WIDTHS):
        ws.column_dimensions[col_letter(j)].width = w
    print_frame(ws, landscape=True, header_row=None, title=RECORD_MARK + record.authority)
    ws.print_area = f"A1:{col_letter(len(_WIDTHS) - 1)}{last}"
    return items


def write_records_workbook(dest: str | Path, records: list[Record], findings: SheetContent, *, cover: Cover | None = None,
                           early_warning: list[str] | None = None, notes: list[str] | None = None) -> Path:
    """Write (or regenerate) the records workbook at ``dest``, keeping every note a person typed there."""
    dest = Path(dest)
    if dest.suffix.lower() != ".xlsx":
        raise InputError("must end in .xlsx", file=dest)
    kept: dict[str, Notes] = {}
    if dest.exists():
        try:
            open_workbook(dest)  # the same checks as any input (size, entities, damage) before openpyxl unpacks it
            wb = load_workbook(dest)
        except InputError as exc:
            raise InputError(f"exists and cannot be opened as a workbook ({exc.detail}); move it away first",
                             file=dest) from None
        except Exception as exc:  # not a workbook riep can open: refuse rather than overwrite it
            raise InputError(f"exists and cannot be opened as a workbook ({exc}); move it away first",
                             file=dest) from None
        for ws in list(wb.worksheets):
            auth = _authority(ws)
            if auth is not None and auth in {r.authority for r in records}:
                kept[auth] = _notes_of(ws)
                del wb[ws.title]
            elif auth is None and ws.title in (findings.name,):
                del wb[ws.title]
    else:
        wb = XlWorkbook()
        wb.remove(wb.active)
    taken = {ws.title for ws in wb.worksheets}
    for r in records:  # a kept sheet of an authority no longer supported may hold the name this record wants
        if r.sheet in taken:
            r.sheet = _free(r.sheet, taken)
        taken.add(r.sheet)
    money: dict[str, list[str]] = {}
    for k, r in enumerate(records, start=1):
        cells = _record_sheet(wb, r, kept.get(r.authority, {}), k)
        money[r.authority] = [Formula(f"='{r.sheet}'!{cells['key:' + key]}") for key in MONEY_KEYS]
    links = {r.authority: Link(sheet=r.sheet, cell="A1") for r in records}
    file = records[0].file if records else ""
    render_sheet(wb, index_sheet(records, file=Path(file).name, links=links, money_formulas=money,
                                 early_warning=early_warning, notes=notes))
    wb.move_sheet(wb[INDEX_SHEET], -wb.sheetnames.index(INDEX_SHEET))
    render_sheet(wb, findings)
    wb.move_sheet(wb[findings.name], len(records) + 1 - wb.sheetnames.index(findings.name))
    if cover is not None:
        frame_workbook(wb, cover, [INDEX_SHEET, *(r.sheet for r in records), findings.name])
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = False
    wb.active = 0
    wb.worksheets[0].sheet_view.tabSelected = True
    wb.calculation.fullCalcOnLoad = True
    return atomic_save(wb, dest)


def _free(name: str, taken: set[str]) -> str:
    k = 2
    while True:
        cand = f"{name[: 31 - len(str(k)) - 1]} {k}"
        if cand not in taken:
            return cand
        k += 1


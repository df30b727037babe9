"""``riep rollover``: write a copy of a workbook whose new year opens with the previous year's closings.

The plan (what to write, or why not) comes from :func:`riep.reconcile.rollover.plan_rollover`;
this shell only carries it out with openpyxl: new rows appended to the Balances table (styles
copied from the row above, the table extended), blank openings of existing new-year rows filled
in. No other cell is touched, the input is never modified and the copy is saved atomically.
"""

from __future__ import annotations

from copy import copy
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils.cell import range_boundaries

from riep.errors import InputError, RefusedError
from riep.reconcile.ledger import read_ledger, reconcile_ledger
from riep.reconcile.rollover import RolloverPlan, plan_rollover
from riep.reconcile.tables import FIGURE_COLUMNS
from riep.settings import Settings
from riep.table import col_letter
from riep.xlsx.reader import open_workbook
from riep.xlsx.writer import atomic_save

__all__ = ["rollover_workbook"]


def rollover_workbook(src: str | Path, to: str, dest: str | Path, settings: Settings) -> RolloverPlan:
    """Roll ``src`` forward to year ``to`` into ``dest``; returns what was written."""
    src, dest = Path(src), Path(dest)
    if dest.suffix.lower() != ".xlsx":
        raise InputError("must end in .xlsx", file=dest)
    if dest.exists() and src.exists() and dest.resolve() == src.resolve():
        raise InputError("is the input workbook; write the rolled-over copy to a different file", file=dest)
    ledger = read_ledger(open_workbook(src), settings)
    plan = plan_rollover(ledger, to, reconcile_ledger(ledger, settings))
    t = ledger.table
    wb = load_workbook(src)
    ws = wb[t.sheet]
    table = ws.tables[next(name for name in ws.tables if name.lower() == t.name.lower())]
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    col = {name: t.columns[name] + 1 for name in t.columns}
    for k, new in enumerate(plan.rows, start=1):
        row = max_row + k
        busy = [ws.cell(row=row, column=c).coordinate for c in range(min_col, max_col + 1)
                if ws.cell(row=row, column=c).value is not None]
        if busy:
            raise RefusedError(f"cannot roll over to {plan.year}: cell {busy[0]} below the {t.name} table is not "
                               "empty, so the table cannot grow; move what is there", file=src, sheet=t.sheet,
                               cell=busy[0])
        for c in range(min_col, max_col + 1):
            _copy_style(ws.cell(row=max_row, column=c), ws.cell(row=row, column=c))
        ws.cell(row=row, column=col["Year"], value=new.year)
        ws.cell(row=row, column=col["Stream"], value=new.stream)
        ws.cell(row=row, column=col[FIGURE_COLUMNS["opening"]], value=new.opening)
        if "Notes" in col:
            ws.cell(row=row, column=col["Notes"], value=new.note)
        if new.approximate and "Approximate" in col:
            ws.cell(row=row, column=col["Approximate"], value="Opening")
    for fill in plan.fills:
        ws[fill.cell] = fill.value
    if plan.rows:
        table.ref = f"{col_letter(min_col - 1)}{min_row}:{col_letter(max_col - 1)}{max_row + len(plan.rows)}"
        if table.autoFilter is not None:
            table.autoFilter.ref = table.ref
    atomic_save(wb, dest)
    return plan


def _copy_style(src: Cell, dest: Cell) -> None:
    if src.has_style:
        dest.font, dest.fill, dest.border = copy(src.font), copy(src.fill), copy(src.border)
        dest.alignment, dest.protection = copy(src.alignment), copy(src.protection)
        dest.number_format = src.number_format

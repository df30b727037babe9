"""Small Balances ledgers for the reconcile tests: in memory, or written through the real builder."""

from __future__ import annotations

from pathlib import Path

from allocdata import table
from riep.build.render import render
from riep.build.source import WorkbookSource
from riep.reconcile.model import Ledger, Stated, prepare
from riep.reconcile.tables import BALANCES
from riep.xlsx.writer import atomic_save

__all__ = ["line", "ledger", "budget", "write_balances", "CLOSED"]


def line(year: object, stream: object, opening: object = None, funding: object = None, committed: object = None,
         spent: object = None, closing: object = None, approximate: object = None, notes: str = "") -> list[object]:
    """One Balances row in contract order."""
    return [year, stream, opening, funding, committed, spent, closing, approximate, notes]


def budget(year: str, value: float, cell: str = "C9") -> Stated:
    return Stated(year=year, value=value, sheet="StatedTotals", cell=cell, formula=f"='StatedTotals'!{cell}")


def ledger(rows: list[list[object]], budgets: dict[str, Stated] | None = None,
           allocations: dict[str, Stated] | None = None) -> Ledger:
    """A prepared ledger straight from rows (header on row 4, so the first line is row 5)."""
    return prepare(table(BALANCES, rows), budgets=budgets, allocations=allocations)


# Two streams over two years that close and carry forward exactly.
CLOSED = [
    line("2008/09", "Core grant", None, 1000, 600, 500, 400),
    line("2008/09", "Capital", None, 300, 300, 300, 0),
    line("2009/10", "Core grant", 400, 1200, 1000, 900, 600),
]


def write_balances(path: Path, rows: list[list[object]], stated: list[list[object]] | None = None) -> Path:
    """Write a workbook with a Balances table (and a StatedTotals table) through the real builder."""
    cols = [{"name": c.name, "type": "k" if "£k" in c.name else "general"} for c in BALANCES.columns]
    sheets = [{"name": "Balances", "title": "Balances",
               "table": {"name": "Balances", "columns": cols, "rows": rows}}]
    if stated is not None:
        sheets.append({"name": "StatedTotals", "title": "Totals", "table": {
            "name": "StatedTotals", "rows": stated,
            "columns": [{"name": "Year"}, {"name": "Scope"}, {"name": "Stated (£k)", "type": "k"}, {"name": "Notes"}]}})
    src = WorkbookSource.model_validate({"file": path.name, "title": "Balances test", "sheets": sheets})
    return atomic_save(render(src), path)

"""Small builders for tests: tables in memory, and allocation workbooks written through the real builder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from riep.build.render import HEADER_ROW, render
from riep.build.source import WorkbookSource
from riep.checks.model import Book, prepare
from riep.checks.tables import ALLOCATION, FUNDING, STATED_TOTALS
from riep.table import TableData, TableSpec
from riep.xlsx.writer import atomic_save

__all__ = ["ROOT", "WORKBOOKS", "table", "book", "allocation_source", "write_allocation", "LINES", "STATED", "FUNDS"]

ROOT = Path(__file__).resolve().parents[1]
WORKBOOKS = ROOT / "workbook"

# A tiny plan: two themes that cross-cast, a grand total and a funding total.
LINES = [
    ("2009/10", "Performance", "Individual Authorities", 1000),
    ("2009/10", "Performance", "Adult Social Care", 1297),
    ("2009/10", "Other", "Programme Management", 900),
]
STATED = [
    ("2009/10", "Performance", 2297),
    ("2009/10", "Other", 900),
    ("2009/10", "Grand total", 3197),
    ("2009/10", "Funding total", 3500),
]
FUNDS = [
    ("2009/10", "Year Two funding", "CLG/LGA", "grant", "received", 3.5, "£m"),
]


def table(spec: TableSpec, rows: list[list[object]], *, sheet: str | None = None, header_row: int = HEADER_ROW,
          formulas: dict[str, str] | None = None, file: str = "book.xlsx") -> TableData:
    """A TableData laid out as the builder lays tables out (header on row 4, column A first)."""
    names = [c.name for c in spec.columns]
    frame = pd.DataFrame([dict(zip(names, r)) for r in rows], columns=names)
    frame = frame.astype(object).where(frame.notna(), None)
    frame["_row"] = list(range(header_row + 1, header_row + 1 + len(rows)))
    return TableData(name=spec.name, sheet=sheet or spec.name, header_row=header_row,
                     columns={n: i for i, n in enumerate(names)}, frame=frame, file=file, formulas=formulas or {})


def _alloc_rows(lines):
    return [[y, t, "", name, amount, ""] for (y, t, name, amount) in lines]


def _stated_rows(stated):
    return [[y, scope, value, ""] for (y, scope, value) in stated]


def _fund_rows(funds):
    return [[y, s, src, k, st, a, u, ""] for (y, s, src, k, st, a, u) in funds]


def book(lines=LINES, stated=STATED, funds=FUNDS, *, formulas: dict[str, str] | None = None) -> Book:
    """A prepared Book straight from lists (no file)."""
    alloc = table(ALLOCATION, _alloc_rows(lines))
    st = table(STATED_TOTALS, _stated_rows(stated), formulas=formulas)
    fu = table(FUNDING, _fund_rows(funds)) if funds is not None else None
    return prepare(alloc, st, fu)


def allocation_source(lines=LINES, stated=STATED, funds=FUNDS, file: str = "plan.xlsx") -> WorkbookSource:
    """The same small plan as a workbook source for the real builder."""
    def cols(spec: TableSpec) -> list[dict]:
        return [{"name": c.name, "type": "k" if "£k" in c.name else "general"} for c in spec.columns]

    sheets = [
        {"name": "Allocation", "title": "Allocation", "table": {"name": "Allocation", "columns": cols(ALLOCATION),
                                                               "rows": _alloc_rows(lines)}},
        {"name": "StatedTotals", "title": "Totals", "table": {"name": "StatedTotals", "columns": cols(STATED_TOTALS),
                                                             "rows": _stated_rows(stated)}},
    ]
    if funds is not None:
        sheets.insert(0, {"name": "Funding", "title": "Funding",
                          "table": {"name": "Funding", "columns": cols(FUNDING), "rows": _fund_rows(funds)}})
    return WorkbookSource.model_validate({"file": file, "title": "Test plan", "sheets": sheets})


def write_allocation(path: Path, lines=LINES, stated=STATED, funds=FUNDS) -> Path:
    """Write the small plan as a real .xlsx through the builder."""
    return atomic_save(render(allocation_source(lines, stated, funds, file=path.name)), path)

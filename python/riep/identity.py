"""Which row a cell belongs to, named by the row's identity columns rather than its address.

Every named table has identity columns: the ones a person uses to say which line they mean
(``Year + Theme + Line`` for ``Allocation``). A finding's *key* and a workbook diff both use
them, so inserting a row above, or sorting a table, does not make a known finding new or every
line look changed. Tables riep does not know are identified by their first column.
Nothing here reads a file: the shells hand over :class:`~riep.table.TableData`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from riep.findings import Finding
from riep.table import TableData, col_index

__all__ = ["IDENTITY", "identity_columns", "identity_value", "RowIndex", "RowPlace", "finding_key"]

IDENTITY: dict[str, tuple[str, ...]] = {
    "Funding": ("Year", "Stream", "Source"),
    "Allocation": ("Year", "Theme", "Line"),
    "StatedTotals": ("Year", "Scope"),
    "Balances": ("Year", "Stream"),
    "Risks": ("ID",),
    "Authorities": ("Name",),
    "Assessments": ("Authority", "Year", "Area"),
    "SupportCases": ("Authority", "Year opened"),
    "BoardMembers": ("Authority", "Name"),
    "Meetings": ("Authority", "Date"),
    "ProgressReports": ("Authority", "Quarter"),
    "SupportFunding": ("Authority", "Kind", "Approved on"),
    "PartnershipMeetings": ("Body", "Date"),
    "Monitoring": ("Year", "Month", "Line"),
    "RingFenced": ("Year", "Stream"),
    "Settings": ("Setting",),
}

_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def identity_columns(table: TableData) -> tuple[str, ...]:
    """The identity columns ``table`` has: the contract's (see :data:`IDENTITY`), else its first column."""
    known = next((cols for name, cols in IDENTITY.items() if name.lower() == table.name.lower()), None)
    present = tuple(c for c in known or () if c in table.columns)
    if present:
        return present
    return (min(table.columns, key=table.columns.__getitem__),) if table.columns else ()


def identity_value(value: object) -> str:
    """A cell value as text: ``2009/10``, ``120`` (not ``120.0``), ``2009-08-25``, blank as ``''``, one line."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.10g}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


@dataclass(frozen=True)
class RowPlace:
    """Where a cell sits: its table, the row's identity (column -> text) and the cell's column, if in a table."""

    table: str
    identity: tuple[tuple[str, str], ...]
    column: str | None

    def label(self) -> str:
        """``Allocation[Year=2009/10, Theme=Performance, Line=Housing and Planning]``."""
        ident = ", ".join(f"{k}={v}" for k, v in self.identity)
        return f"{self.table}[{ident}]"


class RowIndex:
    """Looks up the table row of a sheet cell, over the tables of one workbook."""

    def __init__(self, tables: list[TableData]) -> None:
        self._tables = tables
        self._rows: dict[str, dict[int, tuple[tuple[str, str], ...]]] = {}
        for t in tables:
            cols = identity_columns(t)
            self._rows[t.name] = {
                int(rec["_row"]): tuple((c, identity_value(rec.get(c))) for c in cols)
                for rec in t.frame.to_dict("records")
            }

    def place(self, sheet: str | None, cell: str | None) -> RowPlace | None:
        """The row ``sheet!cell`` is on, or ``None`` when it lies outside every table."""
        m = _CELL.match(cell or "")
        if sheet is None or m is None:
            return None
        col, row = col_index(m.group(1)), int(m.group(2))
        for t in self._tables:
            if t.sheet != sheet or not t.columns:
                continue
            lo, hi = min(t.columns.values()), max(t.columns.values())
            if not lo <= col <= hi:
                continue
            column = next((name for name, c in t.columns.items() if c == col), None)
            if row == t.header_row:
                return RowPlace(table=t.name, identity=(("header", ""),), column=column)
            ident = self._rows[t.name].get(row)
            if ident is not None:
                return RowPlace(table=t.name, identity=ident, column=column)
        return None


def finding_key(finding: Finding, index: RowIndex | None, file_name: str) -> str:
    """The stable key of ``finding``: rule, workbook file name, sheet, then the row's table, identity and column
    (``TOT-001|financial_allocation.xlsx|StatedTotals|StatedTotals[Year=2009/10, Scope=Performance]|Stated (£k)``).

    A cell outside every table (or a finding without a cell) is keyed by its scope instead, and by the cell
    address only when it has no scope either."""
    place = index.place(finding.sheet, finding.cell) if index is not None else None
    if place is not None:
        where = f"{place.label()}|{place.column or ''}"
    elif finding.scope:
        where = f"scope={' '.join(finding.scope.split())}|"
    else:
        where = f"cell={finding.cell or ''}|"
    return f"{finding.rule}|{file_name}|{finding.sheet or ''}|{where}"

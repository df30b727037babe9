"""The whole ``reconcile`` job over any table source: read the tables, apply every rule, report.

The CLI (an .xlsx on disk) and the Excel add-in (the open workbook) both call :func:`read_ledger`
once and :func:`evaluate` on the ledger; the reconciliation sheet and rollover take the same ledger.
"""

from __future__ import annotations

import datetime as dt

from riep.cellvalue import cell_number
from riep.checks.tables import ALLOCATION, AMOUNT_K, FUNDING_TOTAL, GRAND_TOTAL, STATED_K, STATED_TOTALS
from riep.findings import FileReport, Finding
from riep.fy import normalise_year
from riep.reconcile.corkscrew import corkscrew_findings, link_findings
from riep.reconcile.model import Ledger, Stated, norm_name, prepare
from riep.reconcile.rules import (
    approximate_findings,
    capital_findings,
    line_findings,
    stream_findings,
    year_findings,
)
from riep.reconcile.tables import BALANCES, FIGURE_COLUMNS
from riep.settings import Settings
from riep.table import TableData, TableSource, col_letter

__all__ = ["recognises", "read_ledger", "reconcile_ledger", "evaluate"]

_STATED = STATED_K
_AMOUNT = AMOUNT_K


def recognises(source: TableSource) -> bool:
    """A workbook with balances to reconcile: it has a Balances table."""
    return source.has_table(BALANCES.name)


def _ref(sheet: str, cell: str) -> str:
    return f"'{sheet}'!{cell}"


def _stated(table: TableData | None) -> tuple[dict[str, Stated], dict[str, Stated]]:
    """Per year: the stated budget (Funding total) and the stated grand total."""
    budgets: dict[str, Stated] = {}
    grand: dict[str, Stated] = {}
    if table is None:
        return budgets, grand
    wanted = {norm_name(FUNDING_TOTAL): budgets, norm_name(GRAND_TOTAL): grand}
    for rec in table.frame.to_dict("records"):
        target = wanted.get(norm_name(rec["Scope"]))
        year = normalise_year(rec["Year"])
        value = cell_number(rec[_STATED]).value
        if target is None or year is None or value is None or year in target:
            continue
        cell = table.cell(_STATED, int(rec["_row"]))
        target[year] = Stated(year=year, value=value, sheet=table.sheet, cell=cell, formula="=" + _ref(table.sheet, cell))
    return budgets, grand


def _line_totals(table: TableData | None) -> dict[str, Stated]:
    """Per year: the sum of the Allocation lines, with a SUMIF over the table's cells."""
    out: dict[str, Stated] = {}
    if table is None or table.frame.empty:
        return out
    f = table.frame
    years = [normalise_year(v) for v in f["Year"]]  # a list: Series.map would turn an unreadable year into NaN
    amounts = f[_AMOUNT].map(lambda v: cell_number(v).value)
    first, last = int(f["_row"].min()), int(f["_row"].max())
    ycol, acol = col_letter(table.columns["Year"]), col_letter(table.columns[_AMOUNT])
    for year in sorted({y for y in years if y}):
        total = float(sum(a for y, a in zip(years, amounts) if y == year and a is not None))
        rng = lambda c: _ref(table.sheet, f"${c}${first}:${c}${last}")  # noqa: E731
        raw_years = sorted({str(v).replace('"', '""') for v, y in zip(f["Year"], years) if y == year})
        formula = "=" + "+".join(f'SUMIF({rng(ycol)},"{v}",{rng(acol)})' for v in raw_years)
        out[year] = Stated(year=year, value=total, sheet=table.sheet, cell=table.header_cell(_AMOUNT), formula=formula)
    return out


def read_ledger(source: TableSource, settings: Settings) -> Ledger:
    """Read Balances (required) and, when present, StatedTotals and Allocation from ``source``."""
    h = settings.headers
    balances = source.table(BALANCES, aliases=h.get(BALANCES.name), value_columns=tuple(FIGURE_COLUMNS.values()))
    assert balances is not None
    stated = source.table(STATED_TOTALS, aliases=h.get(STATED_TOTALS.name), required=False, value_columns=(_STATED,))
    allocation = source.table(ALLOCATION, aliases=h.get(ALLOCATION.name), required=False)
    budgets, grand = _stated(stated)
    allocations = {**_line_totals(allocation), **grand}
    return prepare(balances, budgets=budgets, allocations=allocations)


def reconcile_ledger(ledger: Ledger, settings: Settings, as_of: dt.date | None = None) -> list[Finding]:
    """Every ``reconcile`` rule over a prepared ledger (``as_of``: years ending after it are still open)."""
    s = settings.reconcile
    return (line_findings(ledger) + corkscrew_findings(ledger, s) + link_findings(ledger, s, as_of)
            + stream_findings(ledger, s) + year_findings(ledger, s, as_of) + approximate_findings(ledger, s)
            + capital_findings(ledger, s))


def evaluate(ledger: Ledger, settings: Settings, as_of: dt.date | None = None) -> FileReport:
    """The ``reconcile`` job: a report of every finding for one workbook, judged on ``as_of`` (a year ending after
    it is still open)."""
    return FileReport(path=ledger.file, job="reconcile", findings=reconcile_ledger(ledger, settings, as_of)).sorted()

"""Validate totals: read the three tables from any table source and apply every ``check`` rule.

This is the whole ``check`` job as the CLI and the Excel add-in both call it: ``read`` once,
then ``evaluate`` (the shape every rule package has).
"""

from __future__ import annotations

import datetime as dt

from riep.checks.lines import funding_findings, line_findings
from riep.checks.model import Book, prepare
from riep.checks.tables import ALLOCATION, AMOUNT_K, FUNDING, STATED_K, STATED_TOTALS
from riep.checks.totals import stated_values, total_findings
from riep.findings import FileReport, Finding
from riep.rule import rule
from riep.settings import Settings
from riep.table import TableSource

__all__ = ["read", "check_book", "evaluate", "NO_FUNDING", "recognises"]

NO_FUNDING = rule("FUND-002", "info", "check", "No Funding table",
                  "The workbook has no Funding table, so the allocation is not checked against the money available.")


def recognises(source: TableSource) -> bool:
    """A financial-allocation workbook: it has an Allocation table."""
    return source.has_table(ALLOCATION.name)


def read(source: TableSource, settings: Settings) -> Book:
    """Read Allocation (required), StatedTotals (required) and Funding (optional) from ``source``."""
    h = settings.headers
    allocation = source.table(ALLOCATION, aliases=h.get(ALLOCATION.name), value_columns=(AMOUNT_K,))
    stated = source.table(STATED_TOTALS, aliases=h.get(STATED_TOTALS.name),
                          formula_columns=(STATED_K,))
    funding = source.table(FUNDING, aliases=h.get(FUNDING.name), required=False, value_columns=("Amount",))
    assert allocation is not None
    return prepare(allocation, stated, funding)


def check_book(book: Book, settings: Settings) -> list[Finding]:
    """Every ``check`` rule over a prepared book."""
    s = settings.check
    out: list[Finding] = []
    out += line_findings(book, s)
    out += funding_findings(book, s)
    values = stated_values(book, out)
    out += total_findings(book, s, values)
    if book.funding_table is None:
        out.append(NO_FUNDING.finding(
            "The workbook has no Funding table, so the allocation is not checked against the money available.",
            file=book.file))
    return out


def evaluate(book: Book, settings: Settings, as_of: dt.date | None = None) -> FileReport:
    """The ``check`` job: a report of every finding for one workbook (no rule depends on the date)."""
    return FileReport(path=book.file, job="check", findings=check_book(book, settings)).sorted()

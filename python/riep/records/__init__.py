"""Support for individual authorities: eligibility, conditions of funding, caps and the per-authority record.

- :mod:`riep.records.tables`: the seven tables' contract; :mod:`riep.records.read` reads them.
- :mod:`riep.records.eligibility`: SUP-001..003, and ``eligible`` (the add-in's RIEP.ELIGIBLE).
- :mod:`riep.records.governance`: SUP-004..010 (lead Chief Executive, Improvement Board, meetings).
- :mod:`riep.records.reports`: SUP-011..012 (quarterly progress reports).
- :mod:`riep.records.funding`: SUP-013..021, and ``extra_funding_left`` (RIEP.EXTRA_FUNDING_LEFT).
- :mod:`riep.records.record`: the per-authority record the workbook and the PDFs render.
"""

from __future__ import annotations

import datetime as dt

from riep.findings import FileReport
from riep.records import eligibility, funding, governance, reports
from riep.records.eligibility import check_early_warning, check_eligibility
from riep.records.funding import LineAmount, check_funding
from riep.records.governance import check_governance
from riep.records.model import SupportBook
from riep.records.read import read_allocation_lines, recognises
from riep.records.read import read_book as read
from riep.records.reports import check_reports
from riep.rule import declared_in
from riep.settings import Settings

__all__ = ["RULES", "recognises", "read", "evaluate", "read_allocation_lines", "LineAmount", "SupportBook"]

RULES = declared_in(eligibility, funding, governance, reports)


def evaluate(book: SupportBook, settings: Settings, as_of: dt.date,
             lines: dict[str, LineAmount] | None = None, allocation_file: str | None = None) -> FileReport:
    """Every finding for an authority-support book, in a stable order (``lines`` from ``allocation_file``)."""
    s = settings.records
    book = book.on(as_of)
    findings = (check_eligibility(book) + check_early_warning(book, s) + check_governance(book, as_of, s)
                + check_reports(book, as_of, s) + check_funding(book, as_of, s, lines, allocation_file))
    return FileReport(path=book.file, job="records", findings=findings).sorted()

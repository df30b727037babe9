"""Quarterly progress reports to the Partnership: which are due, received, late or overdue.

Improvement East, Support for individual authorities (Improvement Board): "Improvement East will
require quarterly progress reports as part of its performance management framework".

Reports are due for every financial quarter (Q1 April-June ... Q4 January-March) from the
one in which the Improvement Board was established to the one in which the case closed,
``[records] report_due_days`` after the quarter ends unless a Due date is typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from riep.findings import Finding
from riep.fy import financial_year, fy_start, next_year, quarter_end
from riep.records.model import ProgressReport, SupportBook, SupportCase
from riep.rule import rule
from riep.settings import RecordsSettings
from riep.sources import IMPROVEMENT_BOARD

__all__ = ["REPORT_OVERDUE", "REPORT_LATE", "Due", "expected_reports", "check_reports"]

REPORT_OVERDUE = rule(
    "SUP-011", "error", "records", "Progress report overdue",
    "A quarterly progress report whose due date has passed on the as-of day and that has not been received (no "
    "Received date, or one after the as-of day). Reports are due for each financial quarter from the board's "
    "establishment until the case closes, [records] report_due_days (30) after the quarter ends unless a Due date "
    "is typed. None are due for a mentor-only case.",
    document=f"{IMPROVEMENT_BOARD}: \"Improvement East will require quarterly progress reports as part of its "
    "performance management framework\".")
REPORT_LATE = rule(
    "SUP-012", "warning", "records", "Progress report received late",
    "A quarterly progress report received after its due date.",
    document=f"{IMPROVEMENT_BOARD}: \"Improvement East will require quarterly progress reports\"; the due date is "
    "[records] report_due_days, since the document sets none.")


@dataclass(frozen=True)
class Due:
    """One expected report: its quarter, due date, and the row that records it (if any)."""

    quarter: int
    year: str
    due: dt.date
    report: ProgressReport | None

    @property
    def label(self) -> str:
        return f"Q{self.quarter} {self.year}"


def _quarter_of(day: dt.date) -> tuple[int, str]:
    return (day.month - 4) % 12 // 3 + 1, financial_year(day)


def _next(q: int, year: str) -> tuple[int, str]:
    return (q + 1, year) if q < 4 else (1, next_year(year))


def _q_start(q: int, year: str) -> dt.date:
    start = int(year[:4])
    return dt.date(start + (q == 4), {1: 4, 2: 7, 3: 10, 4: 1}[q], 1)


def expected_reports(case: SupportCase, reports: list[ProgressReport], as_of: dt.date,
                     s: RecordsSettings) -> list[Due]:
    """Every report due on or before ``as_of`` for ``case``, oldest first, with the row recording it (none for a
    mentor-only case: the quarterly reports are required of individual authorities)."""
    if case.mentor_only:
        return []
    start = case.board_established or fy_start(case.year_opened)
    if start > as_of:
        return []
    stop = min(as_of, case.closed_on) if case.closed_on else as_of
    by_q = {(r.quarter, r.year): r for r in reports}
    out: list[Due] = []
    q, year = _quarter_of(start)
    while _q_start(q, year) <= stop:  # the quarter began before the case stopped (or the as-of day)
        row = by_q.get((q, year))
        due = row.due if row and row.due else quarter_end(q, year) + dt.timedelta(days=s.report_due_days)
        if due <= as_of:
            out.append(Due(q, year, due, row))
        q, year = _next(q, year)
    return out


def check_reports(book: SupportBook, as_of: dt.date, s: RecordsSettings) -> list[Finding]:
    """SUP-011 and SUP-012 for every support case."""
    out: list[Finding] = []
    for case in book.cases:
        name = case.authority
        for d in expected_reports(case, [r for r in book.reports if r.authority == name], as_of, s):
            got = d.report.received if d.report else None
            where = (book.where("ProgressReports", "Received", d.report.row) if d.report
                     else book.where("SupportCases", "Authority", case.row))
            if got is None or got > as_of:
                days = (as_of - d.due).days
                out.append(REPORT_OVERDUE.finding(
                    f"{name}: the {d.label} progress report was due {d.due:%d/%m/%Y} and has not been received "
                    f"({days} days overdue on {as_of:%d/%m/%Y}). Chase the report.", scope=name, actual=days, unit="days", **where))
            elif got > d.due:
                out.append(REPORT_LATE.finding(
                    f"{name}: the {d.label} progress report was received {got:%d/%m/%Y}, "
                    f"{(got - d.due).days} days after it was due ({d.due:%d/%m/%Y}). Agree the reporting timetable with the authority.", scope=name,
                    actual=(got - d.due).days, unit="days", **where))
    return out

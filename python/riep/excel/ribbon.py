"""Run a job over the workbook open in Excel: the body of every RIEP ribbon button.

The same :class:`~riep.runners.base.Job` the CLI runs (``riep.jobs.job(name)``) evaluates
the open workbook through :class:`~riep.excel.source.BookSource`; its result sheets are
rendered by :mod:`riep.excel.render` (the content ``--write-sheet`` writes), the reported
cells are highlighted, and a one-line summary is shown. A :class:`~riep.errors.RiepError`
(a missing table, an unreadable header...) becomes an alert with its sentence here, the one
place the add-in turns job errors into something a person sees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from riep.errors import RefusedError, RiepError
from riep.excel.config import settings
from riep.excel.render import apply_highlights, is_result_sheet, render_sheet
from riep.excel.source import BookSource, Formulas
from riep.findings import FileReport
from riep.jobs import all_jobs
from riep.runners.base import Context, Job

__all__ = ["BUTTONS", "Button", "run_button", "summary_line", "context"]


@dataclass(frozen=True)
class Button:
    """A ribbon button: the script it calls, its label, the job it runs."""

    script: str
    label: str
    job: str
    tooltip: str


BUTTONS: list[Button] = [
    Button("validate_totals", "Validate totals", "check",
           "Check subtotals, grand and funding totals, amounts and formulas of the allocation workbook."),
    Button("reconcile_carry_forwards", "Reconcile carry-forwards", "reconcile",
           "Check that opening carry-forward + funding - committed = the next year's carry-forward."),
    Button("budget_monitoring", "Budget monitoring", "monitor",
           "Committed, spent and forecast outturn by line and theme against budget, with RAG, the year's position "
           "and ring-fenced money."),
    Button("support_records", "Support records", "records",
           "Check the support given to each individual authority: eligibility, lead Chief Executive, "
           "Improvement Board, reports and extra funding."),
    Button("risk_report", "Risk report", "risks",
           "Score the risk register, rate each risk red, amber or green, and list what needs review."),
]
"""The buttons of the RIEP tab, in ribbon order."""


def context() -> Context:
    """Settings from the file named by ``RIEP_CONFIG`` (or ``./riep.toml``), judged against today."""
    return Context(settings=settings(), as_of=dt.date.today())


def summary_line(title: str, report: FileReport, sheet_names: list[str]) -> str:
    """One line for the alert: ``Validate totals: 1 error, 2 warnings, 4 notes - see the Checks sheet.``"""
    s = report.summary
    counts = f"{s.errors} error{'s' if s.errors != 1 else ''}, {s.warnings} warning{'s' if s.warnings != 1 else ''}, " \
             f"{s.info} note{'s' if s.info != 1 else ''}"
    where = f" - see the {' and '.join(sheet_names)} sheet{'s' if len(sheet_names) > 1 else ''}" if sheet_names else ""
    return f"{title}: {counts}{where}."


def _job(name: str) -> Job | None:
    return next((j for j in all_jobs() if j.name == name), None)


def run_button(book: Any, job_name: str, formulas: Formulas | None = None, ctx: Context | None = None) -> FileReport | None:
    """Run ``job_name`` over ``book``, write its sheets and highlights, and alert a one-line summary.

    Returns the report, or ``None`` when the job could not run (the alert says why).
    """
    title = next((b.label for b in BUTTONS if b.job == job_name), job_name)
    j = _job(job_name)
    try:
        if j is None:
            raise RiepError(f"{title} is not available in this version of riep")
        source = BookSource(book, formulas or {})
        if not j.recognises(source):
            raise RiepError(
                f"{title} found none of the tables it reads in {book.name} (tables found: "
                f"{', '.join(source.table_names) or 'none'})"
            )
        ctx = ctx or context()
        report = j.evaluate(source, ctx)
        sheets = j.result_sheets(source, report, ctx)
        for content in sheets:  # refuse before writing anything, so nothing is half-written
            existing = next((s for s in book.sheets if s.name.lower() == content.name.lower()), None)
            if existing is not None and not is_result_sheet(existing, content):
                raise RefusedError(f"the workbook already has a sheet called '{content.name}' that riep did not "
                                   "write; rename it and run again", file=book.name)
        for content in sheets:
            render_sheet(book, content)
            apply_highlights(book, content)
    except RiepError as exc:
        book.app.alert(exc.message, title=f"RIEP: {title}", buttons="ok", mode="critical", callback=None)
        return None
    mode = "critical" if report.summary.errors else "info"
    book.app.alert(summary_line(title, report, [s.name for s in sheets]), title=f"RIEP: {title}", buttons="ok",
                   mode=mode, callback=None)
    return report


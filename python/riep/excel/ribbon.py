"""Run a job over the workbook open in Excel: the body of every RIEP ribbon button.

The same :class:`~riep.runners.base.Job` the CLI runs (``riep.jobs.job(name)``) evaluates
the open workbook through :class:`~riep.excel.source.BookSource`; its result sheets are
rendered by :mod:`riep.excel.render` (the content ``--write-sheet`` writes) after the run's
``About`` cover (the cover ``riep run`` writes, naming the workbook as open in Excel), the
reported cells are highlighted, and a one-line summary is shown. A :class:`~riep.errors.RiepError`
(a missing table, an unreadable header...) becomes an alert with its sentence here, the one
place the add-in turns job errors into something a person sees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from riep.errors import InputError, RiepError
from riep.excel import reports
from riep.excel.config import settings
from riep.excel.faults import fault_message
from riep.excel.highlights import FILLS_SHEET, OwnFills, apply_highlights
from riep.excel.render import is_cover_sheet, is_result_sheet, refused, render_cover, render_sheet
from riep.excel.source import BookSource, Formulas
from riep.findings import FileReport
from riep.jobs import all_jobs
from riep.report.cover import Cover
from riep.report.organisation import workbook_name
from riep.report.sheet_frame import COVER_SHEET
from riep.runners.base import Context, Job

__all__ = ["BUTTONS", "Button", "ButtonRun", "run_button", "run_in_worker", "summary_line", "context",
           "options_context"]


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


@dataclass
class ButtonRun:
    """What one press of a button gave: the findings, and the reports written for download."""

    report: FileReport
    files: list[reports.ReportFile] = field(default_factory=list)


def context() -> Context:
    """Settings from the file named by ``RIEP_CONFIG`` (or ``./riep.toml``), judged against today."""
    return Context(settings=settings(), as_of=dt.date.today())


def options_context(options: dict[str, Any], owner: str) -> Context:
    """The context of a run from the ribbon's options: ``as_of`` (ISO date), ``allocation`` (upload token) and
    ``title`` (the workbook's document title, File > Info > Title)."""
    ctx = context()
    if isinstance(options.get("title"), str):
        ctx = replace(ctx, title=options["title"])
    as_of = options.get("as_of")
    if as_of:
        try:
            ctx = replace(ctx, as_of=dt.date.fromisoformat(str(as_of)[:10]))
        except ValueError:
            raise InputError(f"the As of date '{as_of}' is not a date; pick one in the RIEP task pane") from None
    token = options.get("allocation")
    if token:
        try:
            ctx = replace(ctx, allocation=reports.upload_path(owner, str(token)))
        except RiepError as exc:
            raise InputError(f"the allocation workbook chosen in the task pane {exc.detail}; choose it "
                             "again") from None
    return ctx


def summary_line(title: str, report: FileReport, sheet_names: list[str]) -> str:
    """One line for the alert: ``Validate totals: 1 error, 2 warnings, 4 notes - see the Checks sheet.``"""
    s = report.summary
    counts = f"{s.errors} error{'s' if s.errors != 1 else ''}, {s.warnings} warning{'s' if s.warnings != 1 else ''}, " \
             f"{s.info} note{'s' if s.info != 1 else ''}"
    where = f" - see the {' and '.join(sheet_names)} sheet{'s' if len(sheet_names) > 1 else ''}" if sheet_names else ""
    return f"{title}: {counts}{where}."


def _job(name: str) -> Job[Any] | None:
    return next((j for j in all_jobs() if j.name == name), None)


def _refuse_others(book: Any, sheets: list[Any]) -> None:
    """Refuse a run whose cover or result sheets would replace a sheet of that name riep did not write."""
    for existing in book.sheets:
        content = next((c for c in sheets if c.name.lower() == existing.name.lower()), None)
        if content is not None and not is_result_sheet(existing, content):
            raise refused(content.name, book)
        if existing.name.lower() == COVER_SHEET.lower() and not is_cover_sheet(existing):
            raise refused(COVER_SHEET, book)


def _cover(j: Job[Any], book: Any, value: Any, report: FileReport, ctx: Context) -> Cover:
    """The run's cover, as ``riep run`` makes it: the job and workbook, the partnership, the workbook as open in
    Excel (and the allocation workbook the records job read), the day, versions, counts and key figures."""
    extra = j.figures(value, report, ctx) if j.figures else []
    sources: list[str | Path] = [book.name, *([ctx.allocation] if j.name == "records" and ctx.allocation else [])]
    return ctx.cover(f"{j.title}: {workbook_name(book.name, ctx.title)}", book.name, report, sources, extra)


def _listed(book: Any, sheets: list[Any]) -> list[str]:
    """The sheets a cover lists, as ``riep run``'s does: the result sheets, then the workbook's own."""
    results = [c.name for c in sheets]
    skip = {n.lower() for n in [*results, COVER_SHEET, FILLS_SHEET]}
    return results + [s.name for s in book.sheets if s.name.lower() not in skip]


def _queued(book: Any) -> list[Any] | None:
    """The actions xlwings Server will send to Excel (``None`` with classic xlwings, which acts at once)."""
    json = getattr(book, "json", None)
    return json()["actions"] if callable(json) and getattr(book.app.engine, "name", "") == "remote" else None


def run_button(book: Any, job_name: str, formulas: Formulas | None = None, ctx: Context | None = None, *,
               fills: OwnFills | None = None, reports_dir: Path | None = None) -> ButtonRun | None:
    """Run ``job_name`` over ``book``, write its sheets and highlights, and alert a one-line summary.

    ``fills`` are the cells' own fills (sent by the ribbon), kept before riep colours a cell;
    with ``reports_dir`` the job's reports are written there too. Returns the run, or
    ``None`` when the job could not run (the alert says why).
    """
    title = next((b.label for b in BUTTONS if b.job == job_name), job_name)
    j = _job(job_name)
    files: list[reports.ReportFile] = []
    queued = _queued(book)
    written = len(queued) if queued is not None else 0
    try:
        if j is None:
            raise RiepError(f"{title} is not available in this version of riep")
        source = BookSource(book, formulas or {})
        if not j.recognises(source):
            raise RiepError(
                f"{title} found none of the tables it reads in {book.name} (tables found: "
                f"{', '.join(source.table_names) or 'none'})"
            )
        outcome = j.run(source, replace(ctx or context(), open_book=book.name))
        report, ctx = outcome.report, outcome.ctx
        sheets = j.result_sheets(outcome.value, report, ctx)
        _refuse_others(book, sheets)  # before writing anything, so nothing is half-written
        cover = _cover(j, book, outcome.value, report, ctx)
        if reports_dir is not None and not report.error:  # reports first: a failure leaves the workbook as it was
            files = reports.produce(job_name, source, outcome.value, report, ctx, sheets, reports_dir, cover)
        render_cover(book, cover, _listed(book, sheets))
        for content in sheets:
            render_sheet(book, content, cover.organisation)
            apply_highlights(book, content, fills)
    except RiepError as exc:
        book.app.alert(exc.message, title=f"RIEP: {title}", buttons="ok", mode="critical", callback=None)
        return None
    except Exception as exc:
        if queued is not None:  # xlwings Server: nothing of a half-done run reaches the workbook
            del queued[written:]
        message = fault_message(title, exc, f"the workbook {book.name} if you can")
        book.app.alert(message, title=f"RIEP: {title}", buttons="ok", mode="critical", callback=None)
        return None
    mode = "critical" if report.summary.errors else "info"
    line = summary_line(title, report, [s.name for s in sheets])
    if files:
        line += f" Reports to download: {len(files)}, in the RIEP task pane."
    book.app.alert(line, title=f"RIEP: {title}", buttons="ok", mode=mode, callback=None)
    return ButtonRun(report, files)


def run_in_worker(data: dict[str, Any], job_name: str, formulas: Formulas | None, options: dict[str, Any],
                  owner: str) -> list[dict[str, Any]]:
    """A button run in a worker process: the book JSON Excel sent in, the actions for Excel out.

    The reports go into a new run folder of ``owner`` and become their latest run.
    """
    import xlwings as xw

    book = xw.Book(json=data)
    try:
        title = next((b.label for b in BUTTONS if b.job == job_name), job_name)
        try:
            ctx = options_context(options, owner)
        except RiepError as exc:
            book.app.alert(exc.message, title=f"RIEP: {title}", buttons="ok", mode="critical", callback=None)
            return list(book.json()["actions"])
        token, folder = reports.new_run(owner)
        done = run_button(book, job_name, formulas, ctx, fills=options.get("fills"), reports_dir=folder)
        reports.publish(owner, token, done.files if done is not None else [], job_name, book.name)
        return list(book.json()["actions"])
    finally:
        book.close()


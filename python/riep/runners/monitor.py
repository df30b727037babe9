"""The ``monitor`` job (in-year budget monitoring) as ``riep monitor``, ``riep run`` and the ribbon run it."""

from __future__ import annotations

from riep import monitor
from riep.findings import FileReport
from riep.monitor import MonitorBook
from riep.monitor.rules import position
from riep.monitor.sheet import monitoring_sheet
from riep.monitor.summary import key_lines
from riep.runners.base import Context, Job
from riep.sheets import SheetContent, findings_sheet
from riep.table import TableSource

__all__ = ["JOB", "FINDINGS_SHEET"]

FINDINGS_SHEET = "MonitorChecks"


def _read(source: TableSource, ctx: Context) -> MonitorBook:
    return monitor.read(source, ctx.settings)


def _evaluate(book: MonitorBook, ctx: Context) -> FileReport:
    return monitor.evaluate(book, ctx.settings, ctx.as_of)


def _figures(book: MonitorBook, report: FileReport, ctx: Context) -> list[str]:
    """The monitoring report's first-page figures: the position on the lines and how many lines are Red, Amber, Green."""
    pos = position(book, ctx.as_of)
    return key_lines(pos, ctx.settings.monitor) if pos is not None else []


def _sheets(book: MonitorBook, report: FileReport, ctx: Context) -> list[SheetContent]:
    pos = position(book, ctx.as_of)
    sheets = [monitoring_sheet(book, pos, ctx.settings.monitor)] if pos is not None else []
    return sheets + [findings_sheet(report, name=FINDINGS_SHEET, title="Budget monitoring: checks")]


JOB = Job(name="monitor", title="Budget monitoring", recognises=monitor.recognises, read=_read, evaluate=_evaluate,
          result_sheets=_sheets, figures=_figures)

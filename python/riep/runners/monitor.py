"""The ``monitor`` job (in-year budget monitoring) as ``riep monitor``, ``riep run`` and the ribbon run it."""

from __future__ import annotations

from riep.findings import FileReport
from riep.monitor import monitor, recognises
from riep.monitor.read import read_monitor
from riep.monitor.rules import position
from riep.monitor.sheet import monitoring_sheet
from riep.runners.base import Context, Job
from riep.sheets import SheetContent, findings_sheet
from riep.table import TableSource

__all__ = ["JOB", "FINDINGS_SHEET"]

FINDINGS_SHEET = "MonitorChecks"


def _evaluate(source: TableSource, ctx: Context) -> FileReport:
    return monitor(source, ctx.settings, ctx.as_of)


def _sheets(source: TableSource, report: FileReport, ctx: Context) -> list[SheetContent]:
    book = read_monitor(source, ctx.settings)
    pos = position(book, ctx.as_of)
    sheets = [monitoring_sheet(book, pos, ctx.settings.monitor)] if pos is not None else []
    return sheets + [findings_sheet(report, name=FINDINGS_SHEET, title="Budget monitoring: checks")]


JOB = Job(name="monitor", title="Budget monitoring", recognises=recognises, evaluate=_evaluate, result_sheets=_sheets)

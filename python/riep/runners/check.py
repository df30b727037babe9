"""The ``check`` job (validate totals) as ``riep check``, ``riep run`` and the ribbon run it."""

from __future__ import annotations

from riep.checks.validate import recognises, validate
from riep.findings import FileReport
from riep.runners.base import Context, Job
from riep.sheets import SheetContent, findings_sheet
from riep.table import TableSource

__all__ = ["JOB"]


def _evaluate(source: TableSource, ctx: Context) -> FileReport:
    return validate(source, ctx.settings)


def _sheets(source: TableSource, report: FileReport, ctx: Context) -> list[SheetContent]:
    return [findings_sheet(report, name="Checks", title="Checks: validate totals")]


JOB = Job(name="check", title="Validate totals", recognises=recognises, evaluate=_evaluate, result_sheets=_sheets)

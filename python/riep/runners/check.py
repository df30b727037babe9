"""The ``check`` job (validate totals) as ``riep check``, ``riep run`` and the ribbon run it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from riep import checks
from riep.checks.model import Book
from riep.findings import FileReport
from riep.runners.base import Context, Job
from riep.table import TableSource

if TYPE_CHECKING:
    from riep.sheets import SheetContent

__all__ = ["JOB"]


def _read(source: TableSource, ctx: Context) -> Book:
    return checks.read(source, ctx.settings)


def _evaluate(book: Book, ctx: Context) -> FileReport:
    return checks.evaluate(book, ctx.settings, ctx.as_of)


def _sheets(book: Book, report: FileReport, ctx: Context) -> list[SheetContent]:
    from riep.sheets import findings_sheet

    return [findings_sheet(report, name="Checks", title="Checks: validate totals")]


JOB = Job(name="check", title="Validate totals", recognises=checks.recognises, read=_read, evaluate=_evaluate,
          result_sheets=_sheets)

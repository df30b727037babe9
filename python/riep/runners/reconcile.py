"""The ``reconcile`` job (carry-forwards across financial years) as ``riep reconcile``, ``riep run`` and the ribbon run it."""

from __future__ import annotations

from riep import reconcile
from riep.findings import FileReport
from riep.reconcile.model import Ledger
from riep.reconcile.sheet import reconciliation_sheet
from riep.runners.base import Context, Job
from riep.sheets import SheetContent, findings_sheet
from riep.table import TableSource

__all__ = ["JOB", "FINDINGS_SHEET"]

FINDINGS_SHEET = "ReconcileChecks"


def _read(source: TableSource, ctx: Context) -> Ledger:
    return reconcile.read(source, ctx.settings)


def _evaluate(ledger: Ledger, ctx: Context) -> FileReport:
    return reconcile.evaluate(ledger, ctx.settings, ctx.as_of)


def _sheets(ledger: Ledger, report: FileReport, ctx: Context) -> list[SheetContent]:
    return [reconciliation_sheet(ledger, report),
            findings_sheet(report, name=FINDINGS_SHEET, title="Reconcile: carry-forwards across financial years")]


JOB = Job(name="reconcile", title="Reconcile carry-forwards", recognises=reconcile.recognises, read=_read,
          evaluate=_evaluate, result_sheets=_sheets)

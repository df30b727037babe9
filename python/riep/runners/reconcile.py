"""The ``reconcile`` job (carry-forwards across financial years) as ``riep reconcile``, ``riep run`` and the ribbon run it."""

from __future__ import annotations

from riep.findings import FileReport
from riep.reconcile.ledger import read_ledger, recognises, reconcile
from riep.reconcile.sheet import reconciliation_sheet
from riep.runners.base import Context, Job
from riep.sheets import SheetContent, findings_sheet
from riep.table import TableSource

__all__ = ["JOB", "FINDINGS_SHEET"]

FINDINGS_SHEET = "ReconcileChecks"


def _evaluate(source: TableSource, ctx: Context) -> FileReport:
    return reconcile(source, ctx.settings, ctx.as_of)


def _sheets(source: TableSource, report: FileReport, ctx: Context) -> list[SheetContent]:
    ledger = read_ledger(source, ctx.settings)
    return [reconciliation_sheet(ledger, report),
            findings_sheet(report, name=FINDINGS_SHEET, title="Reconcile: carry-forwards across financial years")]


JOB = Job(name="reconcile", title="Reconcile carry-forwards", recognises=recognises, evaluate=_evaluate,
          result_sheets=_sheets)

"""The RIEP ribbon buttons as xlwings Server scripts: each runs one job over the open workbook.

Excel's Office.js client sends the workbook (values, tables, names) as the request body;
the ribbon's JavaScript adds the formulas of the tables' cells as the one argument, since
Office.js leaves formulas out of the book. Each script is a thin call to
:func:`riep.excel.ribbon.run_button`, which runs the same job as the CLI, writes its result
sheet, highlights the reported cells and queues a one-line summary alert.
"""

from __future__ import annotations

try:
    import xlwings as xw
    from xlwings.server import script

    from riep.excel.ribbon import run_button
except ModuleNotFoundError as exc:  # pragma: no cover - xlwings Server would otherwise serve no scripts
    raise RuntimeError(f"the RIEP add-in cannot load its ribbon scripts: {exc}") from exc

__all__ = ["validate_totals", "reconcile_carry_forwards", "budget_monitoring", "support_records", "risk_report"]


@script
def validate_totals(book: xw.Book, formulas: dict | None = None) -> None:
    """Validate totals (the ``check`` job) on the open allocation workbook."""
    run_button(book, "check", formulas)


@script
def reconcile_carry_forwards(book: xw.Book, formulas: dict | None = None) -> None:
    """Reconcile carry-forwards (the ``reconcile`` job) on the open workbook."""
    run_button(book, "reconcile", formulas)


@script
def budget_monitoring(book: xw.Book, formulas: dict | None = None) -> None:
    """Budget monitoring (the ``monitor`` job) on the open allocation workbook."""
    run_button(book, "monitor", formulas)


@script
def support_records(book: xw.Book, formulas: dict | None = None) -> None:
    """Support records (the ``records`` job) on the open workbook."""
    run_button(book, "records", formulas)


@script
def risk_report(book: xw.Book, formulas: dict | None = None) -> None:
    """Risk report (the ``risks`` job) on the open workbook."""
    run_button(book, "risks", formulas)

"""The RIEP ribbon buttons as xlwings Server scripts: each runs one job over the open workbook.

Excel's Office.js client sends the workbook (values, tables, names) as the request body;
the ribbon's JavaScript adds two arguments: the formulas of the tables' cells (Office.js
leaves formulas out of the book) and the task pane's options (the As of date, the own fills
of the tables' cells, the uploaded allocation workbook). Each script is a thin call to
:func:`riep.excel.offload.run_script`, which runs :func:`riep.excel.ribbon.run_button` in a
worker process: the same job as the CLI, its result sheets, highlights, reports for download
and a one-line summary alert.

A call naming a script that is not here is answered with a sentence (HTTP 400) by the
module's ``__getattr__``, instead of a server error.
"""

from __future__ import annotations

from typing import Any

try:
    import xlwings as xw
    from xlwings import XlwingsError
    from xlwings.server import script
    from xlwings_server.models import CurrentUser

    from riep.excel.offload import run_script
    from riep.excel.ribbon import BUTTONS
except ModuleNotFoundError as exc:  # pragma: no cover - xlwings Server would otherwise serve no scripts
    raise RuntimeError(f"the RIEP add-in cannot load its ribbon scripts: {exc}") from exc

__all__ = ["validate_totals", "reconcile_carry_forwards", "budget_monitoring", "support_records", "risk_report"]


@script
async def validate_totals(book: xw.Book, formulas: dict | None = None, options: dict | None = None,
                          user: CurrentUser | None = None) -> None:
    """Validate totals (the ``check`` job) on the open allocation workbook."""
    await run_script(book, "check", formulas, options, user.id if user else "")


@script
async def reconcile_carry_forwards(book: xw.Book, formulas: dict | None = None, options: dict | None = None,
                                   user: CurrentUser | None = None) -> None:
    """Reconcile carry-forwards (the ``reconcile`` job) on the open workbook."""
    await run_script(book, "reconcile", formulas, options, user.id if user else "")


@script
async def budget_monitoring(book: xw.Book, formulas: dict | None = None, options: dict | None = None,
                            user: CurrentUser | None = None) -> None:
    """Budget monitoring (the ``monitor`` job) on the open allocation workbook."""
    await run_script(book, "monitor", formulas, options, user.id if user else "")


@script
async def support_records(book: xw.Book, formulas: dict | None = None, options: dict | None = None,
                          user: CurrentUser | None = None) -> None:
    """Support records (the ``records`` job) on the open workbook."""
    await run_script(book, "records", formulas, options, user.id if user else "")


@script
async def risk_report(book: xw.Book, formulas: dict | None = None, options: dict | None = None,
                      user: CurrentUser | None = None) -> None:
    """Risk report (the ``risks`` job) on the open workbook."""
    await run_script(book, "risks", formulas, options, user.id if user else "")


def __getattr__(name: str) -> Any:
    """A script Excel asked for by a name that is not one of RIEP's: refused with a sentence."""
    if name.startswith("_") or not name.isidentifier():
        raise AttributeError(name)
    raise XlwingsError(f"RIEP has no ribbon button called {name}; its buttons are "
                       f"{', '.join(b.label for b in BUTTONS)}")

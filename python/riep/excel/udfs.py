"""Classic desktop xlwings on Windows: the RIEP functions as UDFs and the jobs as RunPython macros.

Set the xlwings add-in's ``UDF Modules`` to ``riep.excel.udfs`` and click *Import Functions*:
the functions of :data:`riep.excel.functions.FUNCTIONS` appear as ``RIEP_FINANCIAL_YEAR``,
``RIEP_RISK_SCORE``... (VBA names cannot contain the dot of ``RIEP.``). The same wrappers
serve the Office.js add-in; nothing is written twice. The ribbon jobs run from a macro:

    Sub ValidateTotals()
        RunPython "import riep.excel.udfs as r; r.validate_totals()"
    End Sub

On other systems ``xlwings.func`` registers nothing, but the functions still work when called
from Python, which is how the tests use them.
"""

from __future__ import annotations

from typing import Any

import xlwings as xw

from riep.excel.functions import FUNCTIONS, excel_function
from riep.excel.ribbon import run_button
from riep.excel.source import Formulas, parse_address
from riep.findings import FileReport
from riep.table import col_letter

__all__ = [f"RIEP_{f.__name__.upper()}" for f in FUNCTIONS] + [
    "book_formulas", "run_job", "validate_totals", "reconcile_carry_forwards", "budget_monitoring", "support_records",
    "risk_report",
]

for _impl in FUNCTIONS:
    _name = f"RIEP_{_impl.__name__.upper()}"
    globals()[_name] = xw.func(excel_function(_impl, name=_name, cell_error=lambda message: f"#VALUE! {message}"))
del _impl, _name


def book_formulas(book: Any) -> Formulas:
    """The formulas inside every named table of a desktop workbook: sheet -> A1 address -> formula."""
    out: Formulas = {}
    for sheet in book.sheets:
        for table in sheet.tables:
            r1, c1, _r2, _c2 = parse_address(table.range.address)
            rows = table.range.options(ndim=2).formula
            for i, row in enumerate(rows):
                for j, formula in enumerate(row):
                    if isinstance(formula, str) and formula.startswith("="):
                        out.setdefault(sheet.name, {})[f"{col_letter(c1 - 1 + j)}{r1 + i}"] = formula
    return out


def run_job(job_name: str, book: Any | None = None) -> FileReport | None:
    """Run a job over ``book`` (default: the workbook that called RunPython), as its ribbon button does."""
    book = book if book is not None else xw.Book.caller()
    done = run_button(book, job_name, book_formulas(book))
    return done.report if done is not None else None


def validate_totals() -> None:
    """RunPython entry point of the Validate totals button."""
    run_job("check")


def reconcile_carry_forwards() -> None:
    """RunPython entry point of the Reconcile carry-forwards button."""
    run_job("reconcile")


def budget_monitoring() -> None:
    """RunPython entry point of the Budget monitoring button."""
    run_job("monitor")


def support_records() -> None:
    """RunPython entry point of the Support records button."""
    run_job("records")


def risk_report() -> None:
    """RunPython entry point of the Risk report button."""
    run_job("risks")

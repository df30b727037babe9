"""The table contract of the financial-allocation workbook (``Funding``, ``Allocation``, ``StatedTotals``).

Later jobs and the Excel add-in rely on these names. Headers match case- and
space-insensitively; other words can be mapped under ``[headers.<Table>]`` in ``riep.toml``.
"""

from __future__ import annotations

from riep.table import ColumnSpec as C
from riep.table import TableSpec

__all__ = ["FUNDING", "ALLOCATION", "STATED_TOTALS", "AMOUNT_K", "STATED_K", "FUNDING_KINDS", "FUNDING_STATUSES", "GRAND_TOTAL", "FUNDING_TOTAL"]

FUNDING_KINDS = ("grant", "carry-forward", "capital", "ring-fenced", "other")
FUNDING_STATUSES = ("received", "expected")
GRAND_TOTAL = "Grand total"
AMOUNT_K = "Amount (£k)"  # Allocation: the line's amount
STATED_K = "Stated (£k)"  # StatedTotals: the total as published
FUNDING_TOTAL = "Funding total"

FUNDING = TableSpec(
    "Funding",
    (
        C("Year"),
        C("Stream"),
        C("Source", required=False),
        C("Kind"),
        C("Status"),
        C("Amount"),
        C("Unit"),
        C("Notes", required=False),
    ),
    "Money coming in: one row per funding stream and year, in the unit it was published in.",
)

ALLOCATION = TableSpec(
    "Allocation",
    (
        C("Year"),
        C("Theme"),
        C("Programme", required=False),
        C("Line"),
        C(AMOUNT_K, aliases=("Amount £k", "Amount (k)", "Amount")),
        C("Notes", required=False),
    ),
    "Money going out: one row per allocation line, amounts in £k, blank where the plan gives none.",
)

STATED_TOTALS = TableSpec(
    "StatedTotals",
    (
        C("Year"),
        C("Scope"),
        C(STATED_K, aliases=("Stated £k", "Stated", "Stated (k)")),
        C("Notes", required=False),
    ),
    "Totals as published: a theme subtotal, 'Grand total' or 'Funding total' per year, typed or a formula.",
)

"""The table contract of in-year budget monitoring: ``Monitoring`` (by line and month) and ``RingFenced``.

Why a ``Monitoring`` table by line and month rather than columns on ``Allocation``: the
allocation is the published plan and is never overwritten; an officer adds one row per line
each month (figures to date), so the history of what the Board saw each month stays in the
workbook, and a line paid partly from capital gets a row of each kind.
"""

from __future__ import annotations

from riep.table import ColumnSpec as C
from riep.table import TableSpec

__all__ = ["MONITORING", "RING_FENCED", "FUNDING_TYPES"]

FUNDING_TYPES = ("revenue", "capital")

MONITORING = TableSpec(
    "Monitoring",
    (
        C("Year"),
        C("Month", aliases=("Month ending", "Period")),
        C("Line"),
        C("Committed to date (£k)", aliases=("Committed (£k)", "Committed")),
        C("Spent to date (£k)", aliases=("Spent (£k)", "Spent", "Actual to date (£k)")),
        C("Forecast outturn (£k)", aliases=("Forecast (£k)", "Forecast", "Outturn (£k)")),
        C("Funding", required=False, aliases=("Capital or revenue",)),
        C("Notes", required=False),
    ),
    "In-year monitoring: one row per allocation line and month (a date in the month), figures to date in £k; "
    "Funding is revenue (the default) or capital.",
)

RING_FENCED = TableSpec(
    "RingFenced",
    (
        C("Year"),
        C("Stream"),
        C("From", aliases=("Source",)),
        C("Expected (£)", aliases=("Expected",)),
        C("Expected by", required=False),
        C("Received (£)", aliases=("Received",)),
        C("Received on", required=False),
        C("Paid (£)", aliases=("Paid", "Paid on (£)")),
        C("Paid on", required=False),
        C("Paid to", required=False),
        C("Notes", required=False),
    ),
    "Ring-fenced money channelled to partners, in whole pounds: expected, received (with the date) and paid on "
    "(with the date and to whom).",
)

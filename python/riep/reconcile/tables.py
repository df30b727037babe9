"""The ``Balances`` table contract: per financial year and funding stream, the money in, committed and carried.

Amounts are in £k. ``Approximate`` names the figures published as approximate
(``Closing``, ``Opening``, ``Funding``, ``Committed``, ``Spent``, several separated by commas,
or ``all``); those are compared within the approximate tolerance and always shown as
approximate.
"""

from __future__ import annotations

from riep.table import ColumnSpec as C
from riep.table import TableSpec

__all__ = ["BALANCES", "FIGURES", "FIGURE_COLUMNS", "APPROXIMATE_CHOICES"]

# The five figures of a corkscrew, by short name, with the column that holds each.
FIGURES = ("opening", "funding", "committed", "spent", "closing")
FIGURE_COLUMNS = {
    "opening": "Opening (£k)",
    "funding": "Funding (£k)",
    "committed": "Committed (£k)",
    "spent": "Spent (£k)",
    "closing": "Closing (£k)",
}
APPROXIMATE_CHOICES = ("Opening", "Funding", "Committed", "Spent", "Closing", "all")

BALANCES = TableSpec(
    "Balances",
    (
        C("Year"),
        C("Stream"),
        C("Opening (£k)", aliases=("Opening £k", "Opening", "Opening balance", "Brought forward", "Carried forward in")),
        C("Funding (£k)", aliases=("Funding £k", "Funding", "New funding", "Income")),
        C("Committed (£k)", aliases=("Committed £k", "Committed")),
        C("Spent (£k)", required=False, aliases=("Spent £k", "Spent", "Actual spend")),
        C("Closing (£k)", aliases=("Closing £k", "Closing", "Closing balance", "Carried forward out",
                                   "Carried forward")),
        C("Approximate", required=False, aliases=("Approx", "Approximate figures")),
        C("Notes", required=False),
    ),
    "Per year and funding stream: opening balance carried in, new funding, committed, spent and the closing "
    "balance carried out, in £k; which figures are approximate; a note.",
)

"""The index of support records as a result sheet: one row per authority supported.

The same content serves the records workbook (links to each authority's sheet, money as live
formulas reading that sheet) and the ribbon / ``--write-sheet`` copy of the authority-support
workbook (links to the authority's row of SupportCases, money as values).
"""

from __future__ import annotations

from collections import Counter

from riep.findings import Finding, Severity
from riep.records.record import Record
from riep.registry import all_rules
from riep.sheets import SEVERITY_FILL, Column, Link, SheetContent

__all__ = ["INDEX_SHEET", "INDEX_COLUMNS", "MONEY_KEYS", "index_sheet", "issues_text"]

INDEX_SHEET = "Support records"

_POUNDS = "£#,##0;[Red]-£#,##0"
INDEX_COLUMNS = [
    Column(name="Authority", width=42),
    Column(name="County area", width=14),
    Column(name="Status", width=16),
    Column(name="Eligible", width=8),
    Column(name="Conditions of funding", width=26),
    Column(name="Approved (£)", width=12, number_format=_POUNDS),
    Column(name="Committed (£)", width=12, number_format=_POUNDS),
    Column(name="Spent (£)", width=12, number_format=_POUNDS),
    Column(name="Extra funding (£)", width=12, number_format=_POUNDS),
    Column(name="Left under cap (£)", width=12, number_format=_POUNDS),
    Column(name="Errors", width=7, number_format="0"),
    Column(name="Warnings", width=9, number_format="0"),
    Column(name="Open issues", width=70),
]
MONEY_KEYS = ["approved", "committed", "spent", "extra", "extra_left"]
"""The Money fields shown in the money columns, in order (columns 5 to 9)."""


def issues_text(issues: list[Finding]) -> str:
    """``'SUP-011 Progress report overdue (2); SUP-014 Extra funding above the £20,000 cap'``."""
    titles = {r.id: r.title for r in all_rules()}
    counts = Counter(f.rule for f in issues if f.severity is not Severity.INFO)
    return "; ".join(f"{rule} {titles.get(rule, '')}" + (f" ({n})" if n > 1 else "") for rule, n in counts.items()) \
        or "none"


def index_sheet(records: list[Record], *, file: str, links: dict[str, Link],
                money_formulas: dict[str, list[str]] | None = None, early_warning: list[str] | None = None,
                notes: list[str] | None = None) -> SheetContent:
    """The index: ``links`` maps each authority to where its name links; ``money_formulas`` (optional) maps it
    to live formulas for the five money columns; ``early_warning`` lines go under the table."""
    rows: list[list[object]] = []
    link_cells: dict[tuple[int, int], Link] = {}
    fills: dict[int, str] = {}
    for i, r in enumerate(records):
        money: list[object] = list((money_formulas or {}).get(r.authority) or
                                   [getattr(r.money, k) for k in MONEY_KEYS])
        rows.append([r.authority, r.county_area, r.status, "yes" if r.eligible else "no", r.conditions, *money,
                     r.errors, r.warnings, issues_text(r.issues)])
        if r.authority in links:
            link_cells[(i, 0)] = links[r.authority]
        if r.errors:
            fills[i] = SEVERITY_FILL[Severity.ERROR]
        elif r.warnings:
            fills[i] = SEVERITY_FILL[Severity.WARNING]
    as_of = records[0].as_of if records else None
    lines = [f"Early warning: {w}" for w in (early_warning or [])]
    return SheetContent(
        name=INDEX_SHEET,
        title="Support for individual authorities: records",
        subtitle=f"{file}: {len(records)} authorities supported" + (f", judged on {as_of:%d/%m/%Y}" if as_of else "")
        + ". Click an authority for its record.",
        table_name="SupportRecords",
        columns=INDEX_COLUMNS,
        rows=rows,
        links=link_cells,
        row_fills=fills,
        notes=lines + (notes or []),
    )

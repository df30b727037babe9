"""Rules about single cells: blank, text, negative or error amounts; sizes that don't fit the unit; coded values.

These look at one row at a time, so they work the same on 10 lines or 200,000 (the
frame-wide masks keep them vectorised).
"""

from __future__ import annotations

from riep.cellvalue import spelled_amount
from riep.checks.model import Book
from riep.checks.tables import AMOUNT_K, FUNDING_KINDS, FUNDING_STATUSES
from riep.findings import AmountWhere, Finding, OnSheet
from riep.fy import year_label_error
from riep.money import Unit, fmt_amount, fmt_k
from riep.rule import rule
from riep.settings import CheckSettings

__all__ = [
    "LINE_BLANK", "LINE_TEXT", "LINE_NEGATIVE", "UNIT_SIZE", "FUND_CODE", "YEAR_UNREADABLE", "CELL_ERROR",
    "line_findings", "funding_findings", "unit_mismatch",
]

LINE_BLANK = rule("LINE-001", "warning", "check", "Line without an amount",
                  "An allocation line (or funding stream) whose amount cell is blank: the plan gives it no money.")
LINE_TEXT = rule("LINE-002", "error", "check", "Amount is text",
                 "An amount cell holding text (e.g. '£12 922' or a number stored as text): Excel's SUM ignores it.")
LINE_NEGATIVE = rule("LINE-003", "error", "check", "Negative amount",
                     "An allocation line or funding stream with a negative amount.")
UNIT_SIZE = rule("UNIT-001", "warning", "check", "Amount does not fit its unit",
                 "An amount whose size does not fit its declared unit: 12922 declared in £m (meant £k), "
                 "15.81 declared in £k (meant £m), 200 declared in £ (meant £k). Thresholds are settings.")
FUND_CODE = rule("FUND-001", "error", "check", "Coded value not recognised",
                 "A Funding row whose Kind, Status or Unit is not one of the allowed values "
                 "(Kind: grant / carry-forward / capital / ring-fenced / other; Status: received / expected; "
                 "Unit: £ / £k / £m).")
YEAR_UNREADABLE = rule("YEAR-001", "error", "check", "Year not recognised",
                       "A Year cell that is not a financial year. 2009/10, 2009-10, 09/10 and 2009/2010 are all "
                       "read as 2009/10; anything else is reported and the row left out of totals.")
CELL_ERROR = rule("FORM-002", "error", "check", "Error value",
                  "A cell showing an Excel error value (#REF!, #VALUE!, #NAME?, #DIV/0!, ...): the figure "
                  "cannot be trusted until the formula is repaired.")

_AMOUNT = AMOUNT_K


class _StreamWhere(OnSheet):
    """What every finding about one funding stream shares (each names its own cell)."""

    scope: str | None


def unit_mismatch(value: float, unit: Unit, s: CheckSettings) -> Unit | None:
    """The unit ``value`` was more likely written in, when its size does not fit ``unit``."""
    v = abs(value)
    if v == 0:
        return None
    if unit is Unit.M and v >= s.millions_max:
        return Unit.K
    if unit is Unit.K and v >= s.thousands_max:
        return Unit.POUNDS
    if unit is Unit.K and v < s.thousands_min and not float(v).is_integer():
        return Unit.M
    if unit is Unit.POUNDS and v < s.pounds_min:
        return Unit.K
    return None


def line_findings(book: Book, s: CheckSettings) -> list[Finding]:
    """LINE-001/002/003, UNIT-001, FORM-002 and YEAR-001 for the Allocation table."""
    t = book.allocation
    lines = book.lines
    out: list[Finding] = []
    odd = lines[(lines["kind"] != "number") | (lines["amount_k"] < 0) | lines["year"].isna()]
    big = lines[(lines["amount_k"].abs() >= s.thousands_max)
                | ((lines["amount_k"].abs() < s.thousands_min) & (lines["amount_k"] % 1 != 0))]
    for r in odd.itertuples(index=False):
        row = int(r.row)
        label = _label(r.line, r.theme)
        cell = t.cell(_AMOUNT, row)
        at = AmountWhere(file=book.file, sheet=t.sheet, cell=cell, scope=r.theme or None, unit="£k")
        if not isinstance(r.year, str):
            out.append(YEAR_UNREADABLE.finding(
                f"{label} has year {year_label_error(r.year_raw)}.",
                actual=_str(r.year_raw), **(at | {"cell": t.cell("Year", row)})))
        if r.kind == "blank":
            out.append(LINE_BLANK.finding(f"{label} has no amount.", **at))
        elif r.kind == "text":
            guess = spelled_amount(r.raw)
            hint = f"; type the number {guess:g} instead" if guess is not None else ""
            out.append(LINE_TEXT.finding(
                f"{label} has the text '{r.raw}' where an amount in £k belongs, so it is left out of every total{hint}.",
                actual=str(r.raw), **at))
        elif r.kind == "error":
            out.append(CELL_ERROR.finding(
                f"{label} shows {r.raw} instead of an amount, so it is left out of every total.",
                actual=str(r.raw), **at))
        elif r.amount_k < 0:
            out.append(LINE_NEGATIVE.finding(
                f"{label} has a negative amount ({fmt_k(r.amount_k)}).", actual=float(r.amount_k), **at))
    for r in big.itertuples(index=False):
        row = int(r.row)
        meant = unit_mismatch(float(r.amount_k), Unit.K, s)
        if meant is None:
            continue
        out.append(UNIT_SIZE.finding(
            f"{_label(r.line, r.theme)} is {r.amount_k:,g} in a £k column, which looks like an amount in "
            f"{meant.value} ({fmt_amount(float(r.amount_k), meant)}); check the unit.",
            file=book.file, sheet=t.sheet, cell=t.cell(_AMOUNT, row), scope=r.theme or None,
            actual=float(r.amount_k), unit="£k"))
    return out


def funding_findings(book: Book, s: CheckSettings) -> list[Finding]:
    """The same cell rules for the Funding table, plus its coded columns."""
    t = book.funding_table
    if t is None:
        return []
    out: list[Finding] = []
    for st in book.funding:
        label = f"Funding stream '{st.name}'" + (f" ({st.year})" if st.year else "")
        at = _StreamWhere(file=book.file, sheet=t.sheet, scope=st.name or None)
        if st.year is None:
            out.append(YEAR_UNREADABLE.finding(f"{label} has year {year_label_error(st.year_raw)}.",
                                               cell=t.cell("Year", st.row), actual=_str(st.year_raw), **at))
        for col, raw, value, allowed in (("Kind", st.kind_raw, st.kind, FUNDING_KINDS),
                                         ("Status", st.status_raw, st.status, FUNDING_STATUSES)):
            if value is None:
                out.append(FUND_CODE.finding(
                    f"{label} has {col} '{_str(raw)}', which is not one of {', '.join(allowed)}.",
                    cell=t.cell(col, st.row), actual=_str(raw), **at))
        if st.unit is None:
            out.append(FUND_CODE.finding(
                f"{label} has Unit '{_str(st.unit_raw)}', which is not one of £, £k, £m.",
                cell=t.cell("Unit", st.row), actual=_str(st.unit_raw), **at))
        cell = t.cell("Amount", st.row)
        a = st.amount
        if a.kind == "blank":
            out.append(LINE_BLANK.finding(f"{label} has no amount.", cell=cell, **at))
        elif a.kind == "text":
            out.append(LINE_TEXT.finding(
                f"{label} has the text '{a.raw}' where an amount belongs, so it is left out of every total.",
                cell=cell, actual=str(a.raw), **at))
        elif a.kind == "error":
            out.append(CELL_ERROR.finding(f"{label} shows {a.raw} instead of an amount.", cell=cell,
                                          actual=str(a.raw), **at))
        elif a.value is not None and a.value < 0:
            out.append(LINE_NEGATIVE.finding(f"{label} has a negative amount.", cell=cell, actual=a.value, **at))
        elif a.value is not None and st.unit is not None:
            meant = unit_mismatch(a.value, st.unit, s)
            if meant is not None:
                out.append(UNIT_SIZE.finding(
                    f"{label} is {a.value:,g} declared in {st.unit.value}, which looks like an amount in "
                    f"{meant.value} ({fmt_amount(a.value, meant)}); check the Unit column.",
                    cell=cell, actual=a.value, unit=st.unit.value, **at))
    return out


def _label(line: str, theme: str) -> str:
    return f"Line '{line}'" + (f" ({theme})" if theme else "") if line else f"A line in {theme or 'no theme'}"


def _str(value: object) -> str:
    return "" if value is None else str(value)


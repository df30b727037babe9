"""The corkscrew and the link between years: opening + funding - committed = closing = next year's opening.

:func:`carry_forward` is the arithmetic on its own (also the ``RIEP.CARRY_FORWARD`` worksheet
function). :func:`corkscrew_findings` applies it to every stream-year whose closing is stated;
:func:`link_findings` follows every stream from one year to the next. Approximate figures are
compared within :func:`tolerance` and every message says which figures are approximate.
"""

from __future__ import annotations

import datetime as dt
import math

from riep.errors import InputError
from riep.findings import Finding, OnSheet, Severity
from riep.fy import fy_end, next_year
from riep.money import Unit, fmt_amount, fmt_k
from riep.reconcile.model import Ledger, StreamYear
from riep.rule import rule
from riep.settings import ReconcileSettings
from riep.sources import YEAR_TWO_PLAN

__all__ = [
    "carry_forward", "tolerance", "amount", "CORKSCREW", "LINK", "VANISHED", "BROUGHT_IN",
    "corkscrew_findings", "link_findings",
]

CORKSCREW = rule("REC-001", "error", "reconcile", "Stream does not close",
                 "For each stream and year with a stated closing balance: opening + new funding - committed must "
                 "equal the closing balance (within the tolerance; approximate figures within the approximate "
                 "tolerance). The finding says by how much it does not close and where the difference must come "
                 "from: income no stream records, or money neither committed nor carried forward. Blank opening, "
                 "funding or committed cells count as nothing.")
LINK = rule("REC-002", "error", "reconcile", "Closing not carried into the next year",
            "A stream's closing balance for a year must be the opening balance of the same stream in the next "
            "year (all uncommitted money is added to the next year's budget). A blank opening next year counts as "
            "nothing brought forward.",
            document=f"{YEAR_TWO_PLAN}, section 5.0: \"At the end of the first year all uncommitted expenditure has "
            "been added to the budget for 2009/10 allocation\".")
VANISHED = rule("REC-003", "error", "reconcile", "Stream vanishes",
                "A stream with a row in one year and none in the next year of the table: an error if it closed "
                "with money (the money vanishes), a warning if it has no closing balance (nothing says what became "
                "of it). A closing balance of 0 ends a stream cleanly.")
BROUGHT_IN = rule("REC-012", "info", "reconcile", "Opening brought in from outside",
                  "A stream opening with money in a year where it has no row for the year before: the balance "
                  "comes from outside the workbook (e.g. a predecessor programme), so there is no earlier closing "
                  "to check it against.")


def carry_forward(opening: float, funding: float, committed: float) -> float:
    """The closing balance carried forward: ``opening + funding - committed`` (all in the same unit).

    A commitment larger than the money available gives a negative balance: the overspend, which
    REC-007 reports. Raises :class:`InputError` for a missing, non-numeric or negative figure.
    """
    named = {"opening balance": opening, "new funding": funding, "committed": committed}
    for label, value in named.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            shown = "blank" if value is None else f"'{value}'"
            raise InputError(f"The {label} is {shown}; it must be a number (0 if there is none).")
        if math.isnan(value) or math.isinf(value):
            raise InputError(f"The {label} is not a finite number.")
        if value < 0:
            raise InputError(f"The {label} is negative ({value:,g}); enter amounts as positive numbers.")
    return float(opening + funding - committed)


def tolerance(s: ReconcileSettings, *approximate: float) -> float:
    """How far apart two £k figures may be: the rounding tolerance, plus the approximate
    tolerance (a percentage) of each approximate figure involved."""
    return s.tolerance_k + sum(abs(a) for a in approximate) * s.approximate_tolerance_pct / 100


def amount(sy: StreamYear, name: str) -> str:
    """A figure as messages write it: ``£3,500k`` or ``approximately £3,500k``."""
    return ("approximately " if sy.approx(name) else "") + fmt_k(sy.num(name))


def _approx_values(sy: StreamYear, *names: str) -> list[float]:
    return [sy.num(n) for n in names if sy.approx(n)]


def corkscrew_findings(ledger: Ledger, s: ReconcileSettings) -> list[Finding]:
    """REC-001 for every stream-year with a stated, readable closing balance."""
    out: list[Finding] = []
    for sy in ledger.streams:
        closing = sy.value("closing")
        if closing is None or sy.unreadable:
            continue
        calc = sy.calculated_closing
        diff = closing - calc
        tol = tolerance(s, *_approx_values(sy, "opening", "funding", "committed", "closing"))
        if abs(diff) <= tol:
            continue
        who = f"'{sy.stream}' does not close in {sy.year}"
        if sy.value("opening") is None:
            came = f"funding {amount(sy, 'funding')}, nothing brought forward"
        else:
            came = f"opening {amount(sy, 'opening')} + funding {amount(sy, 'funding')}"
        if diff > 0:
            msg = (f"{who}: {amount(sy, 'committed')} committed + {amount(sy, 'closing')} uncommitted = "
                   f"{fmt_k(sy.num('committed') + closing)}, but only {fmt_k(sy.available)} came in ({came}), so "
                   f"{_big(diff)} of {sy.year} income is not explained by any stream; record the funding it came "
                   f"from, or correct the committed or closing figure.")
        else:
            came = came.replace(", nothing brought forward", "")
            msg = (f"{who}: {came} - committed {amount(sy, 'committed')} leaves {fmt_k(calc)}, but the closing "
                   f"balance is {amount(sy, 'closing')}, so {_big(-diff)} is neither committed nor carried forward; "
                   f"record the commitment, or correct the closing figure.")
        out.append(CORKSCREW.finding(msg, file=ledger.file, sheet=sy.sheet, cell=sy.cell("closing"),
                                     scope=f"{sy.stream} {sy.year}", expected=round(calc, 6),
                                     actual=round(closing, 6), difference=round(diff, 6), unit="£k"))
    return out


class _LinkWhere(OnSheet):
    """What every finding about a stream's link to the next year shares (each names its cell and scope)."""

    unit: str


def link_findings(ledger: Ledger, s: ReconcileSettings, as_of: dt.date | None = None) -> list[Finding]:
    """REC-002, REC-003 and REC-012: every stream followed from each year to the next.

    A year still open on ``as_of`` (it ends after that day) has no closing balances yet: its streams are not
    said to vanish (REC-011 reports the year as open instead).
    """
    out: list[Finding] = []
    years = set(ledger.years())
    for sy in ledger.streams:
        nxt = next_year(sy.year)
        after = ledger.get(nxt, sy.key)
        closing = sy.value("closing")
        common = _LinkWhere(file=ledger.file, sheet=sy.sheet, unit="£k")
        if after is None and nxt in years and not sy.unreadable:
            if closing is None and as_of is not None and fy_end(sy.year) >= as_of:
                pass  # the year is still open: no closing balance is expected yet
            elif closing is None:
                out.append(VANISHED.finding(
                    f"'{sy.stream}' has a {sy.year} row but no closing balance and no {nxt} row, so nothing says "
                    f"what became of its money; enter its closing balance (0 if it is all committed).",
                    severity=Severity.WARNING, cell=sy.cell("closing"), scope=f"{sy.stream} {sy.year}", **common))
            elif abs(closing) > tolerance(s, *_approx_values(sy, "closing")):
                out.append(VANISHED.finding(
                    f"'{sy.stream}' closes {sy.year} with {amount(sy, 'closing')} but has no {nxt} row, so that "
                    f"money vanishes; add a {nxt} row opening with it (riep rollover does this).",
                    cell=sy.cell("closing"), scope=f"{sy.stream} {sy.year}", expected=round(closing, 6),
                    actual=0.0, difference=round(-closing, 6), **common))
        if after is not None and closing is not None and not sy.unreadable and not after.unreadable:
            opening = after.num("opening")
            diff = opening - closing
            if abs(diff) > tolerance(s, *_approx_values(sy, "closing"), *_approx_values(after, "opening")):
                shown = amount(after, "opening") if after.value("opening") is not None else "blank"
                out.append(LINK.finding(
                    f"'{sy.stream}' closes {sy.year} with {amount(sy, 'closing')} but opens {nxt} with {shown}: "
                    f"{fmt_k(abs(diff))} {'appears from nowhere' if diff > 0 else 'is lost'} between the years; "
                    f"the {nxt} opening must be the {sy.year} closing.",
                    cell=after.cell("opening"), scope=f"{sy.stream} {nxt}", expected=round(closing, 6),
                    actual=round(opening, 6), difference=round(diff, 6), **common))
        before = ledger.get(_previous(sy.year), sy.key)
        if before is None and sy.value("opening") and not sy.unreadable:
            out.append(BROUGHT_IN.finding(
                f"'{sy.stream}' opens {sy.year} with {amount(sy, 'opening')} brought in from outside this "
                f"workbook (it has no {_previous(sy.year)} row), so there is no earlier closing balance to check "
                f"it against.",
                cell=sy.cell("opening"), scope=f"{sy.stream} {sy.year}", actual=sy.num("opening"), **common))
    return out


def _big(amount_k: float) -> str:
    """``£2,110k (£2.11m)``: large amounts in both the table's unit and the narrative's."""
    text = fmt_k(amount_k)
    return f"{text} ({fmt_amount(round(amount_k / 1000, 3), Unit.M)})" if abs(amount_k) >= 1000 else text


def _previous(year: str) -> str:
    start = int(year[:4]) - 1
    return f"{start}/{str(start + 1)[-2:]}"

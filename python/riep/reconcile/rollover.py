"""Plan a roll-forward: the new year opens with the previous year's closing balances.

:func:`plan_rollover` decides what to write and refuses (:class:`~riep.errors.RefusedError`)
when the previous year does not close; the openpyxl shell (:mod:`riep.xlsx.rollover`) only
carries the plan out. Existing cells are never overwritten: a stream that already has a row
in the new year gets its opening filled in only if that cell is blank.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from riep.errors import RefusedError
from riep.findings import Finding, Severity
from riep.fy import normalise_year, year_label_error
from riep.money import fmt_k
from riep.reconcile.corkscrew import CORKSCREW
from riep.reconcile.model import Ledger
from riep.reconcile.rules import NEGATIVE, NOT_NUMBER

__all__ = ["NewRow", "Fill", "RolloverPlan", "plan_rollover", "previous_year"]


@dataclass(frozen=True)
class NewRow:
    """A row to add to the Balances table for the new year."""

    year: str
    stream: str
    opening: float
    note: str
    approximate: bool = False


@dataclass(frozen=True)
class Fill:
    """A blank opening cell of an existing new-year row, to be filled in."""

    cell: str
    value: float
    stream: str


@dataclass
class RolloverPlan:
    """What the roll-forward writes."""

    year: str
    previous: str
    rows: list[NewRow] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # streams whose typed opening is left as it is

    @property
    def brought_forward(self) -> float:
        return sum(r.opening for r in self.rows) + sum(f.value for f in self.fills)

    def describe(self, dest: str) -> str:
        """The line the command prints."""
        kept = f"; typed openings left as they are for {', '.join(repr(k) for k in self.kept)}" if self.kept else ""
        return (f"Wrote {dest}: {self.year} opens with {fmt_k(self.brought_forward)} brought forward from the "
                f"{self.previous} closing balances ({len(self.rows)} rows added, {len(self.fills)} openings filled in"
                f"{kept}).\n")


def previous_year(year: str) -> str:
    start = int(year[:4]) - 1
    return f"{start}/{str(start + 1)[-2:]}"


def plan_rollover(ledger: Ledger, to: str, findings: list[Finding]) -> RolloverPlan:
    """The plan to open ``to`` with the closing balances of the year before, given the ledger's findings."""
    year = normalise_year(to)
    if year is None:
        raise RefusedError(f"cannot roll over: {year_label_error(to)}", file=ledger.file)
    prev = previous_year(year)
    closing = ledger.of_year(prev)
    where = dict(file=ledger.file, sheet=ledger.table.sheet)
    if not closing:
        raise RefusedError(f"cannot roll over to {year}: the Balances table has no {prev} rows to carry forward",
                           **where)
    unclosed = [sy for sy in closing if sy.value("closing") is None]
    if unclosed:
        names = ", ".join(f"'{sy.stream}'" for sy in unclosed)
        raise RefusedError(f"cannot roll over to {year}: {prev} does not close (no closing balance for {names})",
                           cell=unclosed[0].cell("closing"), **where)
    blocking = {CORKSCREW.id, NOT_NUMBER.id, NEGATIVE.id}
    bad = [f for f in findings if f.rule in blocking and f.severity is Severity.ERROR
           and (f.scope or "").endswith(prev)]
    if bad:
        raise RefusedError(f"cannot roll over to {year}: {prev} does not close ({bad[0].message})",
                           cell=bad[0].cell, **where)
    plan = RolloverPlan(year=year, previous=prev)
    for sy in closing:
        amount = sy.num("closing")
        after = ledger.get(year, sy.key)
        if after is not None:
            if after.value("opening") is None and amount:
                plan.fills.append(Fill(cell=after.cell("opening") or "", value=amount, stream=sy.stream))
            elif after.value("opening") is not None:
                plan.kept.append(sy.stream)
        elif amount:
            approx = "approximate " if sy.approx("closing") else ""
            plan.rows.append(NewRow(year=year, stream=sy.stream, opening=amount,
                                    note=f"Opening = {prev} {approx}closing balance {fmt_k(amount)} (riep rollover).",
                                    approximate=bool(approx)))
    return plan

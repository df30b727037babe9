"""Money for individual authorities: conditions before release, the £20,000 extra-funding cap, the
Individual Authorities line of the allocation, urgent approvals (seeds 000, 003 and 004).

:func:`extra_funding_left` is also the add-in's ``RIEP.EXTRA_FUNDING_LEFT``. Approvals dated
after the as-of day are ignored: they had not happened yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from riep.cellvalue import cell_number, not_a_number
from riep.errors import InputError
from riep.findings import Finding
from riep.fy import financial_year
from riep.money import fmt_pounds
from riep.records.governance import conditions_met
from riep.records.model import Funding, SupportBook
from riep.rule import rule
from riep.settings import RecordsSettings

__all__ = ["LineAmount", "RELEASED_EARLY", "OVER_CAP", "LINE_EXHAUSTED", "LINE_NOT_CHECKED", "LINE_POSITION",
           "URGENT_APPROVERS", "URGENT_UNREPORTED", "OVERCOMMITTED", "NO_CASE", "extra_funding_left", "approved",
           "capped_total", "next_meeting_after", "line_totals", "check_funding"]

RELEASED_EARLY = rule(
    "SUP-013", "error", "records", "Money released before the conditions were met",
    "Funding approved for an authority before it had a lead Chief Executive from another authority and an "
    "Improvement Board established (seed 000: funding is subject to both).")
OVER_CAP = rule(
    "SUP-014", "error", "records", "Extra funding above the £20,000 cap",
    "Additional (and urgent) funding for one authority adds up to more than [records] extra_funding_cap (seed 000: "
    "'additional funding support of up to £20,000'); the finding is on the approval that went over.")
LINE_EXHAUSTED = rule(
    "SUP-015", "error", "records", "Approved when the Individual Authorities line had no money left",
    "Approvals for all authorities in a financial year add up to more than that year's Individual Authorities line "
    "of the allocation workbook (Year Two: £1,000k); the finding is on the approval that went over.")
LINE_NOT_CHECKED = rule(
    "SUP-016", "info", "records", "Individual Authorities line not checked",
    "No allocation workbook was given (--allocation), or it has no Individual Authorities line for the year, so "
    "approvals could not be checked against the money available.")
LINE_POSITION = rule(
    "SUP-017", "info", "records", "Individual Authorities line: approved and left",
    "For each financial year with approvals: the Individual Authorities line, the approvals against it and what "
    "is left.")
URGENT_APPROVERS = rule(
    "SUP-018", "error", "records", "Urgent approval without both chairs",
    "An urgent approval must be made by the Chair of the Board and the Chair of the Officer Steering Group together "
    "(seed 003's scheme of delegation; [records] urgent_approvers): Approved by must name both.")
URGENT_UNREPORTED = rule(
    "SUP-019", "error", "records", "Urgent approval not reported to the next Board meeting",
    "Every urgent decision must be reported to the next Board meeting (seed 003): a Board meeting has passed since "
    "the approval and Reported to board on is blank, or later than that meeting.")
OVERCOMMITTED = rule(
    "SUP-020", "error", "records", "Committed or spent above the amount approved",
    "Money committed above the amount approved, or spent above the amount committed (or approved, when nothing "
    "is recorded as committed).")
NO_CASE = rule(
    "SUP-021", "error", "records", "Funding for an authority without a support case",
    "SupportFunding names an authority that has no row in SupportCases: money goes only to individual authorities "
    "with a case (lead Chief Executive and Improvement Board).")


@dataclass(frozen=True)
class LineAmount:
    """The Individual Authorities line for one year, in £k, and where it is in the allocation workbook."""

    year: str
    amount_k: float
    file: str
    sheet: str | None = None
    cell: str | None = None


def extra_funding_left(approved: list[float], cap: float) -> float:
    """How much of the extra-funding cap is left after ``approved`` (£; negative when over the cap).

    Blank cells are ignored; an amount that is not a number, or is negative, raises :class:`InputError`.
    """
    total = 0.0
    for value in approved:
        cell = cell_number(value)
        if cell.kind == "blank":
            continue
        if cell.value is None:
            raise InputError(f"{value!r} {not_a_number(value).replace('a number', 'an amount of money')}")
        if cell.value < 0:
            raise InputError(f"{value!r} is not an amount of money (zero or more)")
        total += cell.value
    return round(float(cap) - total, 2)


def approved(funding: list[Funding], as_of: dt.date) -> list[Funding]:
    """Approvals made on or before ``as_of`` (undated ones count: they are on the books), oldest first."""
    rows = [f for f in funding if f.approved_on is None or f.approved_on <= as_of]
    return sorted(rows, key=lambda f: (f.approved_on or dt.date.min, f.row))


def capped_total(funding: list[Funding], as_of: dt.date, s: RecordsSettings) -> float:
    """Extra funding (the capped kinds) approved for one authority by ``as_of``, £."""
    return sum(f.amount for f in approved(funding, as_of) if f.kind in s.capped_kinds)


def next_meeting_after(book: SupportBook, authority: str, day: dt.date) -> dt.date | None:
    """The first board meeting of ``authority`` after ``day``."""
    later = sorted(m.date for m in book.meetings if m.authority == authority and m.date > day)
    return later[0] if later else None


def line_totals(book: SupportBook, as_of: dt.date) -> dict[str, float]:
    """Approvals for all authorities, £, by the financial year they were approved in."""
    out: dict[str, float] = {}
    for f in approved(book.funding, as_of):
        if f.approved_on is not None:
            year = financial_year(f.approved_on)
            out[year] = out.get(year, 0.0) + f.amount
    return out


def _line_findings(book: SupportBook, as_of: dt.date, lines: dict[str, LineAmount] | None,
                   s: RecordsSettings, allocation_file: str | None) -> list[Finding]:
    out: list[Finding] = []
    totals = line_totals(book, as_of)
    if lines is None:
        return [LINE_NOT_CHECKED.finding(
            f"Approvals were not checked against the {s.allocation_line} line: no allocation workbook was given "
            "(use --allocation workbook/financial_allocation.xlsx).", file=book.file, scope=s.allocation_line)]
    for year in sorted(totals):
        line = lines.get(year)
        if line is None:
            named = f" {Path(allocation_file).name}" if allocation_file else ""
            out.append(LINE_NOT_CHECKED.finding(
                f"{year} approvals ({fmt_pounds(totals[year])}) were not checked: the allocation "
                f"workbook{named} has no {s.allocation_line} line for {year}.", file=book.file,
                scope=f"{s.allocation_line} {year}"))
            continue
        budget = line.amount_k * 1000
        running = 0.0
        for f in approved(book.funding, as_of):
            if f.approved_on is None or financial_year(f.approved_on) != year:
                continue
            before = running
            running += f.amount
            if running > budget + 0.005 and before <= budget + 0.005:
                out.append(LINE_EXHAUSTED.finding(
                    f"{f.authority}: {fmt_pounds(f.amount)} approved on {f.approved_on:%d/%m/%Y} takes {year} "
                    f"approvals to {fmt_pounds(running)}, {fmt_pounds(running - budget)} more than the "
                    f"{s.allocation_line} line ({fmt_pounds(budget)}).", scope=f.authority, expected=budget,
                    actual=running, difference=running - budget, unit="£", **book.where("SupportFunding", "Amount (£)", f.row)))
        out.append(LINE_POSITION.finding(
            f"{s.allocation_line} {year}: {fmt_pounds(totals[year])} approved for individual authorities by "
            f"{as_of:%d/%m/%Y} against {fmt_pounds(budget)}, {fmt_pounds(budget - totals[year])} left.",
            file=line.file, sheet=line.sheet, cell=line.cell, scope=f"{s.allocation_line} {year}",
            expected=budget, actual=totals[year], difference=totals[year] - budget, unit="£"))
    return out


def check_funding(book: SupportBook, as_of: dt.date, s: RecordsSettings,
                  lines: dict[str, LineAmount] | None = None, allocation_file: str | None = None) -> list[Finding]:
    """SUP-013 to SUP-021. ``lines``: the Individual Authorities line by year from ``allocation_file``, or ``None``
    when no allocation workbook was given."""
    out: list[Finding] = []
    cases = {c.authority: c for c in book.cases}
    approvers = [a.lower() for a in s.urgent_approvers]
    for name in sorted({f.authority for f in book.funding}, key=lambda n: min(f.row for f in book.funding
                                                                               if f.authority == n)):
        rows = approved([f for f in book.funding if f.authority == name], as_of)
        case = cases.get(name)
        if case is None:
            for f in rows:
                out.append(NO_CASE.finding(
                    f"{name} has {fmt_pounds(f.amount)} of {f.kind} funding but no support case.",
                    scope=name, **book.where("SupportFunding", "Authority", f.row)))
            continue
        running = 0.0
        for f in rows:
            at = lambda col, row=f.row: book.where("SupportFunding", col, row)  # noqa: E731
            when = f.approved_on or as_of
            missing = conditions_met(case, when)
            if missing:
                out.append(RELEASED_EARLY.finding(
                    f"{name}: {fmt_pounds(f.amount)} of {f.kind} funding approved on {when:%d/%m/%Y} with "
                    f"{' and '.join(missing)} on that day.", scope=name, **at("Approved on")))
            if f.kind in s.capped_kinds:
                before, running = running, running + f.amount
                if running > s.extra_funding_cap + 0.005 and before <= s.extra_funding_cap + 0.005:
                    out.append(OVER_CAP.finding(
                        f"{name}: extra funding reaches {fmt_pounds(running)} with {fmt_pounds(f.amount)} approved on "
                        f"{when:%d/%m/%Y}, {fmt_pounds(running - s.extra_funding_cap)} over the "
                        f"{fmt_pounds(s.extra_funding_cap)} cap.", scope=name, expected=s.extra_funding_cap,
                        actual=running, difference=running - s.extra_funding_cap, unit="£", **at("Amount (£)")))
            if f.kind == "urgent":
                by = (f.approved_by or "").lower()
                lacking = [a for a, low in zip(s.urgent_approvers, approvers) if low not in by]
                if lacking:
                    out.append(URGENT_APPROVERS.finding(
                        f"{name}: the urgent approval of {fmt_pounds(f.amount)} on {when:%d/%m/%Y} is not approved by "
                        f"the {' and the '.join(lacking)} (approved by: {f.approved_by or 'nobody recorded'}).",
                        scope=name, **at("Approved by")))
                meeting = next_meeting_after(book, name, when)
                if meeting is not None and meeting < as_of and (f.reported_on is None or f.reported_on > meeting
                                                                 or f.reported_on > as_of):
                    late = f", but only on {f.reported_on:%d/%m/%Y}" if f.reported_on and f.reported_on <= as_of else ""
                    out.append(URGENT_UNREPORTED.finding(
                        f"{name}: the urgent approval of {fmt_pounds(f.amount)} on {when:%d/%m/%Y} was not reported to "
                        f"the next Board meeting on {meeting:%d/%m/%Y}{late}.", scope=name, **at("Reported to board on")))
            limit, what = (f.committed, "committed") if f.committed is not None else (f.amount, "approved")
            if f.committed is not None and f.committed > f.amount + 0.005:
                out.append(OVERCOMMITTED.finding(
                    f"{name}: {fmt_pounds(f.committed)} committed against {fmt_pounds(f.amount)} approved on "
                    f"{when:%d/%m/%Y}.", scope=name, expected=f.amount, actual=f.committed,
                    difference=f.committed - f.amount, unit="£", **at("Committed (£)")))
            if f.spent is not None and f.spent > limit + 0.005:
                out.append(OVERCOMMITTED.finding(
                    f"{name}: {fmt_pounds(f.spent)} spent against {fmt_pounds(limit)} {what} ({f.kind}, approved "
                    f"{when:%d/%m/%Y}).", scope=name, expected=limit, actual=f.spent, difference=f.spent - limit,
                    unit="£", **at("Spent (£)")))
    return out + _line_findings(book, as_of, lines, s, allocation_file)

"""Money for individual authorities: conditions of funding, the £20,000 extra-funding cap and who agrees it,
the Individual Authorities line of the allocation, urgent approvals (per the partnership's profile).

:func:`extra_funding_left` is also the add-in's ``RIEP.EXTRA_FUNDING_LEFT``. Approvals dated
after the as-of day are ignored: they had not happened yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from riep.cellvalue import cell_number, not_a_number
from riep.errors import InputError
from riep.findings import Finding, Severity
from riep.fy import financial_year
from riep.money import fmt_pounds
from riep.partnership import Profile, role_label
from riep.records.governance import conditions_met
from riep.records.model import Funding, SupportBook, SupportCase
from riep.rule import rule
from riep.settings import RecordsSettings
from riep.sources import EM_DIFFICULTY, IMPROVEMENT_BOARD, LEAD_CEX, YEAR_TWO_PLAN

__all__ = ["LineAmount", "RELEASED_EARLY", "OVER_CAP", "LINE_EXHAUSTED", "LINE_NOT_CHECKED", "LINE_POSITION",
           "URGENT_APPROVERS", "URGENT_UNREPORTED", "OVERCOMMITTED", "NO_CASE", "ADDITIONAL_APPROVER", "report_deadlines",
           "urgent_lacking", "extra_funding_left", "approved",
           "capped_total", "report_problem", "doc_of", "line_totals", "check_funding"]

RELEASED_EARLY = rule(
    "SUP-013", "warning", "records", "Money approved before the conditions of funding were in place (per partnership)",
    "Funding approved for an authority before it had a lead Chief Executive from another authority and an "
    "Improvement Board established. A warning, since the document describes an agreement with room for "
    "exceptions; an error when the partnership's profile sets conditions = 'required'. Not raised when the case "
    "records a waiver in 'Conditions waived', for a mentor-only case, or when the profile sets no conditions.",
    document=f"{LEAD_CEX}: \"Funding for individual authorities is normally subject to the authority agreeing that "
    "it will (i) receive the support from a lead Chief Executive from another authority; and (ii) establish a Joint "
    "Agency Group/Improvement Board\".")
OVER_CAP = rule(
    "SUP-014", "error", "records", "Extra funding above the £20,000 cap",
    "Additional (and urgent) funding for one authority adds up to more than [records] extra_funding_cap; the "
    "finding is on the approval that went over.",
    document=f"{LEAD_CEX}, duty 5: \"if necessary, agree additional funding support of up to £20,000 subject to "
    "certain criteria (see below) and availability\".")
LINE_EXHAUSTED = rule(
    "SUP-015", "error", "records", "Approved when the Individual Authorities line had no money left",
    "Approvals for all authorities in a financial year add up to more than that year's Individual Authorities line "
    "of the allocation workbook (Year Two: £1,000k); the finding is on the approval that went over.",
    document=f"{YEAR_TWO_PLAN}, Indicative Financial Allocation Year Two: Performance, \"Individual Authorities\" "
    "1000 (£k).")
LINE_NOT_CHECKED = rule(
    "SUP-016", "info", "records", "Individual Authorities line not checked",
    "No allocation workbook was given (--allocation), or it has no Individual Authorities line for the year, so "
    "approvals could not be checked against the money available.")
LINE_POSITION = rule(
    "SUP-017", "info", "records", "Individual Authorities line: approved and left",
    "For each financial year with approvals: the Individual Authorities line, the approvals against it and what "
    "is left.")
URGENT_APPROVERS = rule(
    "SUP-018", "error", "records", "Urgent approval not made under the urgency process (per partnership)",
    "An urgent approval's 'Approved by' must name whoever the partnership's profile delegates urgent decisions to "
    "(Improvement East: a cluster; East Midlands: both chairs).",
    document=f"{YEAR_TWO_PLAN}, section 4.0: \"An urgency process has been agreed with delegation to clusters to "
    f"make decisions\" (Improvement East). {EM_DIFFICULTY}, paragraph 3.4: \"agreement is obtained from the "
    "Chairs of the Officer and Member Boards\"; its paragraph 2.2 names \"the Chair of the EM IEP Board and Chair "
    "of the Officer Steering Group\" (East Midlands).")
URGENT_UNREPORTED = rule(
    "SUP-019", "error", "records", "Urgent decision not reported to the Partnership's body (per partnership)",
    "Every urgent decision must be reported to the Partnership's own body the profile names (Improvement East: the "
    "Member Panel; East Midlands: the Officer and Member Boards), by its first meeting after the decision "
    "(PartnershipMeetings table) or, when none is recorded, within the profile's urgent_report_days. Reporting it "
    "to the supported council's Improvement Board does not count: that board is advisory only.",
    document=f"{YEAR_TWO_PLAN}, section 4.0: Cluster Meetings act \"with delegated powers from the Member Panel\"; "
    f"{EM_DIFFICULTY}, paragraph 3.4: \"actions reported to subsequent meetings of the Officer and Member Boards\" "
    "(paragraph 2.2: \"reported to the Board at an appropriate meeting\": the paper is not consistent with itself; "
    f"riep applies 3.4). {IMPROVEMENT_BOARD}: \"Improvement Boards are advisory only\".")
OVERCOMMITTED = rule(
    "SUP-020", "error", "records", "Committed or spent above the amount approved",
    "Money committed above the amount approved, or spent above the amount committed (or approved, when nothing "
    "is recorded as committed).")
NO_CASE = rule(
    "SUP-021", "error", "records", "Funding for an authority without a support case",
    "SupportFunding names an authority that has no row in SupportCases: money goes only to individual authorities "
    "with a case (lead Chief Executive and Improvement Board). A mentor-only case carries no funding.")
ADDITIONAL_APPROVER = rule(
    "SUP-022", "error", "records", "Additional funding not agreed by the lead Chief Executive (per partnership)",
    "Additional funding whose 'Approved by' names neither the profile's approver ('Lead Chief Executive') nor the "
    "case's lead Chief Executive by name. Not checked when the profile names no approver (East Midlands).",
    document=f"{LEAD_CEX}: the role of the lead Chief Executive is to \"if necessary, agree additional funding "
    "support of up to £20,000 subject to certain criteria (see below) and availability\".")


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


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def doc_of(source: str) -> str:
    """The document part of a profile's source (before the quoted words), for a message to cite."""
    return source.split(': "')[0].split(" sets no")[0].split(" has no")[0]


def urgent_lacking(f: Funding, profile: Profile) -> list[str]:
    """The urgent approvers of ``profile`` that ``f``'s 'Approved by' does not name."""
    by = _norm(f.approved_by)
    return [role_label(g) for g in profile.urgent_approvers if not any(_norm(w) in by for w in g)]


def report_deadlines(book: SupportBook, f: Funding, as_of: dt.date) -> list[tuple[str, dt.date, bool]]:
    """For each body the profile reports urgent decisions to: (body, report by, whether that is a recorded meeting).

    The deadline is the body's first meeting after the approval in PartnershipMeetings, else the approval date
    plus the profile's ``urgent_report_days``.
    """
    when = f.approved_on or as_of
    out = []
    for body in book.profile.urgent_reported_to:
        later = sorted(m.date for m in book.partnership_meetings if _norm(body) in _norm(m.body) and m.date > when)
        out.append((body, later[0], True) if later else
                   (body, when + dt.timedelta(days=book.profile.urgent_report_days), False))
    return out


def report_problem(book: SupportBook, f: Funding, as_of: dt.date) -> str | None:
    """Why urgent approval ``f`` is not properly reported by ``as_of`` (``None`` when it is, or is not yet due)."""
    profile = book.profile
    reported = f.reported_on if f.reported_on and f.reported_on <= as_of else None
    if reported and f.reported_to:
        wrong = [b for b in profile.urgent_reported_to if _norm(b) not in _norm(f.reported_to)]
        if wrong:
            advisory = " (an Improvement Board is advisory only)" if "improvement board" in _norm(f.reported_to) else ""
            return f"reported on {reported:%d/%m/%Y} to the {f.reported_to}{advisory}, not to the " \
                   f"{' and the '.join(wrong)}"
    for body, due, meeting in report_deadlines(book, f, as_of):
        if due < as_of and (reported is None or reported > due):
            when = f"its first meeting after the decision, {due:%d/%m/%Y}" if meeting else \
                f"{due:%d/%m/%Y} ({profile.urgent_report_days} days on; no {body} meeting is recorded)"
            late = f"; it was reported only on {reported:%d/%m/%Y}" if reported else ""
            return f"not reported to the {body} by {when}{late}"
    return None


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


def _additional_agreed(f: Funding, case: SupportCase, profile: Profile) -> bool:
    by = _norm(f.approved_by)
    return any(_norm(w) in by for w in profile.additional_approvers) or bool(case.lead and _norm(case.lead) in by)


def check_funding(book: SupportBook, as_of: dt.date, s: RecordsSettings,
                  lines: dict[str, LineAmount] | None = None, allocation_file: str | None = None) -> list[Finding]:
    """SUP-013 to SUP-022. ``lines``: the Individual Authorities line by year from ``allocation_file``, or ``None``
    when no allocation workbook was given."""
    out: list[Finding] = []
    profile = book.profile
    cases = {c.authority: c for c in book.cases}
    for name in sorted({f.authority for f in book.funding}, key=lambda n: min(f.row for f in book.funding
                                                                               if f.authority == n)):
        rows = approved([f for f in book.funding if f.authority == name], as_of)
        case = cases.get(name)
        if case is None or case.mentor_only:
            why = "but no support case" if case is None else "but only a mentor-only case, which carries no funding"
            for f in rows:
                out.append(NO_CASE.finding(
                    f"{name} has {fmt_pounds(f.amount)} of {f.kind} funding {why}; open a support case for it in "
                    "SupportCases, or move the money.", scope=name, **book.where("SupportFunding", "Authority", f.row)))
            continue
        running = 0.0
        for f in rows:
            at = lambda col, row=f.row: book.where("SupportFunding", col, row)  # noqa: E731
            when = f.approved_on or as_of
            missing = conditions_met(case, when, profile)
            if missing:
                required = profile.conditions == "required"
                out.append(RELEASED_EARLY.finding(
                    f"{name}: {fmt_pounds(f.amount)} of {f.kind} funding approved on {when:%d/%m/%Y} with "
                    f"{' and '.join(missing)} on that day; {profile.title} funding is "
                    f"{'subject to' if required else 'normally subject to'} both ({LEAD_CEX}). "
                    + ("Hold the money until both are in place." if required else
                       "If an exception was agreed, record who agreed it and why in 'Conditions waived'."),
                    severity=Severity.ERROR if required else None, scope=name, **at("Approved on")))
            if f.kind in s.capped_kinds:
                before, running = running, running + f.amount
                if running > s.extra_funding_cap + 0.005 and before <= s.extra_funding_cap + 0.005:
                    out.append(OVER_CAP.finding(
                        f"{name}: extra funding reaches {fmt_pounds(running)} with {fmt_pounds(f.amount)} approved on "
                        f"{when:%d/%m/%Y}, {fmt_pounds(running - s.extra_funding_cap)} over the "
                        f"{fmt_pounds(s.extra_funding_cap)} a lead Chief Executive may agree ({LEAD_CEX}, duty 5); "
                        "reduce the approval or take it to the Partnership as core funding.",
                        scope=name, expected=s.extra_funding_cap,
                        actual=running, difference=running - s.extra_funding_cap, unit="£", **at("Amount (£)")))
            if f.kind == "additional" and profile.additional_approvers and not _additional_agreed(f, case, profile):
                out.append(ADDITIONAL_APPROVER.finding(
                    f"{name}: additional funding of {fmt_pounds(f.amount)} on {when:%d/%m/%Y} was approved by "
                    f"{f.approved_by or 'nobody recorded'}, not the lead Chief Executive ({case.lead or 'none named'}), "
                    f"who agrees additional funding ({LEAD_CEX}, duty 5); record the lead's agreement in 'Approved by'.",
                    scope=name, **at("Approved by")))
            if f.kind == "urgent":
                lacking = urgent_lacking(f, profile)
                if lacking:
                    out.append(URGENT_APPROVERS.finding(
                        f"{name}: the urgent approval of {fmt_pounds(f.amount)} on {when:%d/%m/%Y} was made by "
                        f"{f.approved_by or 'nobody recorded'}; {profile.title}'s urgency process needs 'Approved by' "
                        f"to name {' and '.join(repr(x) for x in lacking)} ({doc_of(profile.urgent_source)}). Record "
                        "who approved it under the urgency process, or take it to the Partnership as an ordinary "
                        "approval.",
                        scope=name, **at("Approved by")))
                problem = report_problem(book, f, as_of)
                if problem:
                    caveat = f" Note: {profile.urgent_caveat}." if profile.urgent_caveat else ""
                    out.append(URGENT_UNREPORTED.finding(
                        f"{name}: the urgent approval of {fmt_pounds(f.amount)} on {when:%d/%m/%Y} was {problem} "
                        f"({doc_of(profile.urgent_source)}); report it to the {' and the '.join(profile.urgent_reported_to)} "
                        f"at the next meeting, and record the date in 'Reported on' and the body in 'Reported to'."
                        f"{caveat}",
                        scope=name, **at("Reported on")))
            limit, what = (f.committed, "committed") if f.committed is not None else (f.amount, "approved")
            if f.committed is not None and f.committed > f.amount + 0.005:
                out.append(OVERCOMMITTED.finding(
                    f"{name}: {fmt_pounds(f.committed)} committed against {fmt_pounds(f.amount)} approved on "
                    f"{when:%d/%m/%Y}. Approve the extra, or correct the figure.", scope=name, expected=f.amount, actual=f.committed,
                    difference=f.committed - f.amount, unit="£", **at("Committed (£)")))
            if f.spent is not None and f.spent > limit + 0.005:
                out.append(OVERCOMMITTED.finding(
                    f"{name}: {fmt_pounds(f.spent)} spent against {fmt_pounds(limit)} {what} ({f.kind}, approved "
                    f"{when:%d/%m/%Y}). Approve the extra, or correct the figure.", scope=name, expected=limit, actual=f.spent, difference=f.spent - limit,
                    unit="£", **at("Spent (£)")))
    return out + _line_findings(book, as_of, lines, s, allocation_file)

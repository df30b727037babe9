"""The lead Chief Executive and the Improvement Board (seeds 000 and 001).

Conditions of funding (a lead Chief Executive from another authority, an Improvement Board
established), the lead's time (at most one day a month), the board's membership against the
nine recommended roles, its chair, and its meetings: at least every six weeks in the first
year, notes of every meeting, key messages after each (good practice).
"""

from __future__ import annotations

import datetime as dt

from riep.findings import Finding
from riep.records.model import Meeting, SupportBook, SupportCase
from riep.rule import rule
from riep.settings import RecordsSettings

__all__ = ["CONDITIONS_NOT_MET", "LEAD_TIME", "ROLES_MISSING", "CHAIR_NOT_MEMBER", "MEETING_GAP", "NO_NOTES",
           "NO_KEY_MESSAGES", "conditions_met", "missing_roles", "meeting_gaps", "check_governance"]

CONDITIONS_NOT_MET = rule(
    "SUP-004", "warning", "records", "Conditions of funding not met",
    "A support case without a lead Chief Executive from another authority, or whose Improvement Board is not "
    "established (no date, or a date after the as-of day): no money may be released until both are in place.")
LEAD_TIME = rule(
    "SUP-005", "warning", "records", "Lead Chief Executive time above one day a month",
    "The lead Chief Executive's days per month are above [records] max_days_per_month (seed 000: the role is not "
    "expected to exceed the equivalent of one day a month).")
ROLES_MISSING = rule(
    "SUP-006", "warning", "records", "Board without a recommended role",
    "An Improvement Board with no member in one of the recommended roles ([records] board_roles: Leader, "
    "opposition members, Chief Executive, senior officers, the lead Chief Executive, Audit Commission, IDeA "
    "associate, Government Office, District Auditor). Membership is good practice, not prescribed.")
CHAIR_NOT_MEMBER = rule(
    "SUP-007", "error", "records", "Board chair not a member",
    "The board is chaired by a member of the board chosen by the authority (seed 001): the Board chair named in "
    "SupportCases must be listed in BoardMembers for that authority.")
MEETING_GAP = rule(
    "SUP-008", "warning", "records", "Board meeting gap above six weeks in the first year",
    "While the case is in its first year ([records] first_year_days after the board is established), more than "
    "[records] max_meeting_gap_weeks (six) weeks between meetings, or since the last meeting on the as-of day, when "
    "the next meeting fell due inside the first year.")
NO_NOTES = rule(
    "SUP-009", "error", "records", "Meeting without notes",
    "Notes must be taken of every board meeting (seed 001): Notes taken is no or blank.")
NO_KEY_MESSAGES = rule(
    "SUP-010", "warning", "records", "No key messages after a meeting",
    "Good practice is to issue key messages after each board meeting to inform staff and members (seed 001): "
    "Key messages issued is no or blank.")


def conditions_met(case: SupportCase, day: dt.date) -> list[str]:
    """What is missing on ``day`` for money to be released (empty when both conditions are met)."""
    missing = []
    if not case.lead or not case.lead_from:
        missing.append("no lead Chief Executive from another authority")
    if case.board_established is None or case.board_established > day:
        missing.append("no Improvement Board established")
    return missing


def missing_roles(book: SupportBook, authority: str, roles: list[str]) -> list[str]:
    """The recommended roles no board member of ``authority`` holds."""
    held = {" ".join((m.role or "").lower().split()) for m in book.members if m.authority == authority}
    return [r for r in roles if " ".join(r.lower().split()) not in held]


def meeting_gaps(case: SupportCase, meetings: list[Meeting], as_of: dt.date,
                 s: RecordsSettings) -> list[tuple[dt.date, dt.date, Meeting | None]]:
    """Gaps above the limit in the first year: (from, to, the meeting that ended it or ``None`` if still open)."""
    if case.board_established is None or case.board_established > as_of:
        return []
    end = case.board_established + dt.timedelta(days=s.first_year_days)
    if case.closed_on is not None:
        end = min(end, case.closed_on)
    limit = dt.timedelta(weeks=s.max_meeting_gap_weeks)
    held = sorted((m for m in meetings if case.board_established <= m.date <= as_of), key=lambda m: (m.date, m.row))
    out: list[tuple[dt.date, dt.date, Meeting | None]] = []
    last = case.board_established
    for m in held:
        if last + limit < end and m.date - last > limit:  # the next meeting fell due inside the first year
            out.append((last, m.date, m))
        last = m.date
    if last + limit < min(end, as_of):
        out.append((last, as_of, None))
    return out


def _d(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def check_governance(book: SupportBook, as_of: dt.date, s: RecordsSettings) -> list[Finding]:
    """SUP-004 to SUP-010 for every support case."""
    out: list[Finding] = []
    for case in book.cases:
        name = case.authority
        where = lambda col, row=case.row: book.where("SupportCases", col, row)  # noqa: E731
        missing = conditions_met(case, as_of)
        if missing:
            col = "Lead Chief Executive" if missing[0].startswith("no lead") else "Board established"
            out.append(CONDITIONS_NOT_MET.finding(
                f"{name}: conditions of funding not met on {_d(as_of)}: {' and '.join(missing)}; no money may be "
                "released until both are in place.", scope=name, **where(col)))
        if case.days_per_month is not None and case.days_per_month > s.max_days_per_month:
            out.append(LEAD_TIME.finding(
                f"{name}: the lead Chief Executive ({case.lead or 'not named'}) gives {case.days_per_month:g} days a "
                f"month, above the {s.max_days_per_month:g} expected.", scope=name, expected=s.max_days_per_month,
                actual=case.days_per_month, difference=case.days_per_month - s.max_days_per_month, unit="days/month",
                **where("Days per month")))
        if case.board_established is None or case.board_established > as_of:
            continue
        roles = missing_roles(book, name, s.board_roles)
        if roles:
            out.append(ROLES_MISSING.finding(
                f"{name}: the Improvement Board has no {', '.join(roles)} (recommended, not required).",
                scope=name, expected=len(s.board_roles), actual=len(s.board_roles) - len(roles),
                **where("Board established")))
        members = {" ".join(m.name.lower().split()) for m in book.members if m.authority == name}
        if not case.chair or " ".join(case.chair.lower().split()) not in members:
            who = f"'{case.chair}'" if case.chair else "no one"
            out.append(CHAIR_NOT_MEMBER.finding(
                f"{name}: the board chair is {who}, who is not listed in BoardMembers; the chair must be a member "
                "of the board.", scope=name, **where("Board chair")))
        meetings = [m for m in book.meetings if m.authority == name]
        for start, stop, m in meeting_gaps(case, meetings, as_of, s):
            weeks = (stop - start).days / 7
            if m is None:
                text = f"{name}: no board meeting since {_d(start)} ({weeks:.1f} weeks on {_d(as_of)})"
                loc = where("Board established")
            else:
                text = f"{name}: {weeks:.1f} weeks between board meetings on {_d(start)} and {_d(stop)}"
                loc = book.where("Meetings", "Date", m.row)
            out.append(MEETING_GAP.finding(f"{text}; in its first year the board should meet at least every "
                                           f"{s.max_meeting_gap_weeks:g} weeks.", scope=name,
                                           expected=s.max_meeting_gap_weeks, actual=round(weeks, 1),
                                           difference=round(weeks - s.max_meeting_gap_weeks, 1), unit="weeks", **loc))
        for m in meetings:
            if m.date > as_of:
                continue
            if not m.notes_taken:
                out.append(NO_NOTES.finding(f"{name}: no notes recorded for the board meeting on {_d(m.date)}.",
                                            scope=name, **book.where("Meetings", "Notes taken", m.row)))
            if not m.key_messages:
                out.append(NO_KEY_MESSAGES.finding(
                    f"{name}: no key messages issued after the board meeting on {_d(m.date)} (good practice).",
                    scope=name, **book.where("Meetings", "Key messages issued", m.row)))
    return out

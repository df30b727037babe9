"""The lead Chief Executive and the Improvement Board (Improvement East, Support for individual authorities).

Conditions of funding (a lead Chief Executive from another authority, an Improvement Board
established: per the partnership's profile), the lead's time (at most one day a month), the
board's membership against the profile's recommended roles (with alternatives), its chair, and its meetings: at least every six weeks in the first
year, notes of every meeting, key messages after each (good practice).
"""

from __future__ import annotations

import datetime as dt

from riep.findings import Finding
from riep.partnership import Profile, role_label
from riep.records.model import Meeting, SupportBook, SupportCase
from riep.rule import rule
from riep.settings import RecordsSettings
from riep.sources import IMPROVEMENT_BOARD, LEAD_CEX

__all__ = ["CONDITIONS_NOT_MET", "LEAD_TIME", "ROLES_MISSING", "CHAIR_NOT_MEMBER", "MEETING_GAP", "NO_NOTES",
           "NO_KEY_MESSAGES", "conditions_met", "missing_roles", "meeting_gaps", "check_governance"]

CONDITIONS_NOT_MET = rule(
    "SUP-004", "warning", "records", "Conditions of funding not in place (per partnership)",
    "A support case without a lead Chief Executive from another authority, or whose Improvement Board is not "
    "established (no date, or a date after the as-of day), when the partnership's profile expects these "
    "conditions. Not raised for a mentor-only case, for a case whose 'Conditions waived' cell records an "
    "exception, or for a partnership whose profile sets none (East Midlands).",
    document=f"{LEAD_CEX}: funding \"is normally subject to the authority agreeing that it will (i) receive the "
    "support from a lead Chief Executive from another authority; and (ii) establish a Joint Agency "
    "Group/Improvement Board\". 'Normally': an expectation with room for exceptions.")
LEAD_TIME = rule(
    "SUP-005", "warning", "records", "Lead Chief Executive time above one day a month",
    "The lead Chief Executive's days per month are above [records] max_days_per_month.",
    document=f"{LEAD_CEX}: \"It is not expected that this role will exceed the equivalent of one day per month\".")
ROLES_MISSING = rule(
    "SUP-006", "warning", "records", "Board without a recommended role (per partnership)",
    "An Improvement Board with no member in one of the profile's recommended roles; where the document gives "
    "alternatives, a member in any one of them holds the role (Improvement East: Lead Chief Executive or Improvement "
    "East representative). Membership is good practice, not prescribed.",
    document=f"{IMPROVEMENT_BOARD}: \"Membership of the Group/Board is not prescribed ... However, good practice "
    "suggests that the following should be members of the Board\", among them \"Improvement East lead Chief "
    "Executive and/or Improvement East representative\".")
CHAIR_NOT_MEMBER = rule(
    "SUP-007", "error", "records", "Board chair not a member",
    "The Board chair named in SupportCases must be listed in BoardMembers for that authority.",
    document=f"{IMPROVEMENT_BOARD}: \"The Group/ Board will be Chaired by a member of the board chosen by the "
    "authority\".")
MEETING_GAP = rule(
    "SUP-008", "warning", "records", "Board meeting gap above six weeks in the first year",
    "While the case is in its first year ([records] first_year_days after the board is established), more than "
    "[records] max_meeting_gap_weeks (six) weeks between meetings, or since the last meeting on the as-of day, when "
    "the next meeting fell due inside the first year.",
    document=f"{IMPROVEMENT_BOARD}: \"good practice suggests that, at least initially, the Group/Board should meet "
    "every six weeks\".")
NO_NOTES = rule(
    "SUP-009", "error", "records", "Meeting without notes",
    "Notes taken is no or blank for a board meeting.",
    document=f"{IMPROVEMENT_BOARD}: \"Notes of meetings should be taken for the benefit of Group/Board members\".")
NO_KEY_MESSAGES = rule(
    "SUP-010", "warning", "records", "No key messages after a meeting",
    "Key messages issued is no or blank for a board meeting.",
    document=f"{IMPROVEMENT_BOARD}: \"it is seen as good practice to produce key messages following each meeting\".")


def conditions_met(case: SupportCase, day: dt.date, profile: Profile | None = None) -> list[str]:
    """What is missing on ``day`` of the conditions of funding (empty when both are in place, or when they do not
    apply: a mentor-only case, a recorded waiver, a profile that sets no conditions)."""
    if case.mentor_only or case.waiver or (profile is not None and profile.conditions == "none"):
        return []
    missing = []
    if not case.lead or not case.lead_from:
        missing.append("no lead Chief Executive from another authority")
    if case.board_established is None or case.board_established > day:
        missing.append("no Improvement Board established")
    return missing


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def missing_roles(book: SupportBook, authority: str, roles: list[list[str]]) -> list[str]:
    """The recommended roles no board member of ``authority`` holds (a role is held by any of its alternatives)."""
    held = {_norm(m.role) for m in book.members if m.authority == authority}
    return [role_label(group) for group in roles if not any(_norm(r) in held for r in group)]


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
    """SUP-004 to SUP-010 for every support case (a mentor-only case has no board to check)."""
    out: list[Finding] = []
    profile = book.profile
    for case in book.cases:
        name = case.authority
        where = lambda col, row=case.row: book.where("SupportCases", col, row)  # noqa: E731
        missing = conditions_met(case, as_of, profile)
        if missing:
            col = "Lead Chief Executive" if missing[0].startswith("no lead") else "Board established"
            out.append(CONDITIONS_NOT_MET.finding(
                f"{name}: on {_d(as_of)} the case has {' and '.join(missing)}, which {profile.title} funding "
                f"{'requires' if profile.conditions == 'required' else 'normally expects'} ({LEAD_CEX}); put them "
                "in place, or record in 'Conditions waived' who agreed the exception and why.",
                scope=name, **where(col)))
        if case.days_per_month is not None and case.days_per_month > s.max_days_per_month:
            out.append(LEAD_TIME.finding(
                f"{name}: the lead Chief Executive ({case.lead or 'not named'}) gives {case.days_per_month:g} days a "
                f"month, above the {s.max_days_per_month:g} expected ({LEAD_CEX}); agree the time with both authorities, "
                "or record in Notes why more is needed.", scope=name, expected=s.max_days_per_month,
                actual=case.days_per_month, difference=case.days_per_month - s.max_days_per_month, unit="days/month",
                **where("Days per month")))
        if case.mentor_only or case.board_established is None or case.board_established > as_of:
            continue
        roles = missing_roles(book, name, profile.board_roles)
        if roles:
            out.append(ROLES_MISSING.finding(
                f"{name}: the Improvement Board has no {', '.join(roles)}; good practice is to include them "
                "(recommended, not required): add them to BoardMembers, or note why not.",
                scope=name, expected=len(profile.board_roles), actual=len(profile.board_roles) - len(roles),
                **where("Board established")))
        members = {" ".join(m.name.lower().split()) for m in book.members if m.authority == name}
        if not case.chair or " ".join(case.chair.lower().split()) not in members:
            who = f"'{case.chair}'" if case.chair else "no one"
            out.append(CHAIR_NOT_MEMBER.finding(
                f"{name}: the board chair is {who}, who is not listed in BoardMembers; the chair must be a member "
                "of the board. Add the chair to BoardMembers, or correct the Board chair.", scope=name, **where("Board chair")))
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
                                           f"{s.max_meeting_gap_weeks:g} weeks. Arrange the next meeting, or note why the board met less often.", scope=name,
                                           expected=s.max_meeting_gap_weeks, actual=round(weeks, 1),
                                           difference=round(weeks - s.max_meeting_gap_weeks, 1), unit="weeks", **loc))
        for m in meetings:
            if m.date > as_of:
                continue
            if not m.notes_taken:
                out.append(NO_NOTES.finding(f"{name}: no notes recorded for the board meeting on {_d(m.date)}. Record where the notes are kept and set Notes taken to yes.",
                                            scope=name, **book.where("Meetings", "Notes taken", m.row)))
            if not m.key_messages:
                out.append(NO_KEY_MESSAGES.finding(
                    f"{name}: no key messages issued after the board meeting on {_d(m.date)} (good practice). Issue key messages, or note why not.",
                    scope=name, **book.where("Meetings", "Key messages issued", m.row)))
    return out

"""Eligibility for support, with its evidence, and the early-warning list.

Improvement East, Support for individual authorities: support "will be available if there is an
identified service failure and/or the authority has an overall score of 1 in any area". A
mentor-only case needs no evidence: Giving and taking to improve the region offers "a Chief
Executive mentor to any authority who wishes to have this support".

An authority is eligible when it has an identified service failure or a score of 1 in any
assessed area; the latest assessment of each area counts. An authority not (yet) eligible
is on the early-warning list when a score of 2 has fallen from a better one, or its NI 179
projection is below the target (3% a year).

:func:`eligible` is also the add-in's ``RIEP.ELIGIBLE``: it works from a row of scores typed
in cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from riep.errors import InputError
from riep.findings import Finding
from riep.records.model import Assessment, SupportBook
from riep.records.read import read_score, read_yes_no
from riep.rule import rule
from riep.settings import RecordsSettings
from riep.sources import GIVING_AND_TAKING, LEAD_CEX, YEAR_TWO_PLAN

__all__ = ["ELIGIBLE", "NOT_ELIGIBLE", "EARLY_WARNING", "Evidence", "latest_by_area", "assess", "early_warning",
           "eligible", "check_eligibility", "check_early_warning"]

ELIGIBLE = rule(
    "SUP-001", "info", "records", "Eligible, with evidence",
    "A supported authority's eligibility, quoting the evidence: an identified service failure, or a score of 1 "
    "(performs poorly) in any assessed area, such as Organisational Assessment, Use of Resources or Managing "
    "Performance. The latest assessment of each area counts. A mentor-only case is noted as open to any "
    "authority.",
    document=f"{LEAD_CEX}: support \"will be available if there is an identified service failure and/or the "
    f"authority has an overall score of 1 in any area\"; {GIVING_AND_TAKING}: \"Provide a Chief Executive mentor "
    "to any authority who wishes to have this support\".")
NOT_ELIGIBLE = rule(
    "SUP-002", "error", "records", "Supported without evidence of eligibility",
    "An authority with a support case but, in Assessments, neither a service failure nor a score of 1 in the "
    "latest assessment of any area: record the evidence, or review the case. A mentor-only case (Kind = mentor) "
    "needs no evidence.",
    document=f"{LEAD_CEX}: support \"will be available if there is an identified service failure and/or the "
    "authority has an overall score of 1 in any area such as Organisational Assessment, Use of Resources or "
    "Managing Performance\".")
EARLY_WARNING = rule(
    "SUP-003", "info", "records", "Early warning",
    "An authority without a support case that is eligible (a service failure or a score of 1), or that may be "
    "heading for difficulty: a score of 2 that has fallen from a better score in the same area, or an NI 179 "
    "value-for-money projection below the target ([records] ni179_target_pct, 3% a year).",
    document=f"{YEAR_TWO_PLAN}, section 3.1: \"Improvement East works closely with partners to identify which "
    "authorities are, or likely to be, struggling\"; section 3.3: \"some authorities only projecting 1.5% rather "
    "than the full 3%\".")


@dataclass
class Evidence:
    """Why an authority is (or may become) eligible: one sentence per reason, with the assessment it rests on."""

    reasons: list[tuple[str, Assessment]] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.reasons)

    def text(self) -> str:
        return "; ".join(r for r, _ in self.reasons)


def _key(area: str) -> str:
    return " ".join(area.lower().split())


def latest_by_area(assessments: list[Assessment]) -> dict[str, Assessment]:
    """The latest assessment of each area (areas compared case-insensitively), in first-seen order."""
    out: dict[str, Assessment] = {}
    for a in sorted(assessments, key=Assessment.order):
        if a.score is not None or a.service_failure or a.ni179_pct is None:
            out[_key(a.area)] = a
    return out


def _cite(a: Assessment) -> str:
    parts = [a.year] + [p for p in (a.source, f"{a.date:%d/%m/%Y}" if a.date else None) if p]
    return ", ".join(parts)


def assess(assessments: list[Assessment]) -> Evidence:
    """The evidence of eligibility in one authority's assessments (empty when it is not eligible)."""
    ev = Evidence()
    for a in latest_by_area(assessments).values():
        if a.service_failure:
            ev.reasons.append((f"service failure in {a.failing_service or a.area} ({_cite(a)})", a))
        if a.score == 1:
            ev.reasons.append((f"score of 1 in {a.area} ({_cite(a)})", a))
    return ev


def early_warning(assessments: list[Assessment], settings: RecordsSettings) -> Evidence:
    """Signs of difficulty in one authority's assessments: a score of 2 that has fallen, NI 179 below target."""
    ev = Evidence()
    by_area: dict[str, list[Assessment]] = {}
    for a in sorted(assessments, key=Assessment.order):
        if a.score is not None:
            by_area.setdefault(_key(a.area), []).append(a)
    for rows in by_area.values():
        last = rows[-1]
        before = [r for r in rows[:-1] if r.score is not None]
        if last.score == 2 and before and before[-1].score is not None and before[-1].score > 2:
            ev.reasons.append((f"{last.area} fell from {before[-1].score} ({before[-1].year}) to 2 ({_cite(last)})",
                               last))
    ni = [a for a in sorted(assessments, key=Assessment.order) if a.ni179_pct is not None]
    if ni and ni[-1].ni179_pct is not None and ni[-1].ni179_pct < settings.ni179_target_pct:
        a = ni[-1]
        ev.reasons.append((f"NI 179 projected saving {a.ni179_pct:g}% against the {settings.ni179_target_pct:g}% "
                           f"target ({_cite(a)})", a))
    return ev


def eligible(scores: list[object], service_failure: object = None, areas: list[object] | None = None) -> tuple[bool, str]:
    """Is an authority with these scores eligible for support? ``(True, 'Yes: score of 1 in Use of Resources')``.

    ``scores`` is a row of cells (blanks ignored); each must be 1-4, otherwise :class:`InputError`.
    ``service_failure`` is yes/no, or the name of the failing service. ``areas`` (optional) names
    each score's area for the reason sentence.
    """
    read: list[tuple[int, int]] = []
    for i, value in enumerate(scores):
        try:
            score = read_score(value)
        except ValueError:
            shown = int(value) if isinstance(value, float) and value.is_integer() else value
            raise InputError(f"score {shown!r} is not 1, 2, 3 or 4 (the Audit Commission's scale)") from None
        if score is not None:
            read.append((i, score))
    names = [str(a).strip() if a is not None else "" for a in (areas or [])]

    def area(i: int) -> str:
        return names[i] if i < len(names) and names[i] else f"area {i + 1}"

    failure: str | None = None
    if service_failure is not None and str(service_failure).strip():
        try:
            failure = "service failure" if read_yes_no(service_failure) else None
        except ValueError:
            failure = f"service failure in {str(service_failure).strip()}"
    reasons = ([failure] if failure else []) + [f"score of 1 in {area(i)}" for i, s in read if s == 1]
    if reasons:
        return True, "Yes: " + "; ".join(reasons)
    if not read:
        return False, "No: no score and no service failure"
    low = min(s for _, s in read)
    return False, f"No: lowest score {low}, no service failure"


def check_eligibility(book: SupportBook) -> list[Finding]:
    """SUP-001 / SUP-002 for every support case."""
    out: list[Finding] = []
    for case in book.cases:
        ev = assess([a for a in book.assessments if a.authority == case.authority])
        if case.mentor_only:
            out.append(ELIGIBLE.finding(
                f"{case.authority} has a Chief Executive mentor only: open to any authority that wishes it, so no "
                f"service failure or score of 1 is needed ({GIVING_AND_TAKING}).",
                scope=case.authority, **book.where("SupportCases", "Kind", case.row)))
        elif ev.found:
            first = ev.reasons[0][1]
            col = "Service failure" if first.service_failure else "Score"
            out.append(ELIGIBLE.finding(f"{case.authority} is eligible: {ev.text()}.", scope=case.authority,
                                        **book.where("Assessments", col, first.row)))
        else:
            out.append(NOT_ELIGIBLE.finding(
                f"{case.authority} is supported but Assessments shows no service failure and no score of 1 in the "
                "latest assessment of any area; record the evidence or review the case.",
                scope=case.authority, **book.where("SupportCases", "Authority", case.row)))
    return out


def check_early_warning(book: SupportBook, settings: RecordsSettings) -> list[Finding]:
    """SUP-003 for every authority without a case that is eligible or shows signs of difficulty."""
    supported = {c.authority for c in book.cases}
    out: list[Finding] = []
    for name in book.authorities:
        if name in supported:
            continue
        rows = [a for a in book.assessments if a.authority == name]
        if not rows:
            continue
        now = assess(rows)
        if now.found:
            a = now.reasons[0][1]
            out.append(EARLY_WARNING.finding(
                f"{name} is eligible for support ({now.text()}) but has no support case.", scope=name,
                **book.where("Assessments", "Service failure" if a.service_failure else "Score", a.row)))
            continue
        ev = early_warning(rows, settings)
        if ev.found:
            a = ev.reasons[0][1]
            col = "Score" if a.score is not None else "NI 179 projected saving %"
            out.append(EARLY_WARNING.finding(f"{name} is on the early-warning list: {ev.text()}.", scope=name,
                                             **book.where("Assessments", col, a.row)))
    return out

"""The per-authority support record, as neutral content both the workbook and the PDF render.

A :class:`Record` is sections of labelled items and small grids. An item may carry a live
``formula`` for the workbook, written with placeholders the workbook renderer fills in:
``{Amount (£)}`` is that column of the section's grid, ``{total:Amount (£)}`` its total
cell, ``{item:Label}`` another item's value cell in the same record. The PDF shows ``value``,
which the core computed; the tests recalculate the workbook and compare the two.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import Field

from riep.findings import FileReport, Finding, Severity
from riep.fy import financial_year
from riep.model import Model
from riep.money import fmt_left, fmt_pounds
from riep.records.eligibility import assess
from riep.records.funding import RELEASED_EARLY, LineAmount, approved, capped_total, line_totals, report_problem
from riep.records.governance import conditions_met, meeting_gaps, missing_roles
from riep.records.model import SupportBook, SupportCase
from riep.records.reports import expected_reports
from riep.settings import RecordsSettings

__all__ = ["Item", "Grid", "Section", "Money", "Record", "build_records", "sheet_name"]


class Item(Model):
    """One labelled line: ``value`` as shown, ``number`` if it is an amount, ``flag`` error/warning/ok."""

    label: str
    value: str
    number: float | None = None
    formula: str | None = None
    flag: str = ""
    key: str | None = None  # the Money field this item shows, if any


class Grid(Model):
    """A small table in a section; ``money`` columns are whole pounds, ``totals`` get a total row; dates are dates."""

    columns: list[str]
    rows: list[list[object]] = Field(default_factory=list)
    money: list[str] = Field(default_factory=list)
    totals: list[str] = Field(default_factory=list)
    empty: str = "None recorded."
    flags: list[tuple[int, int, str]] = Field(default_factory=list, description="(row, column, error/warning) to colour.")


class Section(Model):
    title: str
    items: list[Item] = Field(default_factory=list)
    grid: Grid | None = None
    after: list[Item] = Field(default_factory=list, description="Items shown under the grid.")


class Money(Model):
    """The figures the index shows, £."""

    approved: float = 0
    committed: float = 0
    spent: float = 0
    extra: float = 0
    cap: float
    extra_left: float


class Record(Model):
    """One authority's support record."""

    authority: str
    sheet: str
    illustrative: bool = False
    county_area: str = ""
    type: str = ""
    status: str = "Open"
    eligible: bool = False
    evidence: str = ""
    conditions: str = ""
    as_of: dt.date
    file: str
    money: Money
    issues: list[Finding] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.issues if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.issues if f.severity is Severity.WARNING)


_SHORT = [(" District Council", " DC"), (" Borough Council", " BC"), (" County Council", " CC"),
          (" City Council", " City"), (" Council", "")]
MARKER = " (illustrative)"


def sheet_name(authority: str, taken: set[str]) -> str:
    """A sheet name for an authority: short, at most 31 characters, unique in ``taken``; an invented authority
    keeps its ``(illustrative)`` marker in the tab too."""
    marker = MARKER if authority.endswith(MARKER) else ""
    name = authority.removesuffix(marker)
    for long, short in _SHORT:
        name = name.replace(long, short)
    name = re.sub(r"[\[\]:*?/\\']", "", name)[:31 - len(marker)].strip() + marker
    base, k = name, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" {k}"
        name, k = base[: 31 - len(suffix)] + suffix, k + 1
    taken.add(name)
    return name


def _d(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _yn(v: bool | None) -> str:
    return "" if v is None else ("yes" if v else "no")


def _eligibility(book: SupportBook, case: SupportCase) -> Section:
    name = case.authority
    rows = sorted((a for a in book.assessments if a.authority == name), key=lambda a: a.order())
    ev = assess(rows)
    value, flag = ("Yes", "ok") if ev.found else ("No: no service failure and no score of 1", "error")
    if case.mentor_only:
        value, flag = "Not needed: a Chief Executive mentor is open to any authority that wishes it", "ok"
    return Section(
        title="Eligibility",
        items=[Item(label="Eligible", value=value, flag=flag),
               Item(label="Evidence", value=ev.text() or "none in Assessments")],
        grid=Grid(columns=["Year", "Area", "Score", "Service failure", "NI 179 %", "Source", "Date"],
                  rows=[[a.year, a.area, a.score, (a.failing_service or "yes") if a.service_failure else "",
                         a.ni179_pct, a.source or "", a.date] for a in rows]))


def _lead(case: SupportCase) -> str:
    """``'J. Smith, Broadland District Council'`` (the authority once, even if the name already says it)."""
    lead = case.lead or "none"
    return f"{lead}, {case.lead_from}" if case.lead_from and case.lead_from not in lead else lead


def _flag(found: list[Finding]) -> str:
    """The fill for findings about an item: ``error``, ``warning``, or ``''`` for none."""
    if any(f.severity is Severity.ERROR for f in found):
        return "error"
    return "warning" if found else ""


def _conditions(book: SupportBook, case: SupportCase, as_of: dt.date, s: RecordsSettings,
                released_early: list[Finding]) -> tuple[Section, str]:
    """The conditions of funding as the record states them: never "Met" beside a finding that money was approved
    before they were in place (SUP-013)."""
    missing = conditions_met(case, as_of, book.profile)
    if case.mentor_only:
        text = "Not applicable: Chief Executive mentor only"
    elif book.profile.conditions == "none":
        text = f"Not applicable: {book.profile.title} sets none"
    elif case.waiver:
        text = f"Waived: {case.waiver}"
    else:
        text = "Met" if not missing else "Not met: " + " and ".join(missing)
    if released_early:
        text = (f"Not met when money was released ({RELEASED_EARLY.id}, {len(released_early)} approval"
                f"{'s' * (len(released_early) != 1)})"
                + (f"; all met by {as_of:%d/%m/%Y}" if not missing else f"; {text[0].lower()}{text[1:]}"))
    days = case.days_per_month
    return Section(title="Lead Chief Executive and conditions of funding", items=[
        Item(label="Lead Chief Executive", value=_lead(case)),
        Item(label="Days per month", value=f"{days:g} (expected at most {s.max_days_per_month:g})" if days is not None
             else "not recorded", flag="warning" if days is not None and days > s.max_days_per_month else ""),
        Item(label="Improvement Board established", value=_d(case.board_established) or "not established"),
        Item(label="Board chair", value=case.chair or "none"),
        Item(label="Conditions of funding", value=text,
             flag=_flag(released_early) or ("ok" if not missing or text.startswith(("Waived", "Not applicable"))
                                            else "warning")),
    ]), text


def _board(book: SupportBook, case: SupportCase, as_of: dt.date, s: RecordsSettings) -> list[Section]:
    name = case.authority
    members = [m for m in book.members if m.authority == name]
    missing = missing_roles(book, name, book.profile.board_roles)
    meetings = [m for m in book.meetings if m.authority == name and m.date <= as_of]
    gaps = {m.row: (stop - start).days / 7 for start, stop, m in meeting_gaps(case, meetings, as_of, s) if m}
    open_gap = [(start, stop) for start, stop, m in meeting_gaps(case, meetings, as_of, s) if m is None]
    last = case.board_established
    mrows: list[list[object]] = []
    flags: list[tuple[int, int, str]] = []
    for m in meetings:
        i = len(mrows)
        flags += [(i, 1, "error")] * (not m.notes_taken) + [(i, 2, "warning")] * (not m.key_messages)
        flags += [(i, 4, "warning")] * (m.row in gaps)
        gap = (m.date - last).days / 7 if last else None
        mrows.append([m.date, _yn(m.notes_taken), _yn(m.key_messages), round(gap, 1) if gap is not None else None,
                      "above the limit" if m.row in gaps else ""])
        last = m.date
    after = [Item(label="Next meeting due", value=f"no meeting since {_d(a)}: {(b - a).days / 7:.1f} weeks",
                  flag="warning") for a, b in open_gap]
    return [
        Section(title="Improvement Board members",
                items=[Item(label="Recommended roles missing", value=", ".join(missing) or "none",
                            flag="warning" if missing else "ok") if not case.mentor_only else
                       Item(label="Recommended roles missing", value="not applicable: a mentor-only case has no board")],
                grid=Grid(columns=["Name", "Role", "Organisation"],
                          rows=[[m.name, m.role or "", m.organisation or ""] for m in members])),
        Section(title="Improvement Board meetings",
                items=[Item(label="Meetings held", value=f"{len(meetings)} by {_d(as_of)}")],
                grid=Grid(columns=["Date", "Notes taken", "Key messages", "Weeks since previous", "Gap"], rows=mrows,
                          flags=flags),
                after=after),
    ]


def _reports(book: SupportBook, case: SupportCase, as_of: dt.date, s: RecordsSettings) -> Section:
    due = expected_reports(case, [r for r in book.reports if r.authority == case.authority], as_of, s)
    rows: list[list[object]] = []
    flags: list[tuple[int, int, str]] = []
    overdue = 0
    for d in due:
        got = d.report.received if d.report and d.report.received and d.report.received <= as_of else None
        if got is None:
            overdue += 1
            status = f"OVERDUE {(as_of - d.due).days} days"
        else:
            status = "received" if got <= d.due else f"late by {(got - d.due).days} days"
        if status != "received":
            flags.append((len(rows), 3, "error" if got is None else "warning"))
        rows.append([d.label, d.due, got, status])
    return Section(title="Quarterly progress reports",
                   items=[Item(label="Reports due by " + _d(as_of), value=f"{len(due)}, {overdue} overdue",
                               flag="error" if overdue else "ok")],
                   grid=Grid(columns=["Quarter", "Due", "Received", "Status"], rows=rows, flags=flags,
                             empty="None due yet."))


def _money_section(book: SupportBook, case: SupportCase, as_of: dt.date, s: RecordsSettings,
                   lines: dict[str, LineAmount] | None) -> tuple[Section, Money]:
    name = case.authority
    rows = approved([f for f in book.funding if f.authority == name], as_of)
    grid = Grid(columns=["Approved on", "Kind", "Amount (£)", "Approved by", "Reported", "Committed (£)",
                         "Spent (£)"],
                money=["Amount (£)", "Committed (£)", "Spent (£)"], totals=["Amount (£)", "Committed (£)", "Spent (£)"])
    for f in rows:
        reported: object = f.reported_on if f.reported_on and f.reported_on <= as_of else ""
        if f.kind == "urgent":
            problem = report_problem(book, f, as_of)
            if problem:
                bodies = " and the ".join(book.profile.urgent_reported_to)
                reported = ("NOT REPORTED" if not reported else
                            f"{reported:%d/%m/%Y} to the {f.reported_to}: not the {bodies}"
                            if f.reported_to and problem.startswith("reported on") else f"{reported:%d/%m/%Y}: late")
                grid.flags.append((len(grid.rows), 4, "error"))
            elif not reported:
                reported = f"to the next {' and '.join(book.profile.urgent_reported_to)}"
        grid.rows.append([f.approved_on, f.kind, f.amount, f.approved_by or "", reported,
                          f.committed, f.spent])
    extra = capped_total(rows, as_of, s)
    money = Money(approved=sum(f.amount for f in rows), committed=sum(f.committed or 0 for f in rows),
                  spent=sum(f.spent or 0 for f in rows), extra=extra, cap=s.extra_funding_cap,
                  extra_left=s.extra_funding_cap - extra)
    kinds = "+".join(f'SUMIF({{Kind}},"{k}",{{Amount (£)}})' for k in s.capped_kinds)
    after = [
        Item(label=f"Extra funding ({', '.join(s.capped_kinds)})", value=fmt_pounds(money.extra), number=money.extra,
             formula="=" + kinds, key="extra"),
        Item(label="Extra funding cap", value=fmt_pounds(money.cap), number=money.cap),
        Item(label="Left under the cap", value=fmt_left(money.extra_left, over="over the cap"), number=money.extra_left,
             formula="={item:Extra funding cap}-{item:Extra funding (" + ", ".join(s.capped_kinds) + ")}",
             flag="error" if money.extra_left < 0 else "ok", key="extra_left"),
    ]
    year = financial_year(as_of)
    years = sorted({financial_year(f.approved_on) for f in rows if f.approved_on} | ({year} if not rows else set()))
    totals = line_totals(book, as_of)
    for y in years:
        label = f"{s.allocation_line} line {y}"
        if lines is None:
            after.append(Item(label=label, value="not checked: no allocation workbook given"))
            continue
        line = lines.get(y)
        if line is None:
            after.append(Item(label=label, value=f"not checked: no {s.allocation_line} line for {y}"))
            continue
        budget, used = line.amount_k * 1000, totals.get(y, 0.0)
        after += [
            Item(label=label, value=fmt_pounds(budget), number=budget),
            Item(label=f"Approved for all authorities {y}", value=fmt_pounds(used), number=used),
            Item(label=f"Left on the line {y}", value=fmt_left(budget - used, over="over the line"), number=budget - used,
                 formula=f"={{item:{label}}}-{{item:Approved for all authorities {y}}}",
                 flag="error" if budget - used < 0 else "ok"),
        ]
    return Section(title="Money", items=[
        Item(label="Approved", value=fmt_pounds(money.approved), number=money.approved,
             formula="={total:Amount (£)}", key="approved"),
        Item(label="Committed", value=fmt_pounds(money.committed), number=money.committed,
             formula="={total:Committed (£)}", key="committed"),
        Item(label="Spent", value=fmt_pounds(money.spent), number=money.spent, formula="={total:Spent (£)}",
             key="spent"),
    ], grid=grid, after=after), money


def _issues(issues: list[Finding]) -> Section:
    rows: list[list[object]] = [[f.severity.value, f.rule, f"{f.sheet or ''} {f.cell or ''}".strip(), f.message]
                                for f in issues]
    flags = [(i, 0, f.severity.value) for i, f in enumerate(issues)]
    return Section(title="Open issues", items=[Item(
        label="Errors and warnings", value=f"{_n(sum(f.severity is Severity.ERROR for f in issues), 'error')}, "
        f"{_n(sum(f.severity is Severity.WARNING for f in issues), 'warning')}",
        flag="error" if any(f.severity is Severity.ERROR for f in issues) else ("warning" if issues else "ok"))],
        grid=Grid(columns=["Severity", "Rule", "Cell", "What"], rows=rows, flags=flags, empty="No open issues."))


def build_records(book: SupportBook, report: FileReport, as_of: dt.date, s: RecordsSettings,
                  lines: dict[str, LineAmount] | None = None) -> list[Record]:
    """One record per support case, in the order of SupportCases."""
    book = book.on(as_of)
    taken = {"Support records", "Findings", "About"}
    by_scope: dict[str, list[Finding]] = {}
    for f in report.sorted().findings:
        if f.severity is not Severity.INFO and f.scope:
            by_scope.setdefault(f.scope, []).append(f)
    out: list[Record] = []
    for case in book.cases:
        name = case.authority
        auth = book.authorities[name]
        issues = by_scope.get(name, [])
        elig = _eligibility(book, case)
        cond, cond_text = _conditions(book, case, as_of, s, [f for f in issues if f.rule == RELEASED_EARLY.id])
        money_sec, money = _money_section(book, case, as_of, s, lines)
        ev = assess([a for a in book.assessments if a.authority == name])
        out.append(Record(
            authority=name, sheet=sheet_name(name, taken), illustrative=auth.illustrative, county_area=auth.county_area,
            type=auth.type, status="Open" if case.open_on(as_of) else f"Closed {_d(case.closed_on)}",
            eligible=ev.found, evidence=ev.text(), conditions=cond_text, as_of=as_of, file=book.file, money=money,
            issues=issues,
            sections=[elig, cond, *_board(book, case, as_of, s), _reports(book, case, as_of, s), money_sec,
                      _issues(issues)]))
    return out

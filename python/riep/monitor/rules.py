"""The monitor rules: each line's position (committed, spent, forecast outturn) against its budget, each theme's,
the year's against the money available with capital and revenue apart, and ring-fenced money.

:func:`position` works out the figures once; the findings and the Monitoring sheet both show
them, so the sheet's live formulas recalculate to the numbers the findings report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from riep.findings import AmountWhere, Finding, OnSheet, ScopedWhere, Severity
from riep.fy import financial_year
from riep.money import fmt_k, fmt_pounds, fmt_whole_k
from riep.monitor.read import Cell, Entry, Line, MonitorBook, RingFence
from riep.rule import rule
from riep.settings import MonitorSettings
from riep.sources import YEAR_TWO_PLAN

__all__ = ["UNKNOWN_LINE", "SPENT_ABOVE_COMMITTED", "OVERSPEND", "SLIPPAGE", "THEME", "YEAR", "BELOW_SPENT",
           "RING_FENCED", "CAPITAL", "NO_RETURN", "NOT_RATED", "LinePosition", "Position", "rag", "variance_text", "position", "check_monitor"]

UNKNOWN_LINE = rule("MON-001", "error", "monitor", "Monitoring line not in the allocation",
                    "A Monitoring row whose Line is not a line of that year's Allocation table: it is left out of "
                    "the position until its name matches.")
SPENT_ABOVE_COMMITTED = rule("MON-002", "error", "monitor", "Spent above committed",
                             "A Monitoring row whose spent to date is more than its committed to date.")
OVERSPEND = rule("MON-003", "error", "monitor", "Forecast overspend on a line (Red)",
                 "A line whose forecast outturn is above its budget by more than [monitor] tolerance_k: an "
                 "overspend to bring back within the line, or to fund by a virement the Board agrees.")
SLIPPAGE = rule("MON-004", "warning", "monitor", "Forecast underspend on a line (Amber)",
                "A line whose forecast outturn is below its budget by more than [monitor] slippage_pct: money at "
                "risk of going unspent in the year, to reallocate or to carry forward.",
                document=f"{YEAR_TWO_PLAN}, section 5.0: \"At the end of the first year all uncommitted expenditure "
                "has been added to the budget\" for the next year.")
THEME = rule("MON-005", "info", "monitor", "Theme position",
             "Each theme's budget, committed, spent and forecast outturn (the sum of its lines), the variance and a "
             "RAG rating (Red: forecast over budget; Amber: under by more than the slippage; Green otherwise).")
YEAR = rule("MON-006", "info", "monitor", "The year's position against the money available",
            "The year's forecast outturn on the itemised lines, plus the allocation not itemised in any line, "
            "against the money available (the stated Funding total, Year Two: £13m), with capital and revenue "
            "apart.",
            document=f"{YEAR_TWO_PLAN}, section 5.0: \"Year Two budget to a total of £13m\"; \"Capital Efficiency and "
            "Transformation Fund (2008/9) £2.0m\".")
BELOW_SPENT = rule("MON-007", "error", "monitor", "Forecast below spent to date",
                   "A line whose forecast outturn is less than it has already spent: the forecast cannot be right.")
RING_FENCED = rule("MON-008", "warning", "monitor", "Ring-fenced money not received, or paid before it came in",
                   "Ring-fenced money expected and not received by its Expected by date (warning); paid on more than "
                   "was received, or before it was received (error). Expected money is never counted as in hand.",
                   document=f"{YEAR_TWO_PLAN}, note ** under the allocation: ring-fenced funding \"received or will "
                   "receive ... which it is channelling to regional partnerships\" (Climate Change £288,624 already "
                   "received from DEFRA; Community Cohesion £150,000 expected from DCLG; Skills and Worklessness "
                   "£100,000 expected from DWP).")
CAPITAL = rule("MON-009", "error", "monitor", "Capital or revenue forecast above the money of its kind",
               "Forecast outturn on capital-funded rows above the year's capital funding (Funding rows of kind "
               "capital), or on revenue rows above the rest of the money available: capital and revenue are not "
               "interchangeable.")
NO_RETURN = rule("MON-010", "warning", "monitor", "No monitoring figures for a line this month",
                 "A line with a budget that has no Monitoring row for the latest month reported: its forecast is "
                 "taken as its budget until figures are entered.")


NOT_RATED = "Not rated"


class _RowWhere(OnSheet):
    """What the findings about one Monitoring row share (each names its own cell)."""

    scope: str | None


def rag(budget: float, forecast: float, s: MonitorSettings) -> str:
    """Red when the forecast is over budget, Amber when under by more than the slippage, else Green."""
    if forecast - budget > s.tolerance_k:
        return "Red"
    if budget - forecast > budget * s.slippage_pct / 100 + s.tolerance_k:
        return "Amber"
    return "Green"


@dataclass
class LinePosition:
    """One line at the month reported: the latest row of each funding type on or before it."""

    line: Line
    entries: list[Entry] = field(default_factory=list)

    @property
    def budget(self) -> float:
        return self.line.budget.value if self.line.budget else 0.0

    def total(self, name: str) -> float:
        if not self.entries:
            return self.budget if name == "forecast" else 0.0
        return sum(getattr(e, name).value for e in self.entries)

    def cells(self, name: str) -> list[Cell]:
        return [getattr(e, name) for e in self.entries]

    def of(self, funding: str, name: str) -> float:
        return sum(getattr(e, name).value for e in self.entries if e.funding == funding)

    def rating(self, s: MonitorSettings) -> str:
        """The line's RAG, or ``Not rated`` when the plan gives it no figure or it has no figures this month (a
        forecast taken as the budget is not a Green)."""
        return rag(self.budget, self.total("forecast"), s) if self.line.budget and self.entries else NOT_RATED


@dataclass
class Position:
    """The year's position at ``month``: every line, grouped by theme in the Allocation's order."""

    year: str
    month: dt.date | None
    lines: list[LinePosition]
    money: Cell | None
    grand: Cell | None
    capital_money: float

    def themes(self) -> dict[str, list[LinePosition]]:
        out: dict[str, list[LinePosition]] = {}
        for lp in self.lines:
            out.setdefault(lp.line.theme, []).append(lp)
        return out

    def total(self, name: str, lines: list[LinePosition] | None = None) -> float:
        return sum(lp.total(name) if name != "budget" else lp.budget for lp in (lines or self.lines))

    @property
    def not_itemised(self) -> float:
        return (self.grand.value - self.total("budget")) if self.grand else 0.0

    def of(self, funding: str) -> float:
        return sum(lp.of(funding, "forecast") for lp in self.lines)


def _year(book: MonitorBook, as_of: dt.date) -> str | None:
    years = sorted({e.year for e in book.entries})
    now = financial_year(as_of)
    return now if now in years else (years[-1] if years else None)


def position(book: MonitorBook, as_of: dt.date) -> Position | None:
    """The position of the year ``as_of`` falls in (or the latest monitored), from rows dated on or before it."""
    year = _year(book, as_of)
    if year is None:
        return None
    names = {ln.name.lower(): ln for ln in book.lines if ln.year == year}
    rows = [e for e in book.entries if e.year == year and e.month <= as_of and e.line.lower() in names]
    month = max((e.month for e in rows), default=None)
    latest: dict[tuple[str, str], Entry] = {}
    for e in sorted(rows, key=lambda e: (e.month, e.row)):
        latest[(e.line.lower(), e.funding)] = e
    lines = [LinePosition(ln, [e for (name, _), e in latest.items() if name == ln.name.lower()])
             for ln in book.lines if ln.year == year]
    return Position(year=year, month=month, lines=lines, money=book.money.get(year), grand=book.grand.get(year),
                    capital_money=book.capital.get(year, 0.0))


def _line_findings(book: MonitorBook, pos: Position, s: MonitorSettings) -> list[Finding]:
    out: list[Finding] = []
    for lp in pos.lines:
        if lp.line.budget is None:
            continue
        name, budget, forecast = lp.line.name, lp.budget, lp.total("forecast")
        where: AmountWhere = {"file": book.file, "sheet": book.sheet,
                              "cell": lp.entries[-1].forecast.cell if lp.entries else None, "scope": name, "unit": "£k"}
        if not lp.entries:
            when = f"{pos.month:%B %Y}" if pos.month else "this year"
            out.append(NO_RETURN.finding(
                f"'{name}' has no monitoring figures for {when}; its forecast is taken as its budget "
                f"({fmt_whole_k(budget)}). Add a Monitoring row for it.",
                file=book.file, sheet=lp.line.budget.sheet, cell=lp.line.budget.cell, scope=name, unit="£k"))
            continue
        if forecast - budget > s.tolerance_k:
            out.append(OVERSPEND.finding(
                f"'{name}' is forecast to spend {fmt_whole_k(forecast)} against a budget of {fmt_whole_k(budget)}: "
                f"{fmt_whole_k(forecast - budget)} over (Red). Bring it back within the line, or ask the Board to agree a "
                "virement.", expected=budget, actual=forecast, difference=round(forecast - budget, 6), **where))
        elif rag(budget, forecast, s) == "Amber":
            out.append(SLIPPAGE.finding(
                f"'{name}' is forecast to spend {fmt_whole_k(forecast)} of its {fmt_whole_k(budget)} budget: {fmt_whole_k(budget - forecast)} "
                f"under, more than {s.slippage_pct:g}% (Amber). Reallocate the money in year, or plan to carry it "
                "forward.", expected=budget, actual=forecast, difference=round(forecast - budget, 6), **where))
        spent = lp.total("spent")
        if forecast + s.tolerance_k < spent:
            out.append(BELOW_SPENT.finding(
                f"'{name}' is forecast to spend {fmt_k(forecast)} but has already spent {fmt_k(spent)}; correct the "
                "forecast outturn.", expected=spent, actual=forecast, difference=round(forecast - spent, 6), **where))
    return out


def _theme_findings(book: MonitorBook, pos: Position, s: MonitorSettings) -> list[Finding]:
    out = []
    for theme, lines in pos.themes().items():
        b, c, sp, f = (pos.total(n, lines) for n in ("budget", "committed", "spent", "forecast"))
        out.append(THEME.finding(
            f"{theme} {pos.year}: budget {fmt_whole_k(b)}, committed {fmt_whole_k(c)}, spent {fmt_whole_k(sp)}, forecast outturn "
            f"{fmt_whole_k(f)}, variance: {variance_text(f - b)} ({rag(b, f, s)}).",
            file=book.file, sheet=None, scope=theme, expected=round(b, 6), actual=round(f, 6),
            difference=round(f - b, 6), unit="£k"))
    return out


def _headroom(left: float) -> str:
    """``£120k headroom``, ``no headroom``, ``£50k short``."""
    text = fmt_whole_k(abs(left))
    return "no headroom" if text == "£0k" else (f"{text} short" if left < 0 else f"{text} headroom")


def variance_text(amount: float) -> str:
    """A forecast's variance against its budget in words: ``£53k over budget``, ``£42k under budget``, ``on
    budget``."""
    text = fmt_whole_k(abs(amount))
    return "on budget" if text == "£0k" else f"{text} {'over' if amount > 0 else 'under'} budget"


def _year_findings(book: MonitorBook, pos: Position) -> list[Finding]:
    if pos.money is None:
        return []
    forecast, money = pos.total("forecast") + pos.not_itemised, pos.money.value
    revenue_money = money - pos.capital_money
    when = f" at the end of {pos.month:%B %Y}" if pos.month else ""
    out = [YEAR.finding(
        f"{pos.year}{when}: forecast outturn {fmt_whole_k(pos.total('forecast'))} on the itemised lines (budget "
        f"{fmt_whole_k(pos.total('budget'))}) plus {fmt_whole_k(pos.not_itemised)} of the allocation not itemised in any line = "
        f"{fmt_whole_k(forecast)}, against {fmt_whole_k(money)} available (revenue {fmt_whole_k(revenue_money)}, capital "
        f"{fmt_whole_k(pos.capital_money)}): {_headroom(money - forecast)}.",
        file=book.file, sheet=pos.money.sheet, cell=pos.money.cell, scope=pos.year, expected=money,
        actual=round(forecast, 6), difference=round(forecast - money, 6), unit="£k")]
    capital, revenue = pos.of("capital"), pos.of("revenue")
    for kind, spend, available in (("capital", capital, pos.capital_money), ("revenue", revenue, revenue_money)):
        if spend > available + 0.5:
            out.append(CAPITAL.finding(
                f"{pos.year}: {fmt_whole_k(spend)} of {kind} spending is forecast against {fmt_whole_k(available)} of {kind} "
                f"money; {kind} money cannot pay for the other kind, so move the rows to the right kind or find "
                f"{fmt_whole_k(spend - available)} more.", file=book.file, sheet=pos.money.sheet, cell=pos.money.cell,
                scope=f"{kind} {pos.year}", expected=round(available, 6), actual=round(spend, 6),
                difference=round(spend - available, 6), unit="£k"))
    return out


def _ring_findings(book: MonitorBook, as_of: dt.date) -> list[Finding]:
    out = []
    for r in book.ring:
        def at(col: str, r: RingFence = r) -> ScopedWhere:
            return {"file": book.file, "sheet": book.ring_sheet, "cell": r.cells.get(col), "scope": r.stream}

        if r.received + 0.5 < r.expected and r.expected_by is not None and r.expected_by < as_of:
            out.append(RING_FENCED.finding(
                f"{r.stream}: {fmt_pounds(r.expected - r.received)} expected from {r.source} by "
                f"{r.expected_by:%d/%m/%Y} has not been received; chase it, and do not commit it until it is in hand.",
                expected=r.expected, actual=r.received, difference=r.received - r.expected, unit="£",
                **at("Expected by")))
        if r.paid > r.received + 0.5 or (r.paid and r.paid_on and (r.received_on is None or r.paid_on < r.received_on)):
            out.append(RING_FENCED.finding(
                f"{r.stream}: {fmt_pounds(r.paid)} paid on to {r.paid_to or 'partners'} against {fmt_pounds(r.received)} "
                "received" + (f" (received {r.received_on:%d/%m/%Y}, paid {r.paid_on:%d/%m/%Y})" if r.paid_on and
                              r.received_on else "") + "; pay ring-fenced money on only once it has come in.",
                severity=Severity.ERROR, expected=r.received, actual=r.paid, difference=r.paid - r.received, unit="£",
                **at("Paid (£)")))
    return out


def check_monitor(book: MonitorBook, as_of: dt.date, s: MonitorSettings) -> list[Finding]:
    """MON-001 to MON-010 for one allocation workbook, judged on ``as_of``."""
    out: list[Finding] = []
    known = {(ln.year, ln.name.lower()) for ln in book.lines}
    for e in book.entries:
        where: _RowWhere = {"file": book.file, "sheet": book.sheet, "scope": e.line}
        if (e.year, e.line.lower()) not in known:
            out.append(UNKNOWN_LINE.finding(
                f"Monitoring names the line '{e.line}', which the {e.year} Allocation does not have; use the line's "
                "name as it is in Allocation.", cell=e.line_cell, **where))
        if e.spent.value > e.committed.value + s.tolerance_k:
            out.append(SPENT_ABOVE_COMMITTED.finding(
                f"'{e.line}' shows {fmt_k(e.spent.value)} spent but only {fmt_k(e.committed.value)} committed at "
                f"{e.month:%d/%m/%Y}; record the commitment.", cell=e.spent.cell, expected=e.committed.value,
                actual=e.spent.value, difference=round(e.spent.value - e.committed.value, 6), unit="£k", **where))
    pos = position(book, as_of)
    if pos is not None:
        out += _line_findings(book, pos, s) + _theme_findings(book, pos, s) + _year_findings(book, pos)
    return out + _ring_findings(book, as_of)

"""The other reconcile rules: cells that cannot be read, spending and commitments that do not fit,
years not closed, the budget, and approximate figures.

The per-line rules look at the typed lines with frame-wide masks, so a ledger of 500,000
lines costs little more than reading it; the rest work on the stream-years.
"""

from __future__ import annotations

import datetime as dt
import re

from riep.findings import Finding, OnSheet, Severity
from riep.fy import fy_end, next_year
from riep.money import fmt_k
from riep.reconcile.corkscrew import amount, tolerance
from riep.reconcile.model import Ledger
from riep.reconcile.tables import FIGURE_COLUMNS, FIGURES
from riep.rule import rule
from riep.settings import ReconcileSettings
from riep.sources import YEAR_TWO_PLAN
from riep.table import col_letter

__all__ = [
    "BUDGET", "OVER_BUDGET", "OVERSPENT", "OVERCOMMITTED", "NEGATIVE", "NOT_NUMBER", "UNPLACED", "NOT_CLOSED",
    "APPROXIMATE", "APPROX_WORD", "CAPITAL_CANDIDATE", "line_findings", "capital_findings", "stream_findings", "year_findings", "approximate_findings",
]

BUDGET = rule("REC-004", "error", "reconcile", "Budget does not match the balances",
              "For each year with a stated budget (the 'Funding total' row of StatedTotals): the opening balances "
              "plus new funding of all streams in Balances must equal it (Year Two: £0.5m + £3.5m carried forward "
              "+ £7.0m grant + £2.0m capital = £13m). When it does, an info finding says so, with the headroom "
              "the allocation leaves.",
              document=f"{YEAR_TWO_PLAN}, section 5.0: Building Capacity East carry forward £0.5m, Year One "
              "uncommitted £3.5m, Year Two funding £7.0m, Capital Efficiency and Transformation Fund (2008/9) £2.0m: "
              "\"Total Year Two £13m\".")
OVER_BUDGET = rule("REC-005", "error", "reconcile", "Allocation exceeds the budget",
                   "The year's allocation (the stated grand total, or the sum of the Allocation lines when none "
                   "is stated) must fit inside the money the balances make available (openings plus new "
                   "funding).")
OVERSPENT = rule("REC-006", "error", "reconcile", "Spent more than committed",
                 "A stream whose spending in a year is more than it committed.")
OVERCOMMITTED = rule("REC-007", "error", "reconcile", "Committed more than available",
                     "A stream that committed more in a year than its opening balance plus new funding.")
NEGATIVE = rule("REC-008", "error", "reconcile", "Negative amount or balance",
                "An opening, funding, committed, spent or closing figure below zero.")
NOT_NUMBER = rule("REC-009", "error", "reconcile", "Amount is not a number",
                  "An amount cell of the Balances table holding text (e.g. '£3.5m') or an Excel error value: "
                  "it is left out, and the stream's corkscrew is not checked until it is a number.")
UNPLACED = rule("REC-010", "error", "reconcile", "Year or stream not recognised",
                "A Balances row whose Year is not a financial year or whose Stream is blank. 2009/10, 2009-10, "
                "09/10 and 2009/2010 are all read as 2009/10; other rows are left out.")
NOT_CLOSED = rule("REC-011", "info", "reconcile", "Year not closed",
                  "A year in which some streams have no closing balance: still open on the as-of day (it ends "
                  "after it), or closed with no figure entered. The finding gives the balance the figures entered "
                  "so far leave. A year must close before riep rollover carries it forward.")
CAPITAL_CANDIDATE = rule(
    "REC-015", "info", "reconcile", "Capital fund may explain unexplained income",
    "When a year's streams show income no stream explains (REC-001), a capital stream entered as new money in "
    "the next year whose name dates it to the earlier year (e.g. '(2008/9)'), and whose amount is within "
    "[reconcile] candidate_within_pct of the gap, is named as a possible explanation: if it was received in the "
    "earlier year and not committed, it may already sit inside the carry-forward and be counted twice. A note, "
    "not a finding of fact: capital and revenue stay in their own streams.",
    document=f"{YEAR_TWO_PLAN}, section 5.0: \"Capital Efficiency and Transformation Fund (2008/9) £2.0m\"; \"In "
    "Year One £4.5m was committed leaving approximately £3.5m to be carried forward\".")
APPROXIMATE = rule("REC-013", "info", "reconcile", "Approximate figure",
                   "A figure marked approximate in the Approximate column: it is compared within the approximate "
                   "tolerance (a setting) and every finding about it says 'approximately'.")
APPROX_WORD = rule("REC-014", "warning", "reconcile", "Approximate column not recognised",
                   "An Approximate cell naming something other than Opening, Funding, Committed, Spent, Closing "
                   "or all.")

_LABEL = {"opening": "opening", "funding": "funding", "committed": "committed", "spent": "spent",
          "closing": "closing"}


class _RowWhere(OnSheet):
    """What every finding about one Balances row shares (each names its own cell)."""

    scope: str | None


class _StreamYearWhere(_RowWhere):
    """What every finding about one stream-year shares (each names its own cell)."""

    unit: str


def _where(ledger: Ledger, name: str, row: int) -> str:
    return f"{col_letter(ledger.table.columns[FIGURE_COLUMNS[name]])}{row}"


def line_findings(ledger: Ledger) -> list[Finding]:
    """REC-008, REC-009, REC-010 and REC-014, line by line."""
    t, lines, out = ledger.table, ledger.lines, []
    bad = lines["year"].isna() | lines["key"].eq("")
    for name in FIGURES:
        bad |= lines[f"b_{name}"] | (lines[f"v_{name}"] < 0)
    for r in lines[bad].to_dict("records"):
        row = int(r["row"])
        r["year"] = r["year"] if isinstance(r["year"], str) else None
        label = f"'{r['stream']}'" + (f" ({r['year']})" if r["year"] else "") if r["stream"] else f"Row {row}"
        common = _RowWhere(file=ledger.file, sheet=t.sheet,
                           scope=f"{r['stream']} {r['year'] or ''}".strip() or None)
        if r["year"] is None:
            out.append(UNPLACED.finding(f"{label} has the year '{_str(r['year_raw'])}', which is not a financial "
                                        f"year (write it as 2009/10), so the row is left out.",
                                        cell=t.cell("Year", row), actual=_str(r["year_raw"]), **common))
        if not r["key"]:
            out.append(UNPLACED.finding(f"{label} has no stream name; the row is left out.",
                                        cell=t.cell("Stream", row), **common))
        for name in FIGURES:
            kind, raw, value = r[f"k_{name}"], r[f"r_{name}"], r[f"v_{name}"]
            if kind in ("text", "error"):
                what = f"shows {raw}" if kind == "error" else f"has the text '{raw}'"
                out.append(NOT_NUMBER.finding(
                    f"{label} {what} where its {_LABEL[name]} amount in £k belongs, so the stream is not reconciled "
                    f"until it is a number.", cell=_where(ledger, name, row), actual=str(raw), unit="£k", **common))
            elif kind == "number" and value < 0:
                out.append(NEGATIVE.finding(f"{label} has a negative {_LABEL[name]} figure ({fmt_k(value)}).",
                                            cell=_where(ledger, name, row), actual=float(value), unit="£k", **common))
    if "Approximate" in t.columns:
        for row, word in ledger.unknown_approximate:
            out.append(APPROX_WORD.finding(
                f"The Approximate cell names '{word}', which is not one of Opening, Funding, Committed, Spent, "
                f"Closing, all; it is ignored.", file=ledger.file, sheet=t.sheet, cell=t.cell("Approximate", row),
                actual=word))
    return out


def stream_findings(ledger: Ledger, s: ReconcileSettings) -> list[Finding]:
    """REC-006 and REC-007 for every stream-year."""
    out: list[Finding] = []
    for sy in ledger.streams:
        if sy.unreadable:
            continue
        common = _StreamYearWhere(file=ledger.file, sheet=sy.sheet, scope=f"{sy.stream} {sy.year}", unit="£k")
        spent, committed = sy.value("spent"), sy.value("committed")
        if spent is not None and committed is not None:
            tol = tolerance(s, *[sy.num(n) for n in ("spent", "committed") if sy.approx(n)])
            if spent - committed > tol:
                out.append(OVERSPENT.finding(
                    f"'{sy.stream}' spent {amount(sy, 'spent')} in {sy.year} but committed only "
                    f"{amount(sy, 'committed')}: {fmt_k(spent - committed)} was spent without a commitment.",
                    cell=sy.cell("spent"), expected=committed, actual=spent, difference=round(spent - committed, 6),
                    **common))
        if committed is not None:
            tol = tolerance(s, *[sy.num(n) for n in ("opening", "funding", "committed") if sy.approx(n)])
            if committed - sy.available > tol:
                out.append(OVERCOMMITTED.finding(
                    f"'{sy.stream}' committed {amount(sy, 'committed')} in {sy.year} but had only "
                    f"{fmt_k(sy.available)} (opening {amount(sy, 'opening')} + funding {amount(sy, 'funding')}): "
                    f"{fmt_k(committed - sy.available)} is committed without money to pay for it.",
                    cell=sy.cell("committed"), expected=round(sy.available, 6), actual=committed,
                    difference=round(committed - sy.available, 6), **common))
    return out


def year_findings(ledger: Ledger, s: ReconcileSettings, as_of: dt.date | None = None) -> list[Finding]:
    """REC-004, REC-005 and REC-011, year by year."""
    out: list[Finding] = []
    for year in ledger.years():
        streams = [sy for sy in ledger.of_year(year) if not sy.unreadable]
        openings = sum(sy.num("opening") for sy in streams)
        funding = sum(sy.num("funding") for sy in streams)
        approx = [sy.num(n) for sy in streams for n in ("opening", "funding") if sy.approx(n)]
        budget = ledger.budgets.get(year)
        if budget is not None and streams and abs(openings + funding - budget.value) > tolerance(s, *approx):
            diff = openings + funding - budget.value
            out.append(BUDGET.finding(
                f"The {year} budget is stated as {fmt_k(budget.value)} but the balances bring in "
                f"{fmt_k(openings + funding)} (opening balances {fmt_k(openings)} + new funding {fmt_k(funding)}): "
                f"{fmt_k(abs(diff))} {'more' if diff > 0 else 'less'} than the budget.",
                file=ledger.file, sheet=budget.sheet, cell=budget.cell, scope=year, expected=round(openings + funding, 6),
                actual=budget.value, difference=round(budget.value - openings - funding, 6), unit="£k"))
        alloc = ledger.allocations.get(year)
        available = openings + funding if streams else (budget.value if budget else None)
        if budget is not None and streams and abs(openings + funding - budget.value) <= tolerance(s, *approx):
            left = (f"; the allocation of {fmt_k(alloc.value)} leaves {fmt_k(openings + funding - alloc.value)} of "
                    f"headroom" if alloc is not None and alloc.value <= openings + funding else "")
            out.append(BUDGET.finding(
                f"The {year} budget of {fmt_k(budget.value)} is made up by the balances: opening balances "
                f"{'approximately ' if approx else ''}{fmt_k(openings)} + new funding {fmt_k(funding)}{left}.",
                severity=Severity.INFO, file=ledger.file, sheet=budget.sheet, cell=budget.cell, scope=year,
                expected=round(openings + funding, 6), actual=budget.value,
                difference=round(budget.value - openings - funding, 6), unit="£k"))
        if alloc is not None and available is not None and alloc.value - available > tolerance(s, *approx):
            out.append(OVER_BUDGET.finding(
                f"The {year} allocation of {fmt_k(alloc.value)} is more than the {fmt_k(available)} the balances "
                f"make available: {fmt_k(alloc.value - available)} has no money behind it.",
                file=ledger.file, sheet=alloc.sheet, cell=alloc.cell, scope=year, expected=round(available, 6),
                actual=alloc.value, difference=round(alloc.value - available, 6), unit="£k"))
        open_streams = [sy for sy in streams if sy.value("closing") is None]
        if open_streams:
            calc = sum(sy.calculated_closing for sy in streams)
            names = ", ".join(f"'{sy.stream}'" for sy in open_streams)
            none = "" if any(sy.value("committed") is not None for sy in streams) else ", with nothing recorded as committed"
            approx_all = any(sy.approx(n) for sy in streams for n in ("opening", "funding", "committed", "closing"))
            still = as_of is not None and fy_end(year) >= as_of
            state = (f"{year} is still open on {as_of:%d/%m/%Y} (it ends on {fy_end(year):%d/%m/%Y}): no closing "
                     f"balance yet for {names}; on the figures entered so far it would close at " if still and as_of
                     else f"{year} has not closed: no closing balance for {names}; on the figures entered it closes at ")
            out.append(NOT_CLOSED.finding(
                f"{state}{'approximately ' if approx_all else ''}{fmt_k(calc)} (opening + funding - committed{none})."
                + ("" if still else " Enter the closing balances when the year's accounts close."),
                file=ledger.file, sheet=open_streams[0].sheet, cell=open_streams[0].cell("closing"), scope=year,
                expected=round(calc, 6), unit="£k"))
    return out


def approximate_findings(ledger: Ledger, s: ReconcileSettings) -> list[Finding]:
    """REC-013: every approximate figure, shown as approximate."""
    out: list[Finding] = []
    for sy in ledger.streams:
        for name in FIGURES:
            if not sy.approx(name) or sy.value(name) is None:
                continue
            tol = tolerance(s, sy.num(name)) - s.tolerance_k
            out.append(APPROXIMATE.finding(
                f"The {sy.year} {_LABEL[name]} of '{sy.stream}' is approximately {fmt_k(sy.num(name))}: it is "
                f"compared within +/- {fmt_k(tol)} ({s.approximate_tolerance_pct:g}%), not as an exact figure.",
                file=ledger.file, sheet=sy.sheet, cell=sy.cell(name), scope=f"{sy.stream} {sy.year}",
                actual=sy.num(name), unit="£k"))
    return out


def _str(value: object) -> str:
    return "" if value is None else str(value)


def _dated(stream: str) -> set[str]:
    """The financial years a stream's name dates it to: 'Capital ... Fund (2008/9)' -> {'2008/09'}."""
    out = set()
    for start, end in re.findall(r"\b((?:19|20)\d\d)\s*[/-]\s*(\d{1,4})\b", stream):
        if str(int(start) + 1).endswith(end):  # 2008/9, 2008/09, 2008/2009
            out.add(f"{start}/{str(int(start) + 1)[-2:]}")
    return out


def capital_findings(ledger: Ledger, s: ReconcileSettings) -> list[Finding]:
    """REC-015: a capital stream dated to a year whose income is unexplained, within reach of the gap."""
    out: list[Finding] = []
    for sy in ledger.streams:
        closing = sy.value("closing")
        if closing is None or sy.unreadable:
            continue
        gap = closing - sy.calculated_closing
        if gap <= tolerance(s, *[sy.num(n) for n in ("opening", "funding", "committed", "closing") if sy.approx(n)]):
            continue
        for cand in ledger.of_year(next_year(sy.year)):
            funding = cand.value("funding")
            if cand.unreadable or funding is None or sy.year not in _dated(cand.stream):
                continue
            if "capital" not in cand.stream.lower() or abs(funding - gap) > gap * s.candidate_within_pct / 100:
                continue
            carried = ledger.get(next_year(sy.year), sy.key)
            inside = f" the {amount(carried, 'opening')} carried forward" if carried and carried.value("opening") \
                else " the carry-forward"
            out.append(CAPITAL_CANDIDATE.finding(
                f"A possible explanation of the {fmt_k(gap)} of {sy.year} income no stream explains: "
                f"'{cand.stream}' ({fmt_k(funding)}), entered as new {cand.year} money, is within "
                f"{fmt_k(abs(funding - gap))} of it. If that fund was received in {sy.year} and not committed, it "
                f"may sit inside{inside} and be counted twice in the {cand.year} budget. Check when it was "
                f"received; if in {sy.year}, record it as {sy.year} capital funding in its own stream, and keep it "
                "apart from the revenue carry-forward.",
                file=ledger.file, sheet=cand.sheet, cell=cand.cell("funding"), scope=f"{cand.stream} {cand.year}",
                expected=round(gap, 6), actual=funding, difference=round(funding - gap, 6), unit="£k"))
    return out

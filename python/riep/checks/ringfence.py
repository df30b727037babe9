"""Funding totals and ring-fenced money: received versus expected, and transfers counted twice.

Money in hand is received money only: a funding total that closes only when expected income
is added counts that income as if it had arrived (RING-001). A ring-fenced item funded from
one of the allocation's own themes ("funded from Skills and Capacity cluster") is the same
money as that theme's line of the same name: a transfer, not new income, to be counted once
(RING-002). Ring-fenced money channelled to partners is not part of the budget.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd

from riep.checks.model import Book, StatedValue, Stream, norm_name
from riep.findings import AmountWhere, Finding, Severity
from riep.money import Unit, fmt_amount, fmt_k
from riep.rule import rule
from riep.settings import CheckSettings
from riep.sources import YEAR_TWO_PLAN

__all__ = ["FUNDING_VS_STREAMS", "EXPECTED_AS_RECEIVED", "DOUBLE_COUNT", "funding_total_findings", "transfers"]

FUNDING_VS_STREAMS = rule("TOT-004", "error", "check", "Funding total does not match the streams",
                          "The stated funding total differs from the sum of the year's funding streams "
                          "(ring-fenced money channelled to partners is not part of it).")

EXPECTED_AS_RECEIVED = rule(
    "RING-001", "error", "check", "Expected income counted as received",
    "A funding total that only adds up when income still expected (Status 'expected') is included: "
    "received and expected money must never be added together as if both were in hand.",
    document=f"{YEAR_TWO_PLAN}, note ** under the allocation: \"Climate Change £288,624 already received from DEFRA\" "
    "but \"Community Cohesion £150,000 expected from DCLG\" and \"Skills and worklessness £100,000 expected from "
    "DWP\".")
DOUBLE_COUNT = rule(
    "RING-002", "error", "check", "Same money in a line and in the ring-fenced note",
    "A ring-fenced item funded from one of the allocation's own themes is the same money as that theme's line "
    "of the same name. Recognised and counted once: a note. Counted again in the funding total: an error. "
    "Amounts that differ, or no such line: a warning.",
    document=f"{YEAR_TWO_PLAN}, note ** under the allocation: \"Community Empowerment £200,000 funded from Skills "
    "and Capacity cluster\", the cluster's Community Empowerment line of 200.")


def _pretty(st: Stream) -> str:
    unit = st.unit or Unit.K
    return f"{st.name} {fmt_amount(st.amount.value or 0.0, unit)}" + (f" from {st.source}" if st.source else "")


def transfers(book: Book, year: str) -> list[tuple[Stream, pd.Series | str]]:
    """Ring-fenced streams of ``year`` funded from one of the year's themes, with the matching line (a row of
    ``book.lines``), or the theme's name when it has no line of that name."""
    lines = book.lines[book.lines["year"] == year]
    themes = book.themes(year)
    out: list[tuple[Stream, pd.Series | str]] = []
    for st in book.funding:
        if st.year != year or st.kind != "ring-fenced" or not st.source:
            continue
        src = norm_name(st.source)
        theme = next((t for k, t in themes.items() if k and k in src), None)
        if theme is None:
            continue
        hit = lines[(lines["theme"] == theme) & (lines["line"].map(norm_name) == norm_name(st.name))]
        out.append((st, hit.iloc[0] if len(hit) else theme))
    return out


def funding_total_findings(book: Book, year: str, funding: StatedValue | None, s: CheckSettings,
                           out: list[Finding]) -> float | None:
    """TOT-004, RING-001 and RING-002 for ``year``; returns the money available in £k (or None)."""
    streams = [st for st in book.funding if st.year == year and st.amount_k is not None]
    core = [st for st in streams if st.kind != "ring-fenced"]
    received = sum(st.amount_k for st in core if st.status == "received")  # type: ignore[misc]
    parts: dict[str, list[Stream]] = {
        "expected": [st for st in core if st.status == "expected"],
        "ring-fenced expected": [st for st in streams if st.kind == "ring-fenced" and st.status == "expected"],
        "ring-fenced received": [],
        "transfer": [],
    }
    internal = {id(st) for st, _ in transfers(book, year)}
    for st in streams:
        if st.kind == "ring-fenced" and st.status != "expected":
            parts["transfer" if id(st) in internal else "ring-fenced received"].append(st)
    t = book.funding_table
    _transfer_findings(book, year, s, out)
    if funding is None or funding.value is None:
        return (received + sum(x.amount_k for x in parts["expected"])) if core else None  # type: ignore[misc]
    stated = funding.value
    st_sheet = book.stated_table.sheet if book.stated_table is not None else None
    at = AmountWhere(file=book.file, sheet=st_sheet, cell=funding.cell, scope="Funding total", unit="£k")
    all_core = received + sum(x.amount_k for x in parts["expected"])  # type: ignore[misc]
    if abs(stated - received) <= s.tolerance_k or (not parts["expected"] and abs(stated - all_core) <= s.tolerance_k):
        return stated
    keys = [k for k, v in parts.items() if v]
    for n in range(1, len(keys) + 1):
        for combo in combinations(keys, n):
            extra = [st for k in combo for st in parts[k]]
            if abs(stated - received - sum(x.amount_k for x in extra)) > s.tolerance_k:  # type: ignore[misc]
                continue
            expected = [st for st in extra if st.status == "expected"]
            doubled = [st for st in extra if id(st) in internal]
            if expected:
                out.append(EXPECTED_AS_RECEIVED.finding(
                    f"The {year} funding total of {fmt_k(stated)} only adds up by counting income still expected "
                    f"as if received: {'; '.join(_pretty(x) for x in expected)}.",
                    expected=received, actual=stated, difference=stated - received, **at))
            if doubled:
                out.append(DOUBLE_COUNT.finding(
                    f"The {year} funding total of {fmt_k(stated)} counts {'; '.join(_pretty(x) for x in doubled)} "
                    "again, although it is already allocated in its theme's line: the same money counted twice.",
                    expected=received, actual=stated, difference=stated - received, **at))
            if not expected and not doubled:
                out.append(FUNDING_VS_STREAMS.finding(
                    f"The {year} funding total of {fmt_k(stated)} includes ring-fenced money channelled to partners "
                    f"({'; '.join(_pretty(x) for x in extra)}), which is not part of the budget.",
                    expected=received, actual=stated, difference=stated - received, **at))
            return received
    d = stated - all_core
    out.append(FUNDING_VS_STREAMS.finding(
        f"The {year} funding total states {fmt_k(stated)} but the year's funding streams add up to "
        f"{fmt_k(all_core)}, a difference of {fmt_k(d)}.",
        expected=all_core, actual=stated, difference=d, **at))
    return all_core if t is not None else None


def _transfer_findings(book: Book, year: str, s: CheckSettings, out: list[Finding]) -> None:
    t = book.funding_table
    if t is None:
        return
    for st, match in transfers(book, year):
        at = AmountWhere(file=book.file, sheet=t.sheet, cell=t.cell("Amount", st.row), scope=st.name, unit="£k")
        if isinstance(match, str):
            out.append(DOUBLE_COUNT.finding(
                f"{st.name} ({fmt_amount(st.amount.value or 0.0, st.unit or Unit.K)}) is said to be funded from "
                f"{st.source}, but the {match} theme has no line called '{st.name}'.", severity=Severity.WARNING,
                actual=st.amount_k, **at))
            continue
        line_k = float(match["amount_k"]) if match["kind"] == "number" else None
        amount = fmt_amount(st.amount.value or 0.0, st.unit or Unit.K)
        if line_k is not None and abs(line_k - (st.amount_k or 0.0)) <= s.tolerance_k:
            out.append(DOUBLE_COUNT.finding(
                f"{st.name}'s {amount} in the ring-fenced note is the same money as the {fmt_k(line_k)} "
                f"'{match['line']}' line of {match['theme']}: a transfer, not new income, so it is counted once.",
                severity=Severity.INFO, expected=line_k, actual=st.amount_k, difference=0.0, **at))
        else:
            shown = fmt_k(line_k) if line_k is not None else "no amount"
            out.append(DOUBLE_COUNT.finding(
                f"{st.name}'s {amount} in the ring-fenced note is funded from {st.source}, but the "
                f"'{match['line']}' line there has {shown}.", severity=Severity.WARNING,
                expected=line_k, actual=st.amount_k,
                difference=(st.amount_k or 0.0) - line_k if line_k is not None else None, **at))

"""Rules about totals: subtotals, grand total, funding total, money available, and formula totals.

Conventions for every total finding: ``expected`` is what the lines (or streams) add up to,
``actual`` is the stated figure, ``difference = actual - expected``, all in £k. A stated
total given as a formula is audited (:mod:`riep.checks.formulas`); if Excel never
calculated it, the value the formula would give is used and said so.
"""

from __future__ import annotations

from riep.cellvalue import cell_number
from riep.checks.formulas import Audit, audit, error_tokens
from riep.checks.lines import CELL_ERROR as FORMULA_ERROR
from riep.checks.lines import LINE_TEXT
from riep.checks.model import Book, Stated, StatedValue, norm_name
from riep.checks.ringfence import FUNDING_VS_STREAMS, funding_total_findings
from riep.checks.tables import FUNDING_TOTAL, GRAND_TOTAL, STATED_K
from riep.errors import InputError
from riep.findings import AmountWhere, Finding, Severity
from riep.money import fmt_k
from riep.rule import rule
from riep.settings import CheckSettings
from riep.wording import plural, total_label

__all__ = [
    "SUBTOTAL", "GRAND_VS_LINES", "GRAND_VS_SUBTOTALS", "FUNDING_VS_STREAMS", "AVAILABLE", "NO_SUBTOTAL",
    "UNKNOWN_SCOPE", "STATED_BLANK", "FORMULA_RANGE", "FORMULA_ERROR", "TYPED_AMONG_FORMULAS",
    "FORMULA_UNCHECKED", "StatedValue", "stated_values", "total_findings", "check_total",
]

SUBTOTAL = rule("TOT-001", "error", "check", "Theme subtotal does not match its lines",
                "A stated theme subtotal differs from the sum of that theme's lines by more than the tolerance.")
GRAND_VS_LINES = rule("TOT-002", "error", "check", "Grand total does not match the lines",
                      "The stated grand total differs from the sum of every line of the year: the difference "
                      "is money not itemised in any line (or lines left out of the total).")
GRAND_VS_SUBTOTALS = rule("TOT-003", "error", "check", "Grand total does not match the subtotals",
                          "The stated grand total differs from the sum of the stated theme subtotals (checked when "
                          "every theme of the year has a stated subtotal).")
AVAILABLE = rule("TOT-005", "error", "check", "Allocation against money available",
                 "The allocation (stated grand total, or the lines if none is stated) against the money available "
                 "(stated funding total, or the streams): over is an error, headroom is a note.")
NO_SUBTOTAL = rule("TOT-006", "info", "check", "Theme without a stated subtotal",
                   "A theme with lines but no stated subtotal: its lines are shown so the total can be read.")
UNKNOWN_SCOPE = rule("TOT-007", "error", "check", "Stated total of an unknown scope",
                     "A StatedTotals row whose Scope is not a theme of that year, 'Grand total' or 'Funding total'.")
STATED_BLANK = rule("TOT-008", "warning", "check", "Stated total is blank",
                    "A StatedTotals row with no figure, so nothing can be checked against it.")
FORMULA_RANGE = rule("FORM-001", "error", "check", "Total formula misses or takes in lines",
                     "A SUM / SUBTOTAL / SUMIF / SUMIFS total whose range or criteria leave out lines of its group "
                     "or take in lines of another group or year.")
TYPED_AMONG_FORMULAS = rule("FORM-003", "warning", "check", "Typed number among formula totals",
                            "A stated total typed as a number where the year's other totals are formulas: it will not "
                            "move when a line changes.")
FORMULA_UNCHECKED = rule("FORM-004", "warning", "check", "Formula total that cannot be checked",
                         "A total formula riep cannot follow, or one Excel never calculated and riep cannot "
                         "evaluate: open the workbook in Excel and save it, or simplify the formula.")


class _Compared(AmountWhere):
    """TOT-005's keywords: the amount cell and the figures compared."""

    expected: float
    actual: float
    difference: float


def _cell(book: Book, s: Stated) -> str:
    assert book.stated_table is not None
    return book.stated_table.cell(STATED_K, s.row)


def stated_values(book: Book, out: list[Finding]) -> list[StatedValue]:
    """Each stated total's figure; reports blanks, text, error values and formula problems into ``out``."""
    t = book.stated_table
    if t is None:
        return []
    known: dict[int, float | None] = {s.row: s.amount.value for s in book.stated}
    audits = {s.row: audit(s.formula, t.sheet, book) for s in book.stated if s.formula}
    # totals of other totals (a grand total summing the subtotals) are worked out last
    order = sorted(book.stated, key=lambda s: bool(s.row in audits and audits[s.row].stated_rows))
    by_row: dict[int, StatedValue] = {}
    for s in order:
        cell = _cell(book, s)
        label = total_label(s.scope, s.year)
        at = AmountWhere(file=book.file, sheet=t.sheet, cell=cell, scope=s.scope or None, unit="£k")
        value = s.amount.value
        if s.formula:
            bad = error_tokens(s.formula)
            if bad or s.amount.kind == "error":
                shown = s.amount.raw if s.amount.kind == "error" else bad[0]
                out.append(FORMULA_ERROR.finding(
                    f"{label} shows {shown}: its formula {s.formula} refers to something that no longer exists "
                    "or cannot be calculated.", actual=str(shown), **at))
                known[s.row] = None
                by_row[s.row] = StatedValue(s, None, cell)
                continue
            a = audits[s.row]
            if value is None:
                value = _evaluate(book, a, known) if a.understood else None
                if value is None:
                    why = f" ({a.reason})" if a.reason else ""
                    out.append(FORMULA_UNCHECKED.finding(
                        f"{label} is a formula ({s.formula}) that has never been calculated and cannot be "
                        f"evaluated by riep{why}; open the workbook in Excel and save it.", **at))
            elif not a.understood:
                out.append(FORMULA_UNCHECKED.finding(
                    f"{label} ({s.formula}) cannot be followed ({a.reason}), so its range is not audited.",
                    severity=Severity.INFO, **at))
            if a.understood:
                _range_findings(book, s, a.line_rows, a.stated_rows, label, at, out)
        elif s.amount.kind == "blank":
            out.append(STATED_BLANK.finding(f"{label} has no figure, so nothing is checked against it.", **at))
        elif s.amount.kind == "text":
            out.append(LINE_TEXT.finding(f"{label} is the text '{s.amount.raw}' instead of a number.",
                                         actual=str(s.amount.raw), **at))
        elif s.amount.kind == "error":
            out.append(FORMULA_ERROR.finding(f"{label} shows {s.amount.raw} instead of a figure.",
                                             actual=str(s.amount.raw), **at))
        known[s.row] = value
        by_row[s.row] = StatedValue(s, value, cell)
    values = [by_row[s.row] for s in book.stated]
    for year in {s.year for s in book.stated}:
        mine = [s for s in book.stated if s.year == year]
        if any(s.formula for s in mine):
            for s in mine:
                if not s.formula and s.amount.kind == "number" and norm_name(s.scope) != norm_name(FUNDING_TOTAL):
                    out.append(TYPED_AMONG_FORMULAS.finding(
                        f"{total_label(s.scope, year)} is a typed number ({fmt_k(s.amount.value or 0)}) while the "
                        "year's other totals are formulas, so it will not move when a line changes.",
                        file=book.file, sheet=t.sheet, cell=_cell(book, s), scope=s.scope, unit="£k",
                        actual=s.amount.value))
    return values


def _evaluate(book: Book, a: Audit, known: dict[int, float | None]) -> float | None:
    """What an understood formula computes to, using the lines and the totals already worked out."""
    frame = book.lines
    total = float(frame.loc[frame["row"].isin(a.line_rows) & (frame["kind"] == "number"), "amount_k"].sum())
    for row in a.stated_rows:
        if known.get(row) is None:
            return None
        total += known[row]  # type: ignore[operator]
    return total


def _group_rows(book: Book, s: Stated) -> tuple[set[int], set[int]]:
    """The line rows (and, for a grand total, the subtotal rows) a stated total should cover."""
    lines = book.lines
    of_year = lines[lines["year"] == s.year]
    if norm_name(s.scope) == norm_name(GRAND_TOTAL):
        subtotal_rows = {x.row for x in book.stated if x.year == s.year and _is_theme(book, x)}
        return set(of_year["row"].astype(int)), subtotal_rows
    mine = of_year[of_year["theme_key"] == norm_name(s.scope)]
    return set(mine["row"].astype(int)), set()


def _is_theme(book: Book, s: Stated) -> bool:
    return s.year is not None and norm_name(s.scope) in book.themes(s.year)


def _range_findings(book: Book, s: Stated, line_rows: set[int], stated_rows: set[int], label: str,
                    at: AmountWhere, out: list[Finding]) -> None:
    if norm_name(s.scope) == norm_name(FUNDING_TOTAL):
        return
    want_lines, want_subtotals = _group_rows(book, s)
    if stated_rows and not line_rows:  # a grand total summing the subtotals
        missing, extra, what = want_subtotals - stated_rows, stated_rows - want_subtotals, "subtotals"
        describe = {x.row: f"{x.scope} ({x.year}, row {x.row})" for x in book.stated}
    else:
        missing, extra, what = want_lines - line_rows, line_rows - want_lines, "lines"
        describe = {int(r.row): f"'{r.line}' ({r.theme}, {r.year}, row {int(r.row)})"
                    for r in book.lines.itertuples(index=False) if int(r.row) in (missing | extra)}
    if missing:
        names = ", ".join(describe.get(r, f"row {r}") for r in sorted(missing))
        out.append(FORMULA_RANGE.finding(
            f"{label} ({s.formula}) leaves out {plural(len(missing), what[:-1])} of its group: {names}.", **at))
    if extra:
        names = ", ".join(describe.get(r, f"row {r}") for r in sorted(extra))
        out.append(FORMULA_RANGE.finding(
            f"{label} ({s.formula}) takes in {plural(len(extra), what[:-1])} of another group: {names}.", **at))


def _diff(stated: float, expected: float, s: CheckSettings) -> float | None:
    d = stated - expected
    return None if abs(d) <= s.tolerance_k else d


def total_findings(book: Book, s: CheckSettings, values: list[StatedValue]) -> list[Finding]:
    """TOT-001 to TOT-007 for every year of the workbook."""
    out: list[Finding] = []
    t = book.stated_table
    lines = book.lines
    numeric = lines[lines["kind"] == "number"]
    for year in book.years():
        of_year = numeric[numeric["year"] == year]
        theme_sums = of_year.groupby("theme_key")["amount_k"].sum().to_dict()
        theme_names = book.themes(year)
        mine = [v for v in values if v.stated.year == year]
        seen_themes: set[str] = set()
        grand = next((v for v in mine if norm_name(v.stated.scope) == norm_name(GRAND_TOTAL)), None)
        funding = next((v for v in mine if norm_name(v.stated.scope) == norm_name(FUNDING_TOTAL)), None)
        for v in mine:
            key = norm_name(v.stated.scope)
            at = AmountWhere(file=book.file, sheet=t.sheet if t else None, cell=v.cell, scope=v.stated.scope,
                                 unit="£k")
            if key in (norm_name(GRAND_TOTAL), norm_name(FUNDING_TOTAL)):
                continue
            if key not in theme_names:
                out.append(UNKNOWN_SCOPE.finding(
                    f"The stated total '{v.stated.scope}' for {year} is not a theme of that year's allocation, "
                    f"'{GRAND_TOTAL}' or '{FUNDING_TOTAL}'.", **at))
                continue
            seen_themes.add(key)
            if v.value is None:
                continue
            lines_k = float(theme_sums.get(key, 0.0))
            d = _diff(v.value, lines_k, s)
            if d is not None:
                n = int((of_year["theme_key"] == key).sum())
                gap = (f"{fmt_k(d)} of it is not itemised in any line" if d > 0
                       else f"the lines come to {fmt_k(-d)} more than the subtotal")
                out.append(SUBTOTAL.finding(
                    f"The {v.stated.scope} subtotal for {year} states {fmt_k(v.value)} but its {plural(n, 'line')} add up "
                    f"to {fmt_k(lines_k)}: {gap}.", expected=lines_k, actual=v.value, difference=d, **at))
        of_year_all = lines[lines["year"] == year].drop_duplicates("theme_key")
        first_row = dict(zip(of_year_all["theme_key"], of_year_all["row"].astype(int)))
        for key, name in theme_names.items():
            if key not in seen_themes and key:
                lines_k = float(theme_sums.get(key, 0.0))
                out.append(NO_SUBTOTAL.finding(
                    f"The {name} theme for {year} has no stated subtotal; its lines add up to {fmt_k(lines_k)}.",
                    file=book.file, sheet=book.allocation.sheet,
                    cell=book.allocation.cell("Theme", first_row[key]),
                    scope=name, expected=lines_k, unit="£k"))
        lines_total = float(of_year["amount_k"].sum())
        if grand is not None and grand.value is not None:
            at = AmountWhere(file=book.file, sheet=t.sheet if t else None, cell=grand.cell, scope=GRAND_TOTAL,
                                 unit="£k")
            d = _diff(grand.value, lines_total, s)
            if d is not None:
                gap = (f"{fmt_k(d)} of the {fmt_k(grand.value)} grand total is not itemised in any line" if d > 0
                       else f"the lines come to {fmt_k(-d)} more than the grand total")
                out.append(GRAND_VS_LINES.finding(
                    f"The {year} grand total states {fmt_k(grand.value)} but the allocation lines add up to "
                    f"{fmt_k(lines_total)}: {gap}.", expected=lines_total, actual=grand.value, difference=d, **at))
            subs = [v for v in mine if norm_name(v.stated.scope) in theme_names]
            if theme_names and set(theme_names) <= {norm_name(v.stated.scope) for v in subs} and all(
                    v.value is not None for v in subs):
                sub_total = float(sum(v.value for v in subs if v.value is not None))
                d = _diff(grand.value, sub_total, s)
                if d is not None:
                    out.append(GRAND_VS_SUBTOTALS.finding(
                        f"The {year} grand total states {fmt_k(grand.value)} but the theme subtotals add up to "
                        f"{fmt_k(sub_total)}, a difference of {fmt_k(d)}.",
                        expected=sub_total, actual=grand.value, difference=d, **at))
        available = funding_total_findings(book, year, funding, s, out)
        allocated = grand.value if grand is not None and grand.value is not None else lines_total
        if available is not None and (len(of_year) or grand is not None):
            where = grand if grand is not None and grand.value is not None else funding
            compared = _Compared(file=book.file, sheet=t.sheet if t and where else None,
                                 cell=where.cell if where else None, scope=year, unit="£k", expected=available,
                                 actual=allocated, difference=allocated - available)
            what = "The allocation" if grand is None else "The stated grand total"
            if allocated - available > s.tolerance_k:
                out.append(AVAILABLE.finding(
                    f"{what} for {year} ({fmt_k(allocated)}) is {fmt_k(allocated - available)} more than the money "
                    f"available ({fmt_k(available)}).", **compared))
            elif available - allocated > s.tolerance_k:
                out.append(AVAILABLE.finding(
                    f"{fmt_k(available - allocated)} is unallocated: {what.lower()} for {year} is "
                    f"{fmt_k(allocated)} against {fmt_k(available)} available.", severity=Severity.INFO, **compared))
    return out


def check_total(lines: list[object], stated: object, tolerance_k: float = 0.5) -> str | float:
    """``'OK'`` when ``lines`` add up to ``stated`` within ``tolerance_k``, else ``stated - sum(lines)``.

    Blank cells in ``lines`` are skipped; text or error values in them, or a stated figure that
    is not a number, raise :class:`InputError` (Excel's SUM would silently ignore them).
    """
    total = 0.0
    for i, raw in enumerate(lines, start=1):
        a = cell_number(raw)
        if a.kind == "blank":
            continue
        if not a.is_number:
            raise InputError(f"line {i} is '{raw}', not a number")
        total += a.value or 0.0
    st = cell_number(stated)
    if not st.is_number:
        raise InputError(f"the stated total '{'' if stated is None else stated}' is not a number")
    if tolerance_k < 0:
        raise InputError("the tolerance cannot be negative")
    d = (st.value or 0.0) - total
    return "OK" if abs(d) <= tolerance_k else round(d, 6)

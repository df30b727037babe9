"""Formula audit of total cells: which lines a SUM, SUBTOTAL, SUMIF or SUMIFS really adds up.

:func:`audit` reads the formula text of a stated total and resolves its ranges against the
geometry of the Allocation and StatedTotals tables: plain ranges (``E3:E12``,
``Allocation!E:E``, ``'My sheet'!$E$3:$E$12``), structured references
(``Allocation[Amount (£k)]``), SUMIF/SUMIFS criteria (literal text, numbers, or a cell of the
StatedTotals table such as the row's Scope), and ``+`` chains of cells. The result says which
line rows (or subtotal rows) the formula covers and what it computes to, so the rules can
compare coverage with the lines of the total's group and work out its value. Anything it cannot follow is reported
as not understood, never guessed.
"""

from __future__ import annotations

import fnmatch
import math
import re
from dataclasses import dataclass, field

from riep.checks.model import Book, norm_name
from riep.checks.tables import AMOUNT_K, STATED_K, STATED_TOTALS
from riep.table import ERROR_VALUES, TableData, col_index

__all__ = ["Audit", "audit", "split_args", "error_tokens"]

_AMOUNT = AMOUNT_K
_STATED = STATED_K
_FUNC = re.compile(r"^\s*(SUM|SUBTOTAL|SUMIFS|SUMIF)\s*\((.*)\)\s*$", re.I | re.S)
_REF = re.compile(
    r"^(?:(?:'(?P<qs>(?:[^']|'')+)'|(?P<s>[A-Za-z0-9_.]+))!)?"
    r"\$?(?P<c1>[A-Za-z]{1,3})\$?(?P<r1>\d+)?(?::\$?(?P<c2>[A-Za-z]{1,3})\$?(?P<r2>\d+)?)?$"
)
_STRUCT = re.compile(r"^(?P<t>[A-Za-z_][\w.]*)\[(?P<body>.*)\]$")
_MAX_ROW = 1_048_576


@dataclass
class Region:
    sheet: str
    c1: int
    c2: int
    r1: int
    r2: int


@dataclass
class Audit:
    """What a total formula adds up."""

    understood: bool
    line_rows: set[int] = field(default_factory=set)
    stated_rows: set[int] = field(default_factory=set)
    reason: str = ""


def error_tokens(formula: str) -> list[str]:
    """Excel error values written into a formula, e.g. ``=SUM(#REF!)`` -> ``['#REF!']``."""
    up = formula.upper()
    return [e for e in ERROR_VALUES if e in up]


def split_args(text: str) -> list[str]:
    """Split a function's arguments at top-level commas (quotes, brackets and parentheses respected)."""
    args: list[str] = []
    buf: list[str] = []
    depth, quote = 0, False
    for ch in text:
        if ch == '"':
            quote = not quote
        elif not quote and ch in "([":
            depth += 1
        elif not quote and ch in ")]":
            depth -= 1
        elif not quote and depth == 0 and ch in ",;":
            args.append("".join(buf).strip())
            buf = []
            continue
        buf.append(ch)
    args.append("".join(buf).strip())
    return args


def _region(ref: str, home: str, book: Book) -> Region | None:
    ref = ref.strip()
    m = _STRUCT.match(ref)
    if m:
        table = _table(book, m.group("t"))
        if table is None:
            return None
        parts = [p.strip().strip("[]") for p in re.split(r"\]\s*,\s*\[", m.group("body"))]
        cols = [p for p in parts if not p.startswith("#")]
        if len(cols) != 1:
            return None
        name = next((c for c in table.columns if norm_name(c) == norm_name(cols[0].replace("'", ""))), None)
        if name is None:
            return None
        c = table.columns[name]
        rows = table.frame["_row"]
        r1 = table.header_row + 1
        r2 = int(rows.max()) if len(rows) else r1
        return Region(table.sheet, c, c, r1, r2)
    m = _REF.match(ref)
    if not m:
        return None
    sheet = (m.group("qs") or "").replace("''", "'") or m.group("s") or home
    c1 = col_index(m.group("c1"))
    c2 = col_index(m.group("c2")) if m.group("c2") else c1
    r1 = int(m.group("r1")) if m.group("r1") else 1
    r2 = int(m.group("r2")) if m.group("r2") else (int(m.group("r1")) if m.group("r1") and not m.group("c2") else _MAX_ROW)
    if m.group("c2") and not m.group("r2") and m.group("r1"):
        return None
    return Region(sheet, min(c1, c2), max(c1, c2), min(r1, r2), max(r1, r2))


def _table(book: Book, name: str) -> TableData | None:
    for t in (book.allocation, book.stated_table, book.funding_table):
        if t is not None and t.name.lower() == name.lower():
            return t
    return None


def _rows_in(region: Region, table: TableData | None, column: str) -> set[int] | None:
    """Rows of ``table`` whose ``column`` cell lies in ``region``; None if the region misses the column."""
    if table is None or column not in table.columns or region.sheet.lower() != table.sheet.lower():
        return None
    c = table.columns[column]
    if not region.c1 <= c <= region.c2:
        return None
    return {int(r) for r in table.frame["_row"] if region.r1 <= r <= region.r2}


def _cover(regions: list[Region], book: Book) -> tuple[set[int], set[int]] | None:
    lines: set[int] = set()
    stated: set[int] = set()
    for reg in regions:
        a = _rows_in(reg, book.allocation, _AMOUNT)
        s = _rows_in(reg, book.stated_table, _STATED)
        if a is None and s is None:
            return None
        lines |= a or set()
        stated |= s or set()
    return lines, stated


def _criterion_value(arg: str, home: str, book: Book) -> object:
    arg = arg.strip()
    if arg.startswith('"') and arg.endswith('"'):
        return arg[1:-1].replace('""', '"')
    try:
        return float(arg)
    except ValueError:
        pass
    reg = _region(arg, home, book)
    t = book.stated_table
    if reg is None or t is None or reg.sheet.lower() != t.sheet.lower() or reg.r1 != reg.r2 or reg.c1 != reg.c2:
        raise _NotUnderstood(f"criterion {arg} is not text, a number or a cell of {STATED_TOTALS.name}")
    col = next((n for n, i in t.columns.items() if i == reg.c1), None)
    hit = t.frame.loc[t.frame["_row"] == reg.r1]
    if col is None or hit.empty:
        raise _NotUnderstood(f"criterion cell {arg} is outside the {STATED_TOTALS.name} table")
    return hit.iloc[0][col]


def _matches(value: object, criterion: object) -> bool:
    if isinstance(criterion, float):
        return isinstance(value, (int, float)) and math.isclose(float(value), criterion)
    crit = str(criterion)
    op = next((o for o in ("<>", ">=", "<=", "=", ">", "<") if crit.startswith(o)), "")
    crit = crit[len(op):]
    text = "" if value is None else str(value)
    if op in ("", "="):
        return fnmatch.fnmatchcase(text.lower(), crit.lower()) if any(ch in crit for ch in "*?") else text.strip().lower() == crit.strip().lower()
    if op == "<>":
        return text.strip().lower() != crit.strip().lower()
    raise _NotUnderstood(f"comparison {op} in a criterion")


class _NotUnderstood(Exception):
    pass


def _column_of(region: Region, table: TableData) -> str | None:
    if region.sheet.lower() != table.sheet.lower() or region.c1 != region.c2:
        return None
    return next((n for n, i in table.columns.items() if i == region.c1), None)


def _sumifs(sum_ref: str, pairs: list[tuple[str, str]], home: str, book: Book) -> set[int]:
    t = book.allocation
    reg = _region(sum_ref, home, book)
    rows = _rows_in(reg, t, _AMOUNT) if reg else None
    if rows is None:
        raise _NotUnderstood(f"sum range {sum_ref} is not the {_AMOUNT} column of {t.name}")
    frame = t.frame.set_index("_row")
    for crange, crit in pairs:
        creg = _region(crange, home, book)
        col = _column_of(creg, t) if creg else None
        if creg is None or col is None:
            raise _NotUnderstood(f"criteria range {crange} is not a column of {t.name}")
        value = _criterion_value(crit, home, book)
        rows = {r for r in rows if creg.r1 <= r <= creg.r2 and _matches(frame.at[r, col], value)}
    return rows


def audit(formula: str, home_sheet: str, book: Book) -> Audit:
    """Resolve what ``formula`` (in a cell on ``home_sheet``) adds up."""
    body = formula.strip().lstrip("=").strip()
    try:
        m = _FUNC.match(body)
        if m:
            name, args = m.group(1).upper(), split_args(m.group(2))
            if name == "SUBTOTAL":
                if not args or args[0].strip() not in ("9", "109"):
                    raise _NotUnderstood("SUBTOTAL with a function other than 9 (SUM)")
                name, args = "SUM", args[1:]
            if name == "SUM":
                regions = [_region(a, home_sheet, book) for a in args]
                if any(r is None for r in regions):
                    raise _NotUnderstood("a range it cannot follow")
                cover = _cover(regions, book)  # type: ignore[arg-type]
                if cover is None:
                    raise _NotUnderstood("a range outside the Allocation amounts and stated totals")
                lines, stated = cover
            elif name == "SUMIFS":
                if len(args) < 3 or len(args) % 2 == 0:
                    raise _NotUnderstood("SUMIFS with an odd argument list")
                lines, stated = _sumifs(args[0], list(zip(args[1::2], args[2::2])), home_sheet, book), set()
            else:  # SUMIF(range, criterion, [sum_range])
                if len(args) == 3:
                    lines = _sumifs(args[2], [(args[0], args[1])], home_sheet, book)
                else:
                    raise _NotUnderstood("SUMIF without a separate sum range")
                stated = set()
        else:
            parts = [p for p in re.split(r"\s*\+\s*", body) if p]
            regions = [_region(p, home_sheet, book) for p in parts]
            if not parts or any(r is None for r in regions):
                raise _NotUnderstood("not a SUM, SUBTOTAL, SUMIF, SUMIFS or a sum of cells")
            cover = _cover(regions, book)  # type: ignore[arg-type]
            if cover is None:
                raise _NotUnderstood("cells outside the Allocation amounts and stated totals")
            lines, stated = cover
    except _NotUnderstood as exc:
        return Audit(understood=False, reason=str(exc))
    return Audit(understood=True, line_rows=lines, stated_rows=stated)


"""Read what monitoring needs: the allocation lines, the money available, the monthly figures, ring-fenced money.

A cell the figures cannot be read from stops the job with one sentence naming the file,
sheet and cell (:class:`~riep.errors.InputError`); nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from riep.cellvalue import cell_number
from riep.checks.tables import ALLOCATION, FUNDING, FUNDING_TOTAL, GRAND_TOTAL, STATED_TOTALS
from riep.dates import excel_date
from riep.errors import InputError
from riep.fy import normalise_year
from riep.money import parse_unit, to_k
from riep.monitor.tables import FUNDING_TYPES, MONITORING, RING_FENCED
from riep.settings import Settings
from riep.table import TableData, TableSource, norm_header

__all__ = ["Line", "Entry", "RingFence", "Cell", "MonitorBook", "read_monitor", "recognises"]


@dataclass(frozen=True)
class Cell:
    """A figure and where it is: ``sheet`` and A1 ``cell``."""

    value: float
    sheet: str
    cell: str

    @property
    def ref(self) -> str:
        return f"'{self.sheet}'!{self.cell}"


@dataclass(frozen=True)
class Line:
    """One allocation line: its theme and budget (£k; ``None`` when the plan gives no figure)."""

    year: str
    theme: str
    name: str
    budget: Cell | None
    row: int


@dataclass(frozen=True)
class Entry:
    """One Monitoring row: a line's figures to date at the end of a month (£k)."""

    row: int
    year: str
    month: dt.date
    line: str
    funding: str
    committed: Cell
    spent: Cell
    forecast: Cell
    line_cell: str = ""


@dataclass(frozen=True)
class RingFence:
    """One ring-fenced stream, in whole pounds."""

    row: int
    year: str
    stream: str
    source: str
    expected: float
    expected_by: dt.date | None
    received: float
    received_on: dt.date | None
    paid: float
    paid_on: dt.date | None
    paid_to: str
    cells: dict[str, str]


@dataclass
class MonitorBook:
    """Everything monitoring reads from one allocation workbook."""

    file: str
    lines: list[Line] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    ring: list[RingFence] = field(default_factory=list)
    money: dict[str, Cell] = field(default_factory=dict)  # year -> the stated Funding total (£k)
    grand: dict[str, Cell] = field(default_factory=dict)  # year -> the stated Grand total (£k)
    capital: dict[str, float] = field(default_factory=dict)  # year -> capital funding (£k)
    sheet: str = "Monitoring"
    ring_sheet: str = "RingFenced"


def recognises(source: TableSource) -> bool:
    """The monitor job applies to workbooks with ``Monitoring`` and ``Allocation`` tables."""
    return source.has_table(MONITORING.name) and source.has_table(ALLOCATION.name)


def _fail(t: TableData, column: str, row: int, message: str) -> InputError:
    return InputError(message, file=t.file or None, sheet=t.sheet, cell=t.cell(column, row))


def _number(t: TableData, rec: dict, column: str, blank: float | None = 0.0) -> float | None:
    raw = rec.get(column)
    amount = cell_number(raw)
    if amount.kind == "number":
        return amount.value
    if amount.kind == "blank":
        return blank
    raise _fail(t, column, int(rec["_row"]), f"{column} holds {raw!r}, not a number; type the figure as a number")


def _date(t: TableData, rec: dict, column: str) -> dt.date | None:
    raw = rec.get(column)
    day = excel_date(raw)
    if day is None and raw is not None and str(raw).strip():
        raise _fail(t, column, int(rec["_row"]), f"{column} {raw!r} is not a date; type it as a date (e.g. 30/11/2009)")
    return day


def _year(t: TableData, rec: dict) -> str:
    year = normalise_year(rec.get("Year"))
    if year is None:
        raise _fail(t, "Year", int(rec["_row"]), f"Year {rec.get('Year')!r} is not a financial year; write it as 2009/10")
    return year


def _lines(t: TableData) -> list[Line]:
    out = []
    for rec in t.frame.to_dict("records"):
        year = normalise_year(rec.get("Year"))
        name = " ".join(str(rec.get("Line") or "").split())
        if year is None or not name:
            continue  # riep check reports these
        row = int(rec["_row"])
        amount = cell_number(rec.get("Amount (£k)"))
        budget = Cell(amount.value, t.sheet, t.cell("Amount (£k)", row)) if amount.value is not None else None
        out.append(Line(year=year, theme=" ".join(str(rec.get("Theme") or "").split()), name=name, budget=budget,
                        row=row))
    return out


def _entries(t: TableData) -> list[Entry]:
    out = []
    for rec in t.frame.to_dict("records"):
        row = int(rec["_row"])
        month = _date(t, rec, "Month")
        if month is None:
            raise _fail(t, "Month", row, "a Monitoring row has no month; type a date in the month (e.g. 30/11/2009)")
        funding = str(rec.get("Funding") or "revenue").strip().lower()
        if funding not in FUNDING_TYPES:
            raise _fail(t, "Funding", row, f"Funding {rec.get('Funding')!r} is not revenue or capital")
        cells = {}
        for col in ("Committed to date (£k)", "Spent to date (£k)", "Forecast outturn (£k)"):
            value = _number(t, rec, col)
            assert value is not None
            cells[col] = Cell(value, t.sheet, t.cell(col, row))
        out.append(Entry(row=row, year=_year(t, rec), month=month, line=" ".join(str(rec.get("Line") or "").split()),
                         funding=funding, committed=cells["Committed to date (£k)"],
                         spent=cells["Spent to date (£k)"], forecast=cells["Forecast outturn (£k)"],
                         line_cell=t.cell("Line", row)))
    return out


def _ring(t: TableData) -> list[RingFence]:
    out = []
    for rec in t.frame.to_dict("records"):
        row = int(rec["_row"])
        nums = {c: _number(t, rec, c) or 0.0 for c in ("Expected (£)", "Received (£)", "Paid (£)")}
        out.append(RingFence(
            row=row, year=_year(t, rec), stream=" ".join(str(rec.get("Stream") or "").split()),
            source=str(rec.get("From") or "").strip(), expected=nums["Expected (£)"],
            expected_by=_date(t, rec, "Expected by"), received=nums["Received (£)"],
            received_on=_date(t, rec, "Received on"), paid=nums["Paid (£)"], paid_on=_date(t, rec, "Paid on"),
            paid_to=str(rec.get("Paid to") or "").strip(),
            cells={c: t.cell(c, row) for c in ("Expected (£)", "Received (£)", "Paid (£)", "Expected by", "Paid on")
                   if c in t.columns}))
    return out


def read_monitor(source: TableSource, settings: Settings) -> MonitorBook:
    """Read Allocation and Monitoring (required), StatedTotals, Funding and RingFenced (when present)."""
    h = settings.headers
    alloc = source.table(ALLOCATION, aliases=h.get(ALLOCATION.name))
    mon = source.table(MONITORING, aliases=h.get(MONITORING.name), value_columns=(
        "Committed to date (£k)", "Spent to date (£k)", "Forecast outturn (£k)"))
    assert alloc is not None and mon is not None
    book = MonitorBook(file=source.file, lines=_lines(alloc), entries=_entries(mon), sheet=mon.sheet)
    stated = source.table(STATED_TOTALS, aliases=h.get(STATED_TOTALS.name), required=False)
    if stated is not None:
        for rec in stated.frame.to_dict("records"):
            year, scope = normalise_year(rec.get("Year")), norm_header(rec.get("Scope"))
            value = cell_number(rec.get("Stated (£k)")).value
            if year is None or value is None:
                continue
            cell = Cell(value, stated.sheet, stated.cell("Stated (£k)", int(rec["_row"])))
            if scope == norm_header(FUNDING_TOTAL):
                book.money[year] = cell
            elif scope == norm_header(GRAND_TOTAL):
                book.grand[year] = cell
    funding = source.table(FUNDING, aliases=h.get(FUNDING.name), required=False)
    if funding is not None:
        for rec in funding.frame.to_dict("records"):
            year, unit = normalise_year(rec.get("Year")), parse_unit(rec.get("Unit"))
            value = cell_number(rec.get("Amount")).value
            if year and unit and value is not None and str(rec.get("Kind") or "").strip().lower() == "capital":
                book.capital[year] = book.capital.get(year, 0.0) + to_k(value, unit)
    ring = source.table(RING_FENCED, aliases=h.get(RING_FENCED.name), required=False)
    if ring is not None:
        book.ring, book.ring_sheet = _ring(ring), ring.sheet
    return book

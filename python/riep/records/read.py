"""Read the authority-support workbook's seven tables into :class:`~riep.records.model.SupportBook`.

Input a record cannot be built from stops the run with one sentence naming the file, sheet
and cell (:class:`~riep.errors.InputError`): an authority not in ``Authorities`` (the
closest name is suggested), a score outside 1-4, a date typed as text, a lead Chief
Executive from the authority they support, a case entered twice, an unknown kind or quarter.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from riep.cellvalue import cell_number, not_a_number
from riep.checks.tables import ALLOCATION, AMOUNT_K
from riep.dates import excel_date
from riep.errors import InputError
from riep.fy import normalise_year, year_label_error
from riep.records.funding import LineAmount
from riep.records.model import (
    Assessment,
    Authority,
    BoardMember,
    Funding,
    Meeting,
    PartnershipMeeting,
    ProgressReport,
    SupportBook,
    SupportCase,
)
from riep.records.tables import (
    ALL_TABLES,
    ASSESSMENTS,
    AUTHORITIES,
    BOARD_MEMBERS,
    CASE_KINDS,
    FUNDING_KINDS,
    MEETINGS,
    NO_WORDS,
    PARTNERSHIP_MEETINGS,
    PROGRESS_REPORTS,
    SUPPORT_CASES,
    SUPPORT_FUNDING,
    YES_WORDS,
)
from riep.settings import Settings
from riep.table import TableData, TableSource, is_error_value, norm_header
from riep.workbook_settings import workbook_partnership

__all__ = ["read_book", "read_allocation_lines", "recognises", "read_score", "read_yes_no", "closest"]

_QUARTER = re.compile(r"^\s*Q\s*([1-4])\s*[,\- ]*\s*(.+?)\s*$", re.I)


def recognises(source: TableSource) -> bool:
    """The records job applies to workbooks with ``SupportCases`` and ``Authorities`` tables."""
    return source.has_table(SUPPORT_CASES.name) and source.has_table(AUTHORITIES.name)


def closest(name: str, names: list[str]) -> str | None:
    """The known name most like ``name`` (for 'did you mean'), if any is close."""
    low = {n.lower(): n for n in names}
    bare = {re.sub(r"\s*\(.*?\)\s*", " ", n).strip(): n for n in low}  # 'x council (illustrative)' -> 'x council'
    if name.lower().strip() in bare:
        return low[bare[name.lower().strip()]]
    hit = difflib.get_close_matches(name.lower(), list(low), n=1, cutoff=0.6)
    return low[hit[0]] if hit else None


def read_score(value: object) -> int | None:
    """A score cell: blank -> ``None``; 1, 2, 3 or 4 (also ``1.0`` or ``'1'``); anything else raises ``ValueError``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    try:
        number = float(str(value).strip()) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(value) from None
    if not number.is_integer() or not 1 <= number <= 4:
        raise ValueError(value)
    return int(number)


def read_yes_no(value: object) -> bool | None:
    """A yes/no cell: blank -> ``None``; yes/y/true/1 -> True; no/n/false/0 -> False; else raises ``ValueError``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    text = text.strip().lower()
    if not text:
        return None
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise ValueError(value)


def _shown(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"'{value}'" if isinstance(value, str) else str(value)


class _Cells:
    """Reads one table's cells, raising an InputError that names the cell."""

    def __init__(self, file: str, table: TableData) -> None:
        self.file, self.table = file, table

    def fail(self, column: str, row: int, message: str) -> InputError:
        return InputError(message, file=self.file, sheet=self.table.sheet, cell=self.table.cell(column, row))

    def text(self, rec: dict, column: str) -> str | None:
        value = rec.get(column)
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return " ".join(str(value).split()) or None

    def required(self, rec: dict, column: str) -> str:
        text = self.text(rec, column)
        if text is None:
            raise self.fail(column, int(rec["_row"]), f"{self.table.name} row {int(rec['_row'])} has no {column}")
        return text

    def date(self, rec: dict, column: str) -> dt.date | None:
        value = rec.get(column)
        row = int(rec["_row"])
        day = excel_date(value)
        if day is not None or value is None:
            return day
        if isinstance(value, str) and not value.strip():
            return None
        if isinstance(value, str) and not is_error_value(value):
            raise self.fail(column, row, f"{column} {_shown(value)} is text, not a date; type it again as a date "
                                         "(e.g. 30/06/2009) so Excel stores it as one")
        raise self.fail(column, row, f"{column} {_shown(value)} is not a date")

    def number(self, rec: dict, column: str) -> float | None:
        value = rec.get(column)
        cell = cell_number(value)
        if cell.kind in ("number", "blank"):
            return cell.value
        raise self.fail(column, int(rec["_row"]), f"{column} {_shown(value)} {not_a_number(value)}")

    def yes_no(self, rec: dict, column: str) -> bool | None:
        try:
            return read_yes_no(rec.get(column))
        except ValueError:
            raise self.fail(column, int(rec["_row"]),
                            f"{column} {_shown(rec.get(column))} is not yes or no") from None

    def authority(self, rec: dict, column: str, known: dict[str, Authority]) -> str:
        name = self.required(rec, column)
        hit = next((k for k in known if k.lower() == name.lower()), None)
        if hit is not None:
            return hit
        near = closest(name, list(known))
        hint = f"; did you mean '{near}'?" if near else "; add it to the Authorities table first"
        raise self.fail(column, int(rec["_row"]), f"'{name}' is not in the Authorities table{hint}")

    def year(self, rec: dict, column: str) -> str:
        value = self.required(rec, column)
        year = normalise_year(value)
        if year is None:
            raise self.fail(column, int(rec["_row"]), year_label_error(value))
        return year


def _records(table: TableData) -> list[dict]:
    return table.frame.to_dict("records")


def _authorities(file: str, t: TableData) -> dict[str, Authority]:
    c = _Cells(file, t)
    out: dict[str, Authority] = {}
    for rec in _records(t):
        name = c.required(rec, "Name")
        if name in out:
            raise c.fail("Name", int(rec["_row"]), f"'{name}' is listed twice in the Authorities table")
        flag = c.text(rec, "Illustrative")
        out[name] = Authority(row=int(rec["_row"]), name=name, type=c.text(rec, "Type") or "",
                              county_area=c.text(rec, "County area") or "",
                              illustrative=bool(flag and flag.lower() not in NO_WORDS))
    return out


def _assessments(file: str, t: TableData, known: dict[str, Authority]) -> list[Assessment]:
    c = _Cells(file, t)
    out = []
    for rec in _records(t):
        row = int(rec["_row"])
        try:
            score = read_score(rec.get("Score"))
        except ValueError:
            raise c.fail("Score", row, f"Score {_shown(rec.get('Score'))} is outside the 1-4 scale "
                                       "(1 performs poorly ... 4 excellently)") from None
        pct = c.number(rec, "NI 179 projected saving %")
        if pct is not None and abs(pct) < 1 and isinstance(rec.get("NI 179 projected saving %"), (int, float)):
            pct *= 100  # a cell formatted as a percentage holds 0.015 for 1.5%
        out.append(Assessment(
            row=row, authority=c.authority(rec, "Authority", known), year=c.year(rec, "Year"),
            area=c.required(rec, "Area"), score=score, service_failure=bool(c.yes_no(rec, "Service failure")),
            failing_service=c.text(rec, "Failing service"), ni179_pct=pct, source=c.text(rec, "Source"),
            date=c.date(rec, "Date")))
    return out


def _cases(file: str, t: TableData, known: dict[str, Authority]) -> list[SupportCase]:
    c = _Cells(file, t)
    out: list[SupportCase] = []
    seen: dict[str, int] = {}
    for rec in _records(t):
        row = int(rec["_row"])
        name = c.authority(rec, "Authority", known)
        if name in seen:
            raise c.fail("Authority", row, f"'{name}' already has a support case on row {seen[name]}; "
                                           "keep one row per authority")
        seen[name] = row
        lead_from = c.authority(rec, "Lead from", known) if c.text(rec, "Lead from") else None
        if lead_from == name:
            raise c.fail("Lead from", row, f"the lead Chief Executive of '{name}' must come from another authority "
                                           f"in the region, not from '{name}' itself")
        out.append(SupportCase(
            row=row, authority=name, year_opened=c.year(rec, "Year opened"), lead=c.text(rec, "Lead Chief Executive"),
            lead_from=lead_from, days_per_month=c.number(rec, "Days per month"),
            board_established=c.date(rec, "Board established"), chair=c.text(rec, "Board chair"),
            closed_on=c.date(rec, "Closed on"), kind=_case_kind(c, rec), waiver=c.text(rec, "Conditions waived"),
            notes=c.text(rec, "Notes")))
    return out


def _members(file: str, t: TableData, known: dict[str, Authority]) -> list[BoardMember]:
    c = _Cells(file, t)
    return [BoardMember(row=int(rec["_row"]), authority=c.authority(rec, "Authority", known),
                        name=c.required(rec, "Name"), role=c.text(rec, "Role"),
                        organisation=c.text(rec, "Organisation")) for rec in _records(t)]


def _meetings(file: str, t: TableData, known: dict[str, Authority]) -> list[Meeting]:
    c = _Cells(file, t)
    out = []
    for rec in _records(t):
        day = c.date(rec, "Date")
        if day is None:
            raise c.fail("Date", int(rec["_row"]), "a meeting has no date")
        out.append(Meeting(row=int(rec["_row"]), authority=c.authority(rec, "Authority", known), date=day,
                           notes_taken=c.yes_no(rec, "Notes taken"), key_messages=c.yes_no(rec, "Key messages issued")))
    return out


def _reports(file: str, t: TableData, known: dict[str, Authority]) -> list[ProgressReport]:
    c = _Cells(file, t)
    out = []
    for rec in _records(t):
        row = int(rec["_row"])
        label = c.required(rec, "Quarter")
        m = _QUARTER.match(label)
        year = normalise_year(m.group(2)) if m else None
        if m is None or year is None:
            raise c.fail("Quarter", row, f"'{label}' is not a financial quarter; write it as Q2 2009/10")
        out.append(ProgressReport(row=row, authority=c.authority(rec, "Authority", known), quarter=int(m.group(1)),
                                  year=year, due=c.date(rec, "Due"), received=c.date(rec, "Received")))
    return out


def _funding(file: str, t: TableData, known: dict[str, Authority]) -> list[Funding]:
    c = _Cells(file, t)
    out = []
    for rec in _records(t):
        row = int(rec["_row"])
        kind = (c.required(rec, "Kind")).lower()
        if kind not in FUNDING_KINDS:
            raise c.fail("Kind", row, f"Kind '{c.text(rec, 'Kind')}' is not one of {', '.join(FUNDING_KINDS)}")
        amount = c.number(rec, "Amount (£)")
        if amount is None or amount < 0:
            raise c.fail("Amount (£)", row, "an approval needs an amount in whole pounds, zero or more")
        out.append(Funding(row=row, authority=c.authority(rec, "Authority", known), kind=kind, amount=amount,
                           approved_by=c.text(rec, "Approved by"), approved_on=c.date(rec, "Approved on"),
                           reported_on=c.date(rec, "Reported on"), reported_to=c.text(rec, "Reported to"),
                           committed=c.number(rec, "Committed (£)"),
                           spent=c.number(rec, "Spent (£)"), purpose=c.text(rec, "Purpose")))
    return out


def _case_kind(c: _Cells, rec: dict) -> str:
    kind = (c.text(rec, "Kind") or "support").lower()
    if kind not in CASE_KINDS:
        raise c.fail("Kind", int(rec["_row"]), f"Kind '{c.text(rec, 'Kind')}' is not one of {', '.join(CASE_KINDS)} "
                                               "(mentor: a Chief Executive mentor only)")
    return kind


def _partnership_meetings(file: str, t: TableData, known: dict[str, Authority]) -> list[PartnershipMeeting]:
    c = _Cells(file, t)
    out = []
    for rec in _records(t):
        day = c.date(rec, "Date")
        if day is None:
            raise c.fail("Date", int(rec["_row"]), "a Partnership meeting has no date")
        out.append(PartnershipMeeting(row=int(rec["_row"]), body=c.required(rec, "Body"), date=day))
    return out


def read_book(source: TableSource, settings: Settings | None = None) -> SupportBook:
    """Read every table of the authority-support workbook (``Authorities`` and ``SupportCases`` are required)."""
    settings = settings or Settings()
    h = settings.headers
    tables = {spec.name: source.table(spec, aliases=h.get(spec.name),
                                      required=spec.name in (AUTHORITIES.name, SUPPORT_CASES.name))
              for spec in ALL_TABLES}
    file = source.file
    auth_t = tables[AUTHORITIES.name]
    assert auth_t is not None
    known = _authorities(file, auth_t)
    key, profile = workbook_partnership(source, settings.partnership)
    book = SupportBook(file=file, authorities=known, partnership=key, profile=profile)
    readers = {ASSESSMENTS.name: (_assessments, "assessments"), SUPPORT_CASES.name: (_cases, "cases"),
               BOARD_MEMBERS.name: (_members, "members"), MEETINGS.name: (_meetings, "meetings"),
               PROGRESS_REPORTS.name: (_reports, "reports"), SUPPORT_FUNDING.name: (_funding, "funding"),
               PARTNERSHIP_MEETINGS.name: (_partnership_meetings, "partnership_meetings")}
    for name, t in tables.items():
        if t is None:
            continue
        book.layouts[name] = SupportBook.layout_of(t.sheet, t.columns)
        if name in readers:
            fn, attr = readers[name]
            setattr(book, attr, fn(file, t, known))
    return book


def read_allocation_lines(source: TableSource, settings: Settings) -> dict[str, LineAmount]:
    """The Individual Authorities line by year from a financial-allocation workbook (``[records] allocation_line``
    names the line; several rows of it in one year add up, the first one's cell is kept)."""
    table = source.table(ALLOCATION, aliases=settings.headers.get(ALLOCATION.name), required=True)
    assert table is not None
    amount = AMOUNT_K
    wanted = norm_header(settings.records.allocation_line)
    out: dict[str, LineAmount] = {}
    for rec in table.frame.to_dict("records"):
        year = normalise_year(rec.get("Year"))
        value = rec.get(amount)
        if year is None or norm_header(rec.get("Line")) != wanted or not isinstance(value, (int, float)):
            continue
        row = int(rec["_row"])
        old = out.get(year)
        out[year] = LineAmount(year=year, amount_k=float(value) + (old.amount_k if old else 0.0), file=source.file,
                               sheet=table.sheet, cell=old.cell if old else table.cell(amount, row))
    return out

"""The risk register as the rules see it: the ``Risks`` table contract and one :class:`Risk` per row.

:func:`read_register` reads the table from any :class:`~riep.table.TableSource` (an .xlsx
file or the workbook open in Excel) and interprets each cell leniently: levels through
:func:`~riep.risks.scales.read_level`, coded columns through their lists, dates in any
form a person types. Cells that cannot be read, or were written differently from the
drop-down list, become findings here (RISK-004, RISK-005), with the cell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import ConfigDict

from riep.dates import excel_date
from riep.findings import Finding, ScopedWhere
from riep.model import Model
from riep.risks.scales import LevelError, Scale, read_choice, read_level, scale_for
from riep.rule import rule
from riep.settings import Settings
from riep.table import ColumnSpec, TableData, TableSource, TableSpec, is_error_value

__all__ = ["RISKS", "RESPONSES", "STATUSES", "Risk", "Register", "read_register", "recognises",
           "VALUE_NOT_ALLOWED", "VALUE_NORMALISED", "parse_date"]

RESPONSES = ("Tolerate", "Treat", "Transfer", "Terminate")
STATUSES = ("Open", "Monitoring", "Closed")

RISKS = TableSpec(
    name="Risks",
    description="The risk register: one row per risk.",
    columns=(
        ColumnSpec("ID", aliases=("Risk ID", "Ref", "No", "No.")),
        ColumnSpec("Risk", aliases=("Risks", "Risk description", "Description")),
        ColumnSpec("Category", required=False),
        ColumnSpec("Probability", aliases=("Probability (H M L)", "Likelihood")),
        ColumnSpec("Impact", aliases=("Impact (H M L)", "Severity")),
        ColumnSpec("Score", required=False, aliases=("Risk score",)),
        ColumnSpec("RAG", required=False, aliases=("RAG rating", "Rating")),
        ColumnSpec("Actions required", aliases=("Action required", "Actions", "Mitigation")),
        ColumnSpec("Owner", aliases=("Risk owner",)),
        ColumnSpec("Review date", aliases=("Review", "Next review")),
        ColumnSpec("Status", required=False),
        ColumnSpec("Response", aliases=("Risk response",)),
        ColumnSpec("Residual probability", required=False, aliases=("Residual likelihood",)),
        ColumnSpec("Residual impact", required=False),
        ColumnSpec("Residual score", required=False),
    ),
)

VALUE_NOT_ALLOWED = rule(
    "RISK-004", "error", "risks", "Value not allowed",
    "A probability, impact, residual, status or response cell that is not one of the allowed values "
    "(on 3x3: Low, Medium, High or 1-3; on 5x5: Very Low to Very High or 1-5; response: Tolerate, Treat, "
    "Transfer, Terminate; status: Open, Monitoring, Closed), or a review date that is not a date. The risk "
    "cannot be scored until it is corrected.")
VALUE_NORMALISED = rule(
    "RISK-005", "warning", "risks", "Value written differently from the list",
    "A coded cell riep could read but that is not written as the drop-down list writes it ('Med', 'h', '3', "
    "'High ' with a trailing space): riep reads it as the level named in the finding, but the workbook's live "
    "Score formula does not; choose the value from the list.")


class Risk(Model):
    """One risk, read leniently; levels are 1 = lowest. ``None`` means blank or unreadable."""

    model_config = ConfigDict(frozen=True)

    row: int
    id: str | None = None
    title: str = ""
    category: str | None = None
    probability: int | None = None
    impact: int | None = None
    residual_probability: int | None = None
    residual_impact: int | None = None
    actions: str | None = None
    owner: str | None = None
    review: dt.date | None = None
    status: str | None = None
    response: str | None = None
    stated_score: object = None
    stated_rag: object = None
    stated_residual_score: object = None
    unreadable: tuple[str, ...] = ()  # contract columns whose cell could not be read

    @property
    def score(self) -> int | None:
        if self.probability is None or self.impact is None:
            return None
        return self.probability * self.impact

    @property
    def residual_score(self) -> int | None:
        if self.residual_probability is None or self.residual_impact is None:
            return None
        return self.residual_probability * self.residual_impact

    @property
    def label(self) -> str:
        """How messages name the risk: ``R3 'Lack of Member engagement'``."""
        title = self.title if len(self.title) <= 60 else self.title[:57].rsplit(" ", 1)[0].rstrip(" ,;") + "..."
        return f"{self.id or 'Risk on row ' + str(self.row)} '{title}'" if title else (self.id or f"row {self.row}")


@dataclass
class Register:
    """The register read from one workbook: the table (for cell addresses), its risks, reading findings."""

    file: str
    table: TableData
    scale: Scale
    risks: list[Risk]
    findings: list[Finding]


def recognises(source: TableSource) -> bool:
    """The risks job applies to workbooks with a ``Risks`` table."""
    return source.has_table(RISKS.name)


_DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%Y/%m/%d")


def parse_date(value: object) -> dt.date | None:
    """A date from a cell: a date, a date-time, an Excel serial number or text such as 30/06/2009.

    ``None`` when blank; raises :class:`LevelError` when the cell holds something else.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    day = excel_date(value)
    if day is not None:
        return day
    if isinstance(value, str):
        text = " ".join(value.split())
        for fmt in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
    raise LevelError(f"'{value}' is not a date")


def _lines(value: object) -> str | None:
    """Text keeping its line breaks (actions are one bullet per line); spaces tidied on each line."""
    if value is None:
        return None
    lines = [" ".join(line.split()) for line in str(value).splitlines()]
    return "\n".join(line for line in lines if line) or None


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


class _Reader:
    """Reads the cells of one row, collecting findings with their cells."""

    def __init__(self, table: TableData, scale: Scale, file: str) -> None:
        self.table, self.scale, self.file = table, scale, file
        self.findings: list[Finding] = []
        self.unreadable: list[str] = []

    def _where(self, column: str, row: int, scope: str | None) -> ScopedWhere:
        return ScopedWhere(file=self.file, sheet=self.table.sheet, cell=self.table.cell(column, row), scope=scope)

    def level(self, rec: dict, column: str, row: int, scope: str | None) -> int | None:
        if column not in self.table.columns:
            return None
        value = rec.get(column)
        try:
            level = read_level(value, self.scale)
        except LevelError:
            self.unreadable.append(column)
            shown = value if is_error_value(value) or not isinstance(value, str) else f"'{value}'"
            self.findings.append(VALUE_NOT_ALLOWED.finding(
                f"{scope}: {column} {shown} is not on the {self.scale.name} scale; use {self.scale.allowed_text()}.",
                actual=str(value), expected=self.scale.allowed_text(), **self._where(column, row, scope)))
            return None
        if level is not None and not level.exact:
            self.findings.append(VALUE_NORMALISED.finding(
                f"{scope}: {column} {_shown(value)} is read as {level.name}; choose {level.name} from the list so "
                "the workbook's score formula reads it too.",
                actual=str(value), expected=level.name, **self._where(column, row, scope)))
        return level.value if level else None

    def choice(self, rec: dict, column: str, row: int, scope: str | None, choices: tuple[str, ...]) -> str | None:
        if column not in self.table.columns:
            return None
        value = rec.get(column)
        try:
            got = read_choice(value, choices)
        except LevelError:
            self.unreadable.append(column)
            allowed = ", ".join(choices[:-1]) + " or " + choices[-1]
            self.findings.append(VALUE_NOT_ALLOWED.finding(
                f"{scope}: {column} {_shown(value)} is not allowed; use {allowed}.",
                actual=str(value), expected=allowed, **self._where(column, row, scope)))
            return None
        if got is None:
            return None
        choice, exact = got
        if not exact:
            self.findings.append(VALUE_NORMALISED.finding(
                f"{scope}: {column} {_shown(value)} is read as {choice}; choose {choice} from the list.",
                actual=str(value), expected=choice, **self._where(column, row, scope)))
        return choice

    def date(self, rec: dict, column: str, row: int, scope: str | None) -> dt.date | None:
        value = rec.get(column)
        try:
            return parse_date(value)
        except LevelError:
            self.unreadable.append(column)
            self.findings.append(VALUE_NOT_ALLOWED.finding(
                f"{scope}: {column} {_shown(value)} is not a date; enter it as a date, e.g. 30/06/2009.",
                actual=str(value), **self._where(column, row, scope)))
            return None


def _shown(value: object) -> str:
    if isinstance(value, str) and not is_error_value(value):
        return f"'{value}'"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_register(source: TableSource, settings: Settings, scale: str | None = None) -> Register:
    """Read the ``Risks`` table of ``source`` on the settings' scale (or ``scale``)."""
    s = scale_for(settings.risks, scale)
    table = source.table(RISKS, aliases=settings.headers.get(RISKS.name), required=True,
                         value_columns=("Score", "RAG", "Residual score", "Review date"),
                         formula_columns=("Score", "RAG", "Residual score"))
    assert table is not None  # required=True raises instead
    reader = _Reader(table, s, source.file)
    risks: list[Risk] = []
    for rec in table.frame.to_dict("records"):
        row = int(rec["_row"])
        reader.unreadable = []
        rid = _text(rec.get("ID"))
        title = _text(rec.get("Risk")) or ""
        scope = rid or f"Row {row}"
        risks.append(Risk(
            row=row, id=rid, title=title, category=_text(rec.get("Category")),
            probability=reader.level(rec, "Probability", row, scope),
            impact=reader.level(rec, "Impact", row, scope),
            residual_probability=reader.level(rec, "Residual probability", row, scope),
            residual_impact=reader.level(rec, "Residual impact", row, scope),
            actions=_lines(rec.get("Actions required")),
            owner=_text(rec.get("Owner")),
            review=reader.date(rec, "Review date", row, scope),
            status=reader.choice(rec, "Status", row, scope, STATUSES),
            response=reader.choice(rec, "Response", row, scope, RESPONSES),
            stated_score=rec.get("Score"), stated_rag=rec.get("RAG"),
            stated_residual_score=rec.get("Residual score"),
            unreadable=tuple(reader.unreadable),
        ))
    return Register(file=source.file, table=table, scale=s, risks=risks, findings=reader.findings)

"""The authority-support workbook as the rules see it: one plain model per table row.

Every row keeps its Excel row (``row``) so a finding can point at the cell it is about
(:meth:`SupportBook.where`). Nothing here reads a file: :mod:`riep.records.read` fills
these models from any :class:`~riep.table.TableSource`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from pydantic import ConfigDict

from riep.findings import Where
from riep.model import Model
from riep.partnership import BUILT_IN, Profile
from riep.table import col_letter

__all__ = ["Authority", "Assessment", "SupportCase", "BoardMember", "PartnershipMeeting", "Meeting", "ProgressReport", "Funding",
           "Layout", "SupportBook"]


IMPROVEMENT_EAST = BUILT_IN["improvement_east"]


class _Row(Model):
    model_config = ConfigDict(frozen=True)

    row: int = 0


class Authority(_Row):
    """One authority of ``Authorities``; ``illustrative`` marks invented demonstration authorities."""

    name: str
    type: str = ""
    county_area: str = ""
    illustrative: bool = False


class Assessment(_Row):
    """One assessed area in one year: a score 1-4, a service failure, an NI 179 projection (in %)."""

    authority: str
    year: str
    area: str
    score: int | None = None
    service_failure: bool = False
    failing_service: str | None = None
    ni179_pct: float | None = None
    source: str | None = None
    date: dt.date | None = None

    def order(self) -> tuple[str, dt.date, int]:
        """Sorts assessments oldest first: by year, then date, then row."""
        return (self.year, self.date or dt.date.min, self.row)


class SupportCase(_Row):
    """One authority supported: its lead Chief Executive and Improvement Board."""

    authority: str
    year_opened: str
    lead: str | None = None
    lead_from: str | None = None
    days_per_month: float | None = None
    board_established: dt.date | None = None
    chair: str | None = None
    closed_on: dt.date | None = None
    kind: str = "support"
    waiver: str | None = None
    notes: str | None = None

    @property
    def mentor_only(self) -> bool:
        """A Chief Executive mentor only: no eligibility test, no Improvement Board, no conditions."""
        return self.kind == "mentor"

    def open_on(self, day: dt.date) -> bool:
        """Still supported on ``day``."""
        return self.closed_on is None or self.closed_on > day


class PartnershipMeeting(_Row):
    """A meeting of one of the Partnership's own bodies (the Member Panel, the Officer Board...)."""

    body: str
    date: dt.date


class BoardMember(_Row):
    authority: str
    name: str
    role: str | None = None
    organisation: str | None = None


class Meeting(_Row):
    authority: str
    date: dt.date
    notes_taken: bool | None = None
    key_messages: bool | None = None


class ProgressReport(_Row):
    """A quarterly progress report: ``quarter`` 1-4 of financial ``year`` (``Q2 2009/10``)."""

    authority: str
    quarter: int
    year: str
    due: dt.date | None = None  # as typed; the rules work out the due date when blank
    received: dt.date | None = None

    @property
    def label(self) -> str:
        return f"Q{self.quarter} {self.year}"


class Funding(_Row):
    """Money approved for one authority, in whole pounds."""

    authority: str
    kind: str
    amount: float
    approved_by: str | None = None
    approved_on: dt.date | None = None
    reported_on: dt.date | None = None
    reported_to: str | None = None
    committed: float | None = None
    spent: float | None = None
    purpose: str | None = None


@dataclass(frozen=True)
class Layout:
    """Where one table sits: its sheet and each contract column's letters."""

    sheet: str
    letters: dict[str, str]


@dataclass
class SupportBook:
    """Everything read from one authority-support workbook."""

    file: str
    authorities: dict[str, Authority]
    assessments: list[Assessment] = field(default_factory=list)
    cases: list[SupportCase] = field(default_factory=list)
    members: list[BoardMember] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    reports: list[ProgressReport] = field(default_factory=list)
    funding: list[Funding] = field(default_factory=list)
    partnership_meetings: list[PartnershipMeeting] = field(default_factory=list)
    partnership: str = "improvement_east"
    profile: Profile = IMPROVEMENT_EAST
    layouts: dict[str, Layout] = field(default_factory=dict)

    def where(self, table: str, column: str, row: int) -> Where:
        """``file``, ``sheet`` and ``cell`` of a table cell, for a finding."""
        lay = self.layouts.get(table)
        if lay is None or column not in lay.letters:
            return {"file": self.file, "sheet": lay.sheet if lay else None, "cell": None}
        return {"file": self.file, "sheet": lay.sheet, "cell": f"{lay.letters[column]}{row}"}

    def of(self, authority: str) -> SupportBook:
        """The rows about one authority only (Authorities and layouts stay whole)."""
        pick = lambda rows: [r for r in rows if r.authority == authority]  # noqa: E731
        return SupportBook(file=self.file, authorities=self.authorities, assessments=pick(self.assessments),
                           cases=pick(self.cases), members=pick(self.members),
                           meetings=sorted(pick(self.meetings), key=lambda m: (m.date, m.row)),
                           reports=pick(self.reports), funding=pick(self.funding),
                           partnership_meetings=self.partnership_meetings, partnership=self.partnership,
                           profile=self.profile, layouts=self.layouts)

    def on(self, day: dt.date) -> SupportBook:
        """The book as it stood on ``day``: assessments dated later are left out (undated ones count)."""
        return replace(self, assessments=[a for a in self.assessments if a.date is None or a.date <= day])

    @staticmethod
    def layout_of(sheet: str, columns: dict[str, int]) -> Layout:
        return Layout(sheet=sheet, letters={name: col_letter(i) for name, i in columns.items()})

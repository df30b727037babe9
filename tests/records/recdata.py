"""Support books for tests: one clean case in memory (a TableSource over rows), changed per test."""

from __future__ import annotations

import datetime as dt

from allocdata import table
from riep.records.model import SupportBook
from riep.records.read import read_book
from riep.records.tables import (
    ASSESSMENTS,
    AUTHORITIES,
    BOARD_MEMBERS,
    MEETINGS,
    PARTNERSHIP_MEETINGS,
    PROGRESS_REPORTS,
    SUPPORT_CASES,
    SUPPORT_FUNDING,
)
from riep.settings import Settings
from riep.table import TableData, TableSpec
from riep.workbook_settings import SETTINGS_TABLE

D = dt.date
FEN = "Fenmarsh District Council (illustrative)"
MARSH = "Marshbury Borough Council (illustrative)"
LEAD_FROM = "Huntingdonshire District Council"
ROLES = ["Leader", "Opposition member", "Chief Executive", "Senior officer", "Lead Chief Executive",
         "Audit Commission", "IDeA associate", "Government Office", "District Auditor"]


def world() -> dict[str, list[list[object]]]:
    """One clean case (Fenmarsh, board from 20/01/2009, meetings every five weeks, reports on time, £65,000)."""
    meetings = []
    day = D(2009, 2, 3)
    while day <= D(2009, 12, 31):
        meetings.append([FEN, day, "yes", "yes"])
        day += dt.timedelta(days=35)
    return {
        "Authorities": [[LEAD_FROM, "district", "Cambridgeshire", "no"],
                        ["Fenland District Council", "district", "Cambridgeshire", "no"],
                        [FEN, "district", "Cambridgeshire", "yes"], [MARSH, "district", "Essex", "yes"]],
        "Assessments": [[FEN, "2008/09", "Use of Resources", 1, "no", None, None, "Audit Commission", D(2008, 12, 11)],
                        [FEN, "2008/09", "Organisational Assessment", 2, "no", None, None, "Audit Commission",
                         D(2008, 12, 11)]],
        "SupportCases": [[FEN, "2008/09", "Chief Executive, Huntingdonshire", LEAD_FROM, 1, D(2009, 1, 20),
                          "Cllr Ann Reed", None, None]],
        "BoardMembers": [[FEN, "Cllr Ann Reed" if r == "Leader" else f"{r} member", r, None] for r in ROLES],
        "Meetings": meetings,
        "ProgressReports": [[FEN, q, None, due] for q, due in [("Q4 2008/09", D(2009, 4, 21)),
                                                                ("Q1 2009/10", D(2009, 7, 21)),
                                                                ("Q2 2009/10", D(2009, 10, 21))]],
        "SupportFunding": [[FEN, "core", 50000, "Advisory Group", D(2009, 4, 20), None, 50000, 40000, None],
                           [FEN, "additional", 15000, "Lead Chief Executive", D(2009, 9, 1), None, 15000, 9000, None]],
    }


SPECS: dict[str, TableSpec] = {s.name: s for s in (AUTHORITIES, ASSESSMENTS, SUPPORT_CASES, BOARD_MEMBERS, MEETINGS,
                                                    PARTNERSHIP_MEETINGS, SETTINGS_TABLE,
                                                    PROGRESS_REPORTS, SUPPORT_FUNDING)}


class Source:
    """A TableSource over in-memory tables, each on a sheet of its own name, laid out as the builder lays them."""

    file = "support.xlsx"

    def __init__(self, tables: dict[str, list[list[object]]]) -> None:
        self.data: dict[str, TableData] = {name: table(SPECS[name], rows, sheet=name, file=self.file)
                                           for name, rows in tables.items()}

    @property
    def table_names(self) -> list[str]:
        return list(self.data)

    def has_table(self, name: str) -> bool:
        return name in self.data

    def table(self, spec: TableSpec, *, required: bool = True, **_: object) -> TableData | None:
        return self.data.get(spec.name)


def book(tables: dict[str, list[list[object]]] | None = None, settings: Settings | None = None) -> SupportBook:
    """Read ``tables`` (default: the clean world) as the rules see them."""
    return read_book(Source(tables or world()), settings or Settings())

"""Reading the authority-support tables: what a record cannot be built from is one sentence naming the cell."""

from __future__ import annotations

import datetime as dt

import pytest

from records.recdata import FEN, LEAD_FROM, book, world
from riep.errors import InputError
from riep.records.read import closest, read_score, read_yes_no


def _fails(change) -> str:  # type: ignore[no-untyped-def]
    w = world()
    change(w)
    with pytest.raises(InputError) as info:
        book(w)
    return info.value.message


def test_the_clean_world_reads_with_its_cells():
    b = book()
    assert list(b.authorities)[2] == FEN and b.authorities[FEN].illustrative
    assert not b.authorities[LEAD_FROM].illustrative
    case = b.cases[0]
    assert (case.lead_from, case.days_per_month, case.board_established) == (LEAD_FROM, 1.0, dt.date(2009, 1, 20))
    assert [(r.quarter, r.year) for r in b.reports] == [(4, "2008/09"), (1, "2009/10"), (2, "2009/10")]
    assert b.where("SupportFunding", "Amount (£)", 6) == {"file": "support.xlsx", "sheet": "SupportFunding", "cell": "C6"}


def test_an_unknown_authority_suggests_the_closest_name():
    def change(w):
        w["SupportCases"][0][0] = "Fenmarsh District Council"
    assert _fails(change) == ("support.xlsx, sheet SupportCases, cell A5: 'Fenmarsh District Council' is not in the "
                              f"Authorities table; did you mean '{FEN}'?")


def test_an_unknown_authority_with_nothing_close_asks_to_add_it():
    def change(w):
        w["Meetings"][2][0] = "Nowhere"
    assert _fails(change) == ("support.xlsx, sheet Meetings, cell A7: 'Nowhere' is not in the Authorities table; "
                              "add it to the Authorities table first")


def test_a_score_outside_1_to_4():
    def change(w):
        w["Assessments"][1][3] = 5
    assert _fails(change) == ("support.xlsx, sheet Assessments, cell D6: Score 5 is outside the 1-4 scale "
                              "(1 performs poorly ... 4 excellently)")


def test_a_date_typed_as_text():
    def change(w):
        w["SupportFunding"][1][4] = "01/09/2009"
    assert _fails(change) == ("support.xlsx, sheet SupportFunding, cell E6: Approved on '01/09/2009' is text, not a "
                              "date; type it again as a date (e.g. 30/06/2009) so Excel stores it as one")


def test_a_lead_chief_executive_from_the_same_authority():
    def change(w):
        w["SupportCases"][0][3] = FEN
    assert _fails(change) == (f"support.xlsx, sheet SupportCases, cell D5: the lead Chief Executive of '{FEN}' must "
                              f"come from another authority in the region, not from '{FEN}' itself")


def test_a_duplicate_case():
    def change(w):
        w["SupportCases"].append(list(w["SupportCases"][0]))
    assert _fails(change) == (f"support.xlsx, sheet SupportCases, cell A6: '{FEN}' already has a support case on "
                              "row 5; keep one row per authority")


def test_a_quarter_and_a_kind_that_cannot_be_read():
    def quarter(w):
        w["ProgressReports"][0][1] = "Spring 2009"
    assert _fails(quarter) == ("support.xlsx, sheet ProgressReports, cell B5: 'Spring 2009' is not a financial "
                               "quarter; write it as Q2 2009/10")

    def kind(w):
        w["SupportFunding"][0][1] = "bonus"
    assert _fails(kind) == ("support.xlsx, sheet SupportFunding, cell B5: Kind 'bonus' is not one of core, "
                            "additional, urgent")


def test_cell_readers():
    assert [read_score(v) for v in (None, "", 1, 2.0, " 3 ", "4")] == [None, None, 1, 2, 3, 4]
    for bad in (0, 5, 1.5, "one", True):
        with pytest.raises(ValueError):
            read_score(bad)
    assert [read_yes_no(v) for v in (None, "Yes", "n", 1.0, False, " ")] == [None, True, False, True, False, None]
    assert closest("Fenland", ["Fenland District Council", "Essex County Council"]) is None
    assert closest("fenland district counci", ["Fenland District Council"]) == "Fenland District Council"

"""Quarterly progress reports: due dates from financial quarters, overdue and late reports."""

from __future__ import annotations

from records.recdata import FEN, D, book, world
from riep.records.reports import check_reports, expected_reports
from riep.settings import RecordsSettings

S = RecordsSettings()


def _found(w, as_of, s=S):  # type: ignore[no-untyped-def]
    return [(f.rule, f.severity.value, f.sheet, f.cell, f.message) for f in check_reports(book(w), as_of, s)]


def test_reports_are_due_for_each_quarter_from_the_board_to_the_as_of_day():
    b = book()
    due = expected_reports(b.cases[0], b.reports, D(2010, 2, 1), S)
    assert [(d.label, d.due, d.report.row if d.report else None) for d in due] == [
        ("Q4 2008/09", D(2009, 4, 30), 5), ("Q1 2009/10", D(2009, 7, 30), 6), ("Q2 2009/10", D(2009, 10, 30), 7),
        ("Q3 2009/10", D(2010, 1, 30), None)]
    assert [d.label for d in expected_reports(b.cases[0], b.reports, D(2009, 10, 29), S)] == ["Q4 2008/09",
                                                                                               "Q1 2009/10"]


def test_overdue_reports_missing_or_received_after_the_as_of_day():
    w = world()
    w["ProgressReports"][2][3] = D(2010, 2, 10)
    assert _found(w, D(2010, 2, 1)) == [
        ("SUP-011", "error", "ProgressReports", "D7",
         f"{FEN}: the Q2 2009/10 progress report was due 30/10/2009 and has not been received (94 days overdue on "
         "01/02/2010). Chase the report."),
        ("SUP-011", "error", "SupportCases", "A5",
         f"{FEN}: the Q3 2009/10 progress report was due 30/01/2010 and has not been received (2 days overdue on "
         "01/02/2010). Chase the report."),
    ]


def test_a_late_report_a_typed_due_date_and_the_due_days_setting():
    w = world()
    w["ProgressReports"][1][3] = D(2009, 8, 10)
    assert _found(w, D(2009, 12, 1)) == [
        ("SUP-012", "warning", "ProgressReports", "D6",
         f"{FEN}: the Q1 2009/10 progress report was received 10/08/2009, 11 days after it was due (30/07/2009). Agree the reporting timetable with the authority.")]
    w["ProgressReports"][1][2] = D(2009, 8, 14)  # an agreed due date typed over the formula
    assert _found(w, D(2009, 12, 1)) == []
    earlier = _found(world(), D(2009, 12, 1), RecordsSettings(report_due_days=20))
    assert [cell for _, _, _, cell, _ in earlier] == ["D5", "D6", "D7"]
    assert earlier[1][4] == (f"{FEN}: the Q1 2009/10 progress report was received 21/07/2009, 1 days after it was due "
                             "(20/07/2009). Agree the reporting timetable with the authority.")


def test_no_reports_after_the_case_closed():
    w = world()
    w["SupportCases"][0][7] = D(2009, 9, 30)
    assert [d.label for d in expected_reports(book(w).cases[0], book(w).reports, D(2011, 1, 1), S)] == [
        "Q4 2008/09", "Q1 2009/10", "Q2 2009/10"]

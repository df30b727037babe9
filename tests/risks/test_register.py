"""Reading the Risks table: lenient levels and coded values, dates, findings with the cell."""

from __future__ import annotations

import datetime as dt

import pytest

from riep.risks.register import parse_date, read_register
from riep.risks.scales import LevelError
from riep.settings import RiskSettings, Settings
from risks.riskdata import Source, row


def _read(rows, scale=None):
    return read_register(Source(rows), Settings(), scale)


def test_a_complete_row_is_read_exactly_without_findings():
    reg = _read([row()])
    (r,) = reg.risks
    assert (r.id, r.probability, r.impact, r.score, r.residual_score) == ("R1", 2, 3, 6, 3)
    assert (r.owner, r.review, r.status, r.response) == ("Programme Director", dt.date(2009, 9, 30), "Open", "Treat")
    assert r.row == 5 and reg.findings == []


def test_the_same_row_on_the_5x5_scale():
    (r,) = _read([row()], "5x5").risks
    assert (r.probability, r.impact, r.score, r.residual_score) == (3, 4, 12, 8)


def test_typed_variants_are_read_and_reported_with_their_cell():
    reg = _read([row(Probability="Med", Impact="h"), row(ID="R2", Probability="3", Impact="High ")])
    assert [(r.probability, r.impact) for r in reg.risks] == [(2, 3), (3, 3)]
    assert [(f.rule, f.cell, f.actual, f.expected, f.message) for f in reg.findings] == [
        ("RISK-005", "D5", "Med", "Medium",
         "R1: Probability 'Med' is read as Medium; choose Medium from the list so the workbook's score formula reads it too."),
        ("RISK-005", "E5", "h", "High",
         "R1: Impact 'h' is read as High; choose High from the list so the workbook's score formula reads it too."),
        ("RISK-005", "D6", "3", "High",
         "R2: Probability '3' is read as High; choose High from the list so the workbook's score formula reads it too."),
        ("RISK-005", "E6", "High ", "High",
         "R2: Impact 'High ' is read as High; choose High from the list so the workbook's score formula reads it too."),
    ]
    assert {f.severity.value for f in reg.findings} == {"warning"}


def test_values_that_cannot_be_read_are_errors_and_leave_the_risk_unscored():
    reg = _read([row(Probability="Huge", Residual_impact=7, Status="Done", Response="mitigate",
                     Review_date="next month")])
    (r,) = reg.risks
    assert r.score is None and r.residual_score is None
    assert r.unreadable == ("Probability", "Residual impact", "Review date", "Status", "Response")
    assert [(f.rule, f.cell, f.message) for f in reg.findings] == [
        ("RISK-004", "D5", "R1: Probability 'Huge' is not on the 3x3 scale; use Low, Medium or High."),
        ("RISK-004", "N5", "R1: Residual impact 7 is not on the 3x3 scale; use Low, Medium or High."),
        ("RISK-004", "J5", "R1: Review date 'next month' is not a date; enter it as a date, e.g. 30/06/2009."),
        ("RISK-004", "K5", "R1: Status 'Done' is not allowed; use Open, Monitoring or Closed."),
        ("RISK-004", "L5", "R1: Response 'mitigate' is not allowed; use Tolerate, Treat, Transfer or Terminate."),
    ]


def test_case_of_coded_text_is_forgiven_but_reported():
    reg = _read([row(Response="treat", Status="open ")])
    assert (reg.risks[0].response, reg.risks[0].status) == ("Treat", "Open")
    assert [(f.rule, f.cell, f.expected) for f in reg.findings] == [("RISK-005", "K5", "Open"), ("RISK-005", "L5", "Treat")]


def test_blank_cells_are_blank_not_findings():
    reg = _read([row(Owner="  ", Review_date=None, Response=None, Residual_probability=None)])
    (r,) = reg.risks
    assert (r.owner, r.review, r.response, r.residual_probability) == (None, None, None, None)
    assert reg.findings == []


def test_actions_keep_one_bullet_per_line():
    (r,) = _read([row(Actions_required="• First  action \n\n• Second")]).risks
    assert r.actions == "• First action\n• Second"


@pytest.mark.parametrize("value, expected", [
    (dt.date(2009, 6, 30), dt.date(2009, 6, 30)),
    (dt.datetime(2009, 6, 30, 12, 0), dt.date(2009, 6, 30)),
    ("30/06/2009", dt.date(2009, 6, 30)),
    ("2009-06-30", dt.date(2009, 6, 30)),
    ("30 June 2009", dt.date(2009, 6, 30)),
    (39994, dt.date(2009, 6, 30)),
    (None, None),
])
def test_dates_in_the_forms_people_type(value, expected):
    assert parse_date(value) == expected


def test_a_date_that_is_not_a_date():
    with pytest.raises(LevelError, match="'31/02/2009' is not a date"):
        parse_date("31/02/2009")


def test_label_shortens_long_titles_at_a_word():
    (r,) = _read([row(Risk="Lack of senior management ownership from authorities (not represented on Advisory Group)")]).risks
    assert r.label == "R1 'Lack of senior management ownership from authorities...'"
    assert RiskSettings().scale == "3x3"

"""Every register rule, on in-memory registers, on both scales."""

from __future__ import annotations

import datetime as dt

from riep.risks.register import read_register
from riep.risks.rules import check_register, is_overdue
from riep.settings import Settings
from risks.riskdata import Source, row

AS_OF = dt.date(2009, 7, 1)


def findings(rows, *, scale=None, as_of=AS_OF, formulas=None):
    reg = read_register(Source(rows, formulas), Settings(), scale)
    return [(f.rule, f.cell, f.message) for f in check_register(reg, as_of)]


def test_a_complete_register_has_no_findings_on_either_scale():
    rows = [row(), row(ID="R2", Probability="Low", Impact="Low", Actions_required=None,
                       Residual_probability="Low", Residual_impact="Low", Response="Tolerate")]
    assert findings(rows) == []
    assert findings(rows, scale="5x5") == []


def test_an_empty_register():
    assert findings([]) == [("RISK-001", "A4", "Table 'Risks' has no risks.")]


def test_duplicate_and_missing_ids():
    rows = [row(), row(), row(ID=None)]
    assert findings(rows) == [
        ("RISK-002", "A6", "R1 'Lack of Member engagement': ID R1 is also used on row 5."),
        ("RISK-003", "A7", "Risk on row 7 'Lack of Member engagement' has no ID."),
    ]


def test_blank_probability_or_impact_leaves_the_risk_unscored():
    assert findings([row(Probability=None, Impact=None)]) == [
        ("RISK-006", "D5", "R1 'Lack of Member engagement' has no probability, so it has no score."),
        ("RISK-006", "E5", "R1 'Lack of Member engagement' has no impact, so it has no score."),
    ]


def test_stated_score_must_be_probability_times_impact():
    assert findings([row(Score=4, RAG="Red")]) == [
        ("RISK-007", "F5", "R1 'Lack of Member engagement': Score shows 4; on the 3x3 scale it is 6.")]
    assert findings([row(Score="#N/A", RAG="Red")]) == [
        ("RISK-007", "F5", "R1 'Lack of Member engagement': Score shows #N/A; on the 3x3 scale it is 6.")]
    assert findings([row(Score=6, RAG="Red", Residual_score=6)]) == [
        ("RISK-007", "O5", "R1 'Lack of Member engagement': Residual score shows 6; on the 3x3 scale it is 3.")]


def test_a_workbook_scored_on_3x3_disagrees_with_the_5x5_setting():
    got = findings([row(Score=6, RAG="Red", Residual_score=3)], scale="5x5")
    assert got == [
        ("RISK-007", "F5", "R1 'Lack of Member engagement': Score shows 6; on the 5x5 scale it is 12."),
        ("RISK-008", "G5", "R1 'Lack of Member engagement': RAG shows 'Red'; a score of 12 is Amber on the 5x5 scale "
                           "(Green 1-4, Amber 5-12, Red 15-25)."),
        ("RISK-007", "O5", "R1 'Lack of Member engagement': Residual score shows 3; on the 5x5 scale it is 8."),
    ]


def test_a_blank_score_or_rag_states_nothing():
    assert findings([row(Score=None, RAG=None, Residual_score=None)]) == []


def test_rag_must_match_the_band():
    assert findings([row(Score=6, RAG="red ")]) == []
    assert findings([row(Score=6, RAG="R")]) == []
    assert findings([row(Probability="Low", Impact="High", Score=3, RAG="Green")]) == [
        ("RISK-008", "G5", "R1 'Lack of Member engagement': RAG shows 'Green'; a score of 3 is Amber on the 3x3 scale "
                           "(Green 1-2, Amber 3-4, Red 6-9).")]


def test_residual_no_worse_than_inherent():
    assert findings([row(Residual_probability="High", Residual_impact="High")]) == [
        ("RISK-009", "M5", "R1 'Lack of Member engagement': residual probability High is worse than the inherent "
                           "Medium.")]


def test_residual_not_assessed():
    assert findings([row(Residual_probability=None, Residual_impact=None)]) == [
        ("RISK-010", "M5", "R1 'Lack of Member engagement' has no residual probability or residual impact.")]
    assert findings([row(Residual_impact=None)]) == [
        ("RISK-010", "N5", "R1 'Lack of Member engagement' has no residual impact.")]


def test_owner_review_date_and_response_present():
    assert findings([row(Owner=None, Review_date=None, Response=None)]) == [
        ("RISK-011", "I5", "R1 'Lack of Member engagement' has no owner."),
        ("RISK-012", "J5", "R1 'Lack of Member engagement' has no review date."),
        ("RISK-014", "L5", "R1 'Lack of Member engagement' has no response (Tolerate, Treat, Transfer or Terminate)."),
    ]


def test_a_closed_risk_needs_no_review_date():
    assert findings([row(Status="Closed", Review_date=None)]) == []


def test_review_overdue_against_as_of():
    late = row(Review_date=dt.date(2009, 6, 30))
    assert findings([late], as_of=dt.date(2009, 6, 30)) == []
    assert findings([late], as_of=dt.date(2009, 7, 14)) == [
        ("RISK-013", "J5", "R1 'Lack of Member engagement' was due for review on 30/06/2009, 14 days before "
                           "14/07/2009.")]
    assert findings([row(Review_date=dt.date(2009, 6, 30), Status="Closed")], as_of=dt.date(2009, 7, 14)) == []


def test_is_overdue():
    reg = read_register(Source([row(Review_date=dt.date(2009, 6, 30))]), Settings())
    assert is_overdue(reg.risks[0], dt.date(2009, 7, 1)) and not is_overdue(reg.risks[0], dt.date(2009, 6, 30))


def test_actions_required_above_appetite_on_each_scale():
    none = dict(Actions_required=None, Residual_probability="Low", Residual_impact="Low")
    assert findings([row(Probability="Low", Impact="Medium", **none)]) == []  # 2: at the 3x3 appetite
    assert findings([row(Probability="Low", Impact="High", **none)]) == [
        ("RISK-015", "H5", "R1 'Lack of Member engagement' scores 3, above the risk appetite of 2, and has no actions.")]
    none5 = dict(none, Residual_probability="Very Low")
    assert findings([row(Probability="Very Low", Impact="Very High", **none5)], scale="5x5") == [
        ("RISK-015", "H5", "R1 'Lack of Member engagement' scores 5, above the risk appetite of 4, and has no actions.")]
    assert findings([row(Probability="Very Low", Impact="High", **none5)], scale="5x5") == []  # 4: at appetite


def test_severities():
    reg = read_register(Source([row(Owner=None, Response=None, Residual_impact=None), row(ID="R1")]), Settings())
    got = {f.rule: f.severity.value for f in check_register(reg, AS_OF)}
    assert got == {"RISK-011": "error", "RISK-014": "warning", "RISK-010": "warning", "RISK-002": "error"}

"""Cell rules (LINE-*, UNIT-001, FUND-001, YEAR-001, FORM-002 on lines) on small in-memory plans."""

from __future__ import annotations

from allocdata import FUNDS, LINES, book
from riep.checks.lines import unit_mismatch
from riep.checks.validate import check_book
from riep.money import Unit
from riep.settings import CheckSettings, Settings


def cells(b, rule_prefix=("LINE", "UNIT", "FUND", "YEAR", "FORM")):
    return [(f.rule, f.severity.value, f.sheet, f.cell, f.message) for f in check_book(b, Settings())
            if f.rule.startswith(rule_prefix)]


def test_blank_text_negative_and_error_amounts_point_at_their_cells():
    lines = LINES + [("2009/10", "Other", "Communications", None), ("2009/10", "Other", "Comms", "£12 922"),
                     ("2009/10", "Other", "Refund", -5), ("2009/10", "Other", "Broken", "#REF!")]
    assert cells(book(lines=lines, stated=[], funds=None), ("LINE", "FORM")) == [
        ("LINE-001", "warning", "Allocation", "E8", "Line 'Communications' (Other) has no amount."),
        ("LINE-002", "error", "Allocation", "E9", "Line 'Comms' (Other) has the text '£12 922' where an amount in £k "
                                                  "belongs, so it is left out of every total; type the number 12922 "
                                                  "instead."),
        ("LINE-003", "error", "Allocation", "E10", "Line 'Refund' (Other) has a negative amount (-£5k)."),
        ("FORM-002", "error", "Allocation", "E11", "Line 'Broken' (Other) shows #REF! instead of an amount, so it is "
                                                   "left out of every total."),
    ]


def test_amounts_whose_size_does_not_fit_the_k_unit():
    lines = LINES + [("2009/10", "Other", "Pounds", 250000), ("2009/10", "Other", "Millions", 15.81),
                     ("2009/10", "Other", "Small but whole", 65)]
    assert cells(book(lines=lines, stated=[], funds=None), ("UNIT",)) == [
        ("UNIT-001", "warning", "Allocation", "E8", "Line 'Pounds' (Other) is 250,000 in a £k column, which looks "
                                                    "like an amount in £ (£250,000); check the unit."),
        ("UNIT-001", "warning", "Allocation", "E9", "Line 'Millions' (Other) is 15.81 in a £k column, which looks "
                                                    "like an amount in £m (£15.81m); check the unit."),
    ]


def test_unit_thresholds_are_settings():
    s = CheckSettings()
    assert unit_mismatch(12922, Unit.M, s) is Unit.K
    assert unit_mismatch(15.81, Unit.K, s) is Unit.M
    assert unit_mismatch(200, Unit.POUNDS, s) is Unit.K
    assert unit_mismatch(13, Unit.M, s) is None
    assert unit_mismatch(288624, Unit.POUNDS, s) is None
    assert unit_mismatch(200, Unit.POUNDS, CheckSettings(pounds_min=100)) is None


def test_years_are_normalised_and_unreadable_ones_reported():
    lines = [("2009-10", "Performance", "A", 10), ("09/10", "Performance", "B", 20), ("next year", "Other", "C", 5)]
    found = cells(book(lines=lines, stated=[("2009/10", "Performance", 30)], funds=None), ("YEAR", "TOT"))
    assert found == [("YEAR-001", "error", "Allocation", "A7", "Line 'C' (Other) has year 'next year' is not a "
                                                               "financial year; write it as 2009/10.")]


def test_funding_rows_with_unknown_codes_and_odd_units():
    funds = FUNDS + [("2009/10", "Windfall", "CLG", "bonus", "pending", 12922, "£m"),
                     ("2009/10", "Oops", "CLG", "grant", "received", 3, "£bn")]
    assert cells(book(funds=funds, stated=[]), ("FUND-001", "UNIT")) == [
        ("FUND-001", "error", "Funding", "D6", "Funding stream 'Windfall' (2009/10) has Kind 'bonus', which is not "
                                               "one of grant, carry-forward, capital, ring-fenced, other."),
        ("FUND-001", "error", "Funding", "E6", "Funding stream 'Windfall' (2009/10) has Status 'pending', which is "
                                               "not one of received, expected."),
        ("UNIT-001", "warning", "Funding", "F6", "Funding stream 'Windfall' (2009/10) is 12,922 declared in £m, which "
                                                 "looks like an amount in £k (£12,922k); check the Unit column."),
        ("FUND-001", "error", "Funding", "G7", "Funding stream 'Oops' (2009/10) has Unit '£bn', which is not one of "
                                               "£, £k, £m."),
    ]

"""Totals rules (TOT-*, FORM-003/004) on small in-memory plans."""

from __future__ import annotations

import pytest

from allocdata import STATED, book
from riep.checks.totals import check_total
from riep.checks.validate import check_book
from riep.errors import InputError
from riep.settings import CheckSettings, Settings


def run(b, **check):
    return [(f.rule, f.severity.value, f.cell, f.message) for f in check_book(b, Settings(check=CheckSettings(**check)))]


def test_a_plan_that_cross_casts_only_reports_its_headroom():
    assert run(book()) == [
        ("TOT-005", "info", "C7",
         "£303k is unallocated: the stated grand total for 2009/10 is £3,197k against £3,500k available."),
    ]


def test_subtotal_and_grand_total_that_do_not_match_their_lines():
    stated = [("2009/10", "Performance", 2300), ("2009/10", "Other", 900), ("2009/10", "Grand total", 3200),
              ("2009/10", "Funding total", 3500)]
    found = run(book(stated=stated))
    assert found[:2] == [
        ("TOT-001", "error", "C5", "The Performance subtotal for 2009/10 states £2,300k but its 2 lines add up to "
                                   "£2,297k: £3k of it is not itemised in any line."),
        ("TOT-002", "error", "C7", "The 2009/10 grand total states £3,200k but the allocation lines add up to "
                                   "£3,197k: £3k of the £3,200k grand total is not itemised in any line."),
    ]


def test_differences_within_the_tolerance_are_rounding():
    stated = [("2009/10", "Performance", 2297.4), ("2009/10", "Other", 900), ("2009/10", "Grand total", 3197),
              ("2009/10", "Funding total", 3500.3)]
    assert [r[0] for r in run(book(stated=stated))] == ["TOT-005"]
    assert [r[0] for r in run(book(stated=stated), tolerance_k=0.1)] == ["TOT-001", "TOT-003", "TOT-004", "TOT-005"]


def test_grand_total_against_subtotals_when_every_theme_has_one():
    stated = [("2009/10", "Performance", 2297), ("2009/10", "Other", 1000), ("2009/10", "Grand total", 3197),
              ("2009/10", "Funding total", 3500)]
    rules = {r[0]: r for r in run(book(stated=stated))}
    assert rules["TOT-003"][3] == ("The 2009/10 grand total states £3,197k but the theme subtotals add up to "
                                   "£3,297k, a difference of -£100k.")
    assert rules["TOT-001"][2] == "C6"


def test_theme_without_subtotal_is_a_note_and_unknown_scope_an_error():
    stated = [("2009/10", "Performance", 2297), ("2009/10", "Efficiency", 500), ("2009/10", "Grand total", 3197)]
    found = run(book(stated=stated, funds=None))
    assert ("TOT-007", "error", "C6", "The stated total 'Efficiency' for 2009/10 is not a theme of that year's "
                                      "allocation, 'Grand total' or 'Funding total'.") in found
    assert ("TOT-006", "info", "B7", "The Other theme for 2009/10 has no stated subtotal; its lines add up to "
                                     "£900k.") in found
    assert ("FUND-002", "info", None, "The workbook has no Funding table, so the allocation is not checked against "
                                      "the money available.") in found


def test_allocation_over_the_money_available_is_an_error():
    stated = STATED[:3] + [("2009/10", "Funding total", 3000)]
    found = run(book(stated=stated, funds=[("2009/10", "Grant", "CLG", "grant", "received", 3.0, "£m")]))
    assert found == [("TOT-005", "error", "C7", "The stated grand total for 2009/10 (£3,197k) is £197k more than "
                                                "the money available (£3,000k).")]


def test_blank_stated_total_is_a_warning():
    found = run(book(stated=[("2009/10", "Grand total", None)], funds=None))
    assert ("TOT-008", "warning", "C5", "The grand total for 2009/10 has no figure, so nothing is checked against "
                                        "it.") in found


def test_formula_totals_never_calculated_are_evaluated_from_their_ranges():
    formulas = {"C5": "=SUMIFS(Allocation[Amount (£k)],Allocation[Theme],B5)", "C6": "=SUM(Allocation!E7)",
                "C7": "=SUM(C5:C6)"}
    stated = [("2009/10", "Performance", None), ("2009/10", "Other", None), ("2009/10", "Grand total", None),
              ("2009/10", "Funding total", 3500)]
    assert run(book(stated=stated, formulas=formulas)) == [
        ("TOT-005", "info", "C7",
         "£303k is unallocated: the stated grand total for 2009/10 is £3,197k against £3,500k available."),
    ]


def test_a_typed_total_among_formula_totals_is_a_warning():
    formulas = {"C5": "=SUM(Allocation!E5:E6)"}
    found = run(book(formulas=formulas, stated=[("2009/10", "Performance", None), ("2009/10", "Other", 900),
                                                  ("2009/10", "Grand total", 3197)], funds=None))
    assert ("FORM-003", "warning", "C6", "The Other subtotal for 2009/10 is a typed number (£900k) while the year's "
                                         "other totals are formulas, so it will not move when a line changes.") in found


def test_a_formula_riep_cannot_follow_and_excel_never_calculated():
    found = run(book(formulas={"C5": "=INDEX(Allocation!E:E,5)"}, stated=[("2009/10", "Performance", None)],
                     funds=None))
    assert found[0] == ("FORM-004", "warning", "C5",
                        "The Performance subtotal for 2009/10 is a formula (=INDEX(Allocation!E:E,5)) that has never "
                        "been calculated and cannot be evaluated by riep (not a SUM, SUBTOTAL, SUMIF, SUMIFS or a sum "
                        "of cells); open the workbook in Excel and save it.")


def test_check_total_for_the_worksheet_function():
    assert check_total([1000, 1297, None], 2297) == "OK"
    assert check_total([1000, 1297], 2300) == 3.0
    assert check_total([1000, 1297], 2297.4) == "OK"
    assert check_total([1000, 1297], 2297.4, tolerance_k=0.1) == pytest.approx(0.4)
    with pytest.raises(InputError, match=r"^line 2 is 'abc', not a number$"):
        check_total([1, "abc"], 1)
    with pytest.raises(InputError, match=r"^the stated total '' is not a number$"):
        check_total([1], None)



"""Formula audit (FORM-001, FORM-002 in totals) and the range resolver."""

from __future__ import annotations

from allocdata import book
from riep.checks.formulas import audit, split_args
from riep.checks.validate import check_book
from riep.settings import Settings

STATED = [("2009/10", "Performance", 2297), ("2009/10", "Other", 900), ("2009/10", "Grand total", 3197)]


def form(formulas):
    return [(f.rule, f.cell, f.message) for f in check_book(book(stated=STATED, funds=None, formulas=formulas),
                                                            Settings()) if f.rule.startswith("FORM")]


def test_split_args_respects_quotes_and_brackets():
    assert split_args('A1:A3,"a,b",Allocation[[#Data],[Theme]]') == ["A1:A3", '"a,b"', "Allocation[[#Data],[Theme]]"]


def test_ranges_structured_references_and_criteria_resolve_to_lines():
    b = book(stated=STATED, funds=None)
    assert audit("=SUM(Allocation!$E$5:$E$6)", "StatedTotals", b).line_rows == {5, 6}
    assert audit("=SUBTOTAL(109,Allocation!E:E)", "StatedTotals", b).line_rows == {5, 6, 7}
    assert audit('=SUMIFS(Allocation[Amount (£k)],Allocation[Theme],"perf*")', "StatedTotals", b).line_rows == {5, 6}
    assert audit("=SUMIFS(Allocation!E:E,Allocation!B:B,B6)", "StatedTotals", b).line_rows == {7}
    assert audit('=SUMIF(Allocation!B5:B7,"<>Other",Allocation!E5:E7)', "StatedTotals", b).line_rows == {5, 6}
    assert audit("=Allocation!E5+Allocation!E6", "StatedTotals", b).line_rows == {5, 6}
    assert audit("=SUM(C5:C6)", "StatedTotals", b).stated_rows == {5, 6}
    assert not audit("=VLOOKUP(A1,B:C,2,0)", "StatedTotals", b).understood


def test_a_range_that_misses_a_line_or_takes_in_another_theme():
    assert form({"C5": "=SUM(Allocation!E5:E5)", "C6": "=SUM(Allocation!E6:E7)", "C7": "=SUM(C5:C6)"}) == [
        ("FORM-001", "C5", "The Performance subtotal for 2009/10 (=SUM(Allocation!E5:E5)) leaves out 1 line of its "
                           "group: 'Adult Social Care' (Performance, 2009/10, row 6)."),
        ("FORM-001", "C6", "The Other subtotal for 2009/10 (=SUM(Allocation!E6:E7)) takes in 1 line of another "
                           "group: 'Adult Social Care' (Performance, 2009/10, row 6)."),
    ]


def test_a_grand_total_that_leaves_out_a_subtotal():
    assert form({"C5": "=SUM(Allocation!E5:E6)", "C6": "=SUM(Allocation!E7)", "C7": "=SUM(C5)"}) == [
        ("FORM-001", "C7", "The grand total for 2009/10 (=SUM(C5)) leaves out 1 subtotal of its group: Other "
                           "(2009/10, row 6)."),
    ]


def test_error_values_in_total_formulas():
    assert form({"C5": "=SUM(Allocation!E5:E6)", "C6": "=SUM(Allocation!E7)", "C7": "=SUM(#REF!)"}) == [
        ("FORM-002", "C7", "The grand total for 2009/10 shows #REF!: its formula =SUM(#REF!) refers to something "
                           "that no longer exists or cannot be calculated."),
    ]

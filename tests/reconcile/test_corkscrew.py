"""The corkscrew (opening + funding - committed = closing) and the link between years."""

from __future__ import annotations

import pytest

from reconcile.balances import CLOSED, ledger, line
from riep.errors import InputError
from riep.reconcile.corkscrew import carry_forward, corkscrew_findings, link_findings, tolerance
from riep.settings import ReconcileSettings

S = ReconcileSettings()


def _found(findings):
    return [(f.rule, f.severity.value, f.cell, f.message) for f in findings]


def test_carry_forward_is_opening_plus_funding_less_committed():
    assert carry_forward(500, 3500, 4000) == 0.0
    assert carry_forward(0, 5890, 4500) == 1390.0
    assert carry_forward(79, 270, 0) == 349.0
    assert carry_forward(100, 200, 500) == -200.0  # an overspend, as a negative: REC-007 reports it, not refused


@pytest.mark.parametrize(("args", "message"), [
    ((0, 5890, -1), "The committed is negative (-1); enter amounts as positive numbers."),
    ((None, 10, 1), "The opening balance is blank; it must be a number (0 if there is none)."),
    ((0, "7m", 1), "The new funding is '7m'; it must be a number (0 if there is none)."),
    ((0, float("nan"), 1), "The new funding is not a finite number."),
])
def test_carry_forward_refuses_bad_input_with_one_sentence(args, message):
    with pytest.raises(InputError) as info:
        carry_forward(*args)
    assert info.value.message == message


def test_a_ledger_that_closes_has_no_corkscrew_or_link_findings():
    led = ledger(CLOSED)
    assert corkscrew_findings(led, S) == [] and link_findings(led, S) == []


def test_year_one_income_not_explained_by_any_stream():
    led = ledger([line("2008/09", "Improvement East grant", None, 5890, 4500, None, 3500, "Closing")])
    [f] = corkscrew_findings(led, S)
    assert (f.rule, f.severity.value, f.sheet, f.cell, f.scope) == (
        "REC-001", "error", "Balances", "G5", "Improvement East grant 2008/09")
    assert (f.expected, f.actual, f.difference, f.unit) == (1390.0, 3500.0, 2110.0, "£k")
    assert f.message == (
        "'Improvement East grant' does not close in 2008/09: £4,500k committed + approximately £3,500k uncommitted = "
        "£8,000k, but only £5,890k came in (funding £5,890k, nothing brought forward), so £2,110k (£2.11m) of 2008/09 "
        "income is not explained by any stream; record the funding it came from, or correct the committed or "
        "closing figure.")


def test_money_neither_committed_nor_carried_forward():
    led = ledger([line("2009/10", "Grant", 100, 900, 600, None, 350)])
    assert _found(corkscrew_findings(led, S)) == [(
        "REC-001", "error", "G5",
        "'Grant' does not close in 2009/10: opening £100k + funding £900k - committed £600k leaves £400k, but the "
        "closing balance is £350k, so £50k is neither committed nor carried forward; record the commitment, or "
        "correct the closing figure.")]


def test_rounding_within_the_tolerance_passes_and_beyond_it_fails():
    assert corkscrew_findings(ledger([line("2009/10", "Grant", None, 100, 40, None, 60.4)]), S) == []
    assert len(corkscrew_findings(ledger([line("2009/10", "Grant", None, 100, 40, None, 60.6)]), S)) == 1


def test_an_approximate_figure_passes_within_its_tolerance_only():
    # 'approximately £3,500k' against £3,460k: 1.5% of 3,500 is 52.5, plus the £0.5k rounding
    assert tolerance(S, 3500) == 53.0
    near = [line("2008/09", "Grant", None, 5000, 1540, None, 3500, "Closing")]
    assert corkscrew_findings(ledger(near), S) == []
    exact = [line("2008/09", "Grant", None, 5000, 1540, None, 3500)]
    assert [f.difference for f in corkscrew_findings(ledger(exact), S)] == [40.0]
    far = [line("2008/09", "Grant", None, 5000, 1400, None, 3500, "Closing")]
    assert [f.difference for f in corkscrew_findings(ledger(far), S)] == [-100.0]
    assert corkscrew_findings(ledger(far), ReconcileSettings(approximate_tolerance_pct=3)) == []


def test_no_closing_or_an_unreadable_figure_is_not_a_corkscrew_finding():
    led = ledger([line("2009/10", "Open", 100, 50), line("2009/10", "Text", "£3.5m", 50, 0, None, 50)])
    assert corkscrew_findings(led, S) == []


def test_a_closing_not_carried_into_the_next_year():
    led = ledger([line("2008/09", "Grant", None, 1000, 600, None, 400),
                  line("2009/10", "Grant", 350, 100)])
    assert _found(link_findings(led, S)) == [(
        "REC-002", "error", "C6",
        "'Grant' closes 2008/09 with £400k but opens 2009/10 with £350k: £50k is lost between the years; the 2009/10 "
        "opening must be the 2008/09 closing.")]
    led = ledger([line("2008/09", "Grant", None, 1000, 600, None, 400), line("2009/10", "Grant", None, 100)])
    [f] = link_findings(led, S)
    assert f.message.startswith("'Grant' closes 2008/09 with £400k but opens 2009/10 with blank: £400k is lost")


def test_an_opening_larger_than_the_last_closing_appears_from_nowhere():
    led = ledger([line("2008/09", "Grant", None, 1000, 600, None, 400), line("2009/10", "Grant", 450, 100)])
    [f] = link_findings(led, S)
    assert (f.difference, f.cell) == (50.0, "C6") and "£50k appears from nowhere" in f.message


def test_approximate_closing_and_opening_link_within_tolerance():
    led = ledger([line("2008/09", "Grant", None, 5000, 1500, None, 3500, "Closing"),
                  line("2009/10", "Grant", 3450, 7000, None, None, None, "Opening")])
    assert link_findings(led, S) == []


def test_a_stream_that_vanishes_with_money_or_without_a_closing():
    led = ledger([line("2008/09", "Kept", None, 100, 100, None, 0),
                  line("2008/09", "Lost", None, 100, 40, None, 60),
                  line("2008/09", "Silent", None, 100),
                  line("2009/10", "Other", None, 5, 5, None, 0)])
    assert _found(link_findings(led, S)) == [
        ("REC-003", "error", "G6", "'Lost' closes 2008/09 with £60k but has no 2009/10 row, so that money vanishes; "
                                   "add a 2009/10 row opening with it (riep rollover does this)."),
        ("REC-003", "warning", "G7", "'Silent' has a 2008/09 row but no closing balance and no 2009/10 row, so "
                                     "nothing says what became of its money; enter its closing balance (0 if it is "
                                     "all committed)."),
    ]


def test_the_last_year_of_the_table_does_not_vanish():
    assert link_findings(ledger([line("2010/11", "Grant", None, 100, 40, None, 60)]), S) == []


def test_an_opening_brought_in_from_outside_the_workbook():
    led = ledger([line("2008/09", "EMIP legacy programme", 79)])
    assert _found(link_findings(led, S)) == [(
        "REC-012", "info", "C5",
        "'EMIP legacy programme' opens 2008/09 with £79k brought in from outside this workbook (it has no 2007/08 "
        "row), so there is no earlier closing balance to check it against.")]

"""Money: the extra-funding cap, the Individual Authorities line, urgent approvals, conditions before release."""

from __future__ import annotations

import pytest

from records.recdata import FEN, MARSH, D, book, world
from riep.errors import InputError
from riep.records.funding import LineAmount, check_funding, extra_funding_left
from riep.settings import RecordsSettings

AS_OF = D(2009, 12, 15)
S = RecordsSettings()
LINE = {"2009/10": LineAmount(year="2009/10", amount_k=1000, file="plan.xlsx", sheet="Allocation", cell="E5")}


def _found(w, as_of=AS_OF, s=S, lines=LINE, file="plan.xlsx"):  # type: ignore[no-untyped-def]
    return [(f.rule, f.severity.value, f.sheet, f.cell, f.message)
            for f in check_funding(book(w), as_of, s, lines, file if lines is not None else None)]


def test_extra_funding_left():
    cap = S.extra_funding_cap
    assert cap == 20000  # the seed's 'up to £20,000', from the settings
    assert extra_funding_left([15000, None, "", 2500.5], cap) == 2499.5
    assert extra_funding_left([12000.0, 10000], cap) == -2000
    with pytest.raises(InputError) as typed_as_text:  # one policy for every job: text is never silently a number
        extra_funding_left(["£12,000"], cap)
    assert typed_as_text.value.message == "'£12,000' is text, not an amount of money; type it as the number 12000"
    assert extra_funding_left([5000], cap=10000) == 5000
    assert extra_funding_left([], cap) == 20000
    for bad in (["lots"], [-5], [True]):
        with pytest.raises(InputError) as info:
            extra_funding_left(bad, cap)
        assert info.value.message.endswith("is not an amount of money") or "zero or more" in info.value.message


def test_a_clean_case_reports_the_line_position_only():
    assert _found(world()) == [
        ("SUP-017", "info", "Allocation", "E5",
         "Individual Authorities 2009/10: £65,000 approved for individual authorities by 15/12/2009 against "
         "£1,000,000, £935,000 left.")]


def test_extra_funding_over_the_cap_is_found_on_the_approval_that_went_over():
    w = world()
    w["SupportFunding"].append([FEN, "urgent", 4000, "Chair of the Board; Chair of the Officer Steering Group",
                                D(2009, 10, 1), D(2009, 10, 6), None, None, None])
    w["SupportFunding"].append([FEN, "additional", 3000, "Lead Chief Executive", D(2009, 11, 2), None, None, None, None])
    w["SupportFunding"].append([FEN, "additional", 1000, "Lead Chief Executive", D(2010, 1, 5), None, None, None, None])
    found = _found(w)
    assert found[0] == ("SUP-014", "error", "SupportFunding", "C8",
                        f"{FEN}: extra funding reaches £22,000 with £3,000 approved on 02/11/2009, £2,000 over the "
                        "£20,000 cap.")
    assert [r for r, *_ in found] == ["SUP-014", "SUP-017"]  # the January approval is after the as-of day
    assert [r for r, *_ in _found(w, s=RecordsSettings(capped_kinds=["additional"]))] == ["SUP-017"]


def test_approvals_beyond_the_individual_authorities_line():
    w = world()
    small = {"2009/10": LineAmount(year="2009/10", amount_k=60, file="plan.xlsx", sheet="Allocation", cell="E5")}
    assert _found(w, lines=small) == [
        ("SUP-015", "error", "SupportFunding", "C6",
         f"{FEN}: £15,000 approved on 01/09/2009 takes 2009/10 approvals to £65,000, £5,000 more than the Individual "
         "Authorities line (£60,000)."),
        ("SUP-017", "info", "Allocation", "E5",
         "Individual Authorities 2009/10: £65,000 approved for individual authorities by 15/12/2009 against £60,000, "
         "-£5,000 left."),
    ]


def test_the_line_not_checked_without_an_allocation_or_a_line_for_the_year():
    assert _found(world(), lines=None) == [
        ("SUP-016", "info", None, None,
         "Approvals were not checked against the Individual Authorities line: no allocation workbook was given (use "
         "--allocation workbook/financial_allocation.xlsx).")]
    assert _found(world(), lines={}) == [
        ("SUP-016", "info", None, None,
         "2009/10 approvals (£65,000) were not checked: the allocation workbook plan.xlsx has no Individual "
         "Authorities line for 2009/10.")]


def test_money_released_before_the_conditions_were_met():
    w = world()
    w["SupportFunding"][0][4] = D(2009, 1, 10)  # before the board was established on 20/01/2009
    found = _found(w)
    assert found[0] == ("SUP-013", "error", "SupportFunding", "E5",
                        f"{FEN}: £50,000 of core funding approved on 10/01/2009 with no Improvement Board established "
                        "on that day.")


def test_urgent_approvals_need_both_chairs_and_the_next_board_meeting():
    w = world()
    # meetings every five weeks from 03/02/2009: 01/09/2009 and 06/10/2009 among them
    w["SupportFunding"] += [
        [FEN, "urgent", 2000, "Chair of the Board", D(2009, 8, 20), D(2009, 9, 1), None, None, None],
        [FEN, "urgent", 1000, "Chair of the Board and Chair of the Officer Steering Group", D(2009, 9, 10), None,
         None, None, None],
        [FEN, "urgent", 500, "chair of the board, chair of the officer steering group", D(2009, 9, 15),
         D(2009, 11, 10), None, None, None],
        [FEN, "urgent", 500, "Chair of the Board and Chair of the Officer Steering Group", D(2009, 12, 1), None,
         None, None, None],
    ]
    assert [f for f in _found(w) if f[0] != "SUP-017"] == [
        ("SUP-018", "error", "SupportFunding", "D7",
         f"{FEN}: the urgent approval of £2,000 on 20/08/2009 is not approved by the Chair of the Officer Steering "
         "Group (approved by: Chair of the Board)."),
        ("SUP-019", "error", "SupportFunding", "F8",
         f"{FEN}: the urgent approval of £1,000 on 10/09/2009 was not reported to the next Board meeting on "
         "06/10/2009."),
        ("SUP-019", "error", "SupportFunding", "F9",
         f"{FEN}: the urgent approval of £500 on 15/09/2009 was not reported to the next Board meeting on 06/10/2009, "
         "but only on 10/11/2009."),
    ]  # the 01/12/2009 approval waits for the meeting of 15/12/2009, the as-of day: late only once it has passed
    assert any(f[0] == "SUP-019" and "01/12/2009" in f[4] for f in _found(w, as_of=D(2009, 12, 16)))


def test_committed_and_spent_above_what_was_approved_and_funding_without_a_case():
    w = world()
    w["SupportFunding"][0][6:8] = [52000, 30000]
    w["SupportFunding"][1][6:8] = [None, 15500]
    w["SupportFunding"].append([MARSH, "core", 10000, "Advisory Group", D(2009, 6, 1), None, None, None, None])
    assert [f for f in _found(w) if f[0] != "SUP-017"] == [
        ("SUP-020", "error", "SupportFunding", "G5",
         f"{FEN}: £52,000 committed against £50,000 approved on 20/04/2009."),
        ("SUP-020", "error", "SupportFunding", "H6",
         f"{FEN}: £15,500 spent against £15,000 approved (additional, approved 01/09/2009)."),
        ("SUP-021", "error", "SupportFunding", "A7", f"{MARSH} has £10,000 of core funding but no support case."),
    ]

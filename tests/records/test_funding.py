"""Money: the extra-funding cap, the Individual Authorities line, urgent approvals, conditions before release."""

from __future__ import annotations

import pytest

from records.recdata import FEN, MARSH, D, book, world
from riep.errors import InputError
from riep.partnership import BUILT_IN
from riep.records.funding import LineAmount, check_funding, extra_funding_left
from riep.settings import RecordsSettings, Settings

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
    w["SupportFunding"].append([FEN, "urgent", 4000, "Performance Cluster", D(2009, 10, 1), D(2009, 10, 6), None, None,
                                None, "Member Panel"])
    w["SupportFunding"].append([FEN, "additional", 3000, "Lead Chief Executive", D(2009, 11, 2), None, None, None, None])
    w["SupportFunding"].append([FEN, "additional", 1000, "Lead Chief Executive", D(2010, 1, 5), None, None, None, None])
    found = _found(w)
    assert found[0] == ("SUP-014", "error", "SupportFunding", "C8",
                        f"{FEN}: extra funding reaches £22,000 with £3,000 approved on 02/11/2009, £2,000 over the "
                        "£20,000 a lead Chief Executive may agree (Improvement East, Support for individual authorities "
                        "(role of the lead Chief Executive), duty 5); reduce the approval or take it to the Partnership "
                        "as core funding.")
    assert [r for r, *_ in found] == ["SUP-014", "SUP-017"]  # the January approval is after the as-of day
    assert [r for r, *_ in _found(w, s=RecordsSettings(capped_kinds=["additional"]))] == ["SUP-017"]


def test_additional_funding_is_agreed_by_the_lead_chief_executive():
    w = world()
    w["SupportFunding"][1][3] = "Improvement East Advisory Group"
    w["SupportFunding"].append([FEN, "additional", 1000, "Chief Executive, Huntingdonshire", D(2009, 10, 1), None, None,
                                None, None])  # the lead, by name
    assert [f for f in _found(w) if f[0] != "SUP-017"] == [
        ("SUP-022", "error", "SupportFunding", "D6",
         f"{FEN}: additional funding of £15,000 on 01/09/2009 was approved by Improvement East Advisory Group, not the "
         "lead Chief Executive (Chief Executive, Huntingdonshire), who agrees additional funding (Improvement East, "
         "Support for individual authorities (role of the lead Chief Executive), duty 5); record the lead's agreement "
         "in 'Approved by'.")]
    w["Settings"] = [["Partnership", "east_midlands"]]  # the East Midlands paper has no such approval
    assert [f[0] for f in _found(w)] == ["SUP-017"]


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


def test_money_before_the_conditions_is_a_warning_unless_the_profile_requires_them_or_a_waiver_is_recorded():
    w = world()
    w["SupportFunding"][0][4] = D(2009, 1, 10)  # before the board was established on 20/01/2009
    assert _found(w)[0] == (
        "SUP-013", "warning", "SupportFunding", "E5",
        f"{FEN}: £50,000 of core funding approved on 10/01/2009 with no Improvement Board established on that day; "
        "Improvement East funding is normally subject to both (Improvement East, Support for individual authorities "
        "(role of the lead Chief Executive)). If an exception was agreed, record who agreed it and why in 'Conditions "
        "waived'.")
    strict = Settings.model_validate({"partnership": {"default": "strict", "profiles": {"strict": {
        **BUILT_IN["improvement_east"].model_dump(), "title": "Strict RIEP", "conditions": "required"}}}})
    found = [(f.rule, f.severity.value, f.message) for f in check_funding(book(w, strict), AS_OF, S, LINE, "plan.xlsx")]
    assert found[0] == (
        "SUP-013", "error",
        f"{FEN}: £50,000 of core funding approved on 10/01/2009 with no Improvement Board established on that day; "
        "Strict RIEP funding is subject to both (Improvement East, Support for individual authorities (role of the "
        "lead Chief Executive)). Hold the money until both are in place.")
    w["SupportCases"][0] += [None, "Agreed by the Member Panel, 8 January 2009: board being formed"]
    assert [f[0] for f in _found(w)] == ["SUP-016", "SUP-017"]  # 2008/09 has no line; no SUP-013


def _urgent(w, amount, by, on, reported=None, to=None):  # type: ignore[no-untyped-def]
    w["SupportFunding"].append([FEN, "urgent", amount, by, on, reported, None, None, None, to])


def test_improvement_east_urgent_decisions_go_through_a_cluster_and_to_the_member_panel():
    w = world()
    w["PartnershipMeetings"] = [["Member Panel", D(2009, 9, 24)], ["Member Panel", D(2009, 12, 10)]]
    _urgent(w, 2000, "Chair of the Board", D(2009, 8, 20), D(2009, 9, 24), "Member Panel")
    _urgent(w, 1000, "Performance Cluster", D(2009, 9, 10))
    _urgent(w, 500, "Skills and Capacity cluster", D(2009, 9, 15), D(2009, 11, 10))
    _urgent(w, 300, "Performance Cluster", D(2009, 10, 1), D(2009, 10, 20), "Fenmarsh Improvement Board")
    _urgent(w, 200, "Performance Cluster", D(2009, 12, 11))  # no Member Panel yet: due 90 days on, 11/03/2010
    _urgent(w, 100, "Performance Cluster", D(2009, 8, 1), D(2009, 9, 24), "Member Panel")  # in order
    assert [f for f in _found(w) if f[0] != "SUP-017"] == [
        ("SUP-018", "error", "SupportFunding", "D7",
         f"{FEN}: the urgent approval of £2,000 on 20/08/2009 was made by Chair of the Board; Improvement East's urgency "
         "process needs 'Approved by' to name 'cluster' (Improvement East, Year Two Delivery Plan (2009/10), section "
         "4.0). Record who approved it under the urgency process, or take it to the Partnership as an ordinary "
         "approval."),
        ("SUP-019", "error", "SupportFunding", "F8",
         f"{FEN}: the urgent approval of £1,000 on 10/09/2009 was not reported to the Member Panel by its first meeting "
         "after the decision, 24/09/2009 (Improvement East, Year Two Delivery Plan (2009/10), section 4.0); report it "
         "to the Member Panel at the next meeting, and record the date in 'Reported on' and the body in 'Reported to'."),
        ("SUP-019", "error", "SupportFunding", "F9",
         f"{FEN}: the urgent approval of £500 on 15/09/2009 was not reported to the Member Panel by its first meeting "
         "after the decision, 24/09/2009; it was reported only on 10/11/2009 (Improvement East, Year Two Delivery Plan "
         "(2009/10), section 4.0); report it to the Member Panel at the next meeting, and record the date in 'Reported "
         "on' and the body in 'Reported to'."),
        ("SUP-019", "error", "SupportFunding", "F10",
         f"{FEN}: the urgent approval of £300 on 01/10/2009 was reported on 20/10/2009 to the Fenmarsh Improvement "
         "Board (an Improvement Board is advisory only), not to the Member Panel (Improvement East, Year Two Delivery "
         "Plan (2009/10), section 4.0); report it to the Member Panel at the next meeting, and record the date in "
         "'Reported on' and the body in 'Reported to'."),
    ]
    assert any(f[0] == "SUP-019" and "11/12/2009" in f[4] for f in _found(w, as_of=D(2010, 3, 12)))


def test_east_midlands_urgent_decisions_need_both_chairs_and_both_boards():
    w = world()
    w["Settings"] = [["Partnership", "east_midlands"]]
    w["PartnershipMeetings"] = [["Officer Board", D(2009, 10, 1)], ["Member Board", D(2009, 10, 6)]]
    _urgent(w, 1000, "Chair of the EM IEP Board and Chair of the Officer Steering Group", D(2009, 9, 10),
            D(2009, 10, 1), "Officer Board and Member Board")
    _urgent(w, 2000, "Chair of the Member Board", D(2009, 9, 15), D(2009, 10, 6), "Member Board")
    assert [f for f in _found(w) if f[0] != "SUP-017"] == [
        ("SUP-018", "error", "SupportFunding", "D8",
         f"{FEN}: the urgent approval of £2,000 on 15/09/2009 was made by Chair of the Member Board; East Midlands IEP's "
         "urgency process needs 'Approved by' to name 'Chair of the Officer Steering Group or Chair of the Officer Board "
         "or Chairs of the Officer and Member' (East Midlands IEP Board, 12 September 2008, item 7: Support for Local "
         "Authorities in Difficulty, officer report, paragraph 3.4). Record who approved it under the urgency process, "
         "or take it to the Partnership as an ordinary approval."),
        ("SUP-019", "error", "SupportFunding", "F8",
         f"{FEN}: the urgent approval of £2,000 on 15/09/2009 was reported on 06/10/2009 to the Member Board, not to "
         "the Officer Board (East Midlands IEP Board, 12 September 2008, item 7: Support for Local Authorities in "
         "Difficulty, officer report, paragraph 3.4); report it to the Officer Board and the Member Board at the next "
         "meeting, and record the date in 'Reported on' and the body in 'Reported to'. Note: The paper is not "
         "consistent with itself: its paragraph 2.2 delegates to \"the Chair of the EM IEP Board and Chair of the "
         "Officer Steering Group\" with actions \"reported to the Board at an appropriate meeting\"; riep applies "
         "paragraph 3.4 (both Boards, at their next meetings), the stricter reading."),
    ]


def test_committed_and_spent_above_what_was_approved_and_funding_without_a_case():
    w = world()
    w["SupportFunding"][0][6:8] = [52000, 30000]
    w["SupportFunding"][1][6:8] = [None, 15500]
    w["SupportFunding"].append([MARSH, "core", 10000, "Advisory Group", D(2009, 6, 1), None, None, None, None])
    assert [f for f in _found(w) if f[0] != "SUP-017"] == [
        ("SUP-020", "error", "SupportFunding", "G5",
         f"{FEN}: £52,000 committed against £50,000 approved on 20/04/2009. Approve the extra, or correct the figure."),
        ("SUP-020", "error", "SupportFunding", "H6",
         f"{FEN}: £15,500 spent against £15,000 approved (additional, approved 01/09/2009). Approve the extra, or correct the figure."),
        ("SUP-021", "error", "SupportFunding", "A7",
         f"{MARSH} has £10,000 of core funding but no support case; open a support case for it in SupportCases, or "
         "move the money."),
    ]

"""Cells that cannot be read, spending and commitments that do not fit, budgets, open years, approximate figures."""

from __future__ import annotations

from reconcile.balances import CLOSED, budget, ledger, line
from riep.reconcile.model import Stated
from riep.reconcile.rules import approximate_findings, line_findings, stream_findings, year_findings
from riep.settings import ReconcileSettings

S = ReconcileSettings()


def _found(findings):
    return [(f.rule, f.severity.value, f.cell, f.message) for f in findings]


def test_bad_cells_each_get_one_finding():
    led = ledger([
        line("2009/10", "Grant", "£3.5m", 100),
        line("2009/10", "Other", None, "#REF!"),
        line("Year Two", "Grant", None, 10),
        line("2009/10", None, None, 10),
        line("2009/10", "Minus", None, 10, -5),
        line("2009/10", "Rough", None, 10, None, None, None, "Closing, roughly"),
    ])
    assert _found(line_findings(led)) == [
        ("REC-009", "error", "C5", "'Grant' (2009/10) has the text '£3.5m' where its opening amount in £k belongs, "
                                   "so the stream is not reconciled until it is a number."),
        ("REC-009", "error", "D6", "'Other' (2009/10) shows #REF! where its funding amount in £k belongs, so the "
                                   "stream is not reconciled until it is a number."),
        ("REC-010", "error", "A7", "'Grant' has the year 'Year Two', which is not a financial year (write it as "
                                   "2009/10), so the row is left out."),
        ("REC-010", "error", "B8", "Row 8 has no stream name; the row is left out."),
        ("REC-008", "error", "E9", "'Minus' (2009/10) has a negative committed figure (-£5k)."),
        ("REC-014", "warning", "H10", "The Approximate cell names 'roughly', which is not one of Opening, Funding, "
                                      "Committed, Spent, Closing, all; it is ignored."),
    ]


def test_a_clean_ledger_has_no_line_or_stream_findings():
    led = ledger(CLOSED)
    assert line_findings(led) == [] and stream_findings(led, S) == []


def test_spent_more_than_committed_and_committed_more_than_available():
    led = ledger([line("2009/10", "Grant", 100, 200, 250, 260, 50), line("2009/10", "Over", None, 100, 150)])
    assert _found(stream_findings(led, S)) == [
        ("REC-006", "error", "F5", "'Grant' spent £260k in 2009/10 but committed only £250k: £10k was spent without a "
                                   "commitment."),
        ("REC-007", "error", "E6", "'Over' committed £150k in 2009/10 but had only £100k (opening £0k + funding "
                                   "£100k): £50k is committed without money to pay for it."),
    ]


def test_the_budget_is_openings_plus_funding():
    rows = [line("2009/10", "Building Capacity East", 500), line("2009/10", "Grant", 3500, 7000),
            line("2009/10", "Capital", None, 2000)]
    [ok, _] = year_findings(ledger(rows, budgets={"2009/10": budget("2009/10", 13000)}), S)
    assert (ok.rule, ok.severity.value, ok.cell, ok.difference) == ("REC-004", "info", "C9", 0.0)
    assert ok.message == ("The 2009/10 budget of £13,000k is made up by the balances: opening balances £4,000k + new "
                          "funding £9,000k.")
    [f, _] = year_findings(ledger(rows, budgets={"2009/10": budget("2009/10", 13500)}), S)
    assert (f.rule, f.sheet, f.cell, f.expected, f.actual, f.difference) == (
        "REC-004", "StatedTotals", "C9", 13000.0, 13500.0, 500.0)
    assert f.message == ("The 2009/10 budget is stated as £13,500k but the balances bring in £13,000k (opening "
                         "balances £4,000k + new funding £9,000k): £500k less than the budget.")


def test_an_allocation_larger_than_the_money_available():
    rows = [line("2009/10", "Grant", None, 1000)]
    fits = {"2009/10": Stated("2009/10", 1000, "StatedTotals", "C7", "='StatedTotals'!C7")}
    over = {"2009/10": Stated("2009/10", 1200, "StatedTotals", "C7", "='StatedTotals'!C7")}
    assert [f.rule for f in year_findings(ledger(rows, allocations=fits), S)] == ["REC-011"]
    [f, _] = year_findings(ledger(rows, allocations=over), S)
    assert (f.rule, f.cell, f.difference) == ("REC-005", "C7", 200.0)
    assert f.message == ("The 2009/10 allocation of £1,200k is more than the £1,000k the balances make available: "
                         "£200k has no money behind it.")


def test_a_year_without_closing_balances_says_where_it_would_close():
    led = ledger([line("2008/09", "EM IEP business delivery plan", None, 270), line("2008/09", "EMIP legacy", 79)])
    assert _found(year_findings(led, S)) == [(
        "REC-011", "info", "G5",
        "2008/09 has not closed: no closing balance for 'EM IEP business delivery plan', 'EMIP legacy'; on the "
        "figures entered it closes at £349k (opening + funding - committed, with nothing recorded as committed). Enter "
        "the closing balances when the year's accounts close.")]
    assert year_findings(ledger(CLOSED), S) == []


def test_approximate_figures_are_always_shown_as_approximate():
    led = ledger([line("2008/09", "Grant", None, 5890, 4500, None, 3500, "Closing"),
                  line("2009/10", "Grant", 3500, 7000, None, None, None, "opening, funding")])
    assert _found(approximate_findings(led, S)) == [
        ("REC-013", "info", "G5", "The 2008/09 closing of 'Grant' is approximately £3,500k: it is compared within "
                                  "+/- £52.5k (1.5%), not as an exact figure."),
        ("REC-013", "info", "C6", "The 2009/10 opening of 'Grant' is approximately £3,500k: it is compared within "
                                  "+/- £52.5k (1.5%), not as an exact figure."),
        ("REC-013", "info", "D6", "The 2009/10 funding of 'Grant' is approximately £7,000k: it is compared within "
                                  "+/- £105k (1.5%), not as an exact figure."),
    ]

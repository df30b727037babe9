"""The per-authority record's content: sheet names, money, sections."""

from __future__ import annotations

from records.recdata import FEN, D, book, world
from riep.records import evaluate
from riep.records.funding import LineAmount
from riep.records.record import build_records, sheet_name
from riep.settings import Settings

AS_OF = D(2009, 12, 15)


def test_sheet_names_are_short_unique_and_legal():
    taken: set[str] = set()
    assert sheet_name(FEN, taken) == "Fenmarsh DC (illustrative)"
    assert sheet_name("Fenmarsh District Council", taken) == "Fenmarsh DC"
    assert sheet_name("Fenmarsh Borough Council (illustrative)", taken) == "Fenmarsh BC (illustrative)"
    assert sheet_name("Fenmarsh DC", taken) == "Fenmarsh DC 2"
    assert sheet_name("Much Longer Named Vale District Council (illustrative)", taken) == "Much Longer Name (illustrative)"
    assert sheet_name("King's Lynn and West Norfolk Borough Council", taken) == "Kings Lynn and West Norfolk BC"
    assert sheet_name("Bedfordshire and Luton Combined Fire Authority", taken) == "Bedfordshire and Luton Combined"
    assert all(len(n) <= 31 for n in taken)


def _record(w=None, lines=None):  # type: ignore[no-untyped-def]
    b = book(w or world())
    report = evaluate(b, Settings(), AS_OF, lines)
    (rec,) = build_records(b, report, AS_OF, Settings().records, lines)
    return rec


def test_money_against_the_cap_and_the_line():
    line = {"2009/10": LineAmount(year="2009/10", amount_k=1000, file="plan.xlsx")}
    rec = _record(lines=line)
    assert rec.money.model_dump() == {"approved": 65000, "committed": 65000, "spent": 49000, "extra": 15000,
                                      "cap": 20000, "extra_left": 5000}
    money = next(s for s in rec.sections if s.title == "Money")
    assert [(i.label, i.value) for i in money.after] == [
        ("Extra funding (additional, urgent)", "£15,000"), ("Extra funding cap", "£20,000"),
        ("Left under the cap", "£5,000"), ("Individual Authorities line 2009/10", "£1,000,000"),
        ("Approved for all authorities 2009/10", "£65,000"), ("Left on the line 2009/10", "£935,000")]
    assert money.after[2].formula == "={item:Extra funding cap}-{item:Extra funding (additional, urgent)}"
    assert (rec.eligible, rec.conditions, rec.status, rec.errors, rec.warnings) == (True, "Met", "Open", 0, 0)


def test_sections_and_open_issues():
    w = world()
    w["ProgressReports"].pop()
    rec = _record(w)
    assert [s.title for s in rec.sections] == [
        "Eligibility", "Lead Chief Executive and conditions of funding", "Improvement Board members",
        "Improvement Board meetings", "Quarterly progress reports", "Money", "Open issues"]
    reports = rec.sections[4]
    assert reports.items[0].value == "3, 1 overdue"
    assert reports.grid is not None and reports.grid.rows[-1] == ["Q2 2009/10", D(2009, 10, 30), None, "OVERDUE 46 days"]
    assert reports.grid.flags == [(2, 3, "error")]
    assert rec.sections[6].grid is not None and rec.sections[6].grid.flags == [(0, 0, "error")]
    assert rec.sections[6].items[0].value == "1 error, 0 warnings"
    money = rec.sections[5]
    assert [i.value for i in money.after[3:]] == ["not checked: no allocation workbook given"]


def test_conditions_met_after_money_was_released_say_both():
    w = world()
    w["SupportFunding"][0][4] = D(2009, 1, 10)  # approved before the board was established on 20/01/2009
    assert _record(w).conditions == "Not met when money was released (SUP-013, 1 approval); all met by 15/12/2009"

"""The reconciliation sheet as content: corkscrew blocks of live formulas, totals, the build-up chart."""

from __future__ import annotations

from reconcile.balances import budget, ledger, line
from riep.findings import FileReport
from riep.reconcile.ledger import reconcile_ledger
from riep.reconcile.model import Stated
from riep.reconcile.sheet import LINE_LABELS, reconciliation_sheet
from riep.settings import Settings

ROWS = [
    line("2008/09", "Grant", None, 5890, 4500, None, 3500, "Closing"),
    line("2009/10", "Building Capacity East", 500),
    line("2009/10", "Grant", 3500, 7000, None, None, None, "Opening"),
]


def _sheet(rows=ROWS, **kw):
    led = ledger(rows, **kw)
    report = FileReport(path="book.xlsx", job="reconcile", findings=reconcile_ledger(led, Settings()))
    return reconciliation_sheet(led, report)


def test_one_corkscrew_block_per_stream_with_live_formulas():
    s = _sheet()
    assert [c.name for c in s.columns] == ["Stream", "Corkscrew (£k)", "2008/09", "2009/10", "Status"]
    block = s.rows[:8]
    assert [r[1] for r in block] == list(LINE_LABELS)
    assert block[0][:4] == ["Grant", LINE_LABELS[0], "=IF(ISBLANK('Balances'!C5),\"\",'Balances'!C5)",
                            "=IF(ISBLANK('Balances'!C7),\"\",'Balances'!C7)"]
    assert block[3][2] == "=N(C5)+N(C6)-N(C7)"  # header on row 4, so the block starts on row 5
    assert block[4][2] == "=IF(ISBLANK('Balances'!G5),\"\",'Balances'!G5)"
    assert block[5][2] == '=IF(C9="","",C9-C8)'
    assert block[6][2] == "=D5"  # next year's opening, same block
    assert block[7][2] == '=IF(OR(C9="",C11=""),"",C9-C11)'
    assert block[5][-1] == "2008/09: does not close by £2,110k; 2009/10: no closing balance"
    assert block[4][-1] == "approximate in 2008/09" and block[0][-1] == "approximate in 2009/10"
    assert s.row_fills[5] == "F8CBAD" and s.row_fills[4] == "DDEBF7"
    # stream names link to their first Balances row, the labels of lines with a status to the cell it is about
    assert {k: v.target for k, v in s.links.items()} == {
        (0, 0): "'Balances'!B5", (0, 1): "'Balances'!C7", (4, 1): "'Balances'!G5", (5, 1): "'Balances'!G5",
        (9, 0): "'Balances'!B6", (14, 1): "'Balances'!G6"}
    bce = s.rows[9:17]
    assert bce[0][:4] == ["Building Capacity East", LINE_LABELS[0], "", "=IF(ISBLANK('Balances'!C6),\"\",'Balances'!C6)"]


def test_lines_of_the_same_figure_are_summed():
    s = _sheet([line("2009/10", "Grant", None, 100), line("2009/10", "Grant", None, 50)])
    assert s.rows[1][2] == "=SUM('Balances'!D5,'Balances'!D6)"


def test_totals_budget_and_the_waterfall_of_the_budget_year():
    alloc = {"2009/10": Stated("2009/10", 10922, "StatedTotals", "C7", "='StatedTotals'!C7")}
    s = _sheet(budgets={"2009/10": budget("2009/10", 11000, "C8")}, allocations=alloc)
    labels = [r[1] for r in s.rows]
    totals = labels.index("Opening balances")
    assert s.rows[totals][:4] == ["All streams", "Opening balances", '=IF(COUNT(C5,C14)=0,"",SUM(C5,C14))',
                                  '=IF(COUNT(D5,D14)=0,"",SUM(D5,D14))']
    budget_row = labels.index("Budget as stated")
    assert s.rows[budget_row][2:4] == ["", "='StatedTotals'!C8"]
    assert s.rows[labels.index("Allocation")][3] == "='StatedTotals'!C7"
    head = [r[0] for r in s.rows].index("Budget build-up 2009/10")
    steps = s.rows[head + 1:]
    assert [r[0] for r in steps] == ["Grant: carried forward", "Building Capacity East: carried forward",
                                     "Grant: funding", "Budget (openings + funding)", "Less allocation", "Headroom"]
    first = 4 + head + 2  # Excel row of the first step
    assert steps[0][1:3] == [0, "=N(D5)"] and steps[1][1] == f"=B{first}+C{first}"
    assert steps[3][2] == f"=SUM(C{first}:C{first + 2})"
    assert steps[5][2] == f"=C{first + 3}-C{first + 4}"
    [chart] = s.charts
    assert (chart.kind, chart.stacked, chart.invisible_series) == ("bar", True, [0])
    assert chart.categories == f"A{first}:A{first + 5}" and chart.values == [f"B{first}:B{first + 5}",
                                                                             f"C{first}:C{first + 5}"]
    assert chart.title == "Budget build-up 2009/10 (£k)"


def test_an_empty_balances_table_gives_totals_and_no_chart():
    s = _sheet([])
    assert [c.name for c in s.columns] == ["Stream", "Corkscrew (£k)", "Status"]
    assert s.charts == [] and s.rows[0][:2] == ["All streams", "Opening balances"]


def test_the_totals_and_their_chart_start_a_page_when_the_sheet_does_not_fit_on_one():
    two_streams = _sheet()  # two stream blocks, the totals and a chart: more than an A4 page
    assert two_streams.page_breaks == [[r[1] for r in two_streams.rows].index("Opening balances")]
    one = _sheet([line("2009/10", "Grant", 3500, 7000)])  # one block, totals and chart fit on the first page
    assert one.charts and one.page_breaks == []

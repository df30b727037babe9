"""riep monitor: line, theme and year positions, ring-fenced money, capital apart; the sheet recalculates to them."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from allocdata import WORKBOOKS, table
from riep.checks.tables import ALLOCATION, FUNDING, STATED_TOTALS
from riep.money import XL_HEADROOM_K, XL_K, XL_K_SIGNED
from riep.monitor.read import read_monitor
from riep.monitor.rules import check_monitor, position, rag
from riep.monitor.sheet import POSITION_LABELS, SHEET_NAME, monitoring_sheet
from riep.monitor.summary import key_lines
from riep.monitor.tables import MONITORING, RING_FENCED
from riep.settings import MonitorSettings, Settings
from riep.table import TableData, TableSpec

SHIPPED = WORKBOOKS / "financial_allocation.xlsx"
AS_OF = dt.date(2009, 12, 15)
S = MonitorSettings()
D = dt.date


class Source:
    file = "plan.xlsx"

    def __init__(self, tables: dict[TableSpec, list[list[object]]]) -> None:
        self.data: dict[str, TableData] = {spec.name: table(spec, rows, file=self.file) for spec, rows in tables.items()}

    @property
    def table_names(self) -> list[str]:
        return list(self.data)

    def has_table(self, name: str) -> bool:
        return name in self.data

    def table(self, spec: TableSpec, **_: object) -> TableData | None:
        return self.data.get(spec.name)


def _world(monitoring, ring=None, capital=2.0, lines=()):  # type: ignore[no-untyped-def]
    tables = {
        ALLOCATION: [["2009/10", "Performance", "", "Use of Resources", 150, ""],
                     ["2009/10", "Performance", "", "Equalities", 65, ""],
                     ["2009/10", "Other", "", "Contingency", 100, ""], *lines],
        STATED_TOTALS: [["2009/10", "Grand total", 400, ""], ["2009/10", "Funding total", 500, ""]],
        FUNDING: [["2009/10", "Capital fund", "CLG", "capital", "received", capital, "£m", ""]],
        MONITORING: monitoring,
    }
    if ring is not None:
        tables[RING_FENCED] = ring
    return read_monitor(Source(tables), Settings())


def _found(book, as_of=AS_OF):  # type: ignore[no-untyped-def]
    return [(f.rule, f.severity.value, f.cell, f.message) for f in check_monitor(book, as_of, S)]


def test_rag_red_over_budget_amber_beyond_the_slippage():
    assert [rag(100, f, S) for f in (100.4, 101, 95, 89.4, 90)] == ["Green", "Red", "Green", "Amber", "Green"]


def test_the_latest_month_on_or_before_the_as_of_day_is_the_position():
    book = _world([
        ["2009/10", D(2009, 10, 31), "Use of Resources", 100, 40, 150, "revenue", ""],
        ["2009/10", D(2009, 11, 30), "Use of Resources", 120, 60, 170, "revenue", ""],
        ["2009/10", D(2009, 12, 31), "Use of Resources", 150, 90, 150, "revenue", ""],  # after the as-of day
        ["2009/10", D(2009, 11, 30), "Equalities", 30, 40, 50, "revenue", "spent without a commitment"],
        ["2009/10", D(2009, 11, 30), "Contingency", 0, 0, 100, "revenue", ""],
        ["2009/10", D(2009, 11, 30), "Equalitys", 1, 1, 1, "revenue", ""],
    ], capital=0.05)
    pos = position(book, AS_OF)
    assert pos is not None and pos.month == D(2009, 11, 30)
    assert [(lp.line.name, lp.total("committed"), lp.total("spent"), lp.total("forecast")) for lp in pos.lines] == [
        ("Use of Resources", 120, 60, 170), ("Equalities", 30, 40, 50), ("Contingency", 0, 0, 100)]
    found = _found(book)
    assert [f[:3] for f in found] == [
        ("MON-002", "error", "E8"), ("MON-001", "error", "C10"), ("MON-003", "error", "F6"),
        ("MON-004", "warning", "F8"), ("MON-005", "info", None), ("MON-005", "info", None), ("MON-006", "info", "C6")]
    messages = {f[0]: f[3] for f in found}
    assert messages["MON-001"] == ("Monitoring names the line 'Equalitys', which the 2009/10 Allocation does not have; "
                                   "use the line's name as it is in Allocation.")
    assert messages["MON-003"] == ("'Use of Resources' is forecast to spend £170k against a budget of £150k: £20k over "
                                   "(Red). Bring it back within the line, or ask the Board to agree a virement.")
    assert messages["MON-006"] == (
        "2009/10 at the end of November 2009: forecast outturn £320k on the itemised lines (budget £315k) plus £85k of "
        "the allocation not itemised in any line = £405k, against £500k available (revenue £450k, capital £50k): "
        "£95k headroom.")


def test_capital_and_revenue_are_kept_apart():
    book = _world([["2009/10", D(2009, 11, 30), "Use of Resources", 100, 50, 150, "capital", ""],
                   ["2009/10", D(2009, 11, 30), "Equalities", 65, 10, 65, "revenue", ""],
                   ["2009/10", D(2009, 11, 30), "Contingency", 0, 0, 100, "revenue", ""]], capital=0.1)
    found = [f for f in _found(book) if f[0] == "MON-009"]
    assert found == [("MON-009", "error", "C6",
                      "2009/10: £150k of capital spending is forecast against £100k of capital money; capital money "
                      "cannot pay for the other kind, so move the rows to the right kind or find £50k more.")]


def test_ring_fenced_money_expected_received_and_paid_on():
    ring = [["2009/10", "Climate Change", "DEFRA", 288624, None, 288624, D(2009, 5, 14), 150000, D(2009, 9, 30), "X", ""],
            ["2009/10", "Cohesion", "DCLG", 150000, D(2009, 10, 31), 0, None, 0, None, None, ""],
            ["2009/10", "Skills", "DWP", 100000, D(2010, 1, 31), 0, None, 20000, D(2009, 11, 1), "Y", ""]]
    book = _world([["2009/10", D(2009, 11, 30), n, 0, 0, b, "revenue", ""]
                   for n, b in (("Use of Resources", 150), ("Equalities", 65), ("Contingency", 100))], ring)
    assert [f for f in _found(book) if f[0] == "MON-008"] == [
        ("MON-008", "warning", "E6", "Cohesion: £150,000 expected from DCLG by 31/10/2009 has not been received; chase "
                                     "it, and do not commit it until it is in hand."),
        ("MON-008", "error", "H7", "Skills: £20,000 paid on to Y against £0 received; pay ring-fenced money on only "
                                   "once it has come in."),
    ]


def test_the_year_says_no_headroom_or_how_much_short():
    def year(forecast: float) -> str:
        book = _world([["2009/10", D(2009, 11, 30), "Use of Resources", 100, 50, forecast, "revenue", ""],
                       ["2009/10", D(2009, 11, 30), "Equalities", 65, 10, 65, "revenue", ""],
                       ["2009/10", D(2009, 11, 30), "Contingency", 0, 0, 100, "revenue", ""]], capital=0)
        (message,) = [f[3] for f in _found(book) if f[0] == "MON-006"]
        return message.split(": ")[-1]

    assert [year(f) for f in (200, 250, 300)] == ["£50k headroom.", "no headroom.", "£50k short."]


def _sheet_world():  # type: ignore[no-untyped-def]
    book = _world([["2009/10", D(2009, 11, 30), "Use of Resources", 120.4, 60.2, 170, "revenue", ""],
                   ["2009/10", D(2009, 11, 30), "Equalities", 30, 20, 50, "revenue", ""]],
                  lines=[["2009/10", "Other", "", "LGR", None, ""]])
    return book, position(book, AS_OF)


def test_the_sheet_leaves_what_has_no_figure_blank_and_not_rated():
    book, pos = _sheet_world()
    sheet = monitoring_sheet(book, pos, S)
    rows = {r[1]: r for r in sheet.rows}
    assert rows["Use of Resources"][2:] == ["=N('Allocation'!E5)", "='Monitoring'!D5", "='Monitoring'!E5",
                                            "='Monitoring'!F5", "=F5-C5", _rag_formula(5), ""]
    # no Monitoring row: committed and spent blank, the forecast taken as the budget, not rated
    assert rows["Contingency"][2:] == ["=N('Allocation'!E7)", "", "", "=C8", "=F8-C8", "Not rated",
                                       "no figures this month: forecast = budget"]
    # no figure in the plan: nothing made up, not rated, no RAG fill
    assert rows["LGR"] == ["Other", "LGR", "", "", "", "", "", "Not rated", "no figure in the plan"]
    fills = {sheet.rows[i][1]: rgb for i, rgb in sheet.row_fills.items()}
    assert fills["Use of Resources"] == "F8CBAD" and "LGR" not in fills and "Contingency" not in fills
    # whole £k, negatives in brackets; headroom reads "none" when nothing is left
    assert [c.number_format for c in sheet.columns[2:7]] == [XL_K] * 4 + [XL_K_SIGNED]
    headroom = [r[1] for r in sheet.rows].index("Headroom against the money available")
    assert sheet.row_formats == {headroom: XL_HEADROOM_K}
    # the figures link to the cells they come from; the names are plain text, so they wrap
    assert {(sheet.rows[i][1], j): link.target for (i, j), link in sheet.links.items()} == {
        ("Use of Resources", 2): "'Allocation'!E5", ("Use of Resources", 5): "'Monitoring'!F5",
        ("Equalities", 2): "'Allocation'!E6", ("Equalities", 5): "'Monitoring'!F6",
        ("Contingency", 2): "'Allocation'!E7", ("Money available (stated Funding total)", 2): "'StatedTotals'!C6"}


def _rag_formula(row: int) -> str:
    return f'=IF(G{row}>0.5,"Red",IF(-G{row}>C{row}*10/100+0.5,"Amber","Green"))'


def test_a_theme_is_stated_in_whole_k_and_its_variance_in_words():
    book, _ = _sheet_world()
    themes = [f[3] for f in _found(book) if f[0] == "MON-005"]
    assert themes == [
        "Performance 2009/10: budget £215k, committed £150k, spent £80k, forecast outturn £220k, variance: £5k over "
        "budget (Red).",
        "Other 2009/10: budget £100k, committed £0k, spent £0k, forecast outturn £100k, variance: on budget (Green)."]


def test_the_first_page_states_the_position_and_the_lines_by_rating():
    book, pos = _sheet_world()
    assert key_lines(pos, S) == [
        "2009/10 at the end of November 2009: budget £315k on the itemised lines; committed £150k, spent £80k, "
        "forecast outturn £320k: £5k over budget.",
        "4 lines: 1 over budget (Red), 1 under by more than 10% (Amber), 2 not rated (no plan figure or no figures "
        "this month)."]


def test_riep_monitor_on_the_shipped_workbook(riep, tmp_path):
    code, out, _ = riep("monitor", SHIPPED, "--as-of", "2009-12-15", "--format", "json")
    (fr,) = json.loads(out)["files"]
    assert code == 1 and fr["summary"] == {"errors": 1, "warnings": 3, "info": 5, "unusable": False}
    assert [(f["rule"], f["scope"]) for f in fr["findings"] if f["severity"] != "info"] == [
        ("MON-003", "Adult Social Care"), ("MON-004", "Housing and Planning"), ("MON-004", "Innovations Day"),
        ("MON-008", "Community Cohesion")]


@pytest.mark.libreoffice
def test_the_sheet_recalculates_to_the_figures_the_findings_report(riep, tmp_path, recalc):
    out = tmp_path / "monitored.xlsx"
    code, stdout, _ = riep("monitor", SHIPPED, "--as-of", "2009-12-15", "--format", "json", "--write-sheet", out)
    findings = json.loads(stdout)["files"][0]["findings"]
    ws = openpyxl.load_workbook(recalc(out), data_only=True)[SHEET_NAME]
    rows = {(r[0].value, r[1].value): [c.value for c in r[2:8]] for r in ws.iter_rows(min_row=5) if r[1].value}
    for f in (f for f in findings if f["rule"] == "MON-005"):
        budget, committed, spent, forecast, variance, rating = rows[(f["scope"], f"{f['scope']} total")]
        assert (round(budget, 6), round(forecast, 6), round(variance, 6)) == (f["expected"], f["actual"], f["difference"])
        assert f["message"].endswith(f"({rating}).")
    (year,) = [f for f in findings if f["rule"] == "MON-006"]
    position = {label: rows[("Year position 2009/10", label)][0] for label in POSITION_LABELS}
    assert position["Money available (stated Funding total)"] == year["expected"] == 13000
    assert round(position["Forecast outturn, with the allocation not itemised"], 6) == year["actual"] == 12880
    assert (position["of which capital"], position["of which revenue"]) == (2000, 11000)
    assert position["Not itemised in any line"] == 4575
    assert rows[("Performance", "Adult Social Care")][5] == "Red"
    assert rows[("Performance", "Innovations Day")][5] == "Amber"
    assert rows[("Ring-fenced (£)", "Climate Change")][:4] == [288624, 288624, 150000, 138624]

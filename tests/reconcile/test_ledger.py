"""Reading a ledger from a real workbook: Balances, the stated budget and allocation, hidden error values."""

from __future__ import annotations

import openpyxl

from allocdata import write_allocation
from reconcile.balances import CLOSED, line, write_balances
from riep.reconcile.ledger import evaluate, read_ledger, recognises
from riep.settings import Settings
from riep.xlsx.reader import open_workbook


def test_budget_and_allocation_come_from_stated_totals(tmp_path):
    p = write_balances(tmp_path / "b.xlsx", CLOSED, stated=[["2009/10", "Funding total", 1600, ""],
                                                           ["2009-10", "Grand total", 1500, ""]])
    led = read_ledger(open_workbook(p), Settings())
    assert (led.budgets["2009/10"].value, led.budgets["2009/10"].cell, led.budgets["2009/10"].formula) == (
        1600.0, "C5", "='StatedTotals'!C5")
    assert (led.allocations["2009/10"].value, led.allocations["2009/10"].formula) == (1500.0, "='StatedTotals'!C6")
    assert led.years() == ["2008/09", "2009/10"]
    assert [f.rule for f in evaluate(led, Settings()).findings] == ["REC-004"]


def test_without_a_stated_grand_total_the_allocation_is_the_sum_of_its_lines(tmp_path):
    p = write_allocation(tmp_path / "plan.xlsx", stated=[("2009/10", "Funding total", 3500)])
    wb = openpyxl.load_workbook(p)
    ws = wb.create_sheet("Balances")
    ws.append([c for c in ["Year", "Stream", "Opening", "Funding", "Committed", "Closing"]])
    ws.append(["2009/10", "Grant", None, 3500, None, None])
    from openpyxl.worksheet.table import Table

    ws.add_table(Table(displayName="Balances", ref="A1:F2"))
    wb.save(p)
    src = open_workbook(p)
    assert recognises(src)
    led = read_ledger(src, Settings())
    alloc = led.allocations["2009/10"]
    assert alloc.value == 3197.0 and alloc.sheet == "Allocation"
    assert alloc.formula == "=SUMIF('Allocation'!$A$5:$A$7,\"2009/10\",'Allocation'!$E$5:$E$7)"
    assert led.get("2009/10", "grant").cell("opening") == "C2"  # 'Opening' read as the Opening (£k) column


def test_an_error_value_calamine_reads_as_blank_is_still_found(tmp_path):
    p = write_balances(tmp_path / "b.xlsx", [line("2009/10", "Grant", None, 100, 40, None, 60)])
    wb = openpyxl.load_workbook(p)
    wb["Balances"]["E5"] = "#REF!"  # an error value, as Excel stores it
    wb.save(p)
    report = evaluate(read_ledger(open_workbook(p), Settings()), Settings())
    assert [(f.rule, f.cell, f.actual) for f in report.findings] == [("REC-009", "E5", "#REF!")]
    assert not recognises(open_workbook(write_allocation(tmp_path / "plan.xlsx")))

"""Rolling forward: the plan (core) and the copy written with openpyxl (shell), earlier cells untouched."""

from __future__ import annotations

import openpyxl
import pytest

from reconcile.balances import CLOSED, ledger, line, write_balances
from riep.errors import InputError, RefusedError
from riep.reconcile.ledger import read_ledger, reconcile_ledger
from riep.reconcile.rollover import Fill, NewRow, plan_rollover
from riep.settings import Settings
from riep.xlsx.reader import open_workbook
from riep.xlsx.rollover import rollover_workbook


def _plan(rows, to):
    led = ledger(rows)
    return plan_rollover(led, to, reconcile_ledger(led, Settings()))


def test_the_new_year_opens_with_the_closing_balances():
    plan = _plan(CLOSED, "2010-11")
    assert (plan.year, plan.previous) == ("2010/11", "2009/10")
    assert plan.rows == [NewRow("2010/11", "Core grant", 600.0,
                                "Opening = 2009/10 closing balance £600k (riep rollover).")]
    assert plan.fills == [] and plan.brought_forward == 600.0
    assert plan.describe("out.xlsx") == ("Wrote out.xlsx: 2010/11 opens with £600k brought forward from the 2009/10 "
                                         "closing balances (1 rows added, 0 openings filled in).\n")


def test_existing_new_year_rows_get_only_their_blank_openings():
    rows = [line("2008/09", "A", None, 100, 40, None, 60), line("2008/09", "B", None, 100, 50, None, 50, "Closing"),
            line("2008/09", "C", None, 10, 10, None, 0), line("2009/10", "A", None, 500), line("2009/10", "B", 50)]
    plan = _plan(rows, "2009/10")
    assert plan.rows == [] and plan.fills == [Fill("C8", 60.0, "A")] and plan.kept == ["B"]


def test_an_approximate_closing_opens_the_new_year_as_approximate():
    plan = _plan([line("2008/09", "A", None, 100, 40, None, 60, "Closing")], "2009/10")
    assert plan.rows[0].approximate and plan.rows[0].note == (
        "Opening = 2008/09 approximate closing balance £60k (riep rollover).")


@pytest.mark.parametrize(("rows", "to", "message"), [
    (CLOSED, "2012/13", "book.xlsx, sheet Balances: cannot roll over to 2012/13: the Balances table has no 2011/12 "
                        "rows to carry forward"),
    (CLOSED, "next year", "book.xlsx: cannot roll over: 'next year' is not a financial year; write it as 2009/10"),
    ([line("2009/10", "A", None, 100), line("2009/10", "B", None, 5, 5, None, 0)], "2010/11",
     "book.xlsx, sheet Balances, cell G5: cannot roll over to 2010/11: 2009/10 does not close (no closing balance "
     "for 'A')"),
    ([line("2009/10", "A", None, 100, 40, None, 50)], "2010/11",
     "book.xlsx, sheet Balances, cell G5: cannot roll over to 2010/11: 2009/10 does not close ('A' does not close in "
     "2009/10: funding £100k - committed £40k leaves £60k, but the closing balance is £50k, "
     "so £10k is neither committed nor carried forward; record the commitment, or correct the closing figure.)"),
])
def test_refuses_when_the_previous_year_does_not_close(rows, to, message):
    led = ledger(rows)
    with pytest.raises(RefusedError) as info:
        plan_rollover(led, to, reconcile_ledger(led, Settings()))
    assert info.value.message == message


def _cells(path):
    wb = openpyxl.load_workbook(path)
    return {(ws.title, c.coordinate): (c.value, c.number_format) for ws in wb for row in ws.iter_rows() for c in row
            if c.value is not None}


@pytest.mark.libreoffice
def test_the_copy_adds_rows_and_leaves_every_earlier_cell_untouched(tmp_path, recalc):
    rows = CLOSED + [line("2010/11", "Capital", None, 250)]
    src = write_balances(tmp_path / "ledger.xlsx", rows)
    before = src.read_bytes()
    out = tmp_path / "rolled.xlsx"
    plan = rollover_workbook(src, "2010/11", out, Settings())
    assert src.read_bytes() == before
    assert [r.stream for r in plan.rows] == ["Core grant"]
    old, new = _cells(src), _cells(out)
    added = {k: v for k, v in new.items() if k not in old}
    assert {k: v for k, v in new.items() if k in old} == old  # every earlier cell as it was
    assert {k: v[0] for k, v in added.items()} == {
        ("Balances", "A9"): "2010/11", ("Balances", "B9"): "Core grant", ("Balances", "C9"): 600,
        ("Balances", "I9"): "Opening = 2009/10 closing balance £600k (riep rollover).",
    }
    assert new[("Balances", "C9")][1] == old[("Balances", "D8")][1]  # £k format carried down
    wb = openpyxl.load_workbook(out)
    assert wb["Balances"].tables["Balances"].ref == "A4:I9"
    led = read_ledger(open_workbook(out), Settings())
    assert led.get("2010/11", "coregrant").value("opening") == 600.0
    assert [f.rule for f in reconcile_ledger(led, Settings()) if f.rule in {"REC-002", "REC-003"}] == []
    lo = openpyxl.load_workbook(recalc(out), data_only=True)["Balances"]
    assert (lo["A9"].value, lo["B9"].value, lo["C9"].value) == ("2010/11", "Core grant", 600)


def test_the_copy_refuses_to_overwrite_its_input_or_to_grow_into_cells_in_use(tmp_path):
    src = write_balances(tmp_path / "ledger.xlsx", CLOSED)
    with pytest.raises(InputError) as info:
        rollover_workbook(src, "2010/11", src, Settings())
    assert info.value.message == ("ledger.xlsx: is the input workbook; write the rolled-over copy to a different "
                                  "file")
    wb = openpyxl.load_workbook(src)
    wb["Balances"]["D8"] = "someone's note"
    wb.save(src)
    out = tmp_path / "rolled.xlsx"
    with pytest.raises(RefusedError) as info:
        rollover_workbook(src, "2010/11", out, Settings())
    assert info.value.message == ("ledger.xlsx, sheet Balances, cell D8: cannot roll over to 2010/11: cell D8 below "
                                  "the Balances table is not empty, so the table cannot grow; move what is there")
    assert not out.exists()

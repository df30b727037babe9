"""riep diff: rows matched by identity, changes with differences, stated totals, findings new and fixed."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from allocdata import WORKBOOKS, table
from ci.conftest import AS_OF
from riep.checks.tables import ALLOCATION, STATED_TOTALS
from riep.diff import diff_workbooks
from riep.findings import RunReport
from riep.output.diff_out import render_diff

ROWS = [["2009/10", "Performance", "", "Individual Authorities", 1000, ""],
        ["2009/10", "Performance", "", "Housing and Planning", 120, ""],
        ["2009/10", "Other", "", "Contingency", 100, ""]]
STATED = [["2009/10", "Performance", 1120, ""], ["2009/10", "Grand total", 1220, "as printed"]]


def test_rows_are_matched_by_identity_so_an_inserted_row_is_one_addition():
    new_rows = [["2009/10", "Other", "", "Communications", None, "no figure"], ROWS[0],
                [*ROWS[1][:4], 157, ""]]
    new_stated = [STATED[0], ["2009/10", "Grand total", 1257.5, "as printed"]]
    d = diff_workbooks("old.xlsx", "new.xlsx", [table(ALLOCATION, ROWS), table(STATED_TOTALS, STATED)],
                       [table(ALLOCATION, new_rows), table(STATED_TOTALS, new_stated)], RunReport(), RunReport())
    assert render_diff(d) == """\
riep diff old.xlsx -> new.xlsx

Allocation (sheet Allocation, rows by Year + Theme + Line): 1 added, 1 removed, 1 changed
  added    2009/10 · Other · Communications
  removed  2009/10 · Other · Contingency
  changed  2009/10 · Performance · Housing and Planning  Amount (£k)  120  ->  157 (+37)

StatedTotals (sheet StatedTotals, rows by Year + Scope): 1 changed
  changed  2009/10 · Grand total  Stated (£k)  1220  ->  1257.5 (+37.5)

Stated totals that moved: 2009/10 · Grand total £1,220k -> £1,257.5k

Findings new: 0

Findings fixed: 0
"""
    assert d.tables[0].changed[0].cell == "E7"
    assert d.exit_code() == 0


def test_the_plus_37_change_shows_the_line_its_theme_and_the_new_finding(riep, plus_37):
    old, new = WORKBOOKS / "financial_allocation.xlsx", plus_37 / "financial_allocation.xlsx"
    code, out, err = riep("diff", old, new, "--as-of", AS_OF)
    assert (code, err) == (1, "")
    assert out == f"""\
riep diff {old} -> {new}

Allocation (sheet Allocation, rows by Year + Theme + Line): 1 changed
  changed  2009/10 · Performance · Housing and Planning  Amount (£k)  120  ->  157 (+37)

Unchanged: Funding, StatedTotals, Balances, Monitoring, RingFenced, Settings

Stated totals that moved: none

Findings new: 1
  error  TOT-001  StatedTotals!C5  The Performance subtotal for 2009/10 states £4,347k but its 10 lines add up to £4,384k: the lines come to £37k more than the subtotal.

Findings fixed: 0
"""


@pytest.mark.libreoffice
def test_diff_as_json_and_as_a_changes_sheet(riep, plus_37, tmp_path, recalc):
    old, new = WORKBOOKS / "financial_allocation.xlsx", plus_37 / "financial_allocation.xlsx"
    code, out, _ = riep("diff", old, new, "--as-of", AS_OF, "--format", "json", "--write-sheet", tmp_path / "c.xlsx")
    doc = json.loads(out)
    change = doc["tables"][1]["changed"][0]
    assert (code, doc["riep_diff"], change["identity"], change["old"], change["new"], change["difference"]) == (
        1, 1, [["Year", "2009/10"], ["Theme", "Performance"], ["Line", "Housing and Planning"]], 120.0, 157.0, 37.0)
    assert [f["rule"] for f in doc["findings_new"]] == ["TOT-001"]
    ws = load_workbook(recalc(tmp_path / "c.xlsx"))["Changes"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_col=8)]
    assert rows[0] == ["Table or sheet", "Row", "Change", "Column or finding", "Old", "New", "Difference", "Where"]
    assert rows[1] == ["Allocation", "2009/10 · Performance · Housing and Planning", "changed", "Amount (£k)",
                       120, 157, 37, "E12"]
    assert rows[2] == ["StatedTotals", "Performance", "new finding", "TOT-001 (error): " + doc["findings_new"][0]["message"],
                       None, None, None, "C5"]
    assert ws.cell(5, 8).hyperlink.location == "'Allocation'!E12"
    assert ws["A2"].value == f"From {old} to {new}: 1 finding new, 0 fixed"
    about = load_workbook(tmp_path / "c.xlsx")["About"]  # framed as every copy riep writes
    stated = [about.cell(r, 2).value for r in range(4, about.max_row + 1) if about.cell(r, 2).value]
    assert about["A1"].value == "Changes: financial_allocation.xlsx to financial_allocation.xlsx"
    assert ["1 error, 0 warnings, 0 notes", "Tables changed: Allocation: 1 changed", "Stated totals that moved: none",
            "Findings: 1 new in financial_allocation.xlsx, 0 fixed since financial_allocation.xlsx (the counts above "
            "are the new ones)"] == [v for v in stated if v.startswith(("1 error", "Tables", "Stated", "Findings:"))]


def test_rows_with_the_same_identity_are_told_apart_by_their_order():
    twice = [ROWS[2], [*ROWS[2][:4], 50, "second"]]
    d = diff_workbooks("a.xlsx", "b.xlsx", [table(ALLOCATION, twice)], [table(ALLOCATION, [twice[0]])],
                       RunReport(), RunReport())
    assert [r.identity for r in d.tables[0].removed] == [[("Year", "2009/10"), ("Theme", "Other"), ("Line", "Contingency #2")]]
    assert d.tables[0].changed == []

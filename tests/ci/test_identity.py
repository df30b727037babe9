"""riep.identity: a finding's key names its row by the table's identity columns, not the cell address."""

from __future__ import annotations

import datetime as dt

from allocdata import table
from riep.checks.tables import ALLOCATION, STATED_TOTALS
from riep.findings import Finding, Severity
from riep.identity import RowIndex, finding_key, identity_value

ROWS = [["2009/10", "Performance", "", "Individual Authorities", 1000, ""],
        ["2009/10", "Performance", "", "Housing and Planning", 120, ""]]


def _finding(cell: str | None, sheet: str | None = "Allocation", scope: str | None = "Performance") -> Finding:
    return Finding(rule="LINE-001", severity=Severity.WARNING, file="in/plan.xlsx", sheet=sheet, cell=cell,
                   scope=scope, message="m")


def test_the_key_names_the_row_and_column_not_the_address():
    index = RowIndex([table(ALLOCATION, ROWS), table(STATED_TOTALS, [["2009/10", "Performance", 1120, ""]])])
    assert finding_key(_finding("E6"), index, "plan.xlsx") == (
        "LINE-001|plan.xlsx|Allocation|Allocation[Year=2009/10, Theme=Performance, Line=Housing and Planning]|Amount (£k)")


def test_a_row_inserted_above_keeps_the_key():
    before = RowIndex([table(ALLOCATION, ROWS)])
    after = RowIndex([table(ALLOCATION, [["2009/10", "Other", "", "Contingency", 100, ""], *ROWS])])
    assert finding_key(_finding("E6"), before, "plan.xlsx") == finding_key(_finding("E7"), after, "plan.xlsx")


def test_cells_outside_tables_are_keyed_by_scope_then_address():
    index = RowIndex([table(ALLOCATION, ROWS)])
    assert finding_key(_finding("H2"), index, "plan.xlsx") == "LINE-001|plan.xlsx|Allocation|scope=Performance|"
    assert finding_key(_finding(None, sheet=None, scope=None), index, "p.xlsx") == "LINE-001|p.xlsx||cell=|"
    assert finding_key(_finding("A4"), index, "p.xlsx") == "LINE-001|p.xlsx|Allocation|Allocation[header=]|Year"


def test_identity_values_are_written_as_people_read_them():
    assert [identity_value(v) for v in (120.0, 0.1 + 0.2, None, float("nan"), dt.datetime(2009, 8, 25), True,
                                        " two\nlines ")] == ["120", "0.3", "", "", "2009-08-25", "TRUE", "two lines"]

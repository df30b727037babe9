"""The shipped workbooks are exactly what their YAML sources build, and they are Excel-native."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from allocdata import WORKBOOKS
from riep.build import build_all, describe, load_source
from riep.errors import InputError

SOURCES = sorted((WORKBOOKS / "src").glob("*.yaml"))


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rebuilt")
    build_all(WORKBOOKS / "src", out)
    return out


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_committed_workbook_matches_its_source(source: Path, rebuilt: Path):
    name = load_source(source).file
    assert (WORKBOOKS / name).exists(), f"{name} is not committed: run `make workbooks`"
    assert describe(WORKBOOKS / name) == describe(rebuilt / name), (
        f"workbook/{name} differs from workbook/src/{source.name}: run `make workbooks` and commit both")


def test_financial_allocation_is_excel_native():
    wb = openpyxl.load_workbook(WORKBOOKS / "financial_allocation.xlsx")
    assert wb.sheetnames[:3] == ["Funding", "Allocation", "StatedTotals"]
    ws = wb["Allocation"]
    assert ws.tables["Allocation"].ref == "A4:F31"
    assert ws.freeze_panes == "A5"
    assert ws["E5"].number_format == '£#,##0"k";[Red]-£#,##0"k"'
    assert ws["D27"].value == "LGR" and ws["E27"].value is None
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["B5:B231"] == '"Performance,LSPs/LAAs,Efficiency,Skills and Capacity,Other"'
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$4:$4"
    kinds = {str(dv.sqref): dv.formula1 for dv in wb["Funding"].data_validations.dataValidation}
    assert kinds["D5:D212"] == '"grant,carry-forward,capital,ring-fenced,other"'


def test_a_source_with_a_short_row_is_refused(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("file: x.xlsx\ntitle: X\nsheets:\n  - name: S\n    title: S\n    table:\n      name: T\n"
                   "      columns: [{name: A}, {name: B}]\n      rows: [[1]]\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_source(bad)
    assert info.value.message == "bad.yaml: sheet S row 1 has 1 values for 2 columns"


def test_build_command(riep, tmp_path):
    code, out, _ = riep("build", WORKBOOKS / "src" / "em_iep_capacity_fund_2008.yaml", "--out", tmp_path)
    assert code == 0
    assert out == f"built {tmp_path / 'em_iep_capacity_fund_2008.xlsx'}\n"




def test_describe_notices_a_changed_figure_or_format(tmp_path, rebuilt):
    p = tmp_path / "edited.xlsx"
    wb = openpyxl.load_workbook(rebuilt / "financial_allocation.xlsx")
    wb["Allocation"]["E5"] = 1001
    wb.save(p)
    assert describe(p) != describe(rebuilt / "financial_allocation.xlsx")
    wb["Allocation"]["E5"] = 1000
    wb["Allocation"]["E5"].number_format = "0"
    wb.save(p)
    assert describe(p) != describe(rebuilt / "financial_allocation.xlsx")

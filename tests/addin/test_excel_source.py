"""BookSource reads the open workbook's tables exactly as the .xlsx reader reads the file."""

from __future__ import annotations

import openpyxl
import pytest
import xlwings as xw
from bookjson import book_json, table_formulas

from riep.checks.tables import ALLOCATION, FUNDING, STATED_TOTALS
from riep.errors import InputError
from riep.excel.source import BookSource, parse_address
from riep.xlsx.reader import open_workbook


def _source(path, formulas=True) -> BookSource:
    return BookSource(xw.Book(json=book_json(path)), table_formulas(path) if formulas else {})


def test_parse_address():
    assert parse_address("A4:H12") == (4, 1, 12, 8)
    assert parse_address("'My sheet'!$B$2:$AB$10") == (2, 2, 10, 28)
    assert parse_address("C7") == (7, 3, 7, 3)


@pytest.mark.parametrize("name", ["financial_allocation.xlsx", "em_iep_capacity_fund_2008.xlsx"])
def test_tables_match_the_file_reader(shipped, name):
    path = shipped(name)
    source, reader = _source(path), open_workbook(path)
    assert source.file == name
    assert sorted(source.table_names) == sorted(reader.table_names)
    for spec in (ALLOCATION, STATED_TOTALS, FUNDING):
        if not reader.has_table(spec.name):
            continue
        a, b = source.table(spec), reader.table(spec)
        assert (a.name, a.sheet, a.header_row, a.columns) == (b.name, b.sheet, b.header_row, b.columns)
        assert a.frame.astype(str).to_dict("records") == b.frame.astype(str).to_dict("records")


def test_formulas_arrive_from_the_ribbon(shipped, tmp_path):
    wb = openpyxl.load_workbook(shipped("financial_allocation.xlsx"))
    ws = wb["StatedTotals"]
    ws["C5"] = "=SUM(Allocation!E5:E14)"
    path = tmp_path / "formulas.xlsx"
    wb.save(path)
    table = _source(path).table(STATED_TOTALS, formula_columns=("Stated (£k)",))
    assert table.formulas == {"C5": "=SUM(Allocation!E5:E14)"}
    assert _source(path, formulas=False).table(STATED_TOTALS, formula_columns=("Stated (£k)",)).formulas == {}


def test_error_values_and_blank_rows(shipped, tmp_path):
    wb = openpyxl.load_workbook(shipped("financial_allocation.xlsx"))
    ws = wb["Allocation"]
    ws["E5"] = "#REF!"
    for col in "ABCDEF":
        ws[f"{col}6"] = None
    path = tmp_path / "errors.xlsx"
    wb.save(path)
    frame = _source(path).table(ALLOCATION).frame
    assert frame.loc[0, "Amount (£k)"] == "#REF!"
    assert 6 not in frame["_row"].tolist() and frame["_row"].tolist()[:2] == [5, 7]


def test_missing_table(shipped):
    source = _source(shipped("em_iep_capacity_fund_2008.xlsx"))
    nowhere = type(FUNDING)(name="Nowhere", columns=FUNDING.columns)
    assert not source.has_table("Nowhere") and source.table(nowhere, required=False) is None
    with pytest.raises(InputError) as info:
        source.table(nowhere)
    assert info.value.message.startswith("em_iep_capacity_fund_2008.xlsx: has no Excel Table named 'Nowhere' "
                                         "(tables found: ")


def test_book_json_carries_tables_and_names(shipped, tmp_path):
    wb = openpyxl.load_workbook(shipped("financial_allocation.xlsx"))
    wb.defined_names["GrandTotal"] = openpyxl.workbook.defined_name.DefinedName("GrandTotal",
                                                                                 attr_text="StatedTotals!$C$7")
    path = tmp_path / "named.xlsx"
    wb.save(path)
    book = xw.Book(json=book_json(path))
    assert book.sheets["StatedTotals"]["GrandTotal"].value == 12922
    assert book.sheets["Allocation"].tables["Allocation"].header_row_range.value[:2] == ["Year", "Theme"]
    assert book.names["GrandTotal"].refers_to_range.address == "$C$7"

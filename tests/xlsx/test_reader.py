"""Unusable input: every way a file can be wrong gives one sentence, exit 2, no traceback, nothing written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import openpyxl.worksheet.table
import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from allocdata import LINES, write_allocation
from riep.errors import InputError
from riep.xlsx.libreoffice import _convert
from riep.xlsx.reader import open_workbook


def check_fails(riep, path: Path, tmp_path: Path) -> str:
    out_sheet = tmp_path / "never.xlsx"
    code, out, err = riep("check", path, "--write-sheet", out_sheet)
    assert code == 2
    assert "Traceback" not in out + err
    assert not out_sheet.exists()
    assert not list(out_sheet.parent.glob(".never.xlsx.*"))
    return out.strip().splitlines()[0]


def test_missing_file(riep, tmp_path):
    assert check_fails(riep, tmp_path / "nope.xlsx", tmp_path) == "Cannot read: nope.xlsx: file not found"


def test_a_file_that_is_not_a_zip(riep, tmp_path):
    p = tmp_path / "plan.xlsx"
    p.write_text("Year,Theme\n2009/10,Performance\n")
    assert check_fails(riep, p, tmp_path) == (
        "Cannot read: plan.xlsx: is not an Excel workbook (.xlsx): its contents are not a workbook package")


def test_a_corrupt_xlsx(riep, tmp_path):
    good = write_allocation(tmp_path / "good.xlsx")
    p = tmp_path / "plan.xlsx"
    p.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert check_fails(riep, p, tmp_path) == (
        "Cannot read: plan.xlsx: is not an Excel workbook (.xlsx): its contents are not a workbook package")
    q = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(q, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    assert check_fails(riep, q, tmp_path) == (
        "Cannot read: parts.xlsx: is damaged or not an Excel workbook: it has no workbook part; open it in Excel (or "
        "LibreOffice: File > Save As) and save it as an .xlsx (Excel Workbook)")


@pytest.mark.parametrize("where", [0.0, 0.5], ids=["bad-deflate-data", "bad-checksum"])
def test_a_workbook_with_a_damaged_part(riep, tmp_path, where):
    p = write_allocation(tmp_path / "plan.xlsx")
    with zipfile.ZipFile(p) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(p.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)  # the part's compressed bytes
    data[start + int(info.compress_size * where)] ^= 0xFF
    p.write_bytes(bytes(data))
    assert check_fails(riep, p, tmp_path) == (
        "Cannot read: plan.xlsx: is damaged and cannot be opened (part xl/worksheets/sheet1.xml is corrupt)")


def test_a_password_protected_workbook(riep, tmp_path):
    plain = write_allocation(tmp_path / "plain.xlsx")
    p = tmp_path / "locked.xlsx"
    with plain.open("rb") as src, p.open("wb") as dst:
        office = OOXMLFile(src)
        office.encrypt("secret", dst)
    assert check_fails(riep, p, tmp_path) == (
        "Cannot read: locked.xlsx: is password-protected; open it in Excel, remove the password (File > Info > "
        "Protect Workbook > Encrypt with Password) and save a copy for riep")


def test_an_old_xls_or_a_csv_given_by_mistake(riep, tmp_path):
    plain = write_allocation(tmp_path / "plain.xlsx")
    xls = _convert(plain, tmp_path / "xls", "xls", 120)
    assert check_fails(riep, xls, tmp_path) == (
        "Cannot read: plain.xls: is an old-style .xls workbook; open it in Excel and save it as .xlsx")
    csv = tmp_path / "plan.csv"
    csv.write_text("a,b\n")
    assert check_fails(riep, csv, tmp_path) == (
        "Cannot read: plan.csv: is a CSV file, not an Excel workbook; open it in Excel and save it as .xlsx")


def test_a_required_table_missing(riep, tmp_path):
    p = write_allocation(tmp_path / "plan.xlsx")
    wb = openpyxl.load_workbook(p)
    del wb["StatedTotals"].tables["StatedTotals"]
    wb.save(p)
    assert check_fails(riep, p, tmp_path) == (
        "Cannot read: plan.xlsx: has no Excel Table named 'StatedTotals' (tables found: Funding, Allocation); select "
        "the range and use Insert > Table, then name it StatedTotals under Table Design")


def test_a_renamed_header(riep, tmp_path):
    p = write_allocation(tmp_path / "plan.xlsx")
    wb = openpyxl.load_workbook(p)
    ws = wb["Allocation"]
    ws["E4"] = "Budget"
    ws.tables["Allocation"].tableColumns[4].name = "Budget"
    wb.save(p)
    assert check_fails(riep, p, tmp_path) == (
        "Cannot read: plan.xlsx, sheet Allocation, cell A4: table 'Allocation' has no 'Amount (£k)' column (headers "
        "not recognised: 'Budget'); rename the header or map it under [headers.Allocation] in riep.toml")
    config = tmp_path / "riep.toml"
    config.write_text('[headers.Allocation]\n"Amount (£k)" = ["Budget"]\n', encoding="utf-8")
    code, out, _ = riep("check", p, "--config", config, "--format", "json")
    assert code == 0, out


def test_merged_cells_across_a_table(riep, tmp_path):
    p = write_allocation(tmp_path / "plan.xlsx")
    wb = openpyxl.load_workbook(p)
    wb["Allocation"].merge_cells("B5:B6")
    wb.save(p)
    assert check_fails(riep, p, tmp_path) == (
        "Cannot read: plan.xlsx, sheet Allocation, cell B5: cells B5:B6 are merged across table 'Allocation'; unmerge "
        "them (Home > Merge & Center) so every row has its own value")


def test_a_table_with_only_its_header_row(riep, tmp_path):
    p = tmp_path / "plan.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Allocation"
    ws.append(["Year", "Theme", "Programme", "Line", "Amount (£k)", "Notes"])
    ws.add_table(openpyxl.worksheet.table.Table(displayName="Allocation", ref="A1:F1"))
    wb.save(p)
    assert check_fails(riep, p, tmp_path) == (
        "Cannot read: plan.xlsx: table 'Allocation' has a header row and no rows under it; add its rows (Excel keeps "
        "at least one, even a blank one)")


def test_text_in_an_amount_column_is_a_finding_not_a_crash(riep, tmp_path):
    p = write_allocation(tmp_path / "plan.xlsx", lines=LINES + [("2009/10", "Other", "Comms", "£12 922")])
    code, out, _ = riep("check", p, "--format", "json")
    assert code == 1
    assert '"rule": "LINE-002"' in out and '"cell": "E8"' in out


@pytest.mark.libreoffice
def test_ref_error_in_a_total_is_a_finding(riep, tmp_path, recalc):
    p = write_allocation(tmp_path / "plan.xlsx")
    wb = openpyxl.load_workbook(p)
    wb["StatedTotals"]["C7"] = "=SUM(#REF!)"
    wb["StatedTotals"]["C5"] = "=1/0"
    wb.save(p)
    for path in (p, recalc(p)):  # as openpyxl left it (no cached value), and as LibreOffice saved it
        code, out, _ = riep("check", path, "--format", "json")
        assert code == 1
        assert '"rule": "FORM-002"' in out and '"cell": "C7"' in out and '"actual": "#REF!"' in out
        assert '"actual": "#DIV/0!"' in out or path == p


def test_open_workbook_raises_input_error_naming_the_file(tmp_path):
    with pytest.raises(InputError) as info:
        open_workbook(tmp_path)
    assert info.value.message == f"{tmp_path.name}: is a folder, not a workbook"



"""``riep check`` end to end on the shipped workbooks: exact findings, every output format, exit codes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import openpyxl
import pytest

from allocdata import ROOT

FA = "workbook/financial_allocation.xlsx"
EM = "workbook/em_iep_capacity_fund_2008.xlsx"


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_financial_allocation_findings_are_exactly_these(riep):
    code, out, _ = riep("check", FA, "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["schema"] == 1
    found = [(f["rule"], f["severity"], f["sheet"], f["cell"], f["message"]) for f in doc["files"][0]["findings"]]
    assert found == [
        ("TOT-002", "error", "StatedTotals", "C7",
         "The 2009/10 grand total states £12,922k but the allocation lines add up to £8,347k: £4,575k of the £12,922k "
         "grand total is not itemised in any line."),
        ("LINE-001", "warning", "Allocation", "E27", "Line 'LGR' (Skills and Capacity) has no amount."),
        ("LINE-001", "warning", "Allocation", "E31", "Line 'Communications' (Other) has no amount."),
        ("TOT-006", "info", "Allocation", "B20",
         "The Skills and Capacity theme for 2009/10 has no stated subtotal; its lines add up to £1,180k."),
        ("TOT-006", "info", "Allocation", "B28",
         "The Other theme for 2009/10 has no stated subtotal; its lines add up to £1,200k."),
        ("RING-002", "info", "Funding", "F10",
         "Community Empowerment's £200,000 in the ring-fenced note is the same money as the £200k 'Community "
         "Empowerment' line of Skills and Capacity: a transfer, not new income, so it is counted once."),
        ("TOT-005", "info", "StatedTotals", "C7",
         "£78k is unallocated: the stated grand total for 2009/10 is £12,922k against £13,000k available."),
    ]
    grand = doc["files"][0]["findings"][0]
    assert (grand["expected"], grand["actual"], grand["difference"], grand["unit"]) == (8347.0, 12922.0, 4575.0, "£k")
    assert doc["files"][0]["summary"] == {"errors": 1, "warnings": 2, "info": 4, "unusable": False}


def test_performance_and_lsps_cross_cast_so_they_are_clean(riep):
    _, out, _ = riep("check", FA, "--format", "json")
    scopes = {f["scope"] for f in json.loads(out)["files"][0]["findings"]}
    assert "Performance" not in scopes and "LSPs/LAAs" not in scopes


def test_em_iep_fund_has_no_errors(riep):
    code, out, _ = riep("check", EM)
    assert code == 0
    assert out.endswith("1 file: 0 errors, 0 warnings, 0 notes\n")


def test_terminal_table(riep, golden):
    code, out, _ = riep("check", "workbook")
    assert code == 1
    golden("check_workbook_folder.txt", out)


def test_strict_fails_on_warnings(riep, tmp_path):
    p = tmp_path / "plan.xlsx"
    from allocdata import LINES, write_allocation

    write_allocation(p, lines=LINES + [("2009/10", "Other", "Communications", None)])
    assert riep("check", p)[0] == 0
    assert riep("check", p, "--strict")[0] == 1


def test_junit_has_one_case_per_rule_and_a_failure_for_the_grand_total(riep, tmp_path):
    code, _, _ = riep("check", FA, EM, "--format", "junit", "--output", tmp_path / "junit.xml")
    assert code == 1
    root = ET.parse(tmp_path / "junit.xml").getroot()
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [f"check: {FA}", f"check: {EM}"]
    assert suites[0].get("failures") == "1" and suites[1].get("failures") == "0"
    failed = [c.get("name") for c in suites[0].iter("testcase") if c.find("failure") is not None]
    assert failed == ["TOT-002 Grand total does not match the lines"]
    assert int(suites[0].get("tests")) == len(list(suites[0].iter("testcase")))


@pytest.mark.libreoffice
def test_write_sheet_adds_a_checks_sheet_with_links_and_leaves_the_input_alone(riep, tmp_path, recalc):
    before = (ROOT / FA).read_bytes()
    out = tmp_path / "checked.xlsx"
    code, _, _ = riep("check", FA, "--write-sheet", out)
    assert code == 1
    assert (ROOT / FA).read_bytes() == before
    wb = openpyxl.load_workbook(out)
    ws = wb["Checks"]
    assert ws["A4"].value == "Severity" and ws["J4"].value == "Message"
    assert [ws.cell(row=r, column=2).value for r in range(5, 12)] == [
        "TOT-002", "LINE-001", "LINE-001", "TOT-006", "TOT-006", "RING-002", "TOT-005"]
    assert ws["D5"].value == "C7" and ws["D5"].hyperlink.location == "'StatedTotals'!C7"
    assert ws["D6"].hyperlink.location == "'Allocation'!E27"
    assert "ChecksFindings" in ws.tables
    assert wb["StatedTotals"]["C7"].fill.start_color.rgb.endswith("F8CBAD")  # highlighted, value untouched
    assert wb["StatedTotals"]["C7"].value == 12922
    # LibreOffice opens and recalculates the copy; every figure survives
    lo = openpyxl.load_workbook(recalc(out), data_only=True)
    assert lo["Checks"]["H5"].value == 4575
    assert lo["Checks"]["F5"].value == 8347 and lo["Checks"]["G5"].value == 12922
    assert lo["StatedTotals"]["C7"].value == 12922


def test_write_sheet_refuses_to_overwrite_the_input(riep, tmp_path, shipped):
    p = shipped("financial_allocation.xlsx")
    before = p.read_bytes()
    code, out, err = riep("check", p, "--write-sheet", p)
    assert code == 2
    assert (out, err) == ("", f"financial_allocation.xlsx: is the input {p}; riep never writes over its input, so "
                               "name another file for the output\n")
    assert p.read_bytes() == before


def test_write_sheet_frames_the_copy_as_riep_run_does(riep, tmp_path):
    from riep.provenance import input_file

    out = tmp_path / "checked.xlsx"
    riep("check", FA, "--write-sheet", out, "--as-of", "2009-12-15")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["About", "Checks"] and wb.sheetnames[-1] == "Settings"
    about = {row[0].value: row[1].value for row in wb["About"].iter_rows(min_row=4, max_col=2) if row[0].value}
    source = input_file(ROOT / FA)
    assert wb["About"]["A1"].value == "Validate totals: Financial allocation Year Two 2009/10"
    assert (about["Organisation"], about["As of"], about["Findings"]) == (
        "Improvement East", "15 December 2009", "1 error, 2 warnings, 4 notes")
    assert about["Source file"] == f"financial_allocation.xlsx ({source.size:,} bytes), SHA-256 {source.sha256}"

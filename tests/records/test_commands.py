"""``riep records`` and ``riep run`` on the shipped authority-support workbook: exact findings, files, exit codes."""

from __future__ import annotations

import json
import shutil

import openpyxl

from allocdata import WORKBOOKS

SHIPPED = WORKBOOKS / "authority_support.xlsx"
ALLOCATION = WORKBOOKS / "financial_allocation.xlsx"

EXPECTED = [  # as of 15/12/2009, with the allocation workbook
    ("error", "SUP-009", "Meetings", "C76"),
    ("error", "SUP-011", "ProgressReports", "D12"),
    ("error", "SUP-002", "SupportCases", "A10"),
    ("error", "SUP-007", "SupportCases", "G10"),
    ("error", "SUP-014", "SupportFunding", "C13"),
    ("error", "SUP-018", "SupportFunding", "D17"),
    ("error", "SUP-019", "SupportFunding", "F17"),
    ("error", "SUP-020", "SupportFunding", "I18"),
    ("warning", "SUP-008", "Meetings", "B56"),
    ("warning", "SUP-010", "Meetings", "D76"),
    ("warning", "SUP-010", "Meetings", "D78"),
    ("warning", "SUP-012", "ProgressReports", "D21"),
    ("warning", "SUP-006", "SupportCases", "F7"),
    ("warning", "SUP-005", "SupportCases", "E9"),
    ("warning", "SUP-013", "SupportFunding", "E15"),
    ("info", "SUP-017", "Allocation", "E5"),
    ("info", "SUP-001", "Assessments", "D5"),
    ("info", "SUP-001", "Assessments", "E7"),
    ("info", "SUP-001", "Assessments", "D9"),
    ("info", "SUP-001", "Assessments", "D10"),
    ("info", "SUP-001", "Assessments", "D12"),
    ("info", "SUP-001", "Assessments", "D16"),
    ("info", "SUP-003", "Assessments", "D18"),
    ("info", "SUP-003", "Assessments", "G21"),
    ("info", "SUP-001", "SupportCases", "J12"),
]


def test_records_on_the_shipped_workbook(riep, tmp_path):
    out = tmp_path / "out"
    code, stdout, err = riep("records", SHIPPED, "--allocation", ALLOCATION, "--out", out, "--as-of", "2009-12-15",
                             "--format", "json")
    assert (code, err) == (1, "")
    (fr,) = json.loads(stdout)["files"]
    assert [(f["severity"], f["rule"], f["sheet"], f["cell"]) for f in fr["findings"]] == EXPECTED
    messages = {f["rule"]: f["message"] for f in fr["findings"]}
    assert messages["SUP-017"] == ("Individual Authorities 2009/10: £366,000 approved for individual authorities by "
                                   "15/12/2009 against £1,000,000, £634,000 left.")
    assert messages["SUP-019"] == (
        "Hollowmere Borough Council (illustrative): the urgent approval of £6,000 on 01/07/2009 was reported on "
        "21/07/2009 to the Hollowmere Improvement Board (an Improvement Board is advisory only), not to the Member "
        "Panel (Improvement East, Year Two Delivery Plan (2009/10), section 4.0); report it to the Member Panel at the "
        "next meeting, and record the date in 'Reported on' and the body in 'Reported to'.")
    assert messages["SUP-005"] == (
        "Eastmere District Council (illustrative): the lead Chief Executive (Chief Executive, Rushby District Council "
        "(illustrative)) gives 2 days a month, above the 1 expected (Improvement East, Support for individual "
        "authorities (role of the lead Chief Executive)); agree the time with both authorities, or record in Notes why "
        "more is needed.")
    assert not any("Brackenhithe" in f["message"] for f in fr["findings"] if f["rule"] == "SUP-019")
    assert fr["summary"] == {"errors": 8, "warnings": 7, "info": 10, "unusable": False}
    assert len(list(out.glob("support_record_*_illustrative.pdf"))) == 8 and (out / "support_records.xlsx").exists()


def test_without_the_allocation_workbook_a_finding_says_so(riep, tmp_path):
    code, stdout, _ = riep("records", SHIPPED, "--out", tmp_path, "--as-of", "2009-12-15", "--format", "json")
    found = [f for f in json.loads(stdout)["files"][0]["findings"] if f["rule"] == "SUP-016"]
    assert code == 1 and [f["message"] for f in found] == [
        "Approvals were not checked against the Individual Authorities line: no allocation workbook was given (use "
        "--allocation workbook/financial_allocation.xlsx)."]


def test_judged_today_the_closed_cases_show_every_missing_report(riep, tmp_path):
    code, stdout, _ = riep("records", SHIPPED, "--allocation", ALLOCATION, "--out", tmp_path, "--as-of", "2026-01-01",
                           "--format", "json")
    overdue = [f["message"] for f in json.loads(stdout)["files"][0]["findings"] if f["rule"] == "SUP-011"]
    assert code == 1 and overdue == [
        "Saltmoor Borough Council (illustrative): the Q2 2009/10 progress report was due 30/10/2009 and has not been "
        "received (5907 days overdue on 01/01/2026). Chase the report.",
        "Saltmoor Borough Council (illustrative): the Q3 2009/10 progress report was due 30/01/2010 and has not been "
        "received (5815 days overdue on 01/01/2026). Chase the report."]


def test_an_unknown_authority_is_one_sentence_and_nothing_is_written(riep, tmp_path):
    bad = tmp_path / "support.xlsx"
    shutil.copy(SHIPPED, bad)
    wb = openpyxl.load_workbook(bad)
    wb["SupportCases"]["A5"] = "Fenmarsh District Council"
    wb.save(bad)
    out = tmp_path / "out"
    code, stdout, err = riep("records", bad, "--out", out, "--format", "json")
    assert code == 2
    assert err == ("support.xlsx, sheet SupportCases, cell A5: 'Fenmarsh District Council' is not in the Authorities "
                   "table; did you mean 'Fenmarsh District Council (illustrative)'?\n")
    assert not out.exists()


def test_write_sheet_adds_the_index_linked_to_the_cases(riep, tmp_path):
    copy = tmp_path / "copy.xlsx"
    code, _, _ = riep("records", SHIPPED, "--out", tmp_path / "out", "--as-of", "2009-12-15", "--write-sheet", copy)
    assert code == 1
    wb = openpyxl.load_workbook(copy)
    index = wb["Support records"]
    assert index["A5"].value == "Fenmarsh District Council (illustrative)"
    assert index["A5"].hyperlink.location == "'SupportCases'!A5"
    assert index["F8"].value == 75000 and index["J8"].value == -5000
    assert wb["RecordChecks"]["B5"].value == "SUP-009"


def test_run_includes_the_records_job(shipped_run):
    tmp_path = shipped_run.out
    assert shipped_run.code == 1
    report = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    (rec,) = [f for f in report["files"] if f["job"] == "records"]
    assert [(f["severity"], f["rule"], f["sheet"], f["cell"]) for f in rec["findings"]] == EXPECTED
    assert (tmp_path / "support_records.xlsx").exists() and (tmp_path / "authority_support.records.xlsx").exists()
    assert len(list(tmp_path.glob("support_record_*.pdf"))) == 8

"""``riep risks`` end to end on the shipped register and on registers built from its source with faults."""

from __future__ import annotations

import json
import zipfile

import openpyxl
import pytest
from pypdf import PdfReader

from allocdata import ROOT, WORKBOOKS
from risks.riskdata import build, edited, shipped_source

REG = "workbook/risk_register.xlsx"
TITLES = {
    5: "Lack of leadership from Member Panel",
    6: "Lack of leadership from Advisory Board",
    7: "Lack of senior management ownership from authorities...",
    8: "Lack of Member engagement",
    9: "Strategy fails to meet regional needs and/or achieve...",
    10: "Lack of clarity about role and purpose of Improvement East",
    11: "Expectations on Improvement East are too high and this...",
}


def _expected_gaps() -> list[tuple[str, str, str, str]]:
    """The shipped register's findings: owner, review date, response and residual are left for a person to fill."""
    errors, warnings = [], []
    for r, title in TITLES.items():
        label = f"R{r - 4} '{title}'"
        errors += [("RISK-011", "error", f"I{r}", f"{label} has no owner."),
                   ("RISK-012", "error", f"J{r}", f"{label} has no review date.")]
        warnings += [("RISK-014", "warning", f"L{r}",
                      f"{label} has no response (Tolerate, Treat, Transfer or Terminate)."),
                     ("RISK-010", "warning", f"M{r}", f"{label} has no residual probability or residual impact.")]
    return errors + warnings


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def _findings(out: str) -> list[tuple[str, str, str, str]]:
    (f,) = json.loads(out)["files"]
    assert f["error"] is None
    return [(x["rule"], x["severity"], x["cell"], x["message"]) for x in f["findings"]]


def test_shipped_register_findings_are_exactly_these(riep):
    code, out, err = riep("risks", REG, "--as-of", "2009-06-30", "--format", "json")
    assert (code, err) == (1, "")
    assert _findings(out) == _expected_gaps()
    assert {x["sheet"] for x in json.loads(out)["files"][0]["findings"]} == {"Risks"}


def test_strict_and_table_output(riep):
    code, out, _ = riep("risks", REG, "--as-of", "2009-06-30")
    assert code == 1
    assert out.splitlines()[0] == f"{REG} (risks)"
    assert out.splitlines()[-1] == "1 file: 14 errors, 14 warnings, 0 notes"


def test_shipped_register_is_excel_native():
    wb = openpyxl.load_workbook(WORKBOOKS / "risk_register.xlsx")
    assert wb.sheetnames == ["Risks", "Scale", "Bands", "Settings"]
    ws = wb["Risks"]
    assert ws.tables["Risks"].ref == "A4:O11"
    assert [c.value for c in ws[4]] == ["ID", "Risk", "Category", "Probability", "Impact", "Score", "RAG",
                                        "Actions required", "Owner", "Review date", "Status", "Response",
                                        "Residual probability", "Residual impact", "Residual score"]
    assert ws["F5"].value.startswith("=IF(OR(D5=\"\",E5=\"\")") and ws["G5"].value.startswith("=IF(F5=\"\"")
    assert ws["O11"].value.startswith("=IF(OR(M11=\"\",N11=\"\")")
    assert ws["J5"].number_format == "dd/mm/yyyy" and ws.freeze_panes == "A5"
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert lists["D5:D211"] == lists["E5:E211"] == lists["M5:M211"] == "Scale!$A$5:$A$7"
    assert lists["L5:L211"] == '"Tolerate,Treat,Transfer,Terminate"' and lists["K5:K211"] == '"Open,Monitoring,Closed"'
    rules = {(str(cf.sqref), r.formula[0], r.dxf.fill.fgColor.rgb[-6:]) for cf in ws.conditional_formatting
             for r in cf.rules}
    assert {("G5:G11", '$G5="Red"', "FF7C80"), ("G5:G11", '$G5="Amber"', "FFD966"),
            ("G5:G11", '$G5="Green"', "A9D08E")} <= rules
    # the seed's table, exactly: risks, levels and actions (blank cells for what it does not give)
    assert [ws.cell(r, 2).value for r in range(5, 12)][3] == "Lack of Member engagement"
    assert [(ws.cell(r, 4).value, ws.cell(r, 5).value) for r in range(5, 12)] == [
        ("Low", "High"), ("Low", "High"), ("Medium", "High"), ("Medium", "High"), ("Low", "High"), ("Medium", "High"),
        ("Medium", "High")]
    assert ws["H10"].value == ("• Panel, Advisory Group and support staff to place a strong focus on effective "
                               "communication and marketing of Improvement East\n"
                               "• Communications post to be appointed in May 2009.")
    assert all(ws.cell(r, c).value is None for r in range(5, 12) for c in (3, 9, 10, 11, 12, 13, 14))


@pytest.mark.libreoffice
def test_recalculated_in_libreoffice_scores_and_rag_agree_on_3x3_and_disagree_on_5x5(riep, recalc, tmp_path):
    path = recalc(WORKBOOKS / "risk_register.xlsx")
    ws = openpyxl.load_workbook(path, data_only=True)["Risks"]
    assert [(ws.cell(r, 1).value, ws.cell(r, 6).value, ws.cell(r, 7).value) for r in range(5, 12)] == [
        ("R1", 3, "Amber"), ("R2", 3, "Amber"), ("R3", 6, "Red"), ("R4", 6, "Red"), ("R5", 3, "Amber"),
        ("R6", 6, "Red"), ("R7", 6, "Red")]
    assert all(ws.cell(r, 15).value in (None, "") for r in range(5, 12))
    code, out, _ = riep("risks", path, "--as-of", "2009-06-30", "--format", "json")
    assert code == 1 and _findings(out) == _expected_gaps()
    code, out, _ = riep("risks", path, "--as-of", "2009-06-30", "--format", "json", "--scale", "5x5")
    extra = [f for f in _findings(out) if f[0] in ("RISK-007", "RISK-008")]
    assert [(f[0], f[2]) for f in extra] == [
        ("RISK-007", "F5"), ("RISK-007", "F6"), ("RISK-007", "F7"), ("RISK-008", "G7"), ("RISK-007", "F8"),
        ("RISK-008", "G8"), ("RISK-007", "F9"), ("RISK-007", "F10"), ("RISK-008", "G10"), ("RISK-007", "F11"),
        ("RISK-008", "G11")]
    assert extra[0][3] == "R1 'Lack of leadership from Member Panel': Score shows 3; on the 5x5 scale it is 8."


@pytest.mark.libreoffice
def test_typed_variants_are_read_by_riep_and_show_na_in_the_live_formula(riep, recalc, tmp_path):
    src = edited({(5, "Probability"): "Med", (6, "Impact"): "h", (7, "Probability"): "3", (8, "Impact"): "High ",
                  (9, "Probability"): "Huge"})
    path = recalc(build(src, tmp_path / "typed" / "register.xlsx"))
    ws = openpyxl.load_workbook(path, data_only=True)["Risks"]
    assert [ws.cell(r, 6).value for r in range(5, 12)] == ["#N/A"] * 5 + [6, 6]
    code, out, _ = riep("risks", path, "--as-of", "2009-06-30", "--format", "json")
    assert code == 1
    got = [f for f in _findings(out) if f[0] not in ("RISK-010", "RISK-011", "RISK-012", "RISK-014")]
    assert [(f[0], f[2], f[3]) for f in got] == [
        ("RISK-007", "F5", "R1 'Lack of leadership from Member Panel': Score shows #N/A; on the 3x3 scale it is 6."),
        ("RISK-008", "G5", "R1 'Lack of leadership from Member Panel': RAG shows #N/A; a score of 6 is Red on the "
                           "3x3 scale (Green 1-2, Amber 3-4, Red 6-9)."),
        ("RISK-007", "F6", "R2 'Lack of leadership from Advisory Board': Score shows #N/A; on the 3x3 scale it is 3."),
        ("RISK-008", "G6", "R2 'Lack of leadership from Advisory Board': RAG shows #N/A; a score of 3 is Amber on "
                           "the 3x3 scale (Green 1-2, Amber 3-4, Red 6-9)."),
        ("RISK-007", "F7", "R3 'Lack of senior management ownership from authorities...': Score shows #N/A; on the "
                           "3x3 scale it is 9."),
        ("RISK-008", "G7", "R3 'Lack of senior management ownership from authorities...': RAG shows #N/A; a score "
                           "of 9 is Red on the 3x3 scale (Green 1-2, Amber 3-4, Red 6-9)."),
        ("RISK-007", "F8", "R4 'Lack of Member engagement': Score shows #N/A; on the 3x3 scale it is 6."),
        ("RISK-008", "G8", "R4 'Lack of Member engagement': RAG shows #N/A; a score of 6 is Red on the 3x3 scale "
                           "(Green 1-2, Amber 3-4, Red 6-9)."),
        ("RISK-004", "D9", "R5: Probability 'Huge' is not on the 3x3 scale; use Low, Medium or High."),
        ("RISK-005", "D5", "R1: Probability 'Med' is read as Medium; choose Medium from the list so the workbook's "
                           "score formula reads it too."),
        ("RISK-005", "E6", "R2: Impact 'h' is read as High; choose High from the list so the workbook's score "
                           "formula reads it too."),
        ("RISK-005", "D7", "R3: Probability '3' is read as High; choose High from the list so the workbook's score "
                           "formula reads it too."),
        ("RISK-005", "E8", "R4: Impact 'High ' is read as High; choose High from the list so the workbook's score "
                           "formula reads it too."),
    ]


@pytest.mark.libreoffice
def test_write_sheet_adds_the_report_and_checks_with_the_heat_map(riep, recalc, tmp_path):
    dest = tmp_path / "with-report.xlsx"
    code, _, _ = riep("risks", REG, "--as-of", "2009-06-30", "--write-sheet", dest, "--scale", "5x5")
    assert code == 1
    with zipfile.ZipFile(dest) as zf:
        media = [n for n in zf.namelist() if n.startswith("xl/media/") and n.endswith(".png")]
        assert len(media) == 1 and zf.read(media[0])[:8] == b"\x89PNG\r\n\x1a\n"
    path = recalc(dest)
    wb = openpyxl.load_workbook(path, data_only=True)
    assert wb.sheetnames == ["About", "Risk report", "RiskChecks", "Risks", "Scale", "Bands", "Settings"]  # as riep run
    ws = wb["Risk report"]
    assert ws["A1"].value == "Risk report"
    rows = [[ws.cell(r, c).value for c in (1, 3, 4, 5, 6)] for r in range(5, 12)]
    assert rows == [["R3", "Medium", "High", 12, "Amber"], ["R4", "Medium", "High", 12, "Amber"],
                    ["R6", "Medium", "High", 12, "Amber"], ["R7", "Medium", "High", 12, "Amber"],
                    ["R1", "Low", "High", 8, "Amber"], ["R2", "Low", "High", 8, "Amber"],
                    ["R5", "Low", "High", 8, "Amber"]]
    assert ws["A5"].hyperlink.location == "'Risks'!A7"
    assert ws["A13"].value == ("7 risks: 0 Red, 7 Amber, 0 Green on the 5x5 scale (Green 1-4, Amber 5-12, Red "
                               "15-25); risk appetite 4.")
    checks = wb["RiskChecks"]
    assert checks["A2"].value == f"{REG}: 14 errors, 14 warnings, 0 notes"
    # the register itself is untouched by the recalculation: live formulas on the seed's 3x3 scale
    assert wb["Risks"]["F7"].value == 6 and wb["Risks"]["G7"].value == "Red"


def test_pdf_report_of_the_shipped_register(riep, tmp_path):
    dest = tmp_path / "board.pdf"
    code, _, _ = riep("risks", REG, "--as-of", "2009-06-30", "--pdf", dest, "--format", "json")
    assert code == 1
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(dest).pages).split())
    assert text.startswith("Risk register report: Risk register (Year Two Delivery Plan 2009/10) Organisation "
                           "Improvement East Source file risk_register.xlsx")
    assert text.endswith("Improvement East Risk register report: Risk register (Year Two Delivery Plan 2009/10) "
                         "board.pdf Page 2 of 2")
    assert ("Judged on 30/06/2009. 7 risks: 4 Red, 3 Amber, 0 Green on the 3x3 scale (Green 1-2, Amber 3-4, Red 6-9); "
            "risk appetite 2. Checks: 14 errors, 14 warnings.") in text
    assert ("R3 Lack of senior management ownership from authorities (not represented on Advisory Group) 6 Red not "
            "recorded not set • Chief Executives on the Advisory Group") in text
    assert "Review dates not recorded for R1\u2013R7." in text and "No review is overdue" not in text
    assert "Top 7 risks by score (ties at the cut-off included)" in text  # R1, R2 and R5 tie with the fifth
    assert "No owner: R1, R2, R3, R4, R5, R6, R7." in text
    assert "error RISK-011 No owner: 7 (I5, I6, I7, I8, I9, I10, I11)" in text


def test_merged_title_rows_above_the_table_are_accepted(riep, tmp_path):
    path = build(shipped_source(), tmp_path / "titled.xlsx", merge=["A1:O1", "A2:O2"])
    code, out, _ = riep("risks", path, "--as-of", "2009-06-30", "--format", "json")
    assert code == 1 and _findings(out) == _expected_gaps()


def test_cells_merged_across_the_table_are_refused_with_the_cell(riep, tmp_path):
    path = build(shipped_source(), tmp_path / "merged.xlsx", merge=["I5:I6"])
    code, out, err = riep("risks", path, "--format", "json")
    assert code == 2 and json.loads(out)["files"][0]["findings"] == []
    assert err == (f"{path.name}, sheet Risks, cell I5: cells I5:I6 are merged across table 'Risks'; unmerge them "
                   "(Home > Merge & Center) so every row has its own value\n")
    assert "Traceback" not in out + err


def test_a_blank_register(riep, tmp_path):
    path = build(edited({}, drop_rows=True), tmp_path / "blank.xlsx")
    pdf = tmp_path / "blank.pdf"
    code, out, _ = riep("risks", path, "--format", "json", "--pdf", pdf)
    assert code == 1
    assert _findings(out) == [("RISK-001", "error", "A4", "Table 'Risks' has no risks.")]
    first = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "0 risks: 0 Red, 0 Amber, 0 Green" in first and "No risk has a score." in text


def test_a_workbook_without_a_risks_table(riep):
    code, out, err = riep("risks", "workbook/financial_allocation.xlsx", "--pdf", "never.pdf")
    assert code == 2
    assert "financial_allocation.xlsx: has no Excel Table named 'Risks'" in out
    assert not (ROOT / "never.pdf").exists()


def test_a_folder_gives_only_the_registers_in_it(riep):
    code, out, _ = riep("risks", "workbook", "--format", "json", "--as-of", "2009-06-30")
    assert code == 1 and [f["path"] for f in json.loads(out)["files"]] == ["workbook/risk_register.xlsx"]


def test_pdf_takes_one_workbook(riep):
    code, _, err = riep("risks", REG, REG, "--pdf", "x.pdf")
    assert (code, err) == (2, "--pdf takes exactly one input workbook\n")


def test_riep_run_writes_the_risk_report(riep, tmp_path, shipped):
    path = shipped("risk_register.xlsx")
    code, _, _ = riep("run", path.parent, "--out", tmp_path / "out", "--as-of", "2009-06-30", "--quiet")
    assert code == 1
    assert (tmp_path / "out" / "risk_register.risks.pdf").read_bytes()[:5] == b"%PDF-"
    assert "Risk report" in openpyxl.load_workbook(tmp_path / "out" / "risk_register.risks.xlsx").sheetnames

"""``riep run``: every job over the shipped workbooks, reports into one folder."""

from __future__ import annotations

import json

from allocdata import WORKBOOKS


def test_run_over_the_shipped_workbooks_writes_every_report(shipped_run, golden):
    out = shipped_run.out
    assert shipped_run.code == 1  # the published grand total does not cross-cast
    golden("run_shipped.txt", shipped_run.stdout.replace(str(out), "OUT"))
    doc = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    checks = {f["path"]: f for f in doc["files"] if f["job"] == "check"}
    assert {p.rsplit("/", 1)[-1] for p in checks} == {"financial_allocation.xlsx", "em_iep_capacity_fund_2008.xlsx"}
    assert (out / "financial_allocation.check.xlsx").exists()
    assert (out / "junit.xml").exists()


def test_run_names_an_unusable_workbook_and_runs_the_others(riep, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "financial_allocation.xlsx").write_bytes((WORKBOOKS / "financial_allocation.xlsx").read_bytes())
    (folder / "broken.xlsx").write_text("not a workbook")
    code, stdout, _ = riep("run", folder, "--out", tmp_path / "out", "--as-of", "2009-11-23", "--details")
    assert code == 2
    assert "Cannot read: broken.xlsx: is not an Excel workbook (.xlsx): its contents are not a workbook package\n" in stdout
    assert "TOT-002" in stdout  # --details: every finding of the readable workbook
    assert "2 files: 3 errors, 5 warnings, 17 notes; 1 file could not be read\n" in stdout


def test_run_on_a_folder_without_workbooks(riep, tmp_path):
    code, out, err = riep("run", tmp_path, "--out", tmp_path / "out")
    assert code == 2
    assert err == f"{tmp_path.name}: has no .xlsx workbooks\n"
    assert not (tmp_path / "out").exists()


def test_run_gives_the_records_job_the_allocation_with_an_individual_authorities_line(shipped_run):
    out = shipped_run.out
    doc = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    (records,) = [f for f in doc["files"] if f["job"] == "records"]
    (line,) = [f for f in records["findings"] if f["rule"] == "SUP-017"]
    assert line["file"].endswith("financial_allocation.xlsx") and line["cell"].startswith("E")
    assert not [f for f in records["findings"] if f["rule"] == "SUP-016"]


def test_run_draws_the_heat_map_once_for_the_risk_sheet_and_its_pdf(shipped_run):
    assert shipped_run.drawn == 1
    assert {"risk_register.risks.xlsx", "risk_register.risks.pdf"} <= {p.name for p in shipped_run.out.iterdir()}


def test_run_opens_each_workbook_once(shipped_run):
    inputs = sorted(p.name for p in WORKBOOKS.glob("*.xlsx"))
    assert {name: shipped_run.opens["calamine", name] for name in inputs} == dict.fromkeys(inputs, 1)
    # openpyxl loads an input only to write its result copy, once for each job that recognises it
    written = [p.name for p in shipped_run.out.glob("*.xlsx") if p.name != "support_records.xlsx"]
    copies = {name: sum(1 for w in written if w.startswith(name.removesuffix(".xlsx") + ".")) for name in inputs}
    assert {name: shipped_run.opens["openpyxl", name] for name in inputs} == copies
    assert copies == {"authority_support.xlsx": 1, "em_iep_capacity_fund_2008.xlsx": 2,
                      "financial_allocation.xlsx": 3, "risk_register.xlsx": 1}  # check, reconcile, monitor

"""--format github (workflow commands) and --format gitlab (Code Quality JSON)."""

from __future__ import annotations

import json

from allocdata import WORKBOOKS
from riep.findings import FileReport, Finding, RunReport, Severity
from riep.output.github import escape_data, escape_property, render_github
from riep.output.gitlab import render_gitlab

REPORT = RunReport(files=[
    FileReport(path="workbook\\plan.xlsx", findings=[
        Finding(rule="TOT-002", severity=Severity.ERROR, file="workbook\\plan.xlsx", sheet="StatedTotals", cell="C7",
                message="50% of it, then:\nmore", key="TOT-002|plan.xlsx|StatedTotals|StatedTotals[Year=2009/10]|Stated"),
        Finding(rule="LINE-001", severity=Severity.WARNING, file="workbook\\plan.xlsx", sheet="Allocation, a", cell="E9",
                message="Line 'x' has no amount."),
        Finding(rule="TOT-006", severity=Severity.INFO, file="workbook\\plan.xlsx", scope="Other", message="n"),
    ]),
    FileReport(path="bad.xlsx", job="risks", error="bad.xlsx: is not an Excel workbook"),
])


def test_escaping_follows_the_runner():
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_github_annotations_name_the_file_and_in_the_title_the_sheet_and_cell():
    assert render_github(REPORT) == (
        "::error file=workbook/plan.xlsx,title=TOT-002 StatedTotals!C7::50%25 of it, then:%0Amore\n"
        "::warning file=workbook/plan.xlsx,title=LINE-001 Allocation%2C a!E9::Line 'x' has no amount.\n"
        "::notice file=workbook/plan.xlsx,title=TOT-006 Other::n\n"
        "::error file=bad.xlsx,title=riep risks%3A cannot read::bad.xlsx: is not an Excel workbook\n")


def test_gitlab_code_quality_has_the_fields_gitlab_reads():
    issues = json.loads(render_gitlab(REPORT))
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("TOT-002", "major", {"path": "workbook/plan.xlsx", "lines": {"begin": 7}}),
        ("LINE-001", "minor", {"path": "workbook/plan.xlsx", "lines": {"begin": 9}}),
        ("TOT-006", "info", {"path": "workbook/plan.xlsx", "lines": {"begin": 1}}),
        ("riep-risks", "blocker", {"path": "bad.xlsx", "lines": {"begin": 1}}),
    ]
    assert issues[0]["description"] == "TOT-002 StatedTotals!C7: 50% of it, then:\nmore"
    assert len({i["fingerprint"] for i in issues}) == 4 and all(len(i["fingerprint"]) == 32 for i in issues)


def test_gitlab_fingerprints_follow_the_key_so_they_survive_rows_moving():
    moved = REPORT.files[0].findings[0].model_copy(update={"cell": "C9"})
    again = RunReport(files=[FileReport(path="workbook/plan.xlsx", findings=[moved])])
    assert json.loads(render_gitlab(again))[0]["fingerprint"] == json.loads(render_gitlab(REPORT))[0]["fingerprint"]


def test_the_job_commands_speak_both_formats(riep, tmp_path):
    code, out, _ = riep("check", WORKBOOKS / "financial_allocation.xlsx", "--format", "github")
    assert code == 1
    assert out.splitlines()[0].startswith(
        f"::error file={WORKBOOKS.as_posix()}/financial_allocation.xlsx,title=TOT-002 StatedTotals!C7::The 2009/10 grand "
        "total states £12,922k but")
    code, out, _ = riep("check", WORKBOOKS / "financial_allocation.xlsx", "--format", "gitlab")
    first = json.loads(out)[0]
    assert (code, first["check_name"], first["location"]["lines"]) == (1, "TOT-002", {"begin": 7})

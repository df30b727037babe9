"""Findings and their counts, as every report states them."""

from __future__ import annotations

from riep.findings import FileReport, Finding, Severity, Summary
from riep.sheets import findings_sheet


def _finding(severity: Severity) -> Finding:
    return Finding(rule="TOT-001", severity=severity, file="book.xlsx", message="A finding.")


def test_counts_are_stated_with_their_nouns():
    assert Summary(errors=1, warnings=2, info=4).text() == "1 error, 2 warnings, 4 notes"
    assert Summary().text() == "0 errors, 0 warnings, 0 notes"
    assert Summary.of([_finding(Severity.WARNING), _finding(Severity.INFO)]).text() == "0 errors, 1 warning, 1 note"


def test_a_findings_sheet_states_its_counts_under_its_title():
    report = FileReport(path="book.xlsx", job="check", findings=[_finding(Severity.ERROR)])
    assert findings_sheet(report, name="Checks", title="Checks").subtitle == "book.xlsx: 1 error, 0 warnings, 0 notes"

"""Baselines: accepted findings do not fail a run; new ones do; fixed ones are counted (riep.baseline and the CLI)."""

from __future__ import annotations

import json

import pytest

from allocdata import LINES, STATED, WORKBOOKS, write_allocation
from ci.conftest import AS_OF
from riep.baseline import BaselineEntry, apply_baseline, make_baseline, parse_baseline
from riep.errors import InputError
from riep.findings import FileReport, Finding, RunReport, Severity


def _f(key: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(rule=key.split("|")[0], severity=severity, file="w/plan.xlsx", message=key, key=key)


def test_accepted_new_and_fixed_are_counted_as_a_multiset():
    base = make_baseline(RunReport(files=[FileReport(path="w/plan.xlsx", findings=[_f("A|x"), _f("A|x"), _f("B|y")])]))
    now = RunReport(files=[FileReport(path="other/plan.xlsx", findings=[_f("A|x"), _f("A|x"), _f("A|x"), _f("C|z")])])
    out = apply_baseline(now, base, "b.json")
    assert [f.key for f in out.files[0].findings] == ["A|x", "C|z"]
    assert out.baseline is not None and out.baseline.line() == "Baseline b.json: 2 accepted, 2 new, 1 fixed."
    assert [e["key"] for e in out.baseline.fixed] == ["B|y"]
    assert out.exit_code() == 1


def test_only_entries_for_the_workbooks_and_jobs_run_are_compared():
    other = BaselineEntry(key="RISK-011|risks.xlsx|Risks|Risks[ID=R1]|Score", job="risks", workbook="risks.xlsx",
                          rule="RISK-011", severity=Severity.ERROR, message="m")
    base = make_baseline(RunReport(files=[FileReport(path="plan.xlsx", findings=[_f("A|x", Severity.WARNING)])]))
    base.findings.append(other)
    out = apply_baseline(RunReport(files=[FileReport(path="plan.xlsx", findings=[])]), base, "b.json")
    assert out.baseline is not None and out.baseline.line() == "Baseline b.json: 0 accepted, 0 new, 1 fixed."
    assert out.exit_code() == 0


def test_a_file_that_is_not_a_baseline_is_one_sentence():
    with pytest.raises(InputError) as info:
        parse_baseline('{"findings": 3}', "b.json")
    assert info.value.message == "b.json: is not a riep baseline (Input should be a valid array at findings); make one with riep baseline"
    with pytest.raises(InputError) as info:
        parse_baseline("{bad", "b.json")
    assert info.value.message == ("b.json: is not a riep baseline (Invalid JSON: key must be a string at line 1 column 2); "
                                  "make one with riep baseline")
    with pytest.raises(InputError) as info:
        parse_baseline('{"riep_baseline": 9}', "b.json")
    assert info.value.message == "b.json: is a version 9 baseline; this riep reads version 1"


def test_a_missing_baseline_exits_2_before_any_work(riep, tmp_path):
    code, out, err = riep("check", WORKBOOKS / "financial_allocation.xlsx", "--baseline", tmp_path / "none.json",
                          "--write-sheet", tmp_path / "out.xlsx")
    assert (code, out, err) == (2, "", "none.json: baseline file not found; make one with riep baseline\n")
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    code, out, err = riep("run", WORKBOOKS, "--out", tmp_path / "out", "--baseline", tmp_path / "bad.json")
    assert (code, out) == (2, "")
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.xlsx").exists()


def test_inserting_a_row_above_a_known_finding_keeps_it_accepted(riep, tmp_path):
    blank = [*LINES, ("2009/10", "Other", "Communications", None)]  # LINE-001: a line with no amount
    write_allocation(tmp_path / "plan.xlsx", lines=blank)
    assert riep("baseline", tmp_path / "plan.xlsx", "--out", tmp_path / "b.json")[0] == 0
    moved = [("2009/10", "Performance", "Equalities", 65), *blank]
    stated = [(y, s, v + 65 if s in ("Performance", "Grand total") else v) for y, s, v in STATED]
    write_allocation(tmp_path / "plan.xlsx", lines=moved, stated=stated)
    code, out, err = riep("check", tmp_path / "plan.xlsx", "--strict", "--baseline", tmp_path / "b.json")
    assert (code, out.splitlines()[-1]) == (0, f"Baseline {tmp_path / 'b.json'}: 2 accepted, 0 new, 0 fixed.")


def test_the_shipped_workbooks_pass_against_their_baseline_and_the_plus_37_change_fails(riep, tmp_path, plus_37):
    base = tmp_path / "riep-baseline.json"
    code, out, _ = riep("baseline", WORKBOOKS, "--out", base, "--as-of", AS_OF)
    n = len(json.loads(base.read_text(encoding="utf-8"))["findings"])
    assert (code, out) == (0, f"{n} findings of 4 workbooks recorded in {base}\n")

    code, out, _ = riep("run", WORKBOOKS, "--out", tmp_path / "same", "--baseline", base, "--as-of", AS_OF, "-q")
    assert (code, out) == (0, f"4 files: 0 errors, 0 warnings, 0 notes\nBaseline {base}: {n} accepted, 0 new, 0 fixed.\n")

    code, out, _ = riep("run", plus_37, "--out", tmp_path / "changed", "--baseline", base, "--as-of", AS_OF, "-q")
    assert (code, out) == (1, f"4 files: 1 error, 0 warnings, 0 notes\nBaseline {base}: {n} accepted, 1 new, 0 fixed.\n")
    written = json.loads((tmp_path / "changed" / "findings.json").read_text(encoding="utf-8"))
    new = [f for fr in written["files"] for f in fr["findings"]]
    assert [(f["rule"], f["sheet"], f["cell"], f["key"], f["message"]) for f in new] == [(
        "TOT-001", "StatedTotals", "C5",
        "TOT-001|financial_allocation.xlsx|StatedTotals|StatedTotals[Year=2009/10, Scope=Performance]|Stated (£k)",
        "The Performance subtotal for 2009/10 states £4,347k but its 10 lines add up to £4,384k: the lines come to "
        "£37k more than the subtotal.")]
    assert written["baseline"] == {"path": str(base), "accepted": n, "new": 1, "fixed": []}


def test_every_job_command_takes_a_baseline(riep, tmp_path):
    from riep.jobs import all_jobs

    (tmp_path / "b.json").write_text('{"riep_baseline": 1, "findings": []}', encoding="utf-8")
    for job in all_jobs():
        extra = ["--out", tmp_path / "out"] if job.name == "records" else []
        code, out, err = riep(job.name, tmp_path / "missing.xlsx", *extra, "--baseline", tmp_path / "b.json")
        assert (job.name, code, "missing.xlsx: file not found" in out + err) == (job.name, 2, True)

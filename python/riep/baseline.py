"""Baselines: the findings a team has accepted, so that CI fails only on new ones.

A baseline is a list of findings by their stable key (:func:`riep.identity.finding_key`): rule,
workbook file name, sheet, and the row's identity, never the cell address. Applying one to a run
keeps the findings that are not in it (*new*), counts the ones that are (*accepted*) and lists the
baseline's entries that no longer appear (*fixed*). Keys are matched as a multiset: two identical
findings in the baseline accept two, not three. Only entries for the workbooks and jobs of the run
are compared, so one baseline serves every command. The file format is in ``docs/json-schema.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import PurePath

from pydantic import Field, ValidationError

from riep.errors import InputError
from riep.findings import BaselineCounts, FileReport, Finding, RunReport, Severity
from riep.model import Model

__all__ = ["BASELINE_VERSION", "BaselineEntry", "Baseline", "make_baseline", "apply_baseline", "split_known",
           "parse_baseline"]

BASELINE_VERSION = 1


class BaselineEntry(Model):
    """One accepted finding: its key, and enough about it for a person reading the file."""

    key: str
    job: str
    workbook: str = Field(description="File name of the workbook the job ran on.")
    rule: str
    severity: Severity
    sheet: str | None = None
    cell: str | None = Field(default=None, description="Where it was when recorded; not part of the key.")
    message: str


class Baseline(Model):
    """The document ``riep baseline`` writes."""

    riep_baseline: int = BASELINE_VERSION
    findings: list[BaselineEntry] = Field(default_factory=list)


def _name(path: str) -> str:
    return PurePath(path.replace("\\", "/")).name


def _keyed(finding: Finding) -> str:
    if finding.key is None:
        raise ValueError(f"finding {finding.rule} at {finding.sheet}!{finding.cell} has no key")
    return finding.key


def make_baseline(report: RunReport) -> Baseline:
    """The baseline of a run whose findings carry keys (files that could not be read are left out)."""
    entries = [
        BaselineEntry(key=_keyed(f), job=fr.job, workbook=_name(fr.path), rule=f.rule, severity=f.severity,
                      sheet=f.sheet, cell=f.cell, message=f.message)
        for fr in report.files if not fr.error for f in fr.sorted().findings
    ]
    return Baseline(findings=sorted(entries, key=lambda e: (e.workbook, e.job, e.key)))


def split_known(findings: Iterable[Finding], known: Counter[str]) -> tuple[list[Finding], list[Finding]]:
    """``(accepted, new)``: findings whose key is still in ``known`` (each use takes one off), and the rest."""
    accepted: list[Finding] = []
    new: list[Finding] = []
    for f in findings:
        k = _keyed(f)
        if known[k] > 0:
            known[k] -= 1
            accepted.append(f)
        else:
            new.append(f)
    return accepted, new


def apply_baseline(report: RunReport, baseline: Baseline, path: str) -> RunReport:
    """``report`` with only its new findings, and the counts of accepted, new and fixed (``path``: the baseline's
    name as given)."""
    files: list[FileReport] = []
    accepted = new = 0
    fixed: list[dict] = []
    for fr in report.files:
        if fr.error:
            files.append(fr)
            continue
        mine = [e for e in baseline.findings if e.job == fr.job and e.workbook == _name(fr.path)]
        known = Counter(e.key for e in mine)
        ok, fresh = split_known(fr.findings, known)
        accepted, new = accepted + len(ok), new + len(fresh)
        for e in mine:
            if known[e.key] > 0:
                known[e.key] -= 1
                fixed.append(e.model_dump(mode="json"))
        files.append(fr.model_copy(update={"findings": fresh}))
    return RunReport(files=files, baseline=BaselineCounts(path=path, accepted=accepted, new=new, fixed=fixed))


def parse_baseline(text: str, path: str) -> Baseline:
    """Read a baseline document, or say in one sentence why it cannot be used."""
    try:
        baseline = Baseline.model_validate_json(text)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = f" at {'.'.join(str(p) for p in err['loc'])}" if err["loc"] else ""
        raise InputError(f"is not a riep baseline ({err['msg']}{where}); make one with riep baseline", file=path) from None
    if baseline.riep_baseline != BASELINE_VERSION:
        raise InputError(f"is a version {baseline.riep_baseline} baseline; this riep reads version {BASELINE_VERSION}",
                         file=path)
    return baseline

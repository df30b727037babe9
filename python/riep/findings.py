"""Findings: what a rule reports, and the per-file and per-run reports that collect them.

A :class:`Finding` is the one shape every job (check, reconcile, records, risks) returns.
Amounts in ``expected``/``actual``/``difference`` are in the unit named by ``unit``
(normally ``£k``); the ``message`` already writes them the way the workbooks do.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import TypedDict

from pydantic import ConfigDict, Field

from riep.model import Model
from riep.provenance import RunInfo
from riep.wording import plural

__all__ = [
    "Severity",
    "Finding",
    "OnSheet",
    "Where",
    "ScopedWhere",
    "AmountWhere",
    "Summary",
    "FileReport",
    "RunReport",
    "BaselineCounts",
    "SCHEMA_VERSION",
    "EXIT_OK",
    "EXIT_FINDINGS",
    "EXIT_UNUSABLE",
]

SCHEMA_VERSION = 1
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2


class Severity(str, Enum):
    """How much a finding matters: errors fail a run, warnings only under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Finding(Model):
    """One thing a rule found, pointing at the cell it is about."""

    model_config = ConfigDict(frozen=True)

    rule: str = Field(description="Stable rule ID, e.g. TOT-002.")
    severity: Severity
    file: str = Field(description="Path of the workbook as given.")
    sheet: str | None = None
    cell: str | None = Field(default=None, description="A1 address on `sheet`.")
    scope: str | None = Field(default=None, description="What the finding is about: a theme, a stream, a year...")
    expected: float | str | None = None
    actual: float | str | None = None
    difference: float | None = None
    unit: str | None = Field(default=None, description="Unit of expected/actual/difference, e.g. £k.")
    message: str = Field(description="One sentence for a finance officer.")
    key: str | None = Field(default=None, description="Stable key for baselines and diffs (riep.identity), when worked out.")


# Where a finding points, as keyword arguments several findings share: ``RULE.finding(message, **where)``.
# Every key is required, so a helper always says what it knows (``None`` for no sheet or cell), and a call
# that spreads one may not also pass any of its keys (mypy reports "multiple values for keyword argument").
# A module whose findings share more (a scope without a cell, say) extends these with its own TypedDict.


class OnSheet(TypedDict):
    """The workbook and sheet of a finding, for findings whose cells differ."""

    file: str
    sheet: str | None


class Where(OnSheet):
    """The workbook, sheet and cell of a finding."""

    cell: str | None


class ScopedWhere(Where):
    """Where a finding points and what it is about."""

    scope: str | None


class AmountWhere(ScopedWhere):
    """An amount cell: where it is, what it is about, and its unit."""

    unit: str


class Summary(Model):
    """Counts by severity, plus whether the file could be read at all."""

    errors: int = 0
    warnings: int = 0
    info: int = 0
    unusable: bool = False

    def text(self) -> str:
        """``1 error, 2 warnings, 4 notes``: the counts as the reports state them."""
        return f"{plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}, {plural(self.info, 'note')}"

    @classmethod
    def of(cls, findings: Iterable[Finding], unusable: bool = False) -> Summary:
        counts = {s: 0 for s in Severity}
        for finding in findings:
            counts[finding.severity] += 1
        return cls(
            errors=counts[Severity.ERROR],
            warnings=counts[Severity.WARNING],
            info=counts[Severity.INFO],
            unusable=unusable,
        )


class FileReport(Model):
    """The findings for one file, or the reason it could not be used."""

    path: str
    job: str = "check"
    findings: list[Finding] = Field(default_factory=list)
    error: str | None = Field(default=None, description="Why the file could not be used, if it could not.")

    @property
    def summary(self) -> Summary:
        return Summary.of(self.findings, unusable=self.error is not None)

    def sorted(self) -> FileReport:
        """A copy with findings in a stable order: severity, then sheet and cell, then rule."""
        key = lambda f: (f.severity.rank, f.sheet or "", _cell_key(f.cell), f.rule, f.scope or "")  # noqa: E731
        return self.model_copy(update={"findings": sorted(self.findings, key=key)})


class BaselineCounts(Model):
    """What a baseline did to a run: findings accepted (in the baseline), new, and fixed (in it, no longer found)."""

    path: str
    accepted: int = 0
    new: int = 0
    fixed: list[dict] = Field(default_factory=list, description="The baseline entries no longer found.")

    def line(self) -> str:
        """``Baseline riep-baseline.json: 74 accepted, 1 new, 0 fixed.``"""
        return f"Baseline {self.path}: {self.accepted} accepted, {self.new} new, {len(self.fixed)} fixed."


class RunReport(Model):
    """Everything one command produced, and the exit code it implies (with a baseline: its new findings only)."""

    files: list[FileReport] = Field(default_factory=list)
    baseline: BaselineCounts | None = None
    run: RunInfo | None = Field(default=None, description="What produced the report: versions, day, input files.")

    def exit_code(self, strict: bool = False) -> int:
        if any(f.error for f in self.files):
            return EXIT_UNUSABLE
        for report in self.files:
            s = report.summary
            if s.errors or (strict and s.warnings):
                return EXIT_FINDINGS
        return EXIT_OK

    def to_json_dict(self) -> dict:
        """The documented, versioned JSON shape (see docs/json-schema.md)."""
        head: dict = {"schema": SCHEMA_VERSION}
        if self.run is not None:
            head["run"] = self.run.to_json_dict()
        return head | {
            "files": [
                {
                    "path": r.path,
                    "job": r.job,
                    "error": r.error,
                    "findings": [f.model_dump(mode="json", exclude=None if f.key else {"key"}) for f in r.findings],
                    "summary": r.summary.model_dump(),
                }
                for r in self.files
            ],
        } | ({"baseline": self.baseline.model_dump(mode="json")} if self.baseline else {})


def _cell_key(cell: str | None) -> tuple[int, int]:
    """Sort A1 addresses by row, then column (``B10`` after ``B9``)."""
    if not cell:
        return (0, 0)
    letters = "".join(ch for ch in cell if ch.isalpha())
    digits = "".join(ch for ch in cell if ch.isdigit())
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return (int(digits or 0), col)

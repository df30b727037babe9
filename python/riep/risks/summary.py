"""What the board sees, worked out once for the PDF report and the report sheet.

:func:`summarise` orders the risks (highest score first), picks the top ones, and lists the
overdue reviews and the gaps (no owner, no review date), so both renderings say the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from riep.findings import FileReport
from riep.risks.register import Register, Risk
from riep.risks.rules import is_overdue
from riep.risks.scales import Scale

__all__ = ["RiskSummary", "summarise", "ranked"]


def ranked(risks: list[Risk]) -> list[Risk]:
    """Risks by score, highest first (unscored last), then in register order."""
    return sorted(risks, key=lambda r: (-(r.score or 0), r.row))


@dataclass
class RiskSummary:
    """The facts the report states."""

    file: str
    sheet: str
    scale: Scale
    as_of: dt.date
    risks: list[Risk]
    top: list[Risk]
    overdue: list[Risk]
    no_owner: list[Risk]
    no_review: list[Risk]
    errors: int
    warnings: int

    def ids(self, risks: list[Risk]) -> str:
        return ", ".join(r.id or f"row {r.row}" for r in risks)

    def checks_text(self) -> str:
        """``3 errors, 1 warning``."""
        return f"{_count(self.errors, 'error')}, {_count(self.warnings, 'warning')}"

    def headline(self) -> str:
        """One line: how many risks, how many Red/Amber/Green."""
        counts = {rag: sum(1 for r in self.risks if r.score is not None and self.scale.rag(r.score) == rag)
                  for rag in ("Red", "Amber", "Green")}
        return (f"{len(self.risks)} risks: {counts['Red']} Red, {counts['Amber']} Amber, {counts['Green']} Green "
                f"on the {self.scale.name} scale ({self.scale.band_text()}); risk appetite {self.scale.appetite}.")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summarise(reg: Register, report: FileReport, as_of: dt.date, top_n: int) -> RiskSummary:
    """The report's facts for ``reg`` judged on ``as_of``."""
    open_risks = [r for r in reg.risks if r.status != "Closed"]
    s = report.summary
    return RiskSummary(
        file=reg.file, sheet=reg.table.sheet, scale=reg.scale, as_of=as_of, risks=reg.risks,
        top=[r for r in ranked(reg.risks) if r.score is not None][:top_n],
        overdue=[r for r in ranked(reg.risks) if is_overdue(r, as_of)],
        no_owner=[r for r in reg.risks if not r.owner],
        no_review=[r for r in open_risks if r.review is None],
        errors=s.errors, warnings=s.warnings,
    )

"""What the board sees, worked out once for the PDF report and the report sheet.

:func:`summarise` orders the risks (highest score first), picks the top ones, and lists the
overdue reviews and the gaps (no owner, no review date), so both renderings say the same.
"""

from __future__ import annotations

import datetime as dt
import re
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
    top_n: int = 5

    def ids(self, risks: list[Risk]) -> str:
        return ", ".join(r.id or f"row {r.row}" for r in risks)

    def review_lines(self) -> list[str]:
        """What the report says about reviews: overdue ones, and the risks with no review date. It never says
        "no review is overdue" when no open risk has a review date to be overdue against."""
        day = f"{self.as_of:%d/%m/%Y}"
        dated = [r for r in self.risks if r.review is not None]
        lines = []
        if self.overdue:
            lines.append(f"Reviews overdue on {day}: {self.ids(self.overdue)}.")
        elif dated:
            lines.append(f"No review is overdue on {day}.")
        if self.no_review:
            lines.append(f"Review dates not recorded for {_compact([r.id or f'row {r.row}' for r in self.no_review])}.")
        return lines

    def key_lines(self) -> list[str]:
        """The first page's figures: the RAG counts, the Red risks, the reviews."""
        red = [r for r in self.risks if r.score is not None and self.scale.rag(r.score) == "Red"]
        return [self.headline(), f"Red risks: {self.ids(red)}." if red else "No risk is Red.", *self.review_lines()]

    def checks_text(self) -> str:
        """``3 errors, 1 warning``."""
        return f"{_count(self.errors, 'error')}, {_count(self.warnings, 'warning')}"

    def headline(self) -> str:
        """One line: how many risks, how many Red/Amber/Green."""
        counts = {rag: sum(1 for r in self.risks if r.score is not None and self.scale.rag(r.score) == rag)
                  for rag in ("Red", "Amber", "Green")}
        return (f"{len(self.risks)} risks: {counts['Red']} Red, {counts['Amber']} Amber, {counts['Green']} Green "
                f"on the {self.scale.name} scale ({self.scale.band_text()}); risk appetite {self.scale.appetite}.")


def _compact(ids: list[str]) -> str:
    """``R1, R2, R3, R5`` as ``R1–R3, R5``: runs of consecutive numbers with the same prefix joined by a dash."""
    out: list[list[tuple[str, int, str]]] = []
    for rid in ids:
        m = re.fullmatch(r"(\D*)(\d+)", rid)
        item = (m.group(1), int(m.group(2)), rid) if m else (rid, -10, rid)
        last = out[-1][-1] if out else None
        if last and m and last[0] == item[0] and last[1] + 1 == item[1]:
            out[-1].append(item)
        else:
            out.append([item])
    return ", ".join(", ".join(i[2] for i in run) if len(run) < 3 else f"{run[0][2]}\u2013{run[-1][2]}" for run in out)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _top(risks: list[Risk], n: int) -> list[Risk]:
    """The ``n`` highest-scored risks and every risk tied with the last of them (a cut-off never splits a tie)."""
    scored = [r for r in ranked(risks) if r.score is not None]
    if n <= 0 or len(scored) <= n:
        return scored[:max(n, 0)]
    return [r for r in scored if (r.score or 0) >= (scored[n - 1].score or 0)]


def summarise(reg: Register, report: FileReport, as_of: dt.date, top_n: int) -> RiskSummary:
    """The report's facts for ``reg`` judged on ``as_of``."""
    open_risks = [r for r in reg.risks if r.status != "Closed"]
    s = report.summary
    return RiskSummary(
        file=reg.file, sheet=reg.table.sheet, scale=reg.scale, as_of=as_of, risks=reg.risks,
        top=_top(reg.risks, top_n),
        overdue=[r for r in ranked(reg.risks) if is_overdue(r, as_of)],
        no_owner=[r for r in reg.risks if not r.owner],
        no_review=[r for r in open_risks if r.review is None],
        errors=s.errors, warnings=s.warnings, top_n=top_n,
    )

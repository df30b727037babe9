"""The key figures a report's first page states, per job: the findings a Board reads first.

A job's key figures are the messages of the rules that state its headline amounts (the grand
total and what is not itemised, what is left unallocated, the budget against the balances, the
Individual Authorities line), so the first page and the findings can never disagree.
"""

from __future__ import annotations

from riep.findings import FileReport

__all__ = ["KEY_RULES", "key_figures"]

KEY_RULES: dict[str, tuple[str, ...]] = {
    "check": ("TOT-002", "TOT-003", "TOT-004", "TOT-005"),
    "reconcile": ("REC-004", "REC-005", "REC-001"),
    "records": ("SUP-017", "SUP-014"),
    "risks": (),
    "monitor": ("MON-006",),
}


def key_figures(report: FileReport, extra: list[str] | None = None) -> list[str]:
    """``extra`` lines first, then the messages of the job's key rules, in rule order."""
    rules = KEY_RULES.get(report.job, ())
    found = sorted((f for f in report.findings if f.rule in rules), key=lambda f: rules.index(f.rule))
    return [*(extra or []), *(f.message for f in found)]

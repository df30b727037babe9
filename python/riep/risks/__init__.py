"""The risk register: scales and scoring, the register's rules, the heat map and the board report.

- :mod:`riep.risks.scales`: the 3x3 and 5x5 scales from the ``[risks]`` settings; reading levels.
- :mod:`riep.risks.scoring`: ``risk_score`` and ``rag`` (also the add-in's RIEP.RISK_SCORE / RIEP.RAG).
- :mod:`riep.risks.register`: the ``Risks`` table contract and reading it (RISK-004, RISK-005).
- :mod:`riep.risks.rules`: every other rule (RISK-001 ... RISK-015).
- :mod:`riep.risks.summary`, :mod:`riep.risks.sheet`: the report (drawn by :mod:`riep.pdf.heatmap` and :mod:`riep.pdf.risks`).
"""

from __future__ import annotations

import datetime as dt

from riep.findings import FileReport
from riep.risks import register, rules
from riep.risks.register import Register, recognises
from riep.risks.register import read_register as read
from riep.risks.rules import check_register
from riep.rule import declared_in
from riep.settings import Settings

__all__ = ["RULES", "recognises", "read", "evaluate", "Register"]

RULES = declared_in(register, rules)


def evaluate(reg: Register, settings: Settings, as_of: dt.date) -> FileReport:
    """Every finding for a risk register read by :func:`read`, in a stable order."""
    return FileReport(path=reg.file, job="risks", findings=check_register(reg, as_of)).sorted()

"""In-year budget monitoring: each allocation line's committed, spent and forecast outturn against its budget.

- :mod:`riep.monitor.tables`: the ``Monitoring`` and ``RingFenced`` tables' contract.
- :mod:`riep.monitor.read`: reads them with the allocation lines and the money available.
- :mod:`riep.monitor.rules`: MON-001..010, and :func:`~riep.monitor.rules.position`.
- :mod:`riep.monitor.sheet`: the Board's Budget monitoring sheet, live formulas.
- :mod:`riep.monitor.summary`: the key figures of the report's first page.
"""

from __future__ import annotations

import datetime as dt

from riep.findings import FileReport
from riep.monitor import rules
from riep.monitor.read import MonitorBook, recognises
from riep.monitor.read import read_monitor as read
from riep.monitor.rules import check_monitor
from riep.rule import declared_in
from riep.settings import Settings

__all__ = ["RULES", "recognises", "read", "evaluate", "MonitorBook"]

RULES = declared_in(rules)


def evaluate(book: MonitorBook, settings: Settings, as_of: dt.date) -> FileReport:
    """The ``monitor`` job: every finding for one allocation workbook, judged on ``as_of``."""
    return FileReport(path=book.file, job="monitor", findings=check_monitor(book, as_of, settings.monitor)).sorted()

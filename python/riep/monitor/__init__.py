"""In-year budget monitoring: each allocation line's committed, spent and forecast outturn against its budget.

- :mod:`riep.monitor.tables`: the ``Monitoring`` and ``RingFenced`` tables' contract.
- :mod:`riep.monitor.read`: reads them with the allocation lines and the money available.
- :mod:`riep.monitor.rules`: MON-001..010, and :func:`~riep.monitor.rules.position`.
- :mod:`riep.monitor.sheet`: the Board's Monitoring sheet, live formulas.
"""

from __future__ import annotations

import datetime as dt

from riep.findings import FileReport
from riep.monitor.read import read_monitor, recognises
from riep.monitor.rules import check_monitor
from riep.settings import Settings
from riep.table import TableSource

__all__ = ["monitor", "recognises"]


def monitor(source: TableSource, settings: Settings, as_of: dt.date) -> FileReport:
    """The ``monitor`` job: every finding for one allocation workbook, judged on ``as_of``."""
    book = read_monitor(source, settings)
    return FileReport(path=source.file, job="monitor", findings=check_monitor(book, as_of, settings.monitor)).sorted()

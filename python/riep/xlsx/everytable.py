"""Every named table of a workbook with all its columns, for ``riep show``, ``riep diff`` and finding keys.

Unlike :func:`riep.xlsx.reader.read_table`, which reads one table against its contract, this reads
whatever tables a workbook has. Headers that a contract knows (``amount (£K)``, or a word mapped
in ``[headers.<Table>]``) are given the contract's name, so identity columns are found however the
header is written; other headers are kept as written. Values are what Excel last calculated.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from riep.table import TableData, TableSpec, norm_header
from riep.xlsx.reader import Workbook, table_rows

__all__ = ["read_every_table", "known_specs"]


def known_specs() -> dict[str, TableSpec]:
    """The table contracts riep knows, by lower-case table name."""
    from riep.checks.tables import ALLOCATION, FUNDING, STATED_TOTALS
    from riep.monitor.tables import MONITORING, RING_FENCED
    from riep.reconcile.tables import BALANCES
    from riep.records.tables import (
        ASSESSMENTS,
        AUTHORITIES,
        BOARD_MEMBERS,
        MEETINGS,
        PARTNERSHIP_MEETINGS,
        PROGRESS_REPORTS,
        SUPPORT_CASES,
        SUPPORT_FUNDING,
    )
    from riep.risks.register import RISKS
    from riep.workbook_settings import SETTINGS_TABLE

    specs = (FUNDING, ALLOCATION, STATED_TOTALS, BALANCES, RISKS, AUTHORITIES, ASSESSMENTS, SUPPORT_CASES,
             BOARD_MEMBERS, MEETINGS, PROGRESS_REPORTS, SUPPORT_FUNDING, PARTNERSHIP_MEETINGS, MONITORING, RING_FENCED,
             SETTINGS_TABLE)
    return {s.name.lower(): s for s in specs}


def _names(spec: TableSpec | None, headers: list[str], aliases: dict[str, list[str]]) -> list[str]:
    """Column names: the contract's name for a header it knows, else the header as written (made unique)."""
    words: dict[str, str] = {}
    for col in spec.columns if spec else ():
        for w in (col.name, *col.aliases, *aliases.get(col.name, [])):
            words.setdefault(norm_header(w), col.name)
    out: list[str] = []
    for k, h in enumerate(headers):
        name = words.get(norm_header(h)) or " ".join(str(h).split()) or f"Column{k + 1}"
        while name in out:
            name += "'"
        out.append(name)
    return out


def read_every_table(wb: Workbook, headers: dict[str, dict[str, list[str]]] | None = None) -> list[TableData]:
    """Every table of ``wb`` in workbook order; ``headers`` are the ``[headers.<Table>]`` settings."""
    specs = known_specs()
    headers = headers or {}
    out: list[TableData] = []
    for name in wb.table_names:
        table, rows = table_rows(wb, name)
        assert table.start is not None
        header_row, first_col = table.start  # 0-based start of the data is the 1-based header row
        spec = specs.get(name.lower())
        columns = _names(spec, [str(c) for c in table.columns], headers.get(spec.name if spec else name, {}))
        width = len(columns)
        grid = [[None if v == "" else v for v in (list(r) + [""] * (width - len(r)))[:width]] for r in rows]
        frame = pd.DataFrame(grid, columns=columns, dtype=object) if grid else pd.DataFrame(columns=columns)
        frame["_row"] = np.arange(header_row + 1, header_row + 1 + len(grid))
        frame = frame[[any(v is not None for v in r) for r in grid]] if grid else frame
        out.append(TableData(name=name, sheet=table.sheet, header_row=header_row,
                             columns={c: first_col + k for k, c in enumerate(columns)}, frame=frame.reset_index(drop=True),
                             file=str(wb.path)))
    return out

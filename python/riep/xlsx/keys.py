"""Give each finding its stable key (:func:`riep.identity.finding_key`) by reading the tables of its workbook."""

from __future__ import annotations

from pathlib import PurePath

from riep.errors import RiepError
from riep.findings import Finding, RunReport
from riep.identity import RowIndex, finding_key
from riep.xlsx.everytable import read_every_table
from riep.xlsx.reader import open_workbook

__all__ = ["with_keys", "row_indexes"]


def row_indexes(files: set[str], headers: dict[str, dict[str, list[str]]] | None = None) -> dict[str, RowIndex | None]:
    """A row index per workbook path (``None`` for one that cannot be read: its findings are keyed by scope)."""
    out: dict[str, RowIndex | None] = {}
    for file in files:
        try:
            out[file] = RowIndex(read_every_table(open_workbook(file), headers))
        except RiepError:
            out[file] = None
    return out


def with_keys(report: RunReport, headers: dict[str, dict[str, list[str]]] | None = None,
              file_name: str | None = None) -> RunReport:
    """``report`` with every finding keyed. ``file_name`` replaces each workbook's file name in the keys (``''``
    compares two versions of one workbook saved under different names)."""
    indexes = row_indexes({f.file for fr in report.files for f in fr.findings}, headers)

    def key(f: Finding) -> Finding:
        name = PurePath(f.file.replace("\\", "/")).name if file_name is None else file_name
        return f.model_copy(update={"key": finding_key(f, indexes[f.file], name)})

    return report.model_copy(update={"files": [fr.model_copy(update={"findings": [key(f) for f in fr.findings]})
                                               for fr in report.files]})

"""What changed between two versions of a workbook, table by table, keyed by each table's identity columns.

Rows are matched by their identity (``Year + Theme + Line`` for ``Allocation``, see
:mod:`riep.identity`), not their position, so a row inserted above others is one added row. For
every table: rows added and removed, and each cell that changed (old -> new, with the
difference for numbers). Changes to the ``StatedTotals`` table's stated figures are also listed as
*stated totals that moved*. Findings are compared by their keys with the file name left out: *new*
are found in the new version only, *fixed* in the old one only. Nothing here reads a file.
"""

from __future__ import annotations

import math
from collections import Counter

from pydantic import Field

from riep.baseline import split_known
from riep.findings import Finding, RunReport, Severity
from riep.identity import identity_columns, identity_value
from riep.model import Model
from riep.table import TableData

__all__ = ["CellChange", "RowLine", "TableDiff", "WorkbookDiff", "diff_tables", "diff_findings", "diff_workbooks"]

_STATED = ("statedtotals", "Stated (£k)")


class RowLine(Model):
    """A row added or removed: its identity, every cell as text, and where it is (in the version it is in)."""

    identity: list[tuple[str, str]]
    cells: dict[str, str]
    sheet: str
    cell: str


class CellChange(Model):
    """One cell whose value changed; ``sheet``/``cell`` are where it is in the new version."""

    table: str
    identity: list[tuple[str, str]]
    column: str
    old: float | str | None
    new: float | str | None
    difference: float | None = None
    sheet: str
    cell: str

    def row_label(self) -> str:
        """``2009/10 · Performance · Housing and Planning``."""
        return " · ".join(v for _, v in self.identity)


class TableDiff(Model):
    """The changes to one table present in both versions."""

    table: str
    sheet: str
    identity_columns: list[str]
    added: list[RowLine] = Field(default_factory=list)
    removed: list[RowLine] = Field(default_factory=list)
    changed: list[CellChange] = Field(default_factory=list)
    columns_added: list[str] = Field(default_factory=list)
    columns_removed: list[str] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed)


class WorkbookDiff(Model):
    """Everything ``riep diff`` reports."""

    old: str
    new: str
    tables: list[TableDiff] = Field(default_factory=list)
    tables_added: list[str] = Field(default_factory=list)
    tables_removed: list[str] = Field(default_factory=list)
    totals_moved: list[CellChange] = Field(default_factory=list)
    findings_new: list[Finding] = Field(default_factory=list)
    findings_fixed: list[Finding] = Field(default_factory=list)

    def exit_code(self, strict: bool = False) -> int:
        """1 when the new version has new errors (or, ``strict``, new warnings), else 0."""
        bad = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return 1 if any(f.severity in bad for f in self.findings_new) else 0


def _plain(v: object) -> float | str | None:
    """A cell value for the report: numbers as numbers, anything else as its text, blank as ``None``."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return None if math.isnan(v) else float(v)
    text = identity_value(v)
    return text or None


def _same(a: float | str | None, b: float | str | None) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=0.0, abs_tol=1e-9)
    return a == b


def _rows(t: TableData, cols: tuple[str, ...]) -> dict[tuple[tuple[str, str], ...], dict]:
    """Rows by identity; a second row with the same identity gets ``#2`` after its last identity value."""
    out: dict[tuple[tuple[str, str], ...], dict] = {}
    seen: Counter[tuple[tuple[str, str], ...]] = Counter()
    for rec in t.frame.to_dict("records"):
        ident = tuple((c, identity_value(rec.get(c))) for c in cols)
        seen[ident] += 1
        if seen[ident] > 1:
            ident = (*ident[:-1], (ident[-1][0], f"{ident[-1][1]} #{seen[ident]}"))
        out[ident] = rec
    return out


def _line(t: TableData, ident: tuple[tuple[str, str], ...], rec: dict, cols: list[str]) -> RowLine:
    return RowLine(identity=list(ident), cells={c: identity_value(rec.get(c)) for c in cols}, sheet=t.sheet,
                   cell=t.cell(cols[0], int(rec["_row"])))


def _diff_table(old: TableData, new: TableData) -> TableDiff:
    cols = identity_columns(new)
    old_cols = [c for c in sorted(old.columns, key=old.columns.__getitem__)]
    new_cols = [c for c in sorted(new.columns, key=new.columns.__getitem__)]
    both = [c for c in new_cols if c in old.columns]
    before, after = _rows(old, tuple(c for c in cols if c in old.columns)), _rows(new, cols)
    diff = TableDiff(table=new.name, sheet=new.sheet, identity_columns=list(cols),
                     columns_added=[c for c in new_cols if c not in old.columns],
                     columns_removed=[c for c in old_cols if c not in new.columns])
    for ident, rec in after.items():
        was = before.get(ident)
        if was is None:
            diff.added.append(_line(new, ident, rec, new_cols))
            continue
        for c in both:
            a, b = _plain(was.get(c)), _plain(rec.get(c))
            if not _same(a, b):
                delta = b - a if isinstance(a, float) and isinstance(b, float) else None
                diff.changed.append(CellChange(table=new.name, identity=list(ident), column=c, old=a, new=b,
                                               difference=delta, sheet=new.sheet, cell=new.cell(c, int(rec["_row"]))))
    diff.removed = [_line(old, ident, rec, old_cols) for ident, rec in before.items() if ident not in after]
    return diff


def diff_tables(old: list[TableData], new: list[TableData]) -> tuple[list[TableDiff], list[str], list[str]]:
    """``(changes per table in both, tables added, tables removed)``; tables matched by name, any case."""
    by_name = {t.name.lower(): t for t in old}
    new_names = {t.name.lower() for t in new}
    diffs = [_diff_table(by_name[t.name.lower()], t) for t in new if t.name.lower() in by_name]
    return diffs, [t.name for t in new if t.name.lower() not in by_name], [t.name for t in old if t.name.lower() not in new_names]


def diff_findings(old: RunReport, new: RunReport) -> tuple[list[Finding], list[Finding]]:
    """``(new, fixed)`` between two keyed runs (keyed without the file name, so the versions' names may differ)."""
    old_findings = [f for fr in old.files for f in fr.sorted().findings]
    new_findings = [f for fr in new.files for f in fr.sorted().findings]
    _, fresh = split_known(new_findings, Counter(f.key or "" for f in old_findings))
    _, fixed = split_known(old_findings, Counter(f.key or "" for f in new_findings))
    return fresh, fixed


def diff_workbooks(old_name: str, new_name: str, old_tables: list[TableData], new_tables: list[TableData],
                   old_report: RunReport, new_report: RunReport) -> WorkbookDiff:
    """The whole comparison of two versions (their tables, and their keyed findings)."""
    tables, added, removed = diff_tables(old_tables, new_tables)
    moved = [c for t in tables for c in t.changed if (t.table.lower(), c.column) == _STATED]
    fresh, fixed = diff_findings(old_report, new_report)
    return WorkbookDiff(old=old_name, new=new_name, tables=tables, tables_added=added, tables_removed=removed,
                        totals_moved=moved, findings_new=fresh, findings_fixed=fixed)

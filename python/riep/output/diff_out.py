"""``riep diff`` output: readable text, JSON, and a *Changes* sheet for a copy of the new workbook."""

from __future__ import annotations

import json
from pathlib import PurePath

from riep.diff import CellChange, TableDiff, WorkbookDiff
from riep.findings import Finding
from riep.money import fmt_k
from riep.output.show import aligned
from riep.sheets import Column, Link, SheetContent

__all__ = ["render_diff", "render_diff_json", "changes_sheet", "diff_figures", "CHANGES_SHEET"]

CHANGES_SHEET = "Changes"


def _num(v: float | str | None) -> str:
    if v is None:
        return "(blank)"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else f"{v:.10g}"
    return v


def _delta(c: CellChange) -> str:
    if c.difference is None:
        return ""
    d = c.difference
    return f"({'+' if d > 0 else ''}{int(d) if float(d).is_integer() else f'{d:.10g}'})"


def _finding_lines(findings: list[Finding]) -> list[str]:
    rows = [[f.severity.value, f.rule, f"{f.sheet}!{f.cell}" if f.sheet and f.cell else (f.sheet or ""), f.message]
            for f in findings]
    return ["  " + line for line in aligned([""] * 4, rows, [False] * 4)[1:]]


def render_diff(d: WorkbookDiff) -> str:
    """The comparison as text: per table its added, removed and changed rows; totals that moved; findings."""
    out = [f"riep diff {d.old} -> {d.new}"]
    same: list[str] = []
    for t in d.tables:
        if t.empty:
            same.append(t.table)
            continue
        out += ["", f"{t.table} (sheet {t.sheet}, rows by {' + '.join(t.identity_columns)}): {_counts(t)}"]
        if t.columns_added or t.columns_removed:
            out.append("  columns " + "; ".join(filter(None, (
                f"added: {', '.join(t.columns_added)}" if t.columns_added else "",
                f"removed: {', '.join(t.columns_removed)}" if t.columns_removed else ""))))
        rows = [["added", " · ".join(v for _, v in r.identity), "", "", "", ""] for r in t.added]
        rows += [["removed", " · ".join(v for _, v in r.identity), "", "", "", ""] for r in t.removed]
        rows += [["changed", c.row_label(), c.column, _num(c.old), "->", f"{_num(c.new)} {_delta(c)}".strip()]
                 for c in t.changed]
        out += ["  " + line.rstrip() for line in aligned(["", "", "", "", "", ""], rows, [False, False, False, True, False, False])[1:]]
    for name, what in ((d.tables_added, "added"), (d.tables_removed, "removed")):
        if name:
            out += ["", f"Tables {what}: {', '.join(name)}"]
    if same:
        out += ["", f"Unchanged: {', '.join(same)}"]
    out += ["", "Stated totals that moved: " + (", ".join(
        f"{c.row_label()} {fmt_k(c.old) if isinstance(c.old, float) else _num(c.old)} -> "
        f"{fmt_k(c.new) if isinstance(c.new, float) else _num(c.new)}" for c in d.totals_moved) or "none")]
    for findings, what in ((d.findings_new, "new"), (d.findings_fixed, "fixed")):
        out += ["", f"Findings {what}: {len(findings)}"] + _finding_lines(findings)
    return "\n".join(out) + "\n"


def render_diff_json(d: WorkbookDiff) -> str:
    """The comparison as JSON (``riep_diff: 1``; the fields of :class:`riep.diff.WorkbookDiff`)."""
    return json.dumps({"riep_diff": 1} | d.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def _count(items: list, word: str) -> str:
    return f"{len(items)} {word}{'s' * (len(items) != 1)}"


def _counts(t: TableDiff) -> str:
    return ", ".join(f"{len(x)} {word}" for x, word in ((t.added, "added"), (t.removed, "removed"),
                                                        ({c.row_label() for c in t.changed}, "changed")) if x)


def diff_figures(d: WorkbookDiff) -> list[str]:
    """The comparison's key figures for a cover: the tables that changed, the totals that moved, the findings."""
    changed = [f"{t.table}: {_counts(t)}" for t in d.tables if not t.empty]
    return [
        "Tables changed: " + ("; ".join(changed) if changed else "none"),
        "Stated totals that moved: " + (", ".join(c.row_label() for c in d.totals_moved) or "none"),
        f"Findings: {len(d.findings_new)} new in {PurePath(d.new).name}, {len(d.findings_fixed)} fixed since "
        f"{PurePath(d.old).name} (the counts above are the new ones)",
    ]


def changes_sheet(d: WorkbookDiff) -> SheetContent:
    """One row per change and per finding new or fixed; the Where column links to the cell in the new version."""
    rows: list[list[object]] = []
    links: dict[tuple[int, int], Link] = {}
    for t in d.tables:
        for r in t.added:
            rows.append([t.table, " · ".join(v for _, v in r.identity), "added", "", None, None, None, r.cell])
            links[(len(rows) - 1, 7)] = Link(sheet=r.sheet, cell=r.cell)
        for r in t.removed:
            rows.append([t.table, " · ".join(v for _, v in r.identity), "removed", "", None, None, None, ""])
        for c in t.changed:
            rows.append([t.table, c.row_label(), "changed", c.column, c.old, c.new, c.difference, c.cell])
            links[(len(rows) - 1, 7)] = Link(sheet=c.sheet, cell=c.cell)
    for findings, what in ((d.findings_new, "new finding"), (d.findings_fixed, "fixed finding")):
        for f in findings:
            rows.append([f.sheet or "", f.scope or "", what, f"{f.rule} ({f.severity.value}): {f.message}",
                         None, None, None, f.cell or ""])
            if what == "new finding" and f.sheet and f.cell:
                links[(len(rows) - 1, 7)] = Link(sheet=f.sheet, cell=f.cell)
    number = "#,##0.##;-#,##0.##;0"
    return SheetContent(
        name=CHANGES_SHEET, title=f"Changes to {PurePath(d.new).name}",
        subtitle=f"From {d.old} to {d.new}: {_count(d.findings_new, 'finding')} new, {len(d.findings_fixed)} fixed",
        table_name="RiepChanges",
        columns=[Column(name="Table or sheet", width=14), Column(name="Row", width=48), Column(name="Change", width=14),
                 Column(name="Column or finding", width=60), Column(name="Old", width=12, number_format=number),
                 Column(name="New", width=12, number_format=number),
                 Column(name="Difference", width=12, number_format="+#,##0.##;-#,##0.##;0"), Column(name="Where", width=8)],
        rows=rows, links=links)

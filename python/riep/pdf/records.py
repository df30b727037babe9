"""One authority's support record as a PDF for the Improvement Board pack (reportlab), with the
same content as its sheet in the records workbook, and any notes typed there."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import cast

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from riep.money import fmt_pounds
from riep.pdf.document import para, styles
from riep.records.record import Grid, Item, Record

__all__ = ["record_pdf"]

_FLAG = {"error": "#F8CBAD", "warning": "#FFE699", "ok": "#C6EFCE"}
_WIDTH = 186 * mm


def _cell(value: object, money: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, (int, float)) and money:
        return fmt_pounds(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _items(items: list[Item], st: dict[str, ParagraphStyle]) -> Table:
    rows = [[para(it.label, st["bold"]), para(it.value, st["cell"])] for it in items]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#D9D9D9"))]
    for k, it in enumerate(items):
        if it.flag in _FLAG:
            style.append(("BACKGROUND", (1, k), (1, k), colors.HexColor(_FLAG[it.flag])))
    t = Table(rows, colWidths=[52 * mm, _WIDTH - 52 * mm])
    t.setStyle(TableStyle(style))
    return t


def _grid(g: Grid, st: dict[str, ParagraphStyle]) -> Table | Paragraph:
    if not g.rows:
        return para(g.empty, st["cell"])
    money = {j for j, c in enumerate(g.columns) if c in g.money}
    rows = [[para(c, st["bold"]) for c in g.columns]]
    style = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EDEDED")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#A6A6A6"))]
    for r in g.rows:
        rows.append([para(_cell(v, j in money), st["cell"]) for j, v in enumerate(r)])
    for i, j, flag in g.flags:
        style.append(("BACKGROUND", (j, i + 1), (j, i + 1), colors.HexColor(_FLAG[flag])))
    if g.totals:
        rows.append([para("Total", st["bold"])] + [
            para(_cell(sum(cast(float, r[j] or 0) for r in g.rows), True), st["bold"]) if c in g.totals else ""
            for j, c in enumerate(g.columns)][1:])
    longest = [max([len(w) for w in c.split()] + [len(_cell(r[j], j in money)) for r in g.rows])
               for j, c in enumerate(g.columns)]
    weights = [min(max(n, 12), 45) + 2 + (5 if any(isinstance(r[j], dt.date) for r in g.rows) else 0)
               for j, n in enumerate(longest)]
    total = sum(weights)
    t = Table(rows, colWidths=[_WIDTH * w / total for w in weights], repeatRows=1)
    t.setStyle(TableStyle(style))
    return t


def record_pdf(record: Record, notes: list[str] | None = None) -> bytes:
    """The record as PDF bytes (the caller saves them). ``notes``: lines typed in the workbook's notes area."""
    st = styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=11 * mm,
                            bottomMargin=11 * mm, title=f"Support record: {record.authority}", author="riep",
                            subject=Path(record.file).name)
    kind = f"{record.type} council" if record.type and record.type != "fire" else (record.type or "authority")
    marker = " Illustrative demonstration data: an invented authority." if record.illustrative else ""
    story: list[object] = [
        para(f"Support record: {record.authority}", st["title"]),
        para(f"{kind.capitalize()}, {record.county_area}. Judged on {record.as_of:%d/%m/%Y} from "
           f"{Path(record.file).name}. Status: {record.status}.{marker}", st["sub"]),
        Spacer(1, 2 * mm),
    ]
    for sec in record.sections:
        block: list[object] = [para(sec.title, st["h"])]
        if sec.items:
            block.append(_items(sec.items, st))
        if sec.grid is not None:
            block += [Spacer(1, 1.5 * mm), _grid(sec.grid, st)]
        if sec.after:
            block += [Spacer(1, 1.5 * mm), _items(sec.after, st)]
        story.append(KeepTogether(block) if sec.grid is None or len(sec.grid.rows) < 12 else block[0])
        if not (sec.grid is None or len(sec.grid.rows) < 12):
            story += block[1:]
    story.append(para("Notes", st["h"]))
    story += [para(line, st["cell"]) for line in (notes or [])] or [para("No notes typed in the records workbook.",
                                                                     st["cell"])]
    doc.build(story)
    return buf.getvalue()

"""The board's risk report as a PDF (reportlab): the heat map, the top risks with owners and
actions, what is overdue, and the gaps the checks found."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, SimpleDocTemplate, Spacer, Table, TableStyle

from riep.findings import FileReport
from riep.pdf.document import para, styles
from riep.pdf.heatmap import RAG_COLOURS, HeatMap
from riep.registry import all_rules
from riep.risks.summary import RiskSummary

__all__ = ["report_pdf"]


def _top_table(summary: RiskSummary, st: dict[str, ParagraphStyle]) -> Table:
    head = ["ID", "Risk", "Score", "RAG", "Owner", "Review", "Actions required"]
    rows: list[list[object]] = [[para(h, st["cell"]) for h in head]]
    style = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
             ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#A6A6A6")),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for k, r in enumerate(summary.top, start=1):
        rag = summary.scale.rag(r.score or 0)
        rows.append([
            para(r.id or f"row {r.row}", st["cell"], limit=40), para(r.title, st["cell"], limit=1_000),
            para(str(r.score), st["cell"]), para(rag, st["cell"]), para(r.owner or "not recorded", st["cell"], limit=200),
            para(f"{r.review:%d/%m/%Y}" if r.review else "not set", st["cell"]),
            para(r.actions or "none recorded", st["cell"]),
        ])
        style.append(("BACKGROUND", (3, k), (3, k), colors.HexColor(RAG_COLOURS[rag])))
    widths = [14 * mm, 62 * mm, 13 * mm, 16 * mm, 28 * mm, 20 * mm, 114 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _findings_lines(report: FileReport) -> list[str]:
    by_rule: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    names = {r.id: r.title for r in all_rules()}
    for f in report.sorted().findings:
        by_rule.setdefault(f.rule, []).append(f.cell or f.scope or "")
        titles[f.rule] = f"{f.severity.value} {f.rule} {names.get(f.rule, '')}"
    return [f"{titles[rule]}: {len(cells)} ({', '.join(c for c in cells if c)})"
            for rule, cells in sorted(by_rule.items())]


def report_pdf(summary: RiskSummary, heat: HeatMap, report: FileReport) -> bytes:
    """The report as PDF bytes (the caller saves them)."""
    st = styles(title_size=17, heading_size=12)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=10 * mm, bottomMargin=10 * mm, title="Risk register report",
                            author="riep", subject=Path(summary.file).name)
    story: list[object] = [
        para(f"Risk register report: {Path(summary.file).name}", st["title"]),
        para(f"Judged on {summary.as_of:%d/%m/%Y}. {summary.headline()} Checks: {summary.checks_text()}.", st["sub"]),
        Spacer(1, 3 * mm),
    ]
    width = 235 * mm
    story.append(Image(io.BytesIO(heat.png), width=width, height=width * heat.height_px / heat.width_px))
    story.append(para(f"Top {len(summary.top)} risks by score", st["h"]))
    story.append(_top_table(summary, st) if summary.top else para("No risk has a score.", st["body"]))
    story.append(para("Overdue reviews", st["h"]))
    if summary.overdue:
        for r in summary.overdue:
            days = (summary.as_of - r.review).days if r.review else 0
            story.append(para(f"{r.id or 'row ' + str(r.row)} {r.title}: review was due {r.review:%d/%m/%Y} "
                            f"({days} days overdue); owner {r.owner or 'not recorded'}.", st["body"]))
    else:
        story.append(para(f"No review is overdue on {summary.as_of:%d/%m/%Y}.", st["body"]))
    if summary.no_review:
        story.append(para(f"No review date set: {summary.ids(summary.no_review)}.", st["body"]))
    if summary.no_owner:
        story.append(para(f"No owner: {summary.ids(summary.no_owner)}.", st["body"]))
    story.append(para("Checks", st["h"]))
    lines = _findings_lines(report)
    story += [para(line, st["body"]) for line in lines] or [para("No findings.", st["body"])]
    doc.build(story)
    return buf.getvalue()

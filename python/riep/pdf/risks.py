"""The board's risk report as a PDF (reportlab): the heat map, the top risks with owners and
actions, what is overdue, and the gaps the checks found."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Table, TableStyle

from riep.findings import FileReport
from riep.pdf.document import para, styles
from riep.pdf.heatmap import RAG_COLOURS, HeatMap
from riep.registry import all_rules
from riep.report.cover import Cover
from riep.report.pdf_frame import build_pdf, column_widths
from riep.risks.summary import RiskSummary

__all__ = ["report_pdf"]


def _top_table(summary: RiskSummary, st: dict[str, ParagraphStyle]) -> Table:
    head = ["ID", "Risk", "Score", "RAG", "Owner", "Review", "Actions required"]
    rows: list[list[object]] = [[para(h, st["bold"]) for h in head]]
    texts: list[list[str]] = []
    style = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
             ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#A6A6A6")),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for k, r in enumerate(summary.top, start=1):
        rag = summary.scale.rag(r.score or 0)
        texts.append([r.id or f"row {r.row}", r.title, str(r.score), rag, r.owner or "not recorded",
                      f"{r.review:%d/%m/%Y}" if r.review else "not set", r.actions or "none recorded"])
        rows.append([para(text, st["cell"], limit=limit) if limit else para(text, st["cell"])
                     for text, limit in zip(texts[-1], (40, 1_000, 0, 0, 200, 0, 0))])
        style.append(("BACKGROUND", (3, k), (3, k), colors.HexColor(RAG_COLOURS[rag])))
    table = Table(rows, colWidths=column_widths(head, texts, 269 * mm), repeatRows=1)
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


def report_pdf(summary: RiskSummary, heat: HeatMap, report: FileReport, cover: Cover) -> bytes:
    """The report as PDF bytes under ``cover`` (the caller saves them)."""
    st = styles(title_size=17, heading_size=12)
    width = 185 * mm  # with the cover block above it, the heat map still fits the first page
    story: list[object] = [
        para(f"Judged on {summary.as_of:%d/%m/%Y}. {summary.headline()} Checks: {summary.checks_text()}.", st["sub"]),
        KeepTogether([para("Heat map", st["h"]),
                      Image(io.BytesIO(heat.png), width=width, height=width * heat.height_px / heat.width_px)]),
        KeepTogether([  # the heading never ends a page without its table
            para(f"Top {len(summary.top)} risks by score" + (" (ties at the cut-off included)"
                                                            if len(summary.top) > summary.top_n else ""), st["h"]),
            _top_table(summary, st) if summary.top else para("No risk has a score.", st["body"])]),
        para("Reviews and owners", st["h"]),
    ]
    for r in summary.overdue:
        days = (summary.as_of - r.review).days if r.review else 0
        story.append(para(f"{r.id or 'row ' + str(r.row)} {r.title}: review was due {r.review:%d/%m/%Y} "
                        f"({days} days overdue); owner {r.owner or 'not recorded'}.", st["body"]))
    story += [para(line, st["body"]) for line in summary.review_lines() if not summary.overdue or "overdue" not in line]
    if summary.no_owner:
        story.append(para(f"No owner: {summary.ids(summary.no_owner)}.", st["body"]))
    story.append(para("Checks", st["h"]))
    lines = _findings_lines(report)
    story += [para(line, st["body"]) for line in lines] or [para("No findings.", st["body"])]
    return build_pdf(story, cover, wide=True)

"""The risk report sheet: every risk by score with its RAG fill, linked to its row, and the heat map picture."""

from __future__ import annotations

from riep.risks.scoring import RAG_COLOURS
from riep.risks.summary import RiskSummary, ranked
from riep.sheets import Column, Link, Picture, SheetContent

__all__ = ["report_sheet", "REPORT_SHEET", "REPORT_COLUMNS"]

REPORT_SHEET = "Risk report"

REPORT_COLUMNS = [
    Column(name="ID", width=7),
    Column(name="Risk", width=46),
    Column(name="Probability", width=11),
    Column(name="Impact", width=9),
    Column(name="Score", width=7, number_format="0"),
    Column(name="RAG", width=8),
    Column(name="Residual score", width=9, number_format="0"),
    Column(name="Owner", width=18),
    Column(name="Review date", width=12),
    Column(name="Overdue", width=9),
    Column(name="Actions required", width=70),
]


def report_sheet(summary: RiskSummary, heat_map_png: bytes, size_px: tuple[int, int]) -> SheetContent:
    """The ``Risk report`` sheet for ``summary``; the heat map picture (drawn by :mod:`riep.pdf.heatmap`, ``size_px``
    wide and high) sits under the table and notes."""
    s = summary.scale
    rows: list[list[object]] = []
    links: dict[tuple[int, int], Link] = {}
    fills: dict[int, str] = {}
    overdue = {id(r) for r in summary.overdue}
    for k, r in enumerate(ranked(summary.risks)):
        rag = s.rag(r.score) if r.score is not None else ""
        rows.append([
            r.id or f"row {r.row}", r.title,
            s.levels[r.probability - 1] if r.probability else "", s.levels[r.impact - 1] if r.impact else "",
            r.score, rag, r.residual_score, r.owner or "", f"{r.review:%d/%m/%Y}" if r.review else "",
            "yes" if id(r) in overdue else "", r.actions or "",
        ])
        links[(k, 0)] = Link(sheet=summary.sheet, cell=f"A{r.row}")
        if rag:
            fills[k] = RAG_COLOURS[rag].lstrip("#")
    notes = [
        summary.headline(),
        *summary.review_lines(),
        f"No owner: {summary.ids(summary.no_owner) or 'none'}.",
    ]
    top = 4
    picture_row = top + max(len(rows), 1) + 2 + len(notes) + 1
    return SheetContent(
        name=REPORT_SHEET,
        title="Risk report",
        subtitle=f"{summary.file}: judged on {summary.as_of:%d/%m/%Y}, {s.name} scale; "
                 f"{summary.checks_text()} (see RiskChecks).",
        table_name="RiskReport",
        columns=REPORT_COLUMNS,
        rows=rows,
        links=links,
        row_fills=fills,
        notes=notes,
        page_breaks=[picture_row - top - 1],  # the heat map starts a page: printing never cuts the picture in two
        pictures=[Picture(anchor=f"A{picture_row}", png=heat_map_png, width_px=round(size_px[0] * 0.8),
                          height_px=round(size_px[1] * 0.8))],
    )

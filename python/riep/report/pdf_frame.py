"""The frame of every PDF riep writes (reportlab): A4, margins, the partnership and title at the top of each
page, "Page x of y" and the file's name at the foot, the cover block on the first page, and the provenance in
the document's metadata.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from riep.pdf.document import FONT_BOLD, FONT_REGULAR, para, styles
from riep.report.cover import Cover

__all__ = ["cover_block", "build_pdf", "column_widths", "FRAME_PT"]

FRAME_PT = 9.0
_MARGIN = 14 * mm


def cover_block(cover: Cover, width: float) -> list[Flowable]:
    """Title, organisation and the facts table (sources with SHA-256, dates, versions, findings, key figures)."""
    st = styles()
    rows = [[para(label, st["bold"]), para(text, st["cell"])] for label, text in cover.lines()]
    table = Table(rows, colWidths=[30 * mm, width - 30 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#D9D9D9")),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return [para(cover.title, st["title"]), table, Spacer(1, 4 * mm)]


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], total: float, size: float = FRAME_PT,
                  padding: float = 14) -> list[float]:
    """Widths (points) of a table's columns from its text: every column at least as wide as its longest word (a
    header or value never breaks inside a word), the room left shared in proportion to how much more each
    column's full text needs, and the whole exactly ``total`` wide."""
    def words(text: str, font: str) -> float:
        return max((stringWidth(w, font, size) for w in str(text).split()), default=0)

    least = [max([words(h, FONT_BOLD)] + [words(r[j], FONT_REGULAR) for r in rows if j < len(r)]) + padding
             for j, h in enumerate(header)]
    full = [max([stringWidth(str(h), FONT_BOLD, size)] + [stringWidth(str(r[j]), FONT_REGULAR, size)
                                                            for r in rows if j < len(r)]) + padding
            for j, h in enumerate(header)]
    spare = total - sum(least)
    if spare <= 0:
        return [total * w / sum(least) for w in least]
    want = [f - w for f, w in zip(full, least)]
    if sum(want) <= spare:  # everything fits on one line: share the rest in proportion to the text
        return [f + (spare - sum(want)) * f / sum(full) for f in full]
    return [w + spare * x / sum(want) for w, x in zip(least, want)]


def _numbered(cover: Cover) -> type[Canvas]:
    """A canvas that holds its pages until the end, so each can say "Page x of y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._frame(total)
                super().showPage()
            super().save()

        def _frame(self, total: int) -> None:
            w, h = self._pagesize
            self.saveState()
            self.setFillColor(colors.HexColor("#404040"))
            self.setFont(FONT_BOLD, FRAME_PT)
            self.drawString(_MARGIN, h - 9 * mm, cover.organisation)
            self.setFont(FONT_REGULAR, FRAME_PT)
            self.drawRightString(w - _MARGIN, h - 9 * mm, cover.title[:110])
            self.drawString(_MARGIN, 8 * mm, cover.file_name)
            self.drawRightString(w - _MARGIN, 8 * mm, f"Page {self._pageNumber} of {total}")
            self.setStrokeColor(colors.HexColor("#BFBFBF"))
            self.setLineWidth(0.4)
            self.line(_MARGIN, h - 10.5 * mm, w - _MARGIN, h - 10.5 * mm)
            self.line(_MARGIN, 11 * mm, w - _MARGIN, 11 * mm)
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: Sequence[Flowable], cover: Cover, *, wide: bool = False) -> bytes:
    """The PDF of ``story`` under ``cover`` (its block first), A4 portrait, or landscape when ``wide``."""
    size = landscape(A4) if wide else A4
    buf = io.BytesIO()
    title = f"{cover.organisation}: {cover.title}" if cover.organisation else cover.title
    doc = SimpleDocTemplate(buf, pagesize=size, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=title, author=f"riep {cover.run.riep_version}",
                            creator="riep", subject=cover.subject(),
                            keywords=f"riep {cover.run.riep_version}; rules {cover.run.rules_version}; "
                                     f"as of {cover.run.as_of.isoformat()}")
    doc.build([*cover_block(cover, size[0] - 2 * _MARGIN), *story], canvasmaker=_numbered(cover))
    return buf.getvalue()

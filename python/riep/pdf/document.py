"""What the PDF reports (risk report, support records) share: the embedded font, paragraph styles, a paragraph.

DejaVu Sans ships with matplotlib (which draws the heat map), so the same face is in every
report and is embedded, so every character, £ included, extracts as text.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from riep.safetext import visible

__all__ = ["styles", "para", "TEXT_MAX"]

TEXT_MAX = 1_500  # characters of one text in a PDF: a table cell this long still fits on a landscape A4 page

_REGULAR, _BOLD = "RiepSans", "RiepSans-Bold"


def _register_fonts() -> None:
    if _REGULAR not in pdfmetrics.getRegisteredFontNames():
        ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        pdfmetrics.registerFont(TTFont(_REGULAR, str(ttf / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(_BOLD, str(ttf / "DejaVuSans-Bold.ttf")))


def styles(title_size: float = 15, heading_size: float = 11) -> dict[str, ParagraphStyle]:
    """The report styles: ``title``, ``sub`` (grey line under it), ``h``, ``body``, and ``cell``/``bold`` for tables."""
    _register_fonts()
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("t", parent=base["Title"], fontName=_BOLD, fontSize=title_size, alignment=0,
                                spaceAfter=title_size / 4),
        "sub": ParagraphStyle("s", parent=base["Normal"], fontName=_REGULAR, fontSize=8.5,
                              textColor=colors.HexColor("#595959")),
        "h": ParagraphStyle("h", parent=base["Heading2"], fontName=_BOLD, fontSize=heading_size,
                            spaceBefore=heading_size * 0.7, spaceAfter=heading_size / 3),
        "body": ParagraphStyle("b", parent=base["Normal"], fontName=_REGULAR, fontSize=9, leading=12),
        "cell": ParagraphStyle("c", parent=base["Normal"], fontName=_REGULAR, fontSize=7.5, leading=9.5),
        "bold": ParagraphStyle("cb", parent=base["Normal"], fontName=_BOLD, fontSize=7.5, leading=9.5),
    }


def para(text: object, style: ParagraphStyle, limit: int = TEXT_MAX) -> Paragraph:
    """Plain text as a paragraph: escaped (markup in a cell is text, never a link), control characters shown as
    \ufffd, line breaks kept, ``None`` as empty; text longer than ``limit`` characters is shortened, saying so, so a
    table row always fits on a page."""
    plain = visible("" if text is None else str(text))
    if len(plain) > limit:
        plain = f"{plain[:limit].rstrip()}… (shortened from {len(plain):,} characters; the workbook has the full text)"
    return Paragraph(escape(plain).replace("\n", "<br/>"), style)

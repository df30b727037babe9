"""The printed page of a sheet riep writes, as plain data both sheet writers apply: the openpyxl writer
(:mod:`riep.report.sheet_frame`) and the add-in's writer into the open workbook (:mod:`riep.excel.render`,
through ``riepPrintFrame`` in ``addin/static/js/ribbon.js``).

A4 in the sheet's orientation, the same margins, fitted to the page width, the header row repeated, the
partnership's name and the report's title at the top of every page and the file's name and "Page x of y"
at the foot, in Excel's header and footer codes.
"""

from __future__ import annotations

from pydantic import Field

from riep.model import Model

__all__ = ["PageFrame", "MARGIN_IN", "TOP_MARGIN_IN", "HEADER_MARGIN_IN", "header_text"]

MARGIN_IN = 0.4
TOP_MARGIN_IN = 0.75
HEADER_MARGIN_IN = 0.3


def header_text(text: str) -> str:
    """Text for a page header or footer, its ampersands kept (``&`` starts a field code there)."""
    return text.replace("&", "&&")


class PageFrame(Model):
    """How one sheet prints. ``header_row`` and ``breaks`` are Excel row numbers (a break starts a page)."""

    landscape: bool
    header_row: int | None = None
    organisation: str = ""
    title: str = ""
    breaks: list[int] = Field(default_factory=list)

    def headers(self) -> dict[str, str]:
        """The page's header and footer texts by place (Office.js's names), without font codes."""
        return {"leftHeader": header_text(self.organisation), "rightHeader": header_text(self.title) or "&A",
                "leftFooter": "&F", "rightFooter": "Page &P of &N"}

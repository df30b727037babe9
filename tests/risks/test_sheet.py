"""The Risk report sheet: every risk by score, its notes, and the heat map on a page of its own."""

from __future__ import annotations

import datetime as dt

from openpyxl.utils.cell import coordinate_from_string

from riep.risks import evaluate, read
from riep.risks.sheet import report_sheet
from riep.risks.summary import summarise
from riep.settings import Settings
from risks.riskdata import Source, row

AS_OF = dt.date(2009, 12, 1)


def test_the_heat_map_starts_a_printed_page_so_it_is_never_cut_in_two():
    settings = Settings()
    reg = read(Source([row(ID=f"R{k}") for k in range(1, 8)]), settings)
    sheet = report_sheet(summarise(reg, evaluate(reg, settings, AS_OF), AS_OF, 5), b"png", (800, 400))
    (picture,) = sheet.pictures
    _, picture_row = coordinate_from_string(picture.anchor)
    assert [sheet.first_row + 1 + i for i in sheet.page_breaks] == [picture_row]  # the rows that start a page
    assert (picture.width_px, picture.height_px) == (640, 320)

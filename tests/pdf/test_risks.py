"""The board's PDF report: its text (pypdf), and its first page rendered (pdftoppm) and analysed."""

from __future__ import annotations

import datetime as dt
import subprocess

import numpy as np
import pytest
from matplotlib.image import imread
from pypdf import PdfReader

from riep.pdf.heatmap import RAG_COLOURS, heat_map
from riep.risks import evaluate, read
from riep.runners.base import Context
from riep.runners.risks import pdf_bytes
from riep.settings import RiskSettings, Settings
from risks.riskdata import Source, colour_regions, png_cells, row

AS_OF = dt.date(2009, 7, 14)
ROWS = [
    row(ID="R1", Review_date=dt.date(2009, 6, 30)),
    row(ID="R2", Risk="Lack of leadership from Advisory Board", Probability="Low", Owner=None, Review_date=None,
        Actions_required="• Regulation through the Member Panel"),
    row(ID="R3", Risk="Strategy fails to meet regional needs", Probability="High", Status="Closed",
        Review_date=dt.date(2009, 5, 1), Owner="Chair of the Advisory Group"),
    row(ID="R4", Risk="Communications post not filled", Probability="Low", Impact="Low", Residual_probability=None,
        Residual_impact="Low",
        Owner="Head of Communications", Review_date=dt.date(2009, 12, 31), Actions_required=None),
]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    source = Source(ROWS)
    settings = Settings(risks=RiskSettings(top_risks=3))
    ctx = Context(settings=settings, as_of=AS_OF)
    reg = read(source, settings)
    report = evaluate(reg, settings, AS_OF)
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(pdf_bytes(reg, report, ctx))
    return path, heat_map(reg.risks, reg.scale)


def _text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_report_says_what_the_board_needs(pdf):
    text = _text(pdf[0])
    for expected in [
        "Risk register report: register.xlsx",
        "Judged on 14/07/2009. 4 risks: 2 Red, 1 Amber, 1 Green on the 3x3 scale (Green 1-2, Amber 3-4, Red 6-9); "
        "risk appetite 2. Checks: 3 errors, 1 warning.",
        "Top 3 risks by score",
        "R3 Strategy fails to meet regional needs 9 Red Chair of the Advisory Group 01/05/2009",
        "R1 Lack of Member engagement 6 Red Programme Director 30/06/2009 • Invite Members to seminars and conferences",
        "R2 Lack of leadership from Advisory Board 3 Amber not recorded not set • Regulation through the Member Panel",
        "Overdue reviews R1 Lack of Member engagement: review was due 30/06/2009 (14 days overdue); owner "
        "Programme Director.",
        "No review date set: R2. No owner: R2.",
        "error RISK-011 No owner: 1 (I6)",
        "error RISK-012 No review date: 1 (J6)",
        "error RISK-013 Review overdue: 1 (J5)",
        "warning RISK-010 Residual not assessed: 1 (M8)",
    ]:
        assert expected in text
    assert "R4 Communications" not in text  # fourth by score: not in the top 3


def test_the_embedded_heat_map_has_each_risk_where_the_data_puts_it(pdf):
    path, hm = pdf
    (image,) = PdfReader(path).pages[0].images
    assert image.image.size == (hm.width_px, hm.height_px)
    pixels = np.asarray(image.image.convert("RGB"))
    for panel in ("Inherent", "Residual"):
        inked = {cell for cell, (_, ink) in png_cells(pixels, hm.cell_boxes[panel]).items() if ink > 20}
        assert inked == set(hm.placed[panel])
    assert hm.placed == {"Inherent": {(2, 3): ["R1"], (1, 3): ["R2"], (3, 3): ["R3"], (1, 1): ["R4"]},
                         "Residual": {(1, 3): ["R1", "R2", "R3"]}}
    assert hm.unplaced["Residual"] == ["R4"]


def test_first_page_rendered_shows_two_grids_with_the_risks_placed(pdf, tmp_path):
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", str(pdf[0]), str(tmp_path / "page")],
                   check=True)
    (png,) = tmp_path.glob("page*.png")
    img = (imread(png)[:, :, :3] * 255).round().astype(int)
    assert img.shape[1] > img.shape[0]  # landscape A4
    squares = []
    for rag, colour in RAG_COLOURS.items():
        for x0, y0, x1, y1 in colour_regions(img, colour):
            w, h = x1 - x0 + 1, y1 - y0 + 1
            if w > 60 and h > 60 and 0.8 < w / h < 1.25:  # grid cells, not the table's RAG column
                middle = img[y0 + h // 4: y1 - h // 4, x0 + w // 8: x1 - w // 8]
                squares.append((rag, x0, int((middle.max(axis=2) < 90).sum()) > 10))
    assert sorted(rag for rag, _, _ in squares) == ["Amber"] * 6 + ["Green"] * 6 + ["Red"] * 6
    middle_x = img.shape[1] / 2
    left = [(rag, inked) for rag, x, inked in squares if x < middle_x]
    right = [(rag, inked) for rag, x, inked in squares if x >= middle_x]
    assert len(left) == len(right) == 9
    # inherent: R1 (Medium/High, Red), R2 (Low/High, Amber), R3 (High/High, Red), R4 (Low/Low, Green)
    assert sorted(rag for rag, inked in left if inked) == ["Amber", "Green", "Red", "Red"]
    # residual: R1-R3 Low/High (Amber); R4 not assessed
    assert sorted(rag for rag, inked in right if inked) == ["Amber"]

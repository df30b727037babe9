"""Widths, wraps and row heights measured in Calibri's widths: what LibreOffice prints (in Carlito) matches them."""

from __future__ import annotations

from collections import defaultdict

import pdfplumber
import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment

from riep.money import XL_HEADROOM_K, XL_K, XL_K_SIGNED, XL_LEFT_POUNDS
from riep.report.sheet_frame import shown_text
from riep.xlsx.layout import column_pt, fit_row, font, line_pt, text_pt, width_for, wrapped_lines
from riep.xlsx.libreoffice import to_pdf

TEXTS = [
    "Local Authorities Economic Development Capacity Building project",
    "SUP-002 Supported without evidence of eligibility; SUP-007 Board chair not a member; SUP-013 Money approved "
    "before the conditions of funding were in place (per partnership)",
    "Community Empowerment's £200,000 in the ring-fenced note is the same money as the £200k 'Community "
    "Empowerment' line of Skills and Capacity: a transfer, not new income, so it is counted once.",
    "Cambridgeshire",
    "Authorities",
]
WIDTHS = [12.0, 24.0, 40.0]


def test_text_is_measured_in_calibris_widths():
    assert round(text_pt("0"), 3) == 5.577 and round(text_pt("0", bold=True), 3) == 5.577
    assert text_pt("illustrative") < text_pt("MMMMMMMMMMMM")
    assert width_for(column_pt(20)) == pytest.approx(20)
    assert wrapped_lines("", 10) == 1 and wrapped_lines("a\nb", 10) == 2
    assert wrapped_lines("Authorities", 4) == 3  # a word wider than its column breaks, as Excel and LibreOffice do


def test_figures_are_measured_as_their_format_shows_them():
    assert [shown_text(v, f) for v, f in ((1258.1, XL_K), (-50, XL_K_SIGNED), (53, XL_K_SIGNED), (0, XL_HEADROOM_K),
                                          (-5000, XL_LEFT_POUNDS), (0, XL_LEFT_POUNDS), (3, "0"))] == [
        "1,258", "(50)", "+53", "none", "£5,000 over", "none", "3"]
    assert shown_text("=SUM(C5:C9)", XL_K) == "(999,999)"  # a formula: the widest figure it may show
    assert shown_text("=D5", XL_LEFT_POUNDS) == "£999,999 over"


@pytest.mark.libreoffice
def test_libreoffice_wraps_text_to_the_lines_counted(tmp_path):
    """Each text on a page of its own, in three columns, its row tall enough for anything: LibreOffice prints it in
    the lines counted, or one fewer (it breaks where Excel, with narrower room, may not)."""
    wb = Workbook()
    wb.remove(wb.active)
    for k, text in enumerate(TEXTS):
        ws = wb.create_sheet(f"T{k}")
        ws.row_dimensions[2].height = 400
        for j, width in enumerate(WIDTHS):
            ws.column_dimensions["ABC"[j]].width = width
            ws.cell(row=1, column=j + 1, value="Start").font = font()  # where each column's text begins
            cell = ws.cell(row=2, column=j + 1, value=text)
            cell.font, cell.alignment = font(), Alignment(wrap_text=True, vertical="top")
    wb.save(tmp_path / "wrap.xlsx")
    printed, counted = [], []
    with pdfplumber.open(to_pdf(tmp_path / "wrap.xlsx", tmp_path)) as pdf:
        assert len(pdf.pages) == len(TEXTS)
        for text, page in zip(TEXTS, pdf.pages):
            assert {c["fontname"].split("+")[-1] for c in page.chars} == {"Carlito"}
            words = page.extract_words()
            left = sorted(w["x0"] for w in words if w["text"] == "Start")
            tops: dict[int, set[float]] = defaultdict(set)  # the lines printed in each column
            for w in words:
                if w["text"] != "Start":
                    tops[sum(w["x0"] >= x - 1 for x in left) - 1].add(round(w["top"], 1))
            printed += [len(tops[j]) for j in range(len(WIDTHS))]
            counted += [wrapped_lines(text, width) for width in WIDTHS]
            for w in words:  # a word is set as wide as it is measured
                assert w["x1"] - w["x0"] == pytest.approx(text_pt(w["text"]), abs=0.3)
    assert all(0 <= c - p <= 1 for p, c in zip(printed, counted)) and sum(counted) - sum(printed) <= 3, (
        printed, counted)


def test_a_row_is_as_tall_as_its_tallest_cells_lines_and_no_taller():
    wb = Workbook()
    ws = wb.active
    for i, text in enumerate(TEXTS, start=1):
        for width in WIDTHS:
            fit_row(ws, i, text, width)
        most = max(wrapped_lines(text, w) for w in WIDTHS)
        assert ws.row_dimensions[i].height == (round(most * line_pt() + 3, 1) if most > 1 else None)
    assert round(line_pt(), 2) == 13.42  # Calibri 11's line in Excel (18 px); LibreOffice sets Carlito's at 11.1 pt

"""The per-authority PDFs: their text (pypdf) states eligibility, conditions, money and what is overdue."""

from __future__ import annotations

import subprocess

from matplotlib.image import imread
from pypdf import PdfReader


def _text(path) -> str:  # type: ignore[no-untyped-def]
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def _pdf(generated, slug: str):  # type: ignore[no-untyped-def]
    return next(p for p in generated[1] if p.name == f"support_record_{slug}_illustrative.pdf")


def test_one_pdf_per_authority_supported(generated):
    assert sorted(p.name for p in generated[1] if p.suffix == ".pdf") == [
        f"support_record_{slug}_illustrative.pdf" for slug in (
            "brackenhithe_district_council", "eastmere_district_council", "fenmarsh_district_council",
            "hollowmere_borough_council", "oakfen_district_council", "saltmoor_borough_council",
            "thistleby_district_council", "wyvern_vale_borough_council")]


def test_wyvern_vale_over_the_cap(generated):
    text = _text(_pdf(generated, "wyvern_vale_borough_council"))
    for expected in [
        "Support record: Wyvern Vale Borough Council (illustrative)",
        "District council, Hertfordshire. Judged on 15/12/2009 from authority_support.xlsx. Status: Open. "
        "Illustrative demonstration data: an invented authority.",
        "Eligible Yes Evidence score of 1 in Use of Resources (2008/09, Audit Commission (illustrative), 11/12/2008)",
        "Lead Chief Executive Chief Executive, Cresswold Borough Council (illustrative) Days per month 0.5 (expected at "
        "most 1)",
        "Conditions of funding Met",
        "Approved £75,000 Committed £70,000 Spent £48,500",
        "12/10/2009 additional £10,000 Lead Chief Executive £10,000 £2,500 Total £75,000 £70,000 £48,500",
        "Extra funding (additional, urgent) £25,000 Extra funding cap £20,000 Left under the cap -£5,000",
        "Individual Authorities line 2009/10 £1,000,000 Approved for all authorities 2009/10 £366,000 "
        "Left on the line 2009/10 £634,000",
        "Errors and warnings 1 error, 1 warning",
        "error SUP-014 SupportFunding C13 Wyvern Vale Borough Council (illustrative): extra funding reaches £25,000 "
        "with £10,000 approved on 12/10/2009, £5,000 over the £20,000 a lead Chief Executive may agree",
        "Q1 2009/10 30/07/2009 13/08/2009 late by 14 days",
        "Notes No notes typed in the records workbook.",
    ]:
        assert expected in text, expected


def test_saltmoor_overdue_brackenhithe_reported_to_the_member_panel_and_hollowmere_not(generated):
    salt = _text(_pdf(generated, "saltmoor_borough_council"))
    assert "Reports due by 15/12/2009 3, 1 overdue" in salt
    assert "Q2 2009/10 30/10/2009 OVERDUE 46 days" in salt
    assert ("Evidence service failure in Housing and council tax benefit administration (2008/09, Audit Commission "
            "benefits inspection (illustrative), 20/11/2008)") in salt
    brack = _text(_pdf(generated, "brackenhithe_district_council"))
    assert "10/08/2009 urgent £12,000 Performance Cluster (urgency process) 24/09/2009" in brack
    assert "NOT REPORTED" not in brack and "SUP-019" not in brack
    hollow = _text(_pdf(generated, "hollowmere_borough_council"))
    assert ("01/07/2009 urgent £6,000 Cllr Sue Marsh (Improvement Board chair) 21/07/2009 to the Hollowmere "
            "Improvement Board: not the Member Panel") in hollow
    assert "Recommended roles missing IDeA associate, District Auditor" in brack
    oak = _text(_pdf(generated, "oakfen_district_council"))
    assert "Eligible No: no service failure and no score of 1 Evidence none in Assessments" in oak


def test_the_first_page_renders(generated, tmp_path):
    pdf = _pdf(generated, "brackenhithe_district_council")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    pixels = imread(tmp_path / "page-1.png")
    assert pixels.shape[:2] == (702, 497)  # A4 portrait at 60 dpi
    green = (abs(pixels[..., 0] - 0xC6 / 255) < 0.02) & (abs(pixels[..., 1] - 0xEF / 255) < 0.02)
    amber = (abs(pixels[..., 0] - 0xFF / 255) < 0.02) & (abs(pixels[..., 1] - 0xE6 / 255) < 0.02)
    assert green.sum() > 500 and amber.sum() > 500  # "Eligible: Yes" in green, "roles missing" in amber

"""Look at what riep prints: every PDF and every sheet of one `riep run` over the shipped workbooks, rendered
(LibreOffice to PDF for the workbooks) and read back with pdfplumber.

Each page riep writes must be A4, say "Page x of y", carry no text under 9 pt (LibreOffice sets Calibri in Carlito, its
metric-compatible stand-in) and no text box over another, and print no cell in a fallback serif;
the first page of each output states its provenance; header words fit their columns.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

from allocdata import WORKBOOKS
from riep import __version__
from riep.provenance import input_file
from riep.registry import rules_version
from riep.report.sheet_frame import COVER_SHEET
from riep.xlsx.layout import column_pt, text_pt
from riep.xlsx.libreoffice import to_pdf

pytestmark = pytest.mark.libreoffice

A4 = (595.3, 841.9)
AS_OF = "15 December 2009"  # the shared run's --as-of


@pytest.fixture(scope="session")
def rendered(shipped_run, tmp_path_factory) -> dict[str, Path]:
    """The session's run over the shipped workbooks: every PDF it wrote and every workbook rendered to PDF."""
    written = sorted(p for p in shipped_run.out.iterdir() if p.suffix in (".pdf", ".xlsx"))
    books = [p for p in written if p.suffix == ".xlsx"]
    pdf_dir = tmp_path_factory.mktemp("pdf")
    with ThreadPoolExecutor(2) as pool:
        pdfs = list(pool.map(lambda p: to_pdf(_riep_sheets_only(p, pdf_dir), pdf_dir / p.stem), books))
    found = {p.name: p for p in written if p.suffix == ".pdf"}
    found |= {b.name: pdf for b, pdf in zip(books, pdfs)}
    return found


def _riep_sheets_only(book: Path, folder: Path) -> Path:
    """A copy of ``book`` (same name, in its own folder) with the input workbook's sheets hidden, so only the sheets
    riep wrote print (the input sheets are the person's own, copied as they are)."""
    source = WORKBOOKS / (book.name.split(".")[0] + ".xlsx")
    theirs = set(load_workbook(source).sheetnames) if book.name != "support_records.xlsx" else set()
    wb = load_workbook(book)
    for ws in wb.worksheets:
        if ws.title in theirs:
            ws.sheet_state = "hidden"
    dest = folder / "hidden" / book.stem / book.name
    dest.parent.mkdir(parents=True)
    wb.save(dest)
    return dest


def _overlaps(page: pdfplumber.page.Page) -> list[tuple[str, str]]:
    # slanted text (a chart's axis labels) is left out: the boxes of slanted characters overlap, the glyphs do not
    level = page.filter(lambda o: o.get("object_type") != "char" or abs(o["matrix"][1]) + abs(o["matrix"][2]) < 0.01)
    words = sorted(level.extract_words(use_text_flow=True), key=lambda w: w["top"])
    hits = []
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if b["top"] >= a["bottom"] - 1:
                break
            if min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > 1 and min(a["bottom"], b["bottom"]) - b["top"] > 1:
                hits.append((a["text"], b["text"]))
    return hits


def test_every_output_is_rendered(rendered):
    assert sorted(rendered) == sorted([
        "authority_support.records.xlsx", "em_iep_capacity_fund_2008.check.xlsx",
        "em_iep_capacity_fund_2008.reconcile.xlsx", "financial_allocation.check.xlsx",
        "financial_allocation.reconcile.xlsx", "financial_allocation.monitor.xlsx", "risk_register.risks.pdf",
        "risk_register.risks.xlsx", "support_records.xlsx", *[f"support_record_{a}_illustrative.pdf" for a in (
            "brackenhithe_district_council", "eastmere_district_council", "fenmarsh_district_council",
            "hollowmere_borough_council", "oakfen_district_council", "saltmoor_borough_council",
            "thistleby_district_council", "wyvern_vale_borough_council")]])


def test_every_page_is_a4_numbered_readable_and_nothing_overlaps(rendered):
    problems = []
    for name, path in sorted(rendered.items()):
        with pdfplumber.open(path) as pdf:
            total = len(pdf.pages)
            for page in pdf.pages:
                where = f"{name} page {page.page_number}"
                if sorted((round(page.width, 1), round(page.height, 1))) != sorted(A4):
                    problems.append(f"{where}: {page.width:.0f} x {page.height:.0f} pt, not A4")
                text = page.extract_text() or ""
                if f"Page {page.page_number} of {total}" not in text:
                    problems.append(f"{where}: no 'Page {page.page_number} of {total}'")
                if "###" in text:
                    problems.append(f"{where}: a figure wider than its column (###)")
                upright = [c for c in page.chars if c["upright"] and c["text"].strip()]
                smallest = min((c["size"] for c in upright), default=99)
                if smallest < 8.95:
                    problems.append(f"{where}: text at {smallest:.1f} pt")
                problems += [f"{where}: '{a}' overlaps '{b}'" for a, b in _overlaps(page)]
                # a cell whose font has no name prints in LibreOffice's serif fallback, not in the sheet's Calibri
                serif = sorted({c["fontname"].split("+")[-1] for c in page.chars if "Serif" in c["fontname"]})
                problems += [f"{where}: text in {', '.join(serif)}"] if serif else []
    assert "\n".join(problems) == ""


def test_first_page_states_provenance(rendered):
    sha = {p.name: input_file(p).sha256 for p in WORKBOOKS.glob("*.xlsx")}
    for name, path in rendered.items():
        with pdfplumber.open(path) as pdf:
            text = re.sub(r"\s+", " ", pdf.pages[0].extract_text() or "")
        source = "authority_support.xlsx" if "support_record" in name else name.split(".")[0] + ".xlsx"
        assert f"{source} (" in text and sha[source][:40] in text.replace(" ", ""), name
        assert f"As of {AS_OF}" in text, name
        assert f"riep {__version__}, rules version {rules_version()}" in text, name
        assert re.search(r"Findings \d+ errors?, \d+ warnings?, \d+ notes?", text), name
        assert text.startswith("Improvement East") or text.startswith("East Midlands IEP"), name


def test_pdf_metadata_says_who_made_it(rendered):
    from pypdf import PdfReader

    meta = PdfReader(rendered["risk_register.risks.pdf"]).metadata
    assert meta.title == "Improvement East: Risk register report: Risk register (Year Two Delivery Plan 2009/10)"
    assert meta.creator == "riep" and f"rules {rules_version()}" in (meta.subject or "")
    assert input_file(WORKBOOKS / "risk_register.xlsx").sha256 in (meta.subject or "")


def test_header_words_fit_their_columns_and_result_sheets_come_first(shipped_run):
    for book in sorted(shipped_run.out.glob("*.xlsx")):
        wb = load_workbook(book)
        source = WORKBOOKS / (book.name.split(".")[0] + ".xlsx")
        theirs = set(load_workbook(source).sheetnames) if book.name != "support_records.xlsx" else set()
        assert wb.sheetnames[0] == COVER_SHEET, book.name
        assert wb.properties.creator == "riep" and wb.properties.title.startswith(("Improvement East", "East Mid"))
        assert rules_version() in (wb.properties.subject or ""), book.name
        for ws in wb.worksheets:
            if ws.title in theirs or not ws.print_title_rows:
                continue
            head = int(ws.print_title_rows.split(":")[0].lstrip("$"))
            for cell in ws[head]:
                if cell.value is None:
                    continue
                width = ws.column_dimensions[cell.column_letter].width
                longest = max(text_pt(w, bold=True) for w in str(cell.value).split())
                assert longest <= column_pt(width) and cell.alignment.wrap_text, f"{book.name}!{ws.title} {cell.value!r}"


def _lines(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]


def test_money_reads_as_finance_officers_write_it(rendered):
    recon = _lines(rendered["em_iep_capacity_fund_2008.reconcile.xlsx"])
    assert "Headroom (available - allocation) none" in recon and "Headroom none" in recon  # the row and its bar
    monitor = _lines(rendered["financial_allocation.monitor.xlsx"])
    assert "Performance Adult Social Care 1,297 1,258 648 1,350 +53 Red" in monitor  # whole £k
    assert "Skills and Capacity LGR Not rated no figure in the plan" in monitor  # no made-up 0, no Green
    assert "All themes Itemised lines total 8,347 7,393 4,030 8,305 (42) Green" in monitor
    assert "Year position 2009/10 Headroom against the money available 120" in monitor
    cover = " ".join(monitor[:[k for k, line in enumerate(monitor) if line.endswith("Page 1 of 4")][0]])
    assert ("Key figures 2009/10 at the end of November 2009: budget £8,347k on the itemised lines; committed "
            "£7,393k, spent £4,030k, forecast outturn £8,305k: £42k under budget.") in cover
    assert ("27 lines: 1 over budget (Red), 2 under by more than 10% (Amber), 22 within budget (Green), 2 not rated "
            "(no plan figure or no figures this month).") in cover

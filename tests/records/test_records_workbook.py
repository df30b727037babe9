"""The records workbook: index and per-authority sheets, recalculated by LibreOffice; notes survive regeneration."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from pypdf import PdfReader

from allocdata import WORKBOOKS
from records.conftest import AS_OF, generate
from riep.errors import InputError
from riep.records.sheet import INDEX_SHEET
from riep.runners.base import Context
from riep.runners.records import RECORDS_BOOK, records_for
from riep.settings import Settings
from riep.sheets import SheetContent
from riep.xlsx.reader import open_workbook
from riep.xlsx.records import NOTES_MARK, write_records_workbook


def _book(generated):  # type: ignore[no-untyped-def]
    return next(p for p in generated[1] if p.name == RECORDS_BOOK)


def test_layout_links_and_formulas(generated):
    wb = openpyxl.load_workbook(_book(generated))
    assert wb.sheetnames == ["About", "Support records"] + [f"{n} (illustrative)" for n in (
        "Fenmarsh DC", "Saltmoor BC", "Brackenhithe DC", "Wyvern Vale BC", "Eastmere DC", "Oakfen DC", "Hollowmere BC",
        "Thistleby DC")] + ["Findings"]
    index = wb[INDEX_SHEET]
    assert index.tables["SupportRecords"].ref == "A4:M12"
    assert index["A8"].value == "Wyvern Vale Borough Council (illustrative)"
    assert index["A8"].hyperlink.location == "'Wyvern Vale BC (illustrative)'!A1"
    assert index["F8"].value.startswith("='Wyvern Vale BC (illustrative)'!B")
    ws = wb["Wyvern Vale BC (illustrative)"]
    cells = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2) for r in range(1, ws.max_row + 1)}
    assert cells["Extra funding (additional, urgent)"].value.startswith('=SUMIF(B')
    assert cells["Left under the cap"].value == (
        f"={cells['Extra funding cap'].coordinate}-{cells['Extra funding (additional, urgent)'].coordinate}")
    assert ws.page_setup.orientation == "landscape" and ws.print_area
    mark = next(c.row for c in ws["A"] if c.value == NOTES_MARK)
    assert ws.protection.sheet and ws["B6"].protection.locked
    assert not ws.cell(row=mark + 1, column=1).protection.locked and not ws.cell(row=mark + 20, column=8).protection.locked
    findings = wb["Findings"]
    assert findings["B5"].value == "SUP-009" and findings["D5"].value == "C76"
    assert not [c for row in findings.iter_rows() for c in row if c.hyperlink]  # those cells are in the source


@pytest.mark.libreoffice
def test_recalculated_by_libreoffice_the_money_matches_the_core(generated, recalc):
    src, _ = generated
    ctx = Context(settings=Settings(), as_of=AS_OF, allocation=WORKBOOKS / "financial_allocation.xlsx")
    source = open_workbook(src)
    from riep.jobs import job

    outcome = job("records").run(source, ctx)
    records = records_for(outcome.value, outcome.report, ctx)
    wb = openpyxl.load_workbook(recalc(_book(generated)), data_only=True)
    index = wb[INDEX_SHEET]
    got = {index.cell(row=r, column=1).value: [index.cell(row=r, column=c).value for c in range(6, 11)]
           for r in range(5, 13)}
    assert got == {r.authority: [r.money.approved, r.money.committed, r.money.spent, r.money.extra,
                                 r.money.extra_left] for r in records}
    assert got["Wyvern Vale Borough Council (illustrative)"] == [75000, 70000, 48500, 25000, -5000]
    assert got["Hollowmere Borough Council (illustrative)"] == [56000, 56000, 47600, 11000, 9000]
    ws = wb["Wyvern Vale BC (illustrative)"]
    values = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(1, ws.max_row + 1)}
    assert values["Left on the line 2009/10"] == 634000
    assert values["Approved"] == 75000
    totals = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "Total")
    assert [ws.cell(row=totals, column=c).value for c in (3, 6, 7)] == [75000, 70000, 48500]


def test_regenerating_keeps_the_notes_a_person_typed(tmp_path):
    out = tmp_path / "out"
    generate(out)
    path = out / RECORDS_BOOK
    wb = openpyxl.load_workbook(path)
    ws = wb["Saltmoor BC (illustrative)"]
    mark = next(c.row for c in ws["A"] if c.value == NOTES_MARK)
    ws.cell(row=mark + 1, column=1, value="Chased the Q2 report with the Chief Executive on 16/12/2009.")
    ws.cell(row=mark + 3, column=4, value="Board to discuss at its January meeting.")
    wb.create_sheet("My analysis")["A1"] = "kept"
    wb.save(path)

    _, written = generate(out, as_of=dt.date(2010, 2, 15))  # later: more meetings and reports, the layout moves
    wb = openpyxl.load_workbook(path)
    ws = wb["Saltmoor BC (illustrative)"]
    new_mark = next(c.row for c in ws["A"] if c.value == NOTES_MARK)
    assert new_mark > mark
    assert ws.cell(row=new_mark + 1, column=1).value == "Chased the Q2 report with the Chief Executive on 16/12/2009."
    assert ws.cell(row=new_mark + 3, column=4).value == "Board to discuss at its January meeting."
    assert wb["My analysis"]["A1"].value == "kept"
    assert "Judged on 15/02/2010" in ws["A2"].value
    pdf = next(p for p in written if p.name == "support_record_saltmoor_borough_council_illustrative.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert ("Notes Chased the Q2 report with the Chief Executive on 16/12/2009. Board to discuss at its January "
            "meeting.") in text


def test_a_file_that_is_not_a_workbook_is_not_overwritten(tmp_path):
    dest = tmp_path / RECORDS_BOOK
    dest.write_text("my own notes", encoding="utf-8")
    with pytest.raises(InputError) as info:
        write_records_workbook(dest, [], SheetContent(name="Findings", title="Findings", columns=[]))
    assert info.value.message.startswith("support_records.xlsx: exists and cannot be opened as a workbook")
    assert dest.read_text(encoding="utf-8") == "my own notes"


def test_a_record_sheet_wraps_its_subtitle_and_heads_figures_on_their_side(generated):
    ws = openpyxl.load_workbook(_book(generated))["Fenmarsh DC (illustrative)"]
    assert "A2:H2" in {str(r) for r in ws.merged_cells.ranges} and ws["A2"].alignment.wrap_text  # never cut off
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=4).value == "Weeks since previous")
    assert [ws.cell(row=head, column=c).alignment.horizontal for c in (1, 4)] == [None, "right"]  # over the figures
    assert isinstance(ws.cell(row=head + 2, column=4).value, int)

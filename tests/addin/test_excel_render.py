"""riep.excel.render writes the sheet the openpyxl writer writes for ``--write-sheet``.

The actions the xlwings remote book records are replayed into a plain cell map and compared
with the sheet ``riep.xlsx.writer.write_result_copy`` saves, cell by cell.
"""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
import xlwings as xw
from bookjson import book_json

from riep.errors import RefusedError
from riep.excel.highlights import FILLS_SHEET, apply_highlights, highlight_name
from riep.excel.render import render_sheet
from riep.findings import FileReport, Finding, Severity
from riep.money import XL_HEADROOM_K, XL_K
from riep.safetext import Formula
from riep.sheets import Chart, Column, Link, Picture, SheetContent, findings_sheet
from riep.table import col_letter
from riep.xlsx.writer import write_result_copy


def _report() -> FileReport:
    return FileReport(path="plan.xlsx", job="check", findings=[
        Finding(rule="TOT-002", severity=Severity.ERROR, file="plan.xlsx", sheet="StatedTotals", cell="C7",
                scope="Grand total", expected=8347.0, actual=12922.0, difference=4575.0, unit="£k",
                message="The grand total is not itemised."),
        Finding(rule="LINE-001", severity=Severity.WARNING, file="plan.xlsx", sheet="Allocation", cell="E27",
                message='Line "LGR" has no amount.'),
        Finding(rule="TOT-006", severity=Severity.INFO, file="plan.xlsx", sheet="Allocation", cell="B20",
                message="No subtotal."),
    ])


def _summary_sheet() -> SheetContent:
    return SheetContent(
        name="Summary", title="Summary", columns=[Column(name="Theme", width=20),
                                                  Column(name="£k", width=10, number_format="#,##0")],
        rows=[["Performance", 4347], ["Other", 900], ["Total", Formula("=SUM(B4:B5)")]],
        row_fills={2: "DDEBF7"}, notes=["Figures in £k.", "From the allocation table."],
    )


def _replay(actions: list[dict], position: int) -> dict[str, object]:
    out: dict[str, object] = {}
    for a in actions:
        if a["func"] in ("setValues", "setFormula") and a["sheet_position"] == position:
            for i, row in enumerate(a["values"]):
                for j, v in enumerate(row):
                    if v not in ("", None):
                        out[f"{col_letter(a['start_column'] + j)}{a['start_row'] + 1 + i}"] = v
    return out


def _hyperlink(value: object) -> tuple[str, str] | None:
    m = re.match(r'^=HYPERLINK\("#(.+?)","(.*)"\)$', str(value))
    return (m.group(1), m.group(2)) if m else None


def _book(path):
    return xw.Book(json=book_json(path))


@pytest.mark.parametrize("content", [findings_sheet(_report(), name="Checks", title="Checks: validate totals"),
                                     _summary_sheet()], ids=["findings", "formulas-and-notes"])
def test_same_cells_as_the_openpyxl_writer(shipped, tmp_path, content):
    src = shipped("financial_allocation.xlsx")
    dest = tmp_path / "copy.xlsx"
    write_result_copy(src, dest, [content])
    ws = openpyxl.load_workbook(dest)[content.name]
    written = {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value not in (None, "")}

    book = _book(src)
    render_sheet(book, content)
    position = len(book.sheets) - 1
    actions = book.json()["actions"]
    replayed = _replay(actions, position)
    links = {addr: _hyperlink(v) for addr, v in replayed.items() if _hyperlink(v)}
    assert {a: (links[a][1] if a in links else v) for a, v in replayed.items()} == written
    assert {a: t for a, (t, _shown) in links.items()} == {
        c.coordinate: c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink}
    tables = [a["args"] for a in actions if a["func"] == "addTable"]
    if content.table_name:
        assert [(t[0].replace("$", ""), t[3]) for t in tables] == [(ws.tables[content.table_name].ref,
                                                                    content.table_name)]
    else:
        assert tables == [] and not ws.tables
    formats = {(a["start_row"] + 1, a["start_column"] + 1, a["row_count"]): a["args"][0]
               for a in actions if a["func"] == "setNumberFormat"}
    for j, col in enumerate(content.columns):
        if col.number_format:
            assert formats[(content.first_row + 1, j + 1, len(content.rows))] == col.number_format
            assert ws.cell(content.first_row + 1, j + 1).number_format == col.number_format
    fills = {(a["start_row"] + 1 - content.first_row - 1, a["start_row"] + a["row_count"] - content.first_row - 1):
             a["args"][0] for a in actions if a["func"] == "setRangeColor" and a["sheet_position"] == position}
    expected_fills = {}
    for i, rgb in content.row_fills.items():
        expected_fills[(i, i)] = f"#{rgb}"
        assert ws.cell(content.first_row + 1 + i, 1).fill.start_color.rgb.endswith(rgb)
    merged = {}
    for (lo, hi), rgb in sorted(fills.items()):
        for i in range(lo, hi + 1):
            merged[(i, i)] = rgb
    assert merged == expected_fills
    assert [a["args"] for a in actions if a["func"] == "freezePaneAtRange"] == [[f"A{content.first_row + 1}"]]


def test_highlights_are_fills_only_and_remembered(shipped):
    book = _book(shipped("financial_allocation.xlsx"))
    content = findings_sheet(_report(), name="Checks", title="Checks")
    apply_highlights(book, content)
    actions = book.json()["actions"]
    hidden = len(book.sheets) - 1  # riep's own hidden sheet, added last
    assert book.sheets[hidden].name == FILLS_SHEET and not book.sheets[hidden].visible
    # on the person's sheets: fills only
    assert {a["func"] for a in actions if a["sheet_position"] != hidden and a["func"] != "addSheet"} == {"setRangeColor"}
    colours = [(a["sheet_position"], a["start_row"], a["start_column"], a["args"][0])
               for a in actions if a["func"] == "setRangeColor"]
    assert colours == [(2, 6, 2, "#F8CBAD"), (1, 26, 4, "#FFE699")]  # info findings are not highlighted
    assert [a["values"] for a in actions if a["func"] == "setValues"] == [
        [["Result sheet", "Cell", "Own fill"], ["Checks", "StatedTotals!C7", ""], ["Checks", "Allocation!E27", ""]]]
    assert highlight_name(content) == "_riep_Checks_cells"  # what an older riep remembered the cells in


def test_refuses_to_replace_a_sheet_riep_did_not_write(shipped, tmp_path):
    wb = openpyxl.load_workbook(shipped("financial_allocation.xlsx"))
    wb.create_sheet("Checks")["A1"] = "Budget notes"
    path = tmp_path / "notes.xlsx"
    wb.save(path)
    book = _book(path)
    with pytest.raises(RefusedError) as info:
        render_sheet(book, findings_sheet(_report(), name="Checks", title="Checks"))
    assert info.value.message == ("notes.xlsx: the workbook already has a sheet called 'Checks' that riep did not "
                                  "write; rename it and run again")
    assert book.json()["actions"] == []


def test_pictures_and_charts(shipped):
    png = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (4, 3), "red").save(png, format="PNG")
    content = SheetContent(
        name="Risks", title="Risk report", columns=[Column(name="RAG"), Column(name="Count")],
        rows=[["Red", 2], ["Amber", 5], ["Green", 0]],
        pictures=[Picture(anchor="E3", png=png.getvalue())],
        charts=[Chart(kind="bar", title="Risks by RAG", anchor="E20", categories="A4:A6", values=["B4:B6"])],
    )
    book = _book(shipped("financial_allocation.xlsx"))
    render_sheet(book, content)
    actions = book.json()["actions"]
    pictures = [a for a in actions if a["func"] == "addPicture"]
    assert len(pictures) == 1 and pictures[0]["args"][1:3] == [4, 2]  # column E, row 3 (0-based)
    charts = [a for a in actions if a["func"] == "addChart"]
    assert len(charts) == 1
    assert charts[0]["args"][:4] == ["Risks by RAG", "BarClustered", "Risks", "$A$4:$B$6"]
    assert charts[0]["args"][9] == "$E$20"  # anchored at the chart's cell


def test_link_text_is_escaped_for_the_formula():
    content = SheetContent(name="Odd", title="Odd", columns=[Column(name="Where")], rows=[['say "hi"']],
                           links={(0, 0): Link(sheet="It's", cell="A1")})
    book = xw.Book(json={"client": "Office.js", "version": xw.__version__, "names": [],
                         "book": {"name": "b.xlsx", "active_sheet_index": 0},
                         "sheets": [{"name": "It's", "values": [[""]], "tables": [], "pictures": [], "shapes": [],
                                     "charts": [], "notes": [], "pivot_tables": [], "print_area": None}]})
    render_sheet(book, content)
    values = _replay(book.json()["actions"], 1)
    assert values["A4"] == '=HYPERLINK("#\'It\'s\'!A1","say ""hi""")'


@pytest.mark.parametrize("offset", [0, -3], ids=["last", "first"])
def test_replaced_sheet_keeps_its_place(shipped, tmp_path, offset):
    content = findings_sheet(_report(), name="Checks", title="Checks")
    first = tmp_path / "first.xlsx"
    write_result_copy(shipped("financial_allocation.xlsx"), first, [content])
    wb = openpyxl.load_workbook(first)
    wb.move_sheet("Checks", offset=offset)
    wb.save(first)
    position = wb.sheetnames.index("Checks")
    book = _book(first)
    render_sheet(book, content)
    actions = book.json()["actions"]
    assert [(a["func"], a["sheet_position"] if a["func"] == "sheetDelete" else a["args"])
            for a in actions[:2]] == [("sheetDelete", position), ("addSheet", [position, "Checks"])]
    assert [s.name for s in book.sheets].index("Checks") == position


@pytest.mark.libreoffice
def test_link_formulas_recalculate_to_the_cells_the_writer_shows(shipped, tmp_path, recalc):
    """The HYPERLINK formulas the add-in writes show, once calculated, what --write-sheet shows."""
    src = shipped("financial_allocation.xlsx")
    content = findings_sheet(_report(), name="Checks", title="Checks")
    book = _book(src)
    render_sheet(book, content)
    replayed = _replay(book.json()["actions"], len(book.sheets) - 1)
    wb = openpyxl.load_workbook(src)
    ws = wb.create_sheet("Checks")
    for address, value in replayed.items():
        ws[address] = value
    written = tmp_path / "links.xlsx"
    wb.save(written)
    calculated = openpyxl.load_workbook(recalc(written), data_only=True)["Checks"]
    links = {a: v for a, v in replayed.items() if _hyperlink(v)}
    assert links and {a: calculated[a].value for a in links} == {"D5": "C7", "D6": "E27", "D7": "B20"}


def test_text_from_a_cell_that_starts_like_a_formula_goes_in_as_text(shipped, tmp_path):
    """Both writers: the add-in sends Excel's quote prefix (a leading apostrophe Excel keeps out of the cell), the
    openpyxl writer stores a string with the quote prefix set; only riep's own Formula stays a formula."""
    content = SheetContent(name="Summary", title="=HYPERLINK(\"http://evil.example/x\",\"click\")",
                           columns=[Column(name="Stream"), Column(name="£k")],
                           rows=[["=cmd|' /C calc'!A0", 5], ["@SUM(1)", Formula("=B4*2")]])
    src = shipped("financial_allocation.xlsx")
    write_result_copy(src, tmp_path / "copy.xlsx", [content])
    ws = openpyxl.load_workbook(tmp_path / "copy.xlsx")["Summary"]
    assert [(c.value, c.data_type, c.quotePrefix) for c in (ws["A1"], ws["A4"], ws["A5"], ws["B5"])] == [
        ('=HYPERLINK("http://evil.example/x","click")', "s", True), ("=cmd|' /C calc'!A0", "s", True),
        ("@SUM(1)", "s", True), ("=B4*2", "f", False)]
    book = _book(src)
    render_sheet(book, content)
    replayed = _replay(book.json()["actions"], len(book.sheets) - 1)
    assert (replayed["A4"], replayed["A5"], replayed["B5"]) == ("'=cmd|' /C calc'!A0", "'@SUM(1)", "=B4*2")


def test_a_linked_figure_stays_live_and_a_row_keeps_its_own_format(shipped):
    """A figure that links to where it comes from shows what its formula calculates to; headroom reads "none"."""
    content = SheetContent(name="Figures", title="Figures", columns=[
        Column(name="Line"), Column(name="Budget (£k)", number_format=XL_K)],
        rows=[["Use of Resources", Formula("=N('Allocation'!E5)")], ["Headroom", Formula("=B4-B4")]],
        links={(0, 1): Link(sheet="Allocation", cell="E5")}, row_formats={1: XL_HEADROOM_K})
    book = _book(shipped("financial_allocation.xlsx"))
    render_sheet(book, content)
    actions = book.json()["actions"]
    replayed = _replay(actions, len(book.sheets) - 1)
    assert replayed["B4"] == "=HYPERLINK(\"#'Allocation'!E5\",N('Allocation'!E5))"
    formats = {(a["start_row"] + 1, a["start_column"] + 1, a["row_count"]): a["args"][0]
               for a in actions if a["func"] == "setNumberFormat"}
    assert formats == {(4, 2, 2): XL_K, (5, 2, 1): XL_HEADROOM_K}

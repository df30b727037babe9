"""Odd and hostile content riep must work through: no live formula from a cell in any output, no control character
reaching XML or the terminal, odd years and long text reported or worked around, never exit 3, bounded memory."""

from __future__ import annotations

import errno
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

from corpus.build import CONTROL, CONTROL_TYPED, DDE, HYPERLINK, copy, edited, renamed, repacked, snapshot, sub
from riep.safetext import REPLACEMENT

PEAK_MB = 1024
FA, RR, AS = "financial_allocation.xlsx", "risk_register.xlsx", "authority_support.xlsx"
FENMARSH, SALTMOOR = "Fenmarsh District Council (illustrative)", "Saltmoor Borough Council (illustrative)"


def _hostile_allocation(sheets) -> None:
    sheets["Allocation"]["D6"] = HYPERLINK  # a Line name
    sheets["Allocation"]["F5"] = DDE  # a Notes cell
    sheets["Allocation"]["D7"] = CONTROL_TYPED
    sheets["Balances"]["B6"] = DDE  # a stream name: the Reconciliation sheet is full of riep's own formulas
    sheets["Funding"]["H5"] = "@SUM(1+1)*cmd|' /C calc'!A0"


def _hostile_register(sheets) -> None:
    ws = sheets["Risks"]
    ws["B5"] = HYPERLINK
    ws["I5"] = DDE  # the owner
    ws["H6"] = CONTROL_TYPED + " " + "Act now. " * 450  # a 4,000-character action with control characters


def _hostile_support(sheets) -> None:
    sheets["SupportCases"]["L5"] = HYPERLINK  # Notes
    sheets["SupportCases"]["C6"] = DDE  # a lead Chief Executive
    sheets["SupportCases"]["L7"] = CONTROL_TYPED


def _live_from_data(path: Path) -> list[str]:
    """Cells of a written workbook that are formulas carrying text from the hostile cells."""
    wb = load_workbook(path)
    return [f"{ws.title}!{c.coordinate}" for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.data_type == "f" and any(k in str(c.value) for k in ("evil.example", "cmd|", "SUM(1+1)"))]


def _text_cells(path: Path, sheet: str, text: str) -> list[tuple[str, bool]]:
    ws = load_workbook(path)[sheet]
    return [(c.data_type, bool(c.quotePrefix)) for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith(text)]


def test_no_live_formula_and_no_control_character_from_cells_in_any_output(riep_fork, tmp_path):
    work = tmp_path / "work"
    books = work / "books"
    edited(FA, books / FA, _hostile_allocation)
    edited(RR, books / RR, _hostile_register)
    edited(AS, books / AS, _hostile_support)
    before = {k: v for k, v in snapshot(work).items()}
    result = riep_fork("run", "books", "--out", "out", "--as-of", "2009-12-15")
    assert result.code in (0, 1), result.err + result.out
    assert result.peak_mb < PEAK_MB
    assert "\x1b" not in result.out + result.err
    assert {k: v for k, v in snapshot(work).items() if k.startswith("books")} == before
    written = sorted((work / "out").glob("*.xlsx"))
    assert len(written) == 6  # a result copy per job and workbook (monitor included), and the support records
    for path in written:
        assert _live_from_data(path) == [], path.name
    streams = _text_cells(work / "out" / "financial_allocation.reconcile.xlsx", "Reconciliation", DDE)
    assert streams and all(cell == ("s", True) for cell in streams)  # text, shown as typed, with Excel's quote prefix
    junit = (work / "out" / "junit.xml").read_text(encoding="utf-8")
    ET.fromstring(junit)  # well-formed
    assert "\x1b" not in junit and "\x0b" not in junit
    assert len(list((work / "out").glob("support_record_*.pdf"))) == 8  # one per support case
    assert (work / "out" / "risk_register.risks.pdf").stat().st_size > 0


def test_terminal_and_junit_never_carry_control_characters(riep_fork, tmp_path):
    edited(FA, tmp_path / "work" / "fa.xlsx", lambda s: s["Allocation"].__setitem__("D31", CONTROL_TYPED))
    table = riep_fork("check", "fa.xlsx")
    junit = riep_fork("check", "fa.xlsx", "--format", "junit")
    assert table.code in (0, 1) and junit.code in (0, 1)
    assert CONTROL not in table.out and "\x1b" not in table.out
    assert f"Line 'Line{REPLACEMENT}[31m red{REPLACEMENT} tab' (Other) has no amount." in table.out
    ET.fromstring(junit.out)


def test_the_board_report_wraps_a_long_action_and_keeps_a_plain_text_link(riep_fork, tmp_path):
    from pypdf import PdfReader

    edited(RR, tmp_path / "work" / "rr.xlsx", _hostile_register)
    result = riep_fork("risks", "rr.xlsx", "--pdf", "board.pdf", "--write-sheet", "copy.xlsx")
    assert result.code in (0, 1), result.err + result.out
    reader = PdfReader(tmp_path / "work" / "board.pdf")
    assert not any("/Annots" in page for page in reader.pages)  # no active link from a cell
    assert _live_from_data(tmp_path / "work" / "copy.xlsx") == []


def test_two_authorities_whose_names_make_the_same_file_name_get_a_pdf_each(riep_fork, tmp_path):
    book = edited(AS, tmp_path / "work" / "as.xlsx", lambda s: (
        renamed("", FENMARSH, "St. Albans City Council")(s), renamed("", SALTMOOR, "St Albans City Council")(s),
        renamed("", "Brackenhithe District Council (illustrative)", "B" * 300)(s)))
    result = riep_fork("records", book.name, "--out", "out", "--as-of", "2009-12-15")
    assert result.code in (0, 1), result.err + result.out
    pdfs = sorted(p.name for p in (tmp_path / "work" / "out").glob("*.pdf"))
    assert len(pdfs) == 8, pdfs  # one per support case, the two St Albans included
    assert all(len(p.encode()) <= 255 for p in pdfs)


@pytest.mark.parametrize(("book", "change"), [
    (FA, lambda s: (s["Allocation"].__setitem__("A6", "0/1"), s["Allocation"].__setitem__("A7", "twenty nine"),
                    s["Balances"].__setitem__("A6", "0/1"), s["StatedTotals"].__setitem__("A5", 2009.5))),
    (RR, lambda s: (s["Risks"].__setitem__("J5", "next spring"), s["Risks"].__setitem__("D6", 0.5))),
    (AS, lambda s: (s["Assessments"].__setitem__("B5", "0/1"), s["SupportCases"].__setitem__("B6", "soon"),
                    s["ProgressReports"].__setitem__("B5", "Q9 20X9"), s["SupportFunding"].__setitem__("C5", "lots"))),
], ids=["allocation", "register", "support"])
def test_text_and_odd_years_are_findings_not_faults(riep_fork, tmp_path, book, change):
    edited(book, tmp_path / "work" / book, change)
    result = riep_fork("run", ".", "--out", "out", "--as-of", "2009-12-15")
    said = result.err + result.out
    assert result.code in (0, 1, 2) and "Traceback" not in said, said
    if result.code == 2:  # a year no rule can place refuses the workbook, at the cell
        assert f"Cannot read: {book}, sheet " in said and ", cell " in said, said


def test_a_dimension_claiming_every_cell_reads_the_cells_present(riep_fork, tmp_path):
    repacked(RR, tmp_path / "work" / "rr.xlsx",
             sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', "xl/worksheets/sheet1.xml"))
    result = riep_fork("risks", "rr.xlsx")
    assert result.code in (0, 1), result.err + result.out
    assert result.peak_mb < PEAK_MB


def test_a_checks_sheet_the_user_renamed_is_left_alone(riep_fork, tmp_path):
    copy(FA, tmp_path / "work" / "fa.xlsx")
    assert riep_fork("check", "fa.xlsx", "--write-sheet", "once.xlsx").code == 1
    wb = load_workbook(tmp_path / "work" / "once.xlsx")
    wb["Checks"].title = "Checks (March)"
    wb.save(tmp_path / "work" / "renamed.xlsx")
    result = riep_fork("check", "renamed.xlsx", "--write-sheet", "twice.xlsx")
    assert result.code == 1, result.err + result.out
    assert {"Checks", "Checks (March)"} <= set(load_workbook(tmp_path / "work" / "twice.xlsx").sheetnames)


def test_a_full_disk_is_exit_2_with_nothing_left_behind(riep_fork, tmp_path, monkeypatch):
    copy(FA, tmp_path / "work" / "fa.xlsx")
    before = snapshot(tmp_path / "work")

    def full(src: object, dest: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)  # the forked child inherits it
    result = riep_fork("check", "fa.xlsx", "--write-sheet", "copy.xlsx")
    assert (result.code, result.err.strip()) == (2, "copy.xlsx: cannot be written (No space left on device)")
    assert snapshot(tmp_path / "work") == before


def test_an_unreadable_file_in_a_folder_is_named_not_a_fault(riep_fork, tmp_path, monkeypatch):
    copy(FA, tmp_path / "work" / "books" / "fa.xlsx")
    copy(FA, tmp_path / "work" / "books" / "locked.xlsx")
    real_open = Path.open

    def locked(self: Path, *args: object, **kwargs: object):  # as root every file is readable: say it is not
        if self.name == "locked.xlsx":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    result = riep_fork("check", "books")
    assert result.code == 2
    assert "Cannot read: locked.xlsx: cannot be read (Permission denied)" in result.out


def test_a_read_only_output_folder_is_refused_before_any_work(riep_fork, tmp_path, monkeypatch):
    copy(FA, tmp_path / "work" / "fa.xlsx")
    (tmp_path / "work" / "ro").mkdir()
    before = snapshot(tmp_path / "work")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: Path(p).name != "ro" and real_access(p, mode, **kw))
    result = riep_fork("check", "fa.xlsx", "-o", "ro/report.json")
    assert (result.code, result.err.strip()) == (2, "report.json: cannot be written: the folder ro is read-only "
                                                      "for you")
    assert snapshot(tmp_path / "work") == before


def test_the_time_limit_stops_a_slow_read_with_exit_2(riep_fork, tmp_path, monkeypatch):
    import time

    import riep.xlsx.reader as reader

    copy(FA, tmp_path / "work" / "fa.xlsx")
    (tmp_path / "work" / "riep.toml").write_text("[limits]\nmax_seconds = 1\n", encoding="utf-8")
    real_check = reader._check_package
    monkeypatch.setattr(reader, "_check_package", lambda zf, path: (time.sleep(5), real_check(zf, path)))
    result = riep_fork("check", "fa.xlsx", "-o", "report.json")
    assert result.code == 2
    assert ("fa.xlsx: riep stopped after 1 seconds, the [limits] max_seconds setting, while reading this workbook; "
            "split the work or raise the setting") in result.err + result.out
    assert not (tmp_path / "work" / "report.json").exists()

"""Files and paths riep must refuse: exit 2, one sentence naming the file and where, nothing written, the input
unchanged (SHA-256 before and after), and bounded memory."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus.build import copy, edited, repacked, snapshot, sub, zip_bomb

PEAK_MB = 1024

FA, RR, AS = "financial_allocation.xlsx", "risk_register.xlsx", "authority_support.xlsx"
BILLION_LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                  b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
EXTERNAL = b'<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


def _prolog(dtd: bytes, part: str) -> Callable[[str, bytes], bytes]:
    """Put a document type declaration before the root element of ``part`` (and use it, for the laughs)."""

    def change(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return dtd + body.replace(b'displayName="', b'displayName="&d;', 1) if b"ENTITY d" in dtd else dtd + body

    return change


def _root_sheet(name: str, data: bytes) -> bytes:
    """The Risks sheet part moved to the package root (valid OPC: the relationship says where)."""
    if name == "xl/_rels/workbook.xml.rels":
        return data.replace(b'Target="worksheets/sheet1.xml"', b'Target="/sheet1.xml"').replace(
            b'Target="/xl/worksheets/sheet1.xml"', b'Target="/sheet1.xml"')
    if name == "[Content_Types].xml":
        return data.replace(b"/xl/worksheets/sheet1.xml", b"/sheet1.xml")
    return data


def _strict(name: str, data: bytes) -> bytes:
    if name in ("xl/workbook.xml",) or name.startswith("xl/worksheets/sheet"):
        return data.replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                            b"http://purl.oclc.org/ooxml/spreadsheetml/main")
    return data


def _ods(dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    return dest


def _duplicate_amount(sheets) -> None:
    ws = sheets["Allocation"]
    ws["F4"] = "amount (£K) "  # the same header as E4 to anyone reading it
    ws.tables["Allocation"].tableColumns[5].name = "amount (£K) "


# (case id, build the input in the folder, the command after `riep`, what the sentence must say)
CASES: list[tuple[str, Callable[[Path], Path], list[str], str]] = [
    ("dimension-claims-every-cell-of-a-table",
     lambda d: repacked(RR, d / "rr.xlsx", sub(rb' ref="[^"]*"', b' ref="A4:XFD1048576"', "xl/tables/table1.xml")),
     ["risks", "rr.xlsx"], "rr.xlsx: table 'Risks' spans A4:XFD1048576, 1,048,573 rows by 16,384 columns"),
    ("zip-bomb", lambda d: zip_bomb(d / "bomb.xlsx", 2048), ["risks", "bomb.xlsx"],
     "bomb.xlsx: part xl/worksheets/sheet1.xml would unpack to 2,048 MB, more than the 256 MB riep unpacks"),
    ("entity-expansion-in-a-table", lambda d: repacked(RR, d / "laughs.xlsx", _prolog(BILLION_LAUGHS, "xl/tables/table1.xml")),
     ["risks", "laughs.xlsx"], "laughs.xlsx: the workbook contains XML entity declarations, which Excel never writes"),
    ("external-entity-in-the-workbook", lambda d: repacked(FA, d / "xxe.xlsx", _prolog(EXTERNAL, "xl/workbook.xml")),
     ["check", "xxe.xlsx"], "xxe.xlsx: the workbook contains XML entity declarations, which Excel never writes"),
    ("sheet-part-at-the-package-root",
     lambda d: repacked(RR, d / "root.xlsx", _root_sheet, rename={"xl/worksheets/sheet1.xml": "sheet1.xml"}),
     ["risks", "root.xlsx"], "root.xlsx: keeps its sheet part sheet1.xml outside the xl/ folder, where Excel never puts "
     "it; open it in Excel (or LibreOffice: File > Save As) and save it as an .xlsx (Excel Workbook)"),
    ("declaration-inside-a-table-part",
     lambda d: repacked(RR, d / "mid.xlsx", sub(rb"(<table [^>]*>)", rb'\1<!DOCTYPE t [<!ENTITY a "x">]>',
                                                "xl/tables/table1.xml")),
     ["risks", "mid.xlsx"], "mid.xlsx: is damaged and cannot be opened (a part is not well-formed XML: "),
    ("table-part-not-well-formed",
     lambda d: repacked(RR, d / "junk.xlsx", sub(rb"<tableColumns", rb"<tableColumns <<", "xl/tables/table1.xml")),
     ["risks", "junk.xlsx"], "junk.xlsx: is damaged and cannot be opened (a part is not well-formed XML: "),
    ("strict-open-xml", lambda d: repacked(FA, d / "strict.xlsx", _strict), ["check", "strict.xlsx"],
     "strict.xlsx: is saved as Strict Open XML, which riep does not read; open it in Excel (or LibreOffice: File > "
     "Save As) and save it as an .xlsx (Excel Workbook)"),
    ("opendocument-named-xlsx", lambda d: _ods(d / "calc.xlsx"), ["check", "calc.xlsx"],
     "calc.xlsx: is an OpenDocument spreadsheet, not an Excel workbook; open it in Excel (or LibreOffice: File > Save "
     "As) and save it as an .xlsx (Excel Workbook)"),
    ("opendocument", lambda d: _ods(d / "calc.ods"), ["check", "calc.ods"], "calc.ods: is an OpenDocument spreadsheet"),
    ("truncated", lambda d: _truncated(d / "cut.xlsx"), ["check", "cut.xlsx"], "cut.xlsx: is "),
    ("fifo-named-xlsx", lambda d: _fifo(d / "pipe.xlsx"), ["check", "pipe.xlsx"],
     "pipe.xlsx: is not a regular file (a pipe, socket or device), so not a workbook"),
    ("fifo-in-a-folder", lambda d: _fifo(d / "books" / "pipe.xlsx"), ["check", "books"],
     "pipe.xlsx: is not a regular file"),
    ("duplicate-amount-header", lambda d: edited(FA, d / "dup.xlsx", _duplicate_amount), ["check", "dup.xlsx"],
     "dup.xlsx, sheet Allocation, cell F4: table 'Allocation' has the header 'Amount (£k)' twice (E4 and F4); rename "
     "one of them so riep knows which column to read"),
    # the input is sacred
    ("report-over-the-input", lambda d: copy(FA, d / "fa.xlsx"), ["check", "fa.xlsx", "-o", "fa.xlsx"],
     "fa.xlsx: is the input "),
    ("sheet-over-the-input", lambda d: copy(FA, d / "fa.xlsx"), ["reconcile", "fa.xlsx", "--write-sheet", "./fa.xlsx"],
     "fa.xlsx: is the input "),
    ("pdf-over-the-input", lambda d: copy(RR, d / "rr.xlsx"), ["risks", "rr.xlsx", "--pdf", "rr.xlsx"],
     "rr.xlsx: is the input "),
    ("report-over-a-hard-link-to-the-input", lambda d: _linked(copy(FA, d / "fa.xlsx"), d / "link.xlsx"),
     ["check", "fa.xlsx", "-o", "link.xlsx"], "link.xlsx: is the input "),
    ("records-out-over-the-input", lambda d: copy(AS, d / "support_records.xlsx"),
     ["records", "support_records.xlsx", "--out", "."], "is where riep writes its support_records.xlsx, which is the input"),
    ("run-out-over-an-input", lambda d: copy(FA, d / "books" / "financial_allocation.check.xlsx"),
     ["run", "books", "--out", "books"], "books: is where riep writes its financial_allocation.check.xlsx"),
    ("records-out-holds-a-bomb-named-like-its-workbook",
     lambda d: (copy(AS, d / "as.xlsx"), (d / "out").mkdir(), zip_bomb(d / "out" / "support_records.xlsx", 512))[0],
     ["records", "as.xlsx", "--out", "out"], "support_records.xlsx: exists and cannot be opened as a workbook (part xl/worksheets/sheet1.xml would unpack "
     "to 512 MB"),
    ("two-outputs-one-file", lambda d: copy(RR, d / "rr.xlsx"), ["risks", "rr.xlsx", "-o", "out.pdf", "--pdf", "out.pdf"],
     "out.pdf: is named for two outputs of the same run; give each its own file"),
    ("report-under-a-file", lambda d: copy(FA, d / "fa.xlsx"), ["check", "fa.xlsx", "-o", "fa.xlsx/report.json"],
     "report.json: cannot be written: fa.xlsx is a file, not a folder"),
    ("out-folder-is-the-input", lambda d: copy(AS, d / "as.xlsx"), ["records", "as.xlsx", "--out", "as.xlsx"],
     "Invalid value for '--out': Directory 'as.xlsx' is a file."),
    ("report-name-too-long", lambda d: copy(FA, d / "fa.xlsx"), ["check", "fa.xlsx", "-o", "r" * 300 + ".json"],
     "cannot be written: the name is longer than 255 characters"),
    ("report-beside-a-damaged-book", lambda d: _truncated(d / "cut.xlsx"), ["check", "cut.xlsx", "-o", "rep.json"],
     "cut.xlsx: is "),
    ("sheet-beside-a-damaged-records-book", lambda d: _truncated(d / "as.xlsx"),
     ["records", "as.xlsx", "--out", "out", "--write-sheet", "copy.xlsx"], "as.xlsx: is "),
    ("run-with-a-damaged-book", lambda d: (copy(FA, d / "books" / "fa.xlsx"), _truncated(d / "books" / "cut.xlsx"))[0],
     ["run", "books", "--out", "out"], "cut.xlsx: is "),
]


def _truncated(dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    data = (copy(FA, dest)).read_bytes()
    dest.write_bytes(data[: len(data) // 2])
    return dest


def _fifo(dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(dest)
    return dest


def _linked(src: Path, link: Path) -> Path:
    os.link(src, link)
    return src


@pytest.mark.parametrize(("case", "build", "argv", "sentence"), CASES, ids=[c[0] for c in CASES])
def test_refused_with_one_sentence_and_nothing_written(riep_fork, tmp_path, case, build, argv, sentence):
    work = tmp_path / "work"
    build(work)
    before = snapshot(work)
    result = riep_fork(*argv)
    said = result.err + result.out  # a refused command says it on stderr, a report's unreadable file in the report
    assert (result.code, said.count(sentence)) == (2, 1), said
    assert "Traceback" not in said
    if case == "run-with-a-damaged-book":
        assert "Nothing written to out/" in result.out
    assert snapshot(work) == before, "a refused run wrote or changed a file"
    assert result.peak_mb < PEAK_MB

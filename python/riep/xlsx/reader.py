"""Open a workbook and read its named Tables: python-calamine for values, openpyxl for a few cells.

Values of whole tables come from python-calamine, which is several times faster than
openpyxl. The handful of cells whose formulas or error values matter (total cells, and
blanks that might hide an error value, which calamine reads as empty) are read from the
sheet's XML by :mod:`riep.xlsx.cells`. Every way a file can be unusable becomes one :class:`~riep.errors.InputError`
sentence naming the file, sheet and cell.
"""

from __future__ import annotations

import functools
import gc
import posixpath
import re
import stat
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np
import pandas as pd
import python_calamine as pc

from riep.errors import InputError, RiepError
from riep.limits import current, reading
from riep.table import TableData, TableSpec, col_index, is_error_value, match_headers
from riep.xlsx.cells import CellInfo, may_hide_values, merged_ranges, read_cells

__all__ = ["Workbook", "open_workbook", "read_table", "table_rows", "read_cells", "CellInfo"]

_RANGE = re.compile(r"^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$")
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
_STRICT_NS = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_SAVE_AS_XLSX = "open it in Excel (or LibreOffice: File > Save As) and save it as an .xlsx (Excel Workbook)"
# a document type declaration is where entities are declared; Excel never writes one (UTF-8 and UTF-16 spellings)
_ELEMENT_START = re.compile(rb"<\x00?[A-Za-z_]")  # a start tag, in UTF-8 or UTF-16 (either byte order)
_DTD_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))


@dataclass
class Workbook:
    """An opened workbook: its path, the calamine reader, and the tables it defines."""

    path: Path
    book: pc.CalamineWorkbook

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def table_names(self) -> list[str]:
        names = self.book.table_names
        assert names is not None  # None only for formats without tables; open_workbook opens .xlsx with them loaded
        return list(names)

    @property
    def file(self) -> str:
        return str(self.path)

    def has_table(self, name: str) -> bool:
        return _find_table_name(self.table_names, name) is not None

    def table(
        self,
        spec: TableSpec,
        *,
        aliases: dict[str, list[str]] | None = None,
        required: bool = True,
        value_columns: tuple[str, ...] = (),
        formula_columns: tuple[str, ...] = (),
    ) -> TableData | None:
        """Read one named table (see :class:`riep.table.TableSource`)."""
        return read_table(
            self, spec, aliases=aliases, required=required,
            value_columns=value_columns, formula_columns=formula_columns,
        )


def open_workbook(path: str | Path) -> Workbook:
    """Open ``path`` for reading, or raise an :class:`InputError` saying why it can't be used."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError("file not found", file=path) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", file=path) from None
    if stat.S_ISDIR(mode):
        raise InputError("is a folder, not a workbook", file=path)
    if not stat.S_ISREG(mode):  # a pipe or a device would block or never end: refuse it before opening it
        raise InputError("is not a regular file (a pipe, socket or device), so not a workbook", file=path)
    reading(path)
    suffix = path.suffix.lower()
    if suffix in {".ods", ".fods"}:
        raise InputError(f"is an OpenDocument spreadsheet, not an Excel workbook; {_SAVE_AS_XLSX}", file=path)
    if suffix in {".csv", ".txt", ".tsv"}:
        raise InputError(
            f"is a {suffix[1:].upper()} file, not an Excel workbook; open it in Excel and save it as .xlsx",
            file=path,
        )
    try:
        with path.open("rb") as fh:
            head = fh.read(1 << 16)
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", file=path) from None
    if head.startswith(_CFB_MAGIC):
        if _ENCRYPTED_MARK in head:
            raise InputError(
                "is password-protected; open it in Excel, remove the password (File > Info > Protect "
                "Workbook > Encrypt with Password) and save a copy for riep",
                file=path,
            )
        raise InputError("is an old-style .xls workbook; open it in Excel and save it as .xlsx", file=path)
    if not zipfile.is_zipfile(path):
        raise InputError("is not an Excel workbook (.xlsx): its contents are not a workbook package", file=path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            _check_package(zf, path)
            workbook_xml = zf.read("xl/workbook.xml")[:4096] if "xl/workbook.xml" in names else b""
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
            outside = _sheets_outside_a_folder(zf, names)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ET.ParseError) as exc:
        raise InputError(f"is damaged and cannot be opened ({_short(exc)})", file=path) from None
    if _ODS_MIME in mimetype:
        raise InputError(f"is an OpenDocument spreadsheet, not an Excel workbook; {_SAVE_AS_XLSX}", file=path)
    if _STRICT_NS in workbook_xml:
        raise InputError(f"is saved as Strict Open XML, which riep does not read; {_SAVE_AS_XLSX}", file=path)
    if outside:  # valid packaging, but calamine cannot read it (it panics); Excel rewrites it where it belongs
        raise InputError(f"keeps its sheet part {outside} outside the xl/ folder, where Excel never puts it; "
                         f"{_SAVE_AS_XLSX}", file=path)
    if "xl/workbook.xml" not in names:
        raise InputError(f"is damaged or not an Excel workbook: it has no workbook part; {_SAVE_AS_XLSX}", file=path)
    try:
        book = pc.CalamineWorkbook.from_path(str(path), load_tables=True)
    except pc.PasswordError:
        raise InputError("is password-protected; remove the password and save a copy for riep", file=path) from None
    except (KeyboardInterrupt, SystemExit, RiepError):
        raise
    except BaseException as exc:  # calamine raises several unrelated types for damaged files, and panics (BaseException)
        raise InputError(f"is damaged and cannot be opened ({_short(exc)})", file=path) from None
    return Workbook(path=path, book=book)


def _sheets_outside_a_folder(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    """The first worksheet part the workbook's relationships place at the package root, if any."""
    rels = "xl/_rels/workbook.xml.rels"
    if rels not in names:
        return None
    for rel in ET.fromstring(zf.read(rels)):
        target = rel.get("Target") or ""
        part = posixpath.normpath(target[1:] if target.startswith("/") else posixpath.join("xl", target))
        if (rel.get("Type") or "").endswith("/worksheet") and "/" not in part:
            return part
    return None


def _check_package(zf: zipfile.ZipFile, path: Path) -> None:
    """Refuse a package riep must not read: a part larger than the limit (checked before it is unpacked, and
    unpacking stops at the size the part declares, so a zip bomb never inflates), a part whose bytes do not
    decompress or fail their checksum (like ``ZipFile.testzip``, also catching the zlib errors testzip lets through),
    or an XML part with a document type declaration (entities: a billion laughs, or an external file)."""
    limits = current()
    limit = int(limits.max_part_mb * (1 << 20))
    for info in zf.infolist():
        if info.file_size > limit:
            raise InputError(f"part {info.filename} would unpack to {info.file_size / (1 << 20):,.0f} MB, more than "
                             f"the {limits.max_part_mb:g} MB riep unpacks ([limits] max_part_mb); it is damaged or "
                             "not a workbook riep can read", file=path)
        in_prolog = info.filename.endswith((".xml", ".rels"))  # declarations may only stand before the root element
        tail = b""
        try:
            with zf.open(info) as fh:
                while chunk := fh.read(1 << 20):
                    if in_prolog:
                        head, root = _prolog(chunk)
                        if any(m in tail + head for m in _DTD_MARKS):
                            raise InputError("the workbook contains XML entity declarations, which Excel never "
                                             f"writes; it cannot be used (part {info.filename})", file=path)
                        in_prolog, tail = not root, head[-32:]
        except (zipfile.BadZipFile, zlib.error):
            raise InputError(f"is damaged and cannot be opened (part {info.filename} is corrupt)", file=path) from None


def _prolog(chunk: bytes) -> tuple[bytes, bool]:
    """The part of ``chunk`` before the root element starts (UTF-8 or UTF-16), and whether the root was found."""
    m = _ELEMENT_START.search(chunk)
    return (chunk[:m.start()], True) if m else (chunk, False)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def _find_table_name(names: list[str], wanted: str) -> str | None:
    low = wanted.lower()
    return next((n for n in names if n.lower() == low), None)


F = TypeVar("F", bound=Callable[..., Any])


def _without_gc(fn: F) -> F:
    """Pause Python's cycle collector while ``fn`` runs. A table read makes a list per row and a cell object per
    cell, none of them in a cycle; on 200k rows the collector would rescan them dozens of times for nothing
    (measured: about a tenth of a large check). Reference counting still frees everything as usual."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return cast(F, wrapper)


def _xml_damage(fn: F) -> F:
    """A part that is not well-formed XML (``fn``'s first argument is the workbook) is a damaged file, not a fault."""

    @functools.wraps(fn)
    def wrapper(wb: Workbook, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(wb, *args, **kwargs)
        except ET.ParseError as exc:
            raise InputError(f"is damaged and cannot be opened (a part is not well-formed XML: {_short(exc)})",
                             file=wb.path) from None

    return cast(F, wrapper)


@_xml_damage
@_without_gc
def read_table(
    wb: Workbook,
    spec: TableSpec,
    *,
    aliases: dict[str, list[str]] | None = None,
    required: bool = True,
    value_columns: tuple[str, ...] = (),
    formula_columns: tuple[str, ...] = (),
) -> TableData | None:
    """Read the named Table ``spec.name`` against its contract.

    ``value_columns`` are value columns (amounts, dates) whose blank cells are looked at again
    with openpyxl, because calamine reads an error value such as ``#REF!`` as empty.
    ``formula_columns`` (total cells: keep them few) are read entirely with openpyxl, giving
    each cell's formula and the value Excel last calculated (``None`` if never calculated).
    Raises :class:`InputError` for a missing table (when ``required``), a missing header or
    cells merged across the table.
    """
    actual = _find_table_name(wb.table_names, spec.name)
    if actual is None:
        if not required:
            return None
        found = ", ".join(wb.table_names) or "none"
        raise InputError(
            f"has no Excel Table named '{spec.name}' (tables found: {found}); select the range and use "
            f"Insert > Table, then name it {spec.name} under Table Design",
            file=wb.path,
        )
    table, rows = table_rows(wb, actual)
    sheet = table.sheet
    start = table.start
    assert start is not None  # None only for an empty range; a table's data range has at least one row
    first_row0, first_col0 = start
    header_row = first_row0  # the header sits just above the first data row (1-based == 0-based data start)
    mapping = match_headers(
        spec,
        list(table.columns),
        file=str(wb.path),
        sheet=sheet,
        header_row=header_row,
        first_col=first_col0,
        extra_aliases=aliases,
    )
    width = len(table.columns)
    try:
        grid = np.array(rows, dtype=object).reshape(len(rows), width)
    except ValueError:  # ragged rows: pad them
        grid = np.array([list(r) + [""] * (width - len(r)) for r in rows], dtype=object).reshape(len(rows), width)
    grid = grid[:, [idx - first_col0 for idx in mapping.values()]]
    blank = grid == ""  # calamine reads an empty cell as ''; one pass serves every blank test below
    grid[blank] = None
    keep = ~blank.all(axis=1)  # a table the user emptied keeps one blank row: drop rows with every cell blank
    grid, blank = grid[keep], blank[keep]
    data = pd.DataFrame(dict(zip(mapping, grid.T)), dtype=object)
    data["_row"] = np.arange(header_row + 1, header_row + 1 + len(rows))[keep]
    result = TableData(name=actual, sheet=sheet, header_row=header_row, columns=mapping, frame=data, file=str(wb.path))
    position = {name: k for k, name in enumerate(mapping)}
    required_cols = [position[c.name] for c in spec.columns if c.required and c.name in position]
    if blank[:, required_cols].any():  # a merge leaves blanks below its first cell; in optional columns it is harmless
        _check_merged(wb, result, len(rows))
    blanks = [col for col in value_columns
              if col in mapping and col not in formula_columns and blank[:, position[col]].any()]
    if blanks and not formula_columns and not may_hide_values(wb.path, sheet):
        blanks = []  # no formula or error cell anywhere on the sheet: every blank really is blank
    wanted = [(col, int(r)) for col in blanks for r in data.loc[data[col].isna(), "_row"]] + [
        (col, int(r)) for col in formula_columns if col in mapping for r in data["_row"]]
    probe = [result.cell(col, r) for col, r in wanted]
    if probe:
        by_addr = dict(zip(probe, wanted))
        for addr, cell in read_cells(wb.path, sheet, probe).items():
            col_name, row = by_addr[addr]
            if col_name in formula_columns or cell.formula or is_error_value(cell.value):
                value = cell.value if cell.value is not None else _formula_error(cell.formula)
                if data[col_name].dtype != object:
                    data[col_name] = data[col_name].astype(object)
                data.loc[data["_row"] == row, col_name] = value
            if cell.formula:
                result.formulas[addr] = cell.formula
    return result


def table_rows(wb: Workbook, name: str) -> tuple[Any, list[list[Any]]]:
    """The calamine table called ``name`` and its rows, checked against the limits before calamine reads it;
    a table calamine cannot read (its Rust panics arrive as a BaseException) is named as unreadable."""
    _check_table_ref(wb.path, name)
    try:
        table = wb.book.get_table_by_name(name)
        return table, table.to_python()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        raise InputError(f"table '{name}' cannot be read ({_short(exc)})", file=wb.path) from None


def _check_table_ref(path: Path, name: str) -> None:
    """Refuse, before calamine reads it, a table whose part spans its header row alone (``ref="A1:F1"``, which
    calamine cannot read) or more cells than the limits (calamine would reserve memory for all of them)."""
    with zipfile.ZipFile(path) as zf:
        for part in (n for n in zf.namelist() if n.startswith("xl/tables/") and n.endswith(".xml")):
            table = ET.fromstring(zf.read(part))  # the root element is the table, its attributes say the rest
            if (table.get("displayName") or "").lower() != name.lower():
                continue
            ref = table.get("ref") or ""
            m = _RANGE.match(ref)
            if not (m and m.group(4)):
                return
            rows = int(m.group(4)) - int(m.group(2)) + 1
            cols = col_index(m.group(3)) - col_index(m.group(1)) + 1
            if rows == 1:
                raise InputError(f"table '{name}' has a header row and no rows under it; add its rows (Excel keeps at "
                                 "least one, even a blank one)", file=path)
            limits = current()
            if cols > limits.max_columns or rows * cols > limits.max_table_cells:
                raise InputError(
                    f"table '{name}' spans {ref}, {rows:,} rows by {cols:,} columns, more than riep reads "
                    f"({limits.max_table_cells:,} cells and {limits.max_columns:,} columns: [limits] settings); "
                    "resize it to its rows and columns (Table Design > Resize Table)", file=path)
            return


def _formula_error(formula: str | None) -> str | None:
    """A formula with no cached value: report the error it contains, if any (e.g. ``=#REF!+1``)."""
    if not formula:
        return None
    m = re.search(r"#(REF!|VALUE!|NAME\?|DIV/0!|N/A|NUM!|NULL!)", formula, re.I)
    return m.group(0).upper() if m else None


def _check_merged(wb: Workbook, table: TableData, n_rows: int) -> None:
    lo_col = min(table.columns.values())
    hi_col = max(table.columns.values())
    top, bottom = table.header_row, table.header_row + n_rows
    for ref in merged_ranges(wb.path, table.sheet):
        m = _RANGE.match(ref)
        if not m:
            continue
        c1, r1 = col_index(m.group(1)), int(m.group(2))
        c2, r2 = (col_index(m.group(3)), int(m.group(4))) if m.group(3) else (c1, r1)
        if r2 >= top and r1 <= bottom and c2 >= lo_col and c1 <= hi_col:
            raise InputError(
                f"cells {ref} are merged across table '{table.name}'; unmerge them (Home > Merge & Center) "
                "so every row has its own value",
                file=wb.path,
                sheet=table.sheet,
                cell=f"{m.group(1)}{r1}",
            )

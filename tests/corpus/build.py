"""Hostile and odd workbooks, each built in code from a shipped workbook (no binary blobs in the repository).

Two ways in: :func:`edited` changes cells with openpyxl (text stays text: a cell holding
``=HYPERLINK(...)`` is written as a string, as when someone types it with a leading apostrophe),
and :func:`repacked` rewrites the package's parts as bytes (a sheet part moved, an entity
declaration, a claimed dimension), which is how damaged and hostile files differ from what Excel
writes.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from allocdata import WORKBOOKS

__all__ = ["copy", "edited", "repacked", "renamed", "zip_bomb", "HYPERLINK", "DDE", "CONTROL", "CONTROL_TYPED", "sub", "snapshot"]

HYPERLINK = '=HYPERLINK("http://evil.example/x","click")'
DDE = "=cmd|' /C calc'!A0"
CONTROL = "Line\x1b[31m red\x0b tab"  # an escape sequence and a vertical tab pasted from Word
CONTROL_TYPED = CONTROL.replace("\x1b", "\\x1b").replace("\x0b", "\\x0b")  # what edited() is given for it


def copy(name: str, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(WORKBOOKS / name, dest)
    return dest


def edited(name: str, dest: Path, change: Callable[[dict[str, Worksheet]], None]) -> Path:
    """A copy of shipped workbook ``name`` with ``change(sheets)`` applied; every text written stays text."""
    wb = load_workbook(WORKBOOKS / name)
    change({ws.title: ws for ws in wb.worksheets})
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith(("=HYPERLINK", "=cmd")):
                    c.data_type = "s"
    dest.parent.mkdir(parents=True, exist_ok=True)
    wb.save(dest)
    return _control_chars(dest)


def _control_chars(path: Path) -> Path:
    """openpyxl refuses control characters, so they go in as Excel itself writes them: ``_x001B_``."""
    return repacked(path, path, lambda part, data: data.replace(b"\\x1b", b"_x001B_").replace(b"\\x0b", b"_x000B_"))


def repacked(src: str | Path, dest: Path, change: Callable[[str, bytes], bytes | None],
             rename: dict[str, str] | None = None) -> Path:
    """Rewrite every part of the package: ``change(name, data)`` returns new bytes, or ``None`` to drop the part."""
    src = WORKBOOKS / src if isinstance(src, str) else src
    with zipfile.ZipFile(src) as zin:
        parts = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts:
            new = change(name, data)
            if new is not None:
                zout.writestr((rename or {}).get(name, name), new)
    tmp.replace(dest)
    return dest


def renamed(text: str, old: str, new: str) -> Callable[[dict[str, Worksheet]], None]:
    """A change that renames ``old`` to ``new`` in every cell of every sheet (an authority, a stream)."""

    def change(sheets: dict[str, Worksheet]) -> None:
        for ws in sheets.values():
            for row in ws.iter_rows():
                for c in row:
                    if c.value == old:
                        c.value = new

    return change


def zip_bomb(dest: Path, megabytes: int) -> Path:
    """The risk register with its Risks sheet replaced by ``megabytes`` of zeros that deflate to almost nothing.

    The deflate stream is one compressed megabyte repeated (never the whole part in memory), written as a stored
    entry whose headers then say deflated, which is what zip bombs look like."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(1 << 20)
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)  # a full flush forgets the past: every MB alike
    body = first + again * (megabytes - 1) + comp.flush()
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(block, crc)
    with zipfile.ZipFile(WORKBOOKS / "risk_register.xlsx") as zin:
        parts = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in parts:
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info.filename, data)
                continue
            zi = zipfile.ZipInfo(info.filename)
            zi.compress_type = zipfile.ZIP_STORED
            zout.writestr(zi, bytes(body))  # stored as-is, then the headers are patched to say what it is
            zi_written = zout.getinfo(info.filename)
            zi_written.compress_type = zipfile.ZIP_DEFLATED
            zi_written.file_size = megabytes << 20
            zi_written.CRC = crc
    _patch_local_header(dest, "xl/worksheets/sheet1.xml", megabytes << 20, crc)
    return dest


def _patch_local_header(path: Path, name: str, size: int, crc: int) -> None:
    """Make the local header of ``name`` agree with the central directory (deflated, ``size`` bytes, ``crc``)."""
    data = bytearray(path.read_bytes())
    key = name.encode()
    at = data.find(b"PK\x03\x04")
    while at != -1:
        n = int.from_bytes(data[at + 26:at + 28], "little")
        if data[at + 30:at + 30 + n] == key:
            data[at + 8:at + 10] = (8).to_bytes(2, "little")
            data[at + 14:at + 18] = crc.to_bytes(4, "little")
            data[at + 22:at + 26] = size.to_bytes(4, "little")
            break
        at = data.find(b"PK\x03\x04", at + 4)
    path.write_bytes(bytes(data))


def sub(pattern: bytes, repl: bytes, part: str) -> Callable[[str, bytes], bytes]:
    """A change replacing ``pattern`` by ``repl`` in one part (a regex over bytes)."""
    return lambda name, data: re.sub(pattern, repl, data, count=1) if name == part else data


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256: compared before and after a run that must write nothing."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}

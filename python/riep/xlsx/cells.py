"""Read a few cells' formulas and cached values straight from a sheet's XML, streaming.

openpyxl, even in read-only mode, measures every sheet when it opens a workbook, which on a
200,000-row allocation costs seconds; the handful of total cells riep audits need none of
that. This reader finds the sheet's part, streams its XML and stops after the last wanted
row. Shared formulas are translated from their master cell, as Excel does.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CellInfo", "read_cells", "merged_ranges", "may_hide_values"]

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ADDR = re.compile(r"^([A-Z]+)(\d+)$")


@dataclass
class CellInfo:
    """A cell's cached value (``None`` if never calculated) and formula text (with ``=``), if any."""

    value: object
    formula: str | None


def _sheet_part(zf: zipfile.ZipFile, sheet: str) -> str:
    wb = ET.fromstring(zf.read("xl/workbook.xml"))
    rid = next((s.get(_REL) for s in wb.iter(f"{_NS}sheet") if s.get("name") == sheet), None)
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    assert target is not None  # a Relationship's Target is required (OPC)
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


def _shared_strings(zf: zipfile.ZipFile) -> list[str]:
    try:
        root = ET.fromstring(zf.read("xl/sharedStrings.xml"))
    except KeyError:
        return []
    return ["".join(t.text or "" for t in si.iter(f"{_NS}t")) for si in root.iter(f"{_NS}si")]


def _value(c: ET.Element, strings: list[str]) -> object:
    v = c.find(f"{_NS}v")
    kind = c.get("t", "n")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in c.iter(f"{_NS}t"))
    if v is None or v.text is None:
        return None
    if kind == "s":
        return strings[int(v.text)]
    if kind in ("str", "e"):
        return v.text
    if kind == "b":
        return v.text == "1"
    number = float(v.text)
    return int(number) if number.is_integer() else number


def read_cells(path: str | Path, sheet: str, addresses: list[str]) -> dict[str, CellInfo]:
    """Formula and cached value of each A1 address on ``sheet``."""
    wanted = {a for a in addresses if _ADDR.match(a)}
    out = {a: CellInfo(None, None) for a in wanted}
    if not wanted:
        return out
    last_row = max(int(_ADDR.match(a).group(2)) for a in wanted)  # type: ignore[union-attr]
    masters: dict[str, tuple[str, str]] = {}
    with zipfile.ZipFile(path) as zf:
        strings = _shared_strings(zf)
        with zf.open(_sheet_part(zf, sheet)) as fh:
            for _, el in ET.iterparse(fh, events=("end",)):
                if el.tag == f"{_NS}row":
                    if int(el.get("r", "0")) > last_row:
                        break
                    el.clear()
                    continue
                if el.tag != f"{_NS}c":
                    continue
                ref = el.get("r", "")
                f = el.find(f"{_NS}f")
                formula = None
                if f is not None:
                    if f.get("t") == "shared" and f.text:
                        masters[f.get("si", "")] = (ref, f.text)
                    if f.text:
                        formula = "=" + f.text
                    elif f.get("t") == "shared" and f.get("si") in masters:
                        from openpyxl.formula.translate import Translator  # all of openpyxl: only when needed

                        origin, text = masters[f.get("si", "")]
                        formula = Translator("=" + text, origin=origin).translate_formula(ref)
                if ref in out:
                    out[ref] = CellInfo(_value(el, strings), formula)
    return out


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')


def merged_ranges(path: str | Path, sheet: str) -> list[str]:
    """The merged ranges of ``sheet`` (``['B5:B6']``), found by a byte search of its XML, not a parse."""
    found: list[str] = []
    tail = b""
    with zipfile.ZipFile(path) as zf, zf.open(_sheet_part(zf, sheet)) as fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            if b"mergeCell" in data:
                found += [m.decode() for m in _MERGE.findall(data)]
            tail = data[-64:]  # a tag cut between chunks is found whole in the next search
    found = list(dict.fromkeys(found))
    return found


_HIDDEN = (b"<f>", b"<f ", b"<f/", b":f>", b":f ", b' t="e"')


def may_hide_values(path: str | Path, sheet: str) -> bool:
    """Whether ``sheet`` has any formula or error cell, found by a byte search of its XML: only those can
    hide a value calamine reads as blank, so a sheet without them needs no cell-by-cell look."""
    tail = b""
    with zipfile.ZipFile(path) as zf, zf.open(_sheet_part(zf, sheet)) as fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            if any(token in data for token in _HIDDEN):
                return True
            tail = data[-16:]
    return False

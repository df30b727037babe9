"""Change one typed number in a copy of a workbook by editing its sheet XML, leaving every other byte of the
package as it was (openpyxl would drop the values Excel cached for formulas)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

__all__ = ["set_number", "sheet_part"]

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def sheet_part(zf: zipfile.ZipFile, sheet: str) -> str:
    """The package part (``xl/worksheets/sheet2.xml``) of the sheet called ``sheet``."""
    book = ET.fromstring(zf.read("xl/workbook.xml"))
    rid = next(s.get(f"{{{_NS['r']}}}id") for s in book.iter(f"{{{_NS['m']}}}sheet") if s.get("name") == sheet)
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    assert target is not None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def set_number(src: Path, dest: Path, sheet: str, cell: str, value: float) -> Path:
    """Copy ``src`` to ``dest`` with the number typed in ``sheet!cell`` replaced by ``value``."""
    with zipfile.ZipFile(src) as zin:
        part = sheet_part(zin, sheet)
        xml = zin.read(part).decode("utf-8")
        pattern = re.compile(rf'(<c r="{cell}"(?: [^>]*)?>)(?:<f>[^<]*</f>)?<v>[^<]*</v>')
        new_xml, n = pattern.subn(lambda m: f"{m.group(1)}<v>{value:g}</v>", xml)
        assert n == 1, f"{sheet}!{cell} is not a number cell in {src}"
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                zout.writestr(info, new_xml.encode("utf-8") if info.filename == part else zin.read(info))
    return dest

"""Risk registers for tests: in memory (a TableSource over rows) and as real workbooks from the shipped source."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import yaml
from openpyxl import load_workbook

from allocdata import WORKBOOKS, table
from riep.build.render import render
from riep.build.source import WorkbookSource
from riep.risks.register import RISKS
from riep.table import TableData, TableSpec

COLUMNS = [c.name for c in RISKS.columns]
SOURCE = WORKBOOKS / "src" / "risk_register.yaml"


def row(**cells: object) -> list[object]:
    """One complete register row; change cells by name, underscores for spaces: ``row(Review_date=None)``."""
    base: dict[str, object] = {"ID": "R1", "Risk": "Lack of Member engagement", "Probability": "Medium",
                               "Impact": "High", "Actions required": "• Invite Members to seminars and conferences",
                               "Owner": "Programme Director", "Review date": dt.date(2009, 9, 30), "Status": "Open",
                               "Response": "Treat", "Residual probability": "Low", "Residual impact": "High"}
    base.update({k.replace("_", " "): v for k, v in cells.items()})
    unknown = set(base) - set(COLUMNS)
    assert not unknown, unknown
    return [base.get(c) for c in COLUMNS]


class Source:
    """A TableSource holding one in-memory Risks table (what the add-in's book JSON would give)."""

    def __init__(self, rows: list[list[object]], formulas: dict[str, str] | None = None) -> None:
        self.data: TableData = table(RISKS, rows, sheet="Risks", formulas=formulas, file="register.xlsx")

    file = "register.xlsx"
    table_names = ["Risks"]

    def has_table(self, name: str) -> bool:
        return name == "Risks"

    def table(self, spec: TableSpec, **_: object) -> TableData:
        return self.data


def shipped_source() -> dict:
    """The shipped register's YAML source as plain data, to change and build."""
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def build(src: dict, dest: Path, *, merge: list[str] = ()) -> Path:
    """Build ``src`` with the real builder to ``dest``; ``merge`` lists ranges to merge afterwards."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    render(WorkbookSource.model_validate(src)).save(dest)
    if merge:
        wb = load_workbook(dest)
        for ref in merge:
            wb["Risks"].merge_cells(ref)
        wb.save(dest)
    return dest


def register_rows(src: dict) -> list[list[object]]:
    return src["sheets"][0]["table"]["rows"]


def edited(changes: dict[tuple[int, str], object], *, drop_rows: bool = False) -> dict:
    """The shipped source with cells changed: ``{(5, "Probability"): "Med"}`` (Excel row, column)."""
    src = copy.deepcopy(shipped_source())
    cols = [c["name"] for c in src["sheets"][0]["table"]["columns"]]
    rows = register_rows(src)
    if drop_rows:
        rows.clear()
    for (excel_row, column), value in changes.items():
        rows[excel_row - 5][cols.index(column)] = value
    return src


def png_cells(png_or_array, boxes: dict, threshold: int = 90) -> dict:
    """For each grid cell box: (fill colour near its top-left corner, dark pixels in its middle)."""
    import io

    import numpy as np
    from matplotlib.image import imread

    img = png_or_array if not isinstance(png_or_array, bytes) else imread(io.BytesIO(png_or_array))
    img = np.asarray(img, dtype=float)
    if img.max() <= 1.0:
        img = img * 255
    img = img[:, :, :3].round().astype(int)
    out = {}
    for cell, (x0, y0, x1, y1) in boxes.items():
        w, h = x1 - x0, y1 - y0
        middle = img[y0 + h // 4: y1 - h // 4, x0 + w // 8: x1 - w // 8]
        out[cell] = (tuple(int(v) for v in img[y0 + 6, x0 + 6]), int((middle.max(axis=2) < threshold).sum()))
    return out


def colour_regions(img, colour: str, tolerance: int = 14, min_pixels: int = 400) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (left, top, right, bottom) of the connected regions of ``colour`` (#RRGGBB) in an RGB array."""
    import numpy as np

    rgb = np.array([int(colour[k:k + 2], 16) for k in (1, 3, 5)])
    mask = (np.abs(img[:, :, :3].astype(int) - rgb).max(axis=2) <= tolerance)
    seen = np.zeros_like(mask)
    boxes = []
    height, width = mask.shape
    for y, x in zip(*np.nonzero(mask)):
        if seen[y, x]:
            continue
        stack, count = [(y, x)], 0
        seen[y, x] = True
        x0 = x1 = x
        y0 = y1 = y
        while stack:
            cy, cx = stack.pop()
            count += 1
            x0, x1, y0, y1 = min(x0, cx), max(x1, cx), min(y0, cy), max(y1, cy)
            for ny, nx in ((cy + 1, cx), (cy - 1, cx), (cy, cx + 1), (cy, cx - 1)):
                if 0 <= ny < height and 0 <= nx < width and mask[ny, nx] and not seen[ny, nx]:
                    seen[ny, nx] = True
                    stack.append((ny, nx))
        if count >= min_pixels:
            boxes.append((int(x0), int(y0), int(x1), int(y1)))
    return boxes

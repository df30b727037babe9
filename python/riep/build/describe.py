"""A plain description of a workbook's content, for comparing a committed workbook with its source.

Two workbooks with the same description hold the same values, formulas, number formats,
tables, validations, conditional formats, names, frozen panes and print settings, whatever
the zip timestamps say.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

__all__ = ["describe"]


def describe(path: str | Path) -> dict:
    """Everything a person would notice about a workbook, as nested plain data."""
    wb = load_workbook(path)
    out: dict = {"names": {n: d.attr_text for n, d in wb.defined_names.items()}, "sheets": {}}
    for ws in wb.worksheets:
        cells = {
            c.coordinate: (c.value if not hasattr(c.value, "isoformat") else c.value.isoformat(), c.number_format)
            for row in ws.iter_rows() for c in row if c.value is not None
        }
        out["sheets"][ws.title] = {
            "cells": cells,
            "tables": {t.displayName: (t.ref, [c.name for c in t.tableColumns]) for t in ws.tables.values()},
            "validations": sorted((str(dv.sqref), dv.type, dv.formula1, dv.formula2) for dv in ws.data_validations.dataValidation),
            "conditional": sorted((str(rng.sqref), tuple(r.formula or ())) for rng in ws.conditional_formatting
                                  for r in rng.rules),
            "freeze": ws.freeze_panes,
            "print": (ws.page_setup.orientation, ws.print_title_rows),
            "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
        }
    return out

"""Render a :class:`~riep.build.source.WorkbookSource` as an Excel-native workbook with openpyxl.

Every sheet gets a title, a named Table with a header row, £k/£/date number formats,
data-validation lists on coded columns (extended below the table for new rows), frozen
headers, print settings (landscape, fit to width, header row repeated) and fixed document
properties so rebuilding gives the same workbook.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from riep.build.source import NUMBER_FORMATS, SheetSource, Validation, WorkbookSource, load_source
from riep.table import col_letter
from riep.xlsx.layout import fit_row
from riep.xlsx.writer import atomic_save

__all__ = ["render", "build_workbook", "build_all", "HEADER_ROW"]

HEADER_ROW = 4  # title, subtitle, blank line, then the table header
_FIXED_TIME = dt.datetime(2009, 5, 19, 9, 0, 0)  # the Year Two Delivery Plan's date, for reproducible builds


def _cell_value(value: object, kind: str) -> object:
    if kind == "date" and isinstance(value, str) and not value.startswith("="):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _validation(v: Validation | list[str], ref: str) -> DataValidation:
    if isinstance(v, list):
        v = Validation(choices=v)
    if v.choices is not None:
        dv = DataValidation(type="list", formula1='"' + ",".join(v.choices) + '"', allow_blank=v.allow_blank)
    elif v.source:
        dv = DataValidation(type="list", formula1=v.source.lstrip("="), allow_blank=v.allow_blank)
    elif v.whole:
        dv = DataValidation(type="whole", operator="between", formula1=str(v.whole[0]), formula2=str(v.whole[1]),
                            allow_blank=v.allow_blank)
    elif v.decimal:
        dv = DataValidation(type="decimal", operator="between", formula1=str(v.decimal[0]),
                            formula2=str(v.decimal[1]), allow_blank=v.allow_blank)
    else:
        dv = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=v.allow_blank)
    dv.error = "Choose a value from the list." if (v.choices or v.source) else "Enter a value in the allowed range."
    dv.errorTitle = "Not allowed"
    dv.showErrorMessage = True
    if v.prompt:
        dv.prompt, dv.showInputMessage = v.prompt, True
    dv.add(ref)
    return dv


def _sheet(wb: Workbook, s: SheetSource) -> None:
    ws = wb.create_sheet(s.name)
    ws["A1"] = s.title
    ws["A1"].font = Font(bold=True, size=14)
    if s.subtitle:
        ws["A2"] = s.subtitle
        ws["A2"].font = Font(italic=True, color="595959")
    t = s.table
    top = HEADER_ROW
    for j, col in enumerate(t.columns):
        head = ws.cell(row=top, column=j + 1, value=col.name)
        head.alignment = Alignment(wrap_text=True, vertical="top")
        fit_row(ws, top, col.name, col.width)
        ws.column_dimensions[col_letter(j)].width = col.width
    for i, row in enumerate(t.rows, start=1):
        for j, (value, col) in enumerate(zip(row, t.columns)):
            cell = ws.cell(row=top + i, column=j + 1, value=_cell_value(value, col.type))
            cell.number_format = NUMBER_FORMATS[col.type]
            cell.alignment = Alignment(wrap_text=col.wrap, vertical="top")  # a wrapped row reads across from its top
            if col.wrap:
                fit_row(ws, top + i, cell.value, col.width)
    last = top + max(len(t.rows), 1)
    ref = f"A{top}:{col_letter(len(t.columns) - 1)}{last}"
    table = Table(displayName=t.name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=t.style, showRowStripes=True)
    ws.add_table(table)
    for j, col in enumerate(t.columns):
        letter = col_letter(j)
        if col.validation:
            ws.add_data_validation(_validation(col.validation, f"{letter}{top + 1}:{letter}{last + t.validation_rows}"))
    for cf in t.conditional:
        j = next(k for k, c in enumerate(t.columns) if c.name == cf.column)
        letter = col_letter(j)
        fill = PatternFill(start_color=cf.fill, end_color=cf.fill, fill_type="solid")
        font = Font(color=cf.font) if cf.font else None
        ws.conditional_formatting.add(f"{letter}{top + 1}:{letter}{last}",
                                      FormulaRule(formula=[cf.formula.lstrip("=")], fill=fill, font=font))
    for k, note in enumerate(s.notes):
        ws.cell(row=last + 2 + k, column=1, value=note).alignment = Alignment(wrap_text=False)
    ws.freeze_panes = f"A{top + 1}"
    ws.page_setup.orientation = "landscape" if s.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{top}:{top}"
    ws.oddHeader.center.text = "&A"
    ws.oddFooter.center.text = "Page &P of &N"
    if s.tab_color:
        ws.sheet_properties.tabColor = s.tab_color


def render(src: WorkbookSource) -> Workbook:
    """The openpyxl workbook for ``src``."""
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in src.sheets:
        _sheet(wb, sheet)
    for name, ref in src.names.items():
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
    wb.properties.title = src.title
    wb.properties.subject = src.subject
    wb.properties.creator = "riep"
    wb.properties.lastModifiedBy = "riep"
    wb.properties.created = _FIXED_TIME
    wb.properties.modified = _FIXED_TIME
    wb.calculation.fullCalcOnLoad = True
    return wb


def build_workbook(source: str | Path, out_dir: str | Path) -> Path:
    """Build one source into ``out_dir``; returns the workbook's path."""
    src = load_source(source)
    return atomic_save(render(src), Path(out_dir) / src.file)


def build_all(src_dir: str | Path, out_dir: str | Path) -> list[Path]:
    """Build every ``*.yaml`` source in ``src_dir``."""
    return [build_workbook(p, out_dir) for p in sorted(Path(src_dir).glob("*.yaml"))]

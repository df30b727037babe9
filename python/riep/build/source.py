"""The YAML source format of a shipped workbook (see ``docs/workbook-sources.md``).

A source names the workbook and lists its sheets; a sheet has a title, optional notes and
one named Excel Table with typed columns (``text``, ``k`` for £k, ``pounds``, ``millions``,
``number``, ``int``, ``percent``, ``date``), data-validation lists and rows. A cell value
starting with ``=`` is a formula.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import ConfigDict, Field, ValidationError

from riep.errors import InputError
from riep.model import Model

__all__ = ["ColumnSource", "TableSource", "SheetSource", "WorkbookSource", "load_source", "NUMBER_FORMATS",
           "Validation", "ConditionalFormat"]

NUMBER_FORMATS = {
    "text": "@",
    "k": '£#,##0"k";[Red]-£#,##0"k"',
    "pounds": "£#,##0;[Red]-£#,##0",
    "millions": '£#,##0.00"m";[Red]-£#,##0.00"m"',
    "number": "#,##0.###",
    "int": "0",
    "percent": "0.0%",
    "date": "dd/mm/yyyy",
    "general": "General",
}


class _Model(Model):
    model_config = ConfigDict(extra="forbid")


class Validation(_Model):
    """Data validation for a column: a list of choices, a list from a range, or whole numbers/dates in a range."""

    choices: list[str] | None = None
    source: str | None = Field(default=None, description="A range formula for the list, e.g. =Lists!$A$2:$A$60.")
    whole: tuple[int, int] | None = None
    decimal: tuple[float, float] | None = None
    date: bool = False
    allow_blank: bool = True
    prompt: str | None = None


class ColumnSource(_Model):
    name: str
    type: Literal["text", "k", "pounds", "millions", "number", "int", "percent", "date", "general"] = "text"
    width: float = 14
    validation: Validation | list[str] | None = None
    wrap: bool = False


class ConditionalFormat(_Model):
    """Formula-based conditional format over a column: ``formula`` uses the first data row, e.g. ``$G5="Red"``."""

    column: str
    formula: str
    fill: str
    font: str | None = None


class TableSource(_Model):
    name: str
    style: str = "TableStyleMedium2"
    columns: list[ColumnSource]
    rows: list[list[object]] = Field(default_factory=list)
    conditional: list[ConditionalFormat] = Field(default_factory=list)
    validation_rows: int = Field(200, description="Rows below the table that keep the validation, for new entries.")


class SheetSource(_Model):
    name: str
    title: str
    subtitle: str | None = None
    table: TableSource
    notes: list[str] = Field(default_factory=list)
    landscape: bool = True
    tab_color: str | None = None


class WorkbookSource(_Model):
    file: str
    title: str
    subject: str | None = None
    sheets: list[SheetSource]
    names: dict[str, str] = Field(default_factory=dict, description="Defined names -> references.")


def load_source(path: str | Path) -> WorkbookSource:
    """Read and validate one YAML source."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("file not found", file=path) from None
    except yaml.YAMLError as exc:
        raise InputError(f"is not valid YAML ({str(exc).splitlines()[0]})", file=path) from None
    try:
        src = WorkbookSource.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}", file=path) from None
    for sheet in src.sheets:
        width = len(sheet.table.columns)
        for i, row in enumerate(sheet.table.rows, start=1):
            if len(row) != width:
                raise InputError(f"sheet {sheet.name} row {i} has {len(row)} values for {width} columns", file=path)
    return src

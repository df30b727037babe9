"""The workbook open in Excel as a :class:`~riep.table.TableSource`, so jobs run on it unchanged.

The Excel add-in receives the open workbook as an xlwings ``Book``: with xlwings Server it
is built from the book JSON Excel's Office.js client sends (every sheet's values, its named
Tables, its names); with classic desktop xlwings it is the live workbook. Values come with
the book; formulas do not (Office.js leaves them out to keep requests small), so the ribbon
sends the formulas of the tables' cells alongside as ``{sheet: {A1 address: formula}}``.

Differences from reading an .xlsx (``riep.xlsx.reader``): Excel has always calculated every
formula, so cached values are never missing; merged cells are not in the book JSON, so the
merged-cells check of the file reader does not apply here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from riep.errors import InputError
from riep.table import TableData, TableSpec, col_index, match_headers

__all__ = ["BookSource", "Formulas", "parse_address"]

Formulas = dict[str, dict[str, str]]
"""Formulas of the cells that have one: sheet name -> A1 address -> formula text."""

_RANGE = re.compile(r"^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$")


def parse_address(address: str) -> tuple[int, int, int, int]:
    """``'A4:H12'`` (sheet prefix and ``$`` allowed) -> 1-based (first row, first column, last row, last column)."""
    bare = address.split("!")[-1].upper()
    m = _RANGE.match(bare)
    if not m:
        raise ValueError(f"not an A1 range: {address!r}")
    c1, r1 = col_index(m.group(1)) + 1, int(m.group(2))
    c2, r2 = (col_index(m.group(3)) + 1, int(m.group(4))) if m.group(3) else (c1, r1)
    return r1, c1, r2, c2


@dataclass
class _Table:
    name: str
    sheet: Any  # the xlwings Sheet
    header_row: int
    first_col: int  # 1-based
    last_col: int
    last_row: int
    has_data: bool


@dataclass
class BookSource:
    """A :class:`~riep.table.TableSource` over an xlwings ``Book`` (remote or desktop)."""

    book: Any
    formulas: Formulas = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._tables: dict[str, _Table] = {}
        for sheet in self.book.sheets:
            for table in sheet.tables:
                address = table.range.address if table.range is not None else None
                if not address:
                    continue
                r1, c1, r2, c2 = parse_address(address)
                body = table.data_body_range
                self._tables[table.name.lower()] = _Table(
                    name=table.name, sheet=sheet, header_row=r1, first_col=c1, last_col=c2, last_row=r2,
                    has_data=body is not None and r2 > r1,
                )

    @property
    def file(self) -> str:
        return str(self.book.name)

    @property
    def table_names(self) -> list[str]:
        return [t.name for t in self._tables.values()]

    def has_table(self, name: str) -> bool:
        return name.lower() in self._tables

    def table(
        self,
        spec: TableSpec,
        *,
        aliases: dict[str, list[str]] | None = None,
        required: bool = True,
        value_columns: tuple[str, ...] = (),
        formula_columns: tuple[str, ...] = (),
    ) -> TableData | None:
        """Read one named table against its contract (see :class:`riep.table.TableSource`)."""
        t = self._tables.get(spec.name.lower())
        if t is None:
            if not required:
                return None
            found = ", ".join(self.table_names) or "none"
            raise InputError(
                f"has no Excel Table named '{spec.name}' (tables found: {found}); select the range and use "
                f"Insert > Table, then name it {spec.name} under Table Design",
                file=self.file,
            )
        sheet_name = str(t.sheet.name)
        block = t.sheet.range((t.header_row, t.first_col), (t.last_row, t.last_col)).options(
            ndim=2, err_to_str=True, empty=None
        ).value
        headers, rows = block[0], (block[1:] if t.has_data else [])
        first_col0 = t.first_col - 1
        mapping = match_headers(spec, list(headers), file=self.file, sheet=sheet_name, header_row=t.header_row,
                                first_col=first_col0, extra_aliases=aliases)
        data = pd.DataFrame({name: [_number(r[idx - first_col0]) for r in rows] for name, idx in mapping.items()},
                            dtype=object)
        data = data.astype(object).where(data.notna(), None).replace({"": None})
        data["_row"] = list(range(t.header_row + 1, t.header_row + 1 + len(rows)))
        contract = list(mapping)
        if len(data):
            data = data[data[contract].notna().any(axis=1)].reset_index(drop=True)
        result = TableData(name=t.name, sheet=sheet_name, header_row=t.header_row, columns=mapping,
                           frame=data, file=self.file)
        sheet_formulas = self.formulas.get(sheet_name, {})
        for col in (*formula_columns, *value_columns):
            if col not in mapping:
                continue
            for r in data["_row"]:
                addr = result.cell(col, int(r))
                formula = sheet_formulas.get(addr)
                if formula and formula.startswith("="):
                    result.formulas[addr] = formula
        return result


def _number(value: object) -> object:
    """Numbers as the file reader gives them (floats); JSON turns whole numbers into ints."""
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value

"""Tables as the rules see them: named columns of raw cell values, each row with its Excel address.

A :class:`TableSpec` is the contract a workbook's named Excel Table must meet (its columns,
which are required, other words accepted for them). :func:`match_headers` applies it to
the header row a workbook actually has, case- and space-insensitively. A :class:`TableData`
holds the rows as a pandas frame of raw values (numbers, text, blanks as ``None``, error
values as ``'#REF!'`` strings) plus the sheet, first row and column letters needed to
point at any cell. Nothing here reads a file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import numpy as np
import pandas as pd

from riep.errors import InputError

__all__ = [
    "ColumnSpec",
    "TableSpec",
    "TableData",
    "norm_header",
    "match_headers",
    "col_letter",
    "col_index",
    "ERROR_VALUES",
    "is_error_value",
    "per_distinct",
    "TableSource",
]

T = TypeVar("T")

ERROR_VALUES = ("#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "#SPILL!", "#CALC!")


def is_error_value(value: object) -> bool:
    """True for Excel error values such as ``#REF!``."""
    return isinstance(value, str) and value.strip().upper() in ERROR_VALUES


def per_distinct(col: pd.Series, fn: Callable[[Any], T]) -> list[T]:
    """``fn`` of every cell of ``col``, worked out once per distinct value (a 200k-row column of years or
    themes has a handful). Blank cells (``None`` or NaN) are one value, passed to ``fn`` as NaN."""
    codes, uniques = pd.factorize(col, use_na_sentinel=False)
    answers = np.empty(len(uniques), dtype=object)  # filled one by one: an answer may itself be a tuple
    for k, value in enumerate(uniques):
        answers[k] = fn(value)
    return answers[codes].tolist()


def norm_header(text: object) -> str:
    """Header words compared case- and space-insensitively: ``' Amount  (£K)'`` -> ``'amount(£k)'``."""
    return re.sub(r"\s+", "", str(text or "")).lower()


def col_letter(index: int) -> str:
    """0-based column index to letters: 0 -> A, 27 -> AB."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_index(letters: str) -> int:
    """Column letters to a 0-based index: A -> 0, AB -> 27."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a table contract."""

    name: str
    required: bool = True
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableSpec:
    """The contract for one named Excel Table."""

    name: str
    columns: tuple[ColumnSpec, ...]
    description: str = ""

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)


@dataclass
class TableData:
    """A table's rows: ``frame`` has one column per contract column found, plus ``_row`` (Excel row)."""

    name: str
    sheet: str
    header_row: int
    columns: dict[str, int]
    frame: pd.DataFrame
    file: str = ""
    formulas: dict[str, str] = field(default_factory=dict)

    def cell(self, column: str, row: int) -> str:
        """A1 address of ``column`` on Excel row ``row``."""
        return f"{col_letter(self.columns[column])}{row}"

    def header_cell(self, column: str) -> str:
        return self.cell(column, self.header_row)

    @property
    def rows(self) -> list[int]:
        return self.frame["_row"].tolist()

    def formula(self, column: str, row: int) -> str | None:
        """The formula in a cell, if the reader collected it (total cells only)."""
        return self.formulas.get(self.cell(column, row))


def match_headers(
    spec: TableSpec,
    headers: list[object],
    *,
    file: str,
    sheet: str,
    header_row: int,
    first_col: int,
    extra_aliases: dict[str, list[str]] | None = None,
) -> dict[str, int]:
    """Map each contract column to its 0-based sheet column, or raise naming the missing header.

    ``extra_aliases`` are the workbook-specific words from the ``[headers.<Table>]`` settings.
    """
    found = {norm_header(h): first_col + i for i, h in enumerate(headers) if norm_header(h)}
    mapping: dict[str, int] = {}
    extra_aliases = extra_aliases or {}
    for col in spec.columns:
        words = (col.name, *col.aliases, *extra_aliases.get(col.name, []))
        hit = next((found[norm_header(w)] for w in words if norm_header(w) in found), None)
        if hit is not None:
            same = [first_col + i for i, h in enumerate(headers) if norm_header(h) == norm_header(headers[hit - first_col])]
            if len(same) > 1:  # which of them holds the figures? guessing would read the wrong column without a word
                cells = " and ".join(f"{col_letter(c)}{header_row}" for c in same)
                raise InputError(
                    f"table '{spec.name}' has the header '{str(headers[same[0] - first_col]).strip()}' twice ({cells}); rename one of "
                    "them so riep knows which column to read", file=file, sheet=sheet, cell=f"{col_letter(same[1])}{header_row}")
            mapping[col.name] = hit
        elif col.required:
            unknown = [str(h) for h in headers if norm_header(h) and not _claimed(norm_header(h), spec, extra_aliases)]
            hint = f" (headers not recognised: {', '.join(repr(u) for u in unknown)})" if unknown else ""
            raise InputError(
                f"table '{spec.name}' has no '{col.name}' column{hint}; rename the header or map it "
                f"under [headers.{spec.name}] in riep.toml",
                file=file,
                sheet=sheet,
                cell=f"{col_letter(first_col)}{header_row}",
            )
    return mapping


def _claimed(header: str, spec: TableSpec, extra: dict[str, list[str]]) -> bool:
    for col in spec.columns:
        if header in {norm_header(w) for w in (col.name, *col.aliases, *extra.get(col.name, []))}:
            return True
    return False


class TableSource(Protocol):
    """Where tables come from: an .xlsx file (``riep.xlsx.reader.Workbook``) or the workbook open in
    Excel (the add-in's book JSON). Jobs read through this, so the CLI and the add-in share every rule."""

    @property
    def file(self) -> str:
        """The name findings use for this workbook."""
        ...

    @property
    def table_names(self) -> list[str]: ...

    def has_table(self, name: str) -> bool: ...

    def table(
        self,
        spec: TableSpec,
        *,
        aliases: dict[str, list[str]] | None = None,
        required: bool = True,
        value_columns: tuple[str, ...] = (),
        formula_columns: tuple[str, ...] = (),
    ) -> TableData | None:
        """Read one named table against its contract.

        ``value_columns``: amount/date columns whose blank cells must be looked at again for
        error values. ``formula_columns``: columns whose formulas are wanted (total cells);
        their formulas land in ``TableData.formulas`` and their cached values in the frame.
        """
        ...

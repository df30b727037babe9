"""The allocation workbook as the rules see it: typed lines, funding streams and stated totals.

:func:`prepare` turns the three raw tables into a :class:`Book`: years normalised to
``2009/10``, amounts split into numbers and the raw text or error value that stopped them
being numbers, every row keeping its cell address. Malformed values are not errors here;
the rules report them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from riep.cellvalue import Amount, cell_number, cell_text, norm_name
from riep.checks.tables import AMOUNT_K, FUNDING_KINDS, FUNDING_STATUSES, STATED_K
from riep.fy import normalise_year
from riep.money import Unit, parse_unit
from riep.table import TableData, per_distinct

__all__ = ["Stream", "Stated", "StatedValue", "Book", "prepare", "norm_name"]


@dataclass(frozen=True)
class Stream:
    """One row of the Funding table."""

    year: str | None
    year_raw: object
    name: str
    source: str
    kind: str | None
    kind_raw: object
    status: str | None
    status_raw: object
    amount: Amount
    unit: Unit | None
    unit_raw: object
    notes: str
    row: int

    @property
    def amount_k(self) -> float | None:
        if self.amount.value is None or self.unit is None:
            return None
        return self.amount.value * self.unit.per_k


@dataclass(frozen=True)
class Stated:
    """One row of the StatedTotals table: the figure as typed, or its formula."""

    year: str | None
    year_raw: object
    scope: str
    amount: Amount
    formula: str | None
    row: int


@dataclass
class StatedValue:
    """A stated total with the figure the rules compare (``None`` when there is none to compare)."""

    stated: Stated
    value: float | None
    cell: str


@dataclass
class Book:
    """The prepared allocation workbook."""

    file: str
    allocation: TableData
    lines: pd.DataFrame  # year, year_raw, theme, theme_key, programme, line, raw, kind, amount_k, row
    stated: list[Stated]
    stated_table: TableData | None
    funding: list[Stream] = field(default_factory=list)
    funding_table: TableData | None = None

    def themes(self, year: str) -> dict[str, str]:
        """The year's themes: loose key -> name as written (first spelling seen)."""
        of_year = self.lines.loc[self.lines["year"] == year, ["theme_key", "theme"]].drop_duplicates("theme_key")
        return {k: t for k, t in zip(of_year["theme_key"], of_year["theme"]) if k}

    def years(self) -> list[str]:
        ys = set(self.lines["year"].dropna().unique()) | {s.year for s in self.stated if s.year} | {
            s.year for s in self.funding if s.year
        }
        return sorted(ys)


_KIND_OF_TYPE = {float: "number", int: "number", type(None): "blank"}


def _kinds(raw: list[object]) -> list[str]:
    """:func:`~riep.cellvalue.cell_number` kinds for a whole column; only non-numbers go through the slow path."""
    kinds = [_KIND_OF_TYPE.get(type(v), "") for v in raw]
    for i, k in enumerate(kinds):
        if not k or (k == "number" and raw[i] != raw[i]):  # text/error/bool, or a NaN blank
            kinds[i] = cell_number(raw[i]).kind
    return kinds


def _plain(col: pd.Series) -> list[object]:
    """Names used only in messages: blanks become '', everything else is kept as typed (fast on 200k rows)."""
    return col.astype(object).where(col.notna(), "").tolist()


def _choice(value: object, allowed: tuple[str, ...]) -> str | None:
    key = norm_name(value)
    return next((a for a in allowed if norm_name(a) == key), None)


def prepare(allocation: TableData, stated: TableData | None, funding: TableData | None) -> Book:
    """Type the three raw tables. Only ``allocation`` is required."""
    amount_col = AMOUNT_K
    f = allocation.frame
    raw = f[amount_col].tolist() if len(f) else []
    kinds = _kinds(raw)
    lines = pd.DataFrame(
        {
            "year": per_distinct(f["Year"], normalise_year) if len(f) else [],
            "year_raw": f["Year"].tolist() if len(f) else [],
            "theme": per_distinct(f["Theme"], cell_text) if len(f) else [],
            "theme_key": per_distinct(f["Theme"], lambda v: norm_name(cell_text(v))) if len(f) else [],
            "programme": _plain(f["Programme"]) if "Programme" in f and len(f) else [""] * len(f),
            "line": _plain(f["Line"]) if len(f) else [],
            "raw": raw,
            "kind": kinds,
            "row": f["_row"].tolist() if len(f) else [],
        },
        dtype=object,  # names stay plain Python objects: no string-dtype inference on 200k rows
    )
    lines["amount_k"] = pd.array([v if k == "number" else float("nan") for v, k in zip(raw, kinds)], dtype="float64")
    lines["row"] = lines["row"].astype("int64")
    stated_rows: list[Stated] = []
    if stated is not None:
        col = STATED_K
        for rec in stated.frame.to_dict("records"):
            row = int(rec["_row"])
            stated_rows.append(
                Stated(
                    year=normalise_year(rec["Year"]),
                    year_raw=rec["Year"],
                    scope=cell_text(rec["Scope"]),
                    amount=cell_number(rec[col]),
                    formula=stated.formula(col, row),
                    row=row,
                )
            )
    streams: list[Stream] = []
    if funding is not None:
        for rec in funding.frame.to_dict("records"):
            streams.append(
                Stream(
                    year=normalise_year(rec["Year"]),
                    year_raw=rec["Year"],
                    name=cell_text(rec["Stream"]),
                    source=cell_text(rec.get("Source")),
                    kind=_choice(rec["Kind"], FUNDING_KINDS),
                    kind_raw=rec["Kind"],
                    status=_choice(rec["Status"], FUNDING_STATUSES),
                    status_raw=rec["Status"],
                    amount=cell_number(rec["Amount"]),
                    unit=parse_unit(rec["Unit"]),
                    unit_raw=rec["Unit"],
                    notes=cell_text(rec.get("Notes")),
                    row=int(rec["_row"]),
                )
            )
    return Book(
        file=allocation.file,
        allocation=allocation,
        lines=lines,
        stated=stated_rows,
        stated_table=stated,
        funding=streams,
        funding_table=funding,
    )



"""The Balances table as the rules see it: typed lines, and the stream-years they add up to.

:func:`prepare` types the raw table: years normalised to ``2009/10``, each amount split into
a number or the text/error value that stopped it being one, approximate flags parsed. Lines
of the same stream and year are added up into one :class:`StreamYear` (a ledger may have one
line per commitment), keeping the cells each figure came from. It also takes the stated
budget (``Funding total``) and the allocation of each year from the allocation workbook's
``StatedTotals`` and ``Allocation`` tables when they are there. Nothing here reads a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from riep.cellvalue import cell_text, norm_name
from riep.fy import normalise_year
from riep.reconcile.tables import FIGURE_COLUMNS, FIGURES
from riep.table import TableData, col_letter, is_error_value, per_distinct

__all__ = ["Figure", "StreamYear", "Stated", "Ledger", "prepare", "norm_name", "parse_approximate", "MAX_CELLS"]

MAX_CELLS = 30  # a figure spread over more lines than this is shown as a value, not a SUM of cells


_ALL_WORDS = {"all", "yes", "y", "true", "x", "approximate", "approx"}


def parse_approximate(text: object) -> tuple[frozenset[str], list[str]]:
    """``'Closing'`` -> ({'closing'}, []); ``'all'``/``'yes'`` -> every figure; unknown words come back second."""
    s = cell_text(text)
    if not s or s.lower() in {"no", "n", "false", "-"}:
        return frozenset(), []
    found: set[str] = set()
    unknown: list[str] = []
    for word in re.split(r"[,;/&+]|\band\b", s):
        key = norm_name(word)
        if not key:
            continue
        if key in _ALL_WORDS:
            found.update(FIGURES)
        elif key in FIGURES or key in {norm_name(c) for c in FIGURE_COLUMNS.values()}:
            found.add(next(f for f in FIGURES if key.startswith(f)))
        else:
            unknown.append(word.strip())
    return frozenset(found), unknown


@dataclass(frozen=True)
class Figure:
    """One figure of a stream-year: the sum of its lines' numbers (``None`` if every line is blank)."""

    value: float | None
    rows: tuple[int, ...] = ()  # Excel rows holding a number for it (the first MAX_CELLS + 1)
    count: int = 0
    approximate: bool = False


@dataclass(frozen=True)
class StreamYear:
    """A stream in one year: its five figures, where they are, and whether any cell could not be read."""

    year: str
    stream: str
    key: str
    figures: dict[str, Figure]
    first_row: int
    last_row: int
    unreadable: bool = False
    sheet: str = "Balances"
    columns: dict[str, str] = field(default_factory=dict)  # figure -> column letter

    def value(self, name: str) -> float | None:
        return self.figures[name].value

    def num(self, name: str) -> float:
        """The figure, blank read as nothing (0)."""
        v = self.figures[name].value
        return 0.0 if v is None else v

    def approx(self, name: str) -> bool:
        return self.figures[name].approximate

    @property
    def calculated_closing(self) -> float:
        """Opening + funding - committed."""
        return self.num("opening") + self.num("funding") - self.num("committed")

    @property
    def available(self) -> float:
        """Opening + funding: the money the stream has this year."""
        return self.num("opening") + self.num("funding")

    def cell(self, name: str) -> str | None:
        """The cell of a figure (its first line holding a number, else the stream's last line)."""
        letter = self.columns.get(name)
        if letter is None:
            return None
        rows = self.figures[name].rows
        return f"{letter}{rows[0] if rows else self.last_row}"

    def cells(self, name: str) -> list[str]:
        letter = self.columns.get(name)
        return [f"{letter}{r}" for r in self.figures[name].rows] if letter else []


@dataclass(frozen=True)
class Stated:
    """A figure from another table: the stated budget or the allocation of a year, with where it is."""

    year: str
    value: float
    sheet: str
    cell: str
    formula: str  # a live Excel formula giving the same figure on the reconciliation sheet


@dataclass
class Ledger:
    """The prepared Balances table of one workbook."""

    file: str
    table: TableData
    lines: pd.DataFrame
    streams: list[StreamYear]
    unknown_approximate: list[tuple[int, str]] = field(default_factory=list)
    budgets: dict[str, Stated] = field(default_factory=dict)
    allocations: dict[str, Stated] = field(default_factory=dict)

    def years(self) -> list[str]:
        return sorted({s.year for s in self.streams} | set(self.budgets))

    def get(self, year: str, key: str) -> StreamYear | None:
        return self._index.get((year, key))

    def of_year(self, year: str) -> list[StreamYear]:
        return [s for s in self.streams if s.year == year]

    def stream_keys(self) -> list[str]:
        """Every stream, in the order it first appears (by year, then row)."""
        seen: dict[str, None] = {}
        for s in self.streams:
            seen.setdefault(s.key, None)
        return list(seen)

    def name(self, key: str) -> str:
        return next(s.stream for s in self.streams if s.key == key)

    def __post_init__(self) -> None:
        self._index = {(s.year, s.key): s for s in self.streams}


def _classify(raw: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Vectorised: each cell's number (NaN if none) and kind: number / blank / text / error."""
    if pd.api.types.infer_dtype(raw, skipna=True) in ("floating", "integer", "mixed-integer-float", "empty"):
        values = pd.to_numeric(raw, errors="coerce").astype(float)  # numbers and blanks only: the usual case
        return values, np.where(values.notna().to_numpy(), "number", "blank").astype(object)
    types = raw.map(type)
    is_num = types.isin([int, float]).to_numpy()
    is_str = types.eq(str).to_numpy()
    values = pd.to_numeric(raw.where(is_num), errors="coerce")
    kind = np.full(len(raw), "blank", dtype=object)
    kind[is_num & values.notna().to_numpy()] = "number"
    if is_str.any():
        strings = raw[is_str].tolist()
        kind[is_str] = ["blank" if not s.strip() else "error" if is_error_value(s) else "text" for s in strings]
    other = ~(is_num | is_str) & raw.notna().to_numpy()
    kind[other] = "text"  # booleans, dates: not amounts
    return values, kind


def prepare(balances: TableData, budgets: dict[str, Stated] | None = None,
            allocations: dict[str, Stated] | None = None) -> Ledger:
    """Type the Balances table and add its lines up per stream and year."""
    f = balances.frame
    n = len(f)
    lines = pd.DataFrame({
        "row": f["_row"].astype(int).to_numpy() if n else [],
        "year_raw": f["Year"].to_numpy() if n else [],
        "year": per_distinct(f["Year"], normalise_year) if n else [],
        "stream": per_distinct(f["Stream"], cell_text) if n else [],
    })
    lines["key"] = per_distinct(lines["stream"], norm_name) if n else []
    approx_col = f["Approximate"] if "Approximate" in f else pd.Series([None] * n, dtype=object)
    parsed = per_distinct(approx_col, parse_approximate) if n else []
    for name in FIGURES:
        column = FIGURE_COLUMNS[name]
        raw = f[column] if column in f else pd.Series([None] * n, dtype=object, index=f.index)
        values, kind = _classify(raw) if n else (pd.Series([], dtype=float), np.array([], dtype=object))
        lines[f"v_{name}"] = values.to_numpy()
        lines[f"k_{name}"] = kind
        lines[f"b_{name}"] = (kind == "text") | (kind == "error")  # a cell that is not a number and not blank
        lines[f"r_{name}"] = raw.to_numpy()
        lines[f"a_{name}"] = [name in p[0] for p in parsed]
    unknown = [(int(r), w) for r, p in zip(lines["row"], parsed) for w in p[1]]
    letters = {name: col_letter(balances.columns[FIGURE_COLUMNS[name]])
               for name in FIGURES if FIGURE_COLUMNS[name] in balances.columns}
    streams = _group(lines, balances.sheet, letters)
    return Ledger(file=balances.file, table=balances, lines=lines, streams=streams,
                  unknown_approximate=unknown, budgets=budgets or {}, allocations=allocations or {})


def _group(lines: pd.DataFrame, sheet: str, letters: dict[str, str]) -> list[StreamYear]:
    ok = lines[lines["year"].notna() & lines["key"].ne("")]
    if ok.empty:
        return []
    gid = ok.groupby(["year", "key"], sort=False).ngroup().to_numpy()  # one integer per stream-year
    ok = ok.assign(gid=gid)
    g = ok.groupby("gid", sort=True)
    first = g["row"].min().to_dict()
    last = g["row"].max().to_dict()
    head = g[["year", "key", "stream"]].first()
    bad = ok[[f"b_{name}" for name in FIGURES]].any(axis=1).groupby(ok["gid"]).any().to_dict()
    per_fig: dict[str, tuple[dict, dict, dict, dict]] = {}
    for name in FIGURES:
        has = ok[ok[f"v_{name}"].notna()]
        hg = has.groupby("gid", sort=False)
        rows = hg.head(MAX_CELLS + 1).groupby("gid", sort=False)["row"].agg(tuple)
        per_fig[name] = (hg[f"v_{name}"].sum().to_dict(), rows.to_dict(), hg["row"].size().to_dict(),
                         g[f"a_{name}"].any().to_dict())
    out: list[StreamYear] = []
    for k, year, key, stream in zip(head.index, head["year"], head["key"], head["stream"]):
        figures = {}
        for name, (sums, rows_of, counts, approx) in per_fig.items():
            figures[name] = Figure(
                value=float(sums[k]) if k in sums else None,
                rows=tuple(int(r) for r in rows_of.get(k, ())),
                count=int(counts.get(k, 0)),
                approximate=bool(approx[k]),
            )
        out.append(StreamYear(year=year, stream=str(stream), key=key, figures=figures, first_row=int(first[k]),
                              last_row=int(last[k]), unreadable=bool(bad[k]), sheet=sheet, columns=letters))
    out.sort(key=lambda s: (s.year, s.first_row))
    return out

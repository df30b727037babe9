"""``riep show``: every table of a workbook as aligned plain text, stable enough for ``git diff``.

No row numbers and no colour, so inserting a row shows as one added line; numbers are
right-aligned and written without a trailing ``.0``; a cell's line breaks become spaces.
"""

from __future__ import annotations

from riep.identity import identity_value
from riep.table import TableData, col_letter

__all__ = ["render_tables", "aligned"]


def aligned(header: list[str], rows: list[list[str]], numeric: list[bool]) -> list[str]:
    """Columns padded to their widest cell, two spaces apart; numeric ones right-aligned; trailing spaces trimmed."""
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(len(header))]
    return ["  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(r, widths, numeric)).rstrip()
            for r in [header, *rows]]


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def render_tables(tables: list[TableData], file_name: str) -> str:
    """Each table: a heading with its sheet and range, then its header and rows."""
    out = [f"# {file_name}: {len(tables)} table{'s' * (len(tables) != 1)}"]
    for t in tables:
        cols = sorted(t.columns, key=t.columns.__getitem__)
        records = t.frame.to_dict("records")
        last = max([t.header_row, *(int(r["_row"]) for r in records)])
        span = f"{col_letter(t.columns[cols[0]])}{t.header_row}:{col_letter(t.columns[cols[-1]])}{last}" if cols else ""
        out += ["", f"## {t.name} (sheet {t.sheet}, {span}, {len(records)} row{'s' * (len(records) != 1)})"]
        numeric = [any(_is_number(r[c]) for r in records) and all(_is_number(r[c]) or r[c] is None for r in records)
                   for c in cols]
        out += aligned(cols, [[identity_value(r[c]) for c in cols] for r in records], numeric)
    return "\n".join(out) + "\n"

"""``riep check`` on generated allocation workbooks of 1k, 20k and 200k lines.

Reports the time of the whole check (open, read the tables, apply every rule) as a ratio to
a bare python-calamine read of the same Allocation sheet in the same run. Target: at most
1.5x at 200k lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.table import Table, TableColumn

from measure import measure, ratio_line

__all__ = ["generate", "main"]

THEMES = ["Performance", "LSPs/LAAs", "Efficiency", "Skills and Capacity", "Other"]


def _table(name: str, ref: str, headers: list[str]) -> Table:
    t = Table(displayName=name, ref=ref)
    t.tableColumns = [TableColumn(id=i + 1, name=h) for i, h in enumerate(headers)]
    return t


def generate(path: Path, n: int) -> Path:
    """An allocation workbook with ``n`` lines over five themes, subtotals and a grand total that cross-cast."""
    if path.exists():
        return path
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Allocation")
    heads = ["Year", "Theme", "Programme", "Line", "Amount (£k)", "Notes"]
    ws.append(heads)
    sums = dict.fromkeys(THEMES, 0)
    for i in range(n):
        theme = THEMES[i % 5]
        amount = (i * 37) % 900 + 10
        sums[theme] += amount
        ws.append(["2009/10", theme, f"Programme {i % 40}", f"Line {i}", amount, ""])
    ws.add_table(_table("Allocation", f"A1:F{n + 1}", heads))
    st = wb.create_sheet("StatedTotals")
    st_heads = ["Year", "Scope", "Stated (£k)", "Notes"]
    st.append(st_heads)
    for theme in THEMES:
        st.append(["2009/10", theme, sums[theme], ""])
    st.append(["2009/10", "Grand total", sum(sums.values()), ""])
    st.add_table(_table("StatedTotals", "A1:D7", st_heads))
    fu = wb.create_sheet("Funding")
    fu_heads = ["Year", "Stream", "Source", "Kind", "Status", "Amount", "Unit", "Notes"]
    fu.append(fu_heads)
    fu.append(["2009/10", "Grant", "CLG", "grant", "received", sum(sums.values()) / 1000 + 1, "£m", ""])
    fu.add_table(_table("Funding", "A1:H2", fu_heads))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def main(sizes: tuple[int, ...] = (1_000, 20_000, 200_000)) -> list[str]:
    out = Path(__file__).parent / "results"
    lines = []
    for n in sizes:
        p = generate(out / f"allocation_{n}.xlsx", n)
        baseline = measure("import python_calamine as pc",
                           f"pc.CalamineWorkbook.from_path({str(p)!r}).get_sheet_by_name('Allocation').to_python()")
        subject = measure(
            "from riep.xlsx.reader import open_workbook\nfrom riep import checks\n"
            "from riep.settings import Settings",
            f"r = checks.evaluate(checks.read(open_workbook({str(p)!r}), Settings()), Settings())\nassert r.summary.errors == 0, r.findings",
        )
        lines.append(ratio_line(f"check {n:>7,} lines", subject, baseline))
        print(lines[-1], flush=True)
    return lines


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or (1_000, 20_000, 200_000))

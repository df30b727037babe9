"""``riep reconcile`` on a generated multi-year ledger: 50 streams x 10 years x 1,000 lines (500,000 lines).

Each stream-year has an opening line (the previous year's closing), 998 lines of new funding
or commitments and a closing line, so the whole ledger closes and carries forward. Reports
the time of the whole reconcile (open, read the tables, add the lines up, apply every rule)
as a ratio to a bare python-calamine read of the same Balances sheet in the same run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.table import Table, TableColumn

from measure import measure, ratio_line

__all__ = ["generate", "main"]

HEADS = ["Year", "Stream", "Opening (£k)", "Funding (£k)", "Committed (£k)", "Spent (£k)", "Closing (£k)",
         "Approximate", "Notes"]


def generate(path: Path, streams: int, years: int, lines: int) -> Path:
    """A Balances ledger of ``streams x years x lines`` rows that closes every year."""
    if path.exists():
        return path
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Balances")
    ws.append(HEADS)
    n = 0
    for s in range(streams):
        closing = None
        for y in range(years):
            year = f"{2008 + y}/{str(2009 + y)[-2:]}"
            name = f"Stream {s:02d}"
            ws.append([year, name, closing, None, None, None, None, None, "brought forward"])
            balance = closing or 0
            for k in range(1, lines - 1):
                if k % 2:
                    amount = 10 + (s + y + k) % 7
                    ws.append([year, name, None, amount, None, None, None, None, None])
                    balance += amount
                else:
                    amount = 8 + (s + k) % 5
                    ws.append([year, name, None, None, amount, amount - 1, None, None, None])
                    balance -= amount
            ws.append([year, name, None, None, None, None, balance, None, "carried forward"])
            closing = balance
            n += lines
    t = Table(displayName="Balances", ref=f"A1:I{n + 1}")
    t.tableColumns = [TableColumn(id=i + 1, name=h) for i, h in enumerate(HEADS)]
    ws.add_table(t)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def main(streams: int = 50, years: int = 10, lines: int = 1_000) -> list[str]:
    p = generate(Path(__file__).parent / "results" / f"ledger_{streams}x{years}x{lines}.xlsx", streams, years, lines)
    baseline = measure("import python_calamine as pc",
                       f"pc.CalamineWorkbook.from_path({str(p)!r}).get_sheet_by_name('Balances').to_python()")
    subject = measure(
        "from riep.xlsx.reader import open_workbook\nfrom riep import reconcile\n"
        "from riep.settings import Settings",
        f"r = reconcile.evaluate(reconcile.read(open_workbook({str(p)!r}), Settings()), Settings())\n"
        f"assert r.summary.errors == 0 and r.summary.warnings == 0, r.findings[:3]",
    )
    label = f"reconcile {streams}x{years}x{lines:,} lines"
    line = ratio_line(label, subject, baseline)
    print(line, flush=True)
    return [line]


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:4]))

"""The reconciliation sheet: per stream a corkscrew laid out by year, the year totals, and the
budget build-up with a native column (waterfall) chart, all as live formulas over the Balances cells.

A person who edits a figure in Balances sees every balance here move. Rows whose figures do
not close are filled; the cells of the Balances table the findings are about are highlighted
by the findings sheet that goes with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from riep.findings import FileReport, Severity
from riep.money import XL_HEADROOM_K, XL_K, fmt_k
from riep.reconcile.model import MAX_CELLS, Ledger, StreamYear
from riep.safetext import Formula
from riep.sheets import SEVERITY_FILL, Chart, Column, Link, SheetContent
from riep.table import col_letter

__all__ = ["reconciliation_sheet", "SHEET_NAME", "LINE_LABELS", "budget_year"]

SHEET_NAME = "Reconciliation"
LINE_LABELS = (
    "Opening (brought forward)",
    "+ Funding",
    "- Committed",
    "Closing (calculated)",
    "Closing as stated",
    "Difference (stated - calculated)",
    "Next year's opening",
    "Not carried forward (closing - next opening)",
)
_FMT = XL_K
_APPROX_FILL = SEVERITY_FILL[Severity.INFO]
_NAME_WIDTH = 30
_ROW_PT = 15  # a printed row of one line
_PAGE_PT = 700  # what an A4 portrait page holds below its margins, header and footer
_BUILD_UP, _TOTAL = "8EA9C1", "44546A"  # neutral: money coming in, and the budget it makes
_SURPLUS, _SHORTFALL = "548235", "C00000"  # headroom left (green) or allocation beyond the budget (red)


def _figure(sy: StreamYear, name: str) -> object:
    """A live formula for one figure: the Balances cell(s) it comes from (blank stays blank)."""
    fig = sy.figures[name]
    if fig.count > MAX_CELLS:
        return fig.value
    cells = [f"'{sy.sheet}'!{c}" for c in sy.cells(name)]
    if len(cells) > 1:
        return Formula(f"=SUM({','.join(cells)})")
    ref = f"'{sy.sheet}'!{sy.cell(name)}"
    return Formula(f'=IF(ISBLANK({ref}),"",{ref})')


def _link(sy: StreamYear, name: str) -> Link | None:
    cell = sy.cell(name)
    return Link(sheet=sy.sheet, cell=cell) if cell else None


def budget_year(ledger: Ledger) -> str | None:
    """The year whose budget build-up is charted: the latest with a stated budget, else the latest year."""
    years = ledger.years()
    stated = [y for y in years if y in ledger.budgets]
    chosen = stated or years
    return chosen[-1] if chosen else None


class _Rows:
    """The sheet's rows as they are built, with the Excel row number each one lands on."""

    def __init__(self, top: int, width: int) -> None:
        self.top, self.width = top, width
        self.rows: list[list[object]] = []
        self.fills: dict[int, str] = {}
        self.links: dict[tuple[int, int], Link] = {}
        self.hidden: list[int] = []
        self.formats: dict[int, str] = {}

    def add(self, values: Sequence[object], fill: str | None = None,
            links: dict[int, Link | None] | None = None) -> int:
        """Append a row (``links``: column index -> where that cell links to); returns its Excel row number."""
        self.rows.append([*values] + [""] * (self.width - len(values)))
        if fill:
            self.fills[len(self.rows) - 1] = fill
        for col, link in (links or {}).items():
            if link is not None:
                self.links[(len(self.rows) - 1, col)] = link
        return self.top + len(self.rows)


def reconciliation_sheet(ledger: Ledger, report: FileReport) -> SheetContent:
    """The Reconciliation sheet for ``ledger`` and the findings ``report`` made of it."""
    years = ledger.years()
    ycol = {y: col_letter(2 + k) for k, y in enumerate(years)}
    columns = [Column(name="Stream", width=_NAME_WIDTH), Column(name="Corkscrew (£k)", width=46)]
    columns += [Column(name=y, width=12, number_format=_FMT) for y in years]
    columns.append(Column(name="Status", width=80))
    rows = _Rows(top=4, width=len(columns))
    by_scope: dict[tuple[str, str], list] = {}
    for f in report.findings:
        by_scope.setdefault((f.rule, f.scope or ""), []).append(f)

    blocks: list[dict[str, int]] = []
    for key in ledger.stream_keys():
        name = ledger.name(key)
        have = {y: ledger.get(y, key) for y in years}
        r: dict[str, int] = {}
        for i, label in enumerate(LINE_LABELS):
            r[label] = rows.top + len(rows.rows) + 1  # the Excel row this line is written to
            values: list[object] = [name if i == 0 else "", label]
            status: list[str] = []
            fill = None
            target: Link | None = None
            for y in years:
                sy = have[y]
                c = ycol[y]
                if sy is None:
                    values.append("")
                    continue
                fig = {0: "opening", 1: "funding", 2: "committed", 4: "closing"}.get(i)
                if fig is not None:
                    values.append(_figure(sy, fig))
                    if sy.approx(fig):
                        status.append(f"approximate in {y}")
                        fill = _APPROX_FILL
                        target = target or _link(sy, fig)
                elif i == 3:
                    o, fu, co = (r[LINE_LABELS[k]] for k in range(3))
                    values.append(Formula(f"=N({c}{o})+N({c}{fu})-N({c}{co})"))
                elif i == 5:
                    values.append(Formula(f'=IF({c}{r[LINE_LABELS[4]]}="","",{c}{r[LINE_LABELS[4]]}-{c}{r[LINE_LABELS[3]]})'))
                    for f in by_scope.get(("REC-001", f"{sy.stream} {y}"), []):
                        status.append(f"{y}: does not close by {fmt_k(f.difference or 0)}")
                        fill = SEVERITY_FILL[Severity.ERROR]
                        target = target or _link(sy, "closing")
                    if sy.value("closing") is None:
                        status.append(f"{y}: no closing balance")
                        target = target or _link(sy, "closing")
                elif i == 6:
                    nxt = years[years.index(y) + 1] if years.index(y) + 1 < len(years) else None
                    values.append(Formula(f"={ycol[nxt]}{r[LINE_LABELS[0]]}") if nxt and have[nxt] is not None else "")
                elif i == 7:
                    cl, no = r[LINE_LABELS[4]], r[LINE_LABELS[6]]
                    values.append(Formula(f'=IF(OR({c}{cl}="",{c}{no}=""),"",{c}{cl}-{c}{no})'))
                    for rid in ("REC-002", "REC-003"):
                        scope = f"{sy.stream} {y}" if rid == "REC-003" else f"{sy.stream} {_next(y)}"
                        for f in by_scope.get((rid, scope), []):
                            status.append(f"{y}: {f.message}")
                            fill = SEVERITY_FILL[f.severity]
                            if f.sheet and f.cell:
                                target = target or Link(sheet=f.sheet, cell=f.cell)
            values.append("; ".join(status))
            first = next(sy for sy in have.values() if sy is not None)
            # a link cannot wrap where it is printed (LibreOffice), so a name longer than its column is left unlinked
            home = Link(sheet=first.sheet, cell=f"B{first.first_row}") if i == 0 and len(name) < _NAME_WIDTH else None
            rows.add(values, fill, {0: home, 1: target if status else None})  # the label links: the status wraps
        blocks.append(r)
        rows.add([])

    streams_end = len(rows.rows)
    totals = _totals(rows, ledger, years, ycol, blocks)
    chart = _build_up(rows, ledger, years, ycol, totals, blocks)
    # the totals and their chart print on one page: a new page for them when the sheet does not fit on one
    # (its title, header and note rows, then the chart)
    tall = (len(rows.rows) + 7) * _ROW_PT + (chart.height_cm * 72 / 2.54 if chart else 0)
    breaks = [streams_end] if tall > _PAGE_PT and streams_end else []
    s = report.summary
    return SheetContent(
        name=SHEET_NAME,
        title="Reconciliation: carry-forwards across financial years (£k)",
        subtitle=f"{report.path}: {s.text()}. Figures are live formulas "
                 "over the Balances table; edit a figure there and the balances here move.",
        columns=columns,
        rows=rows.rows,
        row_fills=rows.fills,
        row_formats=rows.formats,
        links=rows.links,
        charts=[chart] if chart else [],
        hidden_rows=rows.hidden,
        page_breaks=breaks,
        notes=["Each stream: opening + funding - committed = closing, and the closing is the next year's opening. "
               "Blue rows hold approximate figures; red rows do not close."],
    )


def _next(year: str) -> str:
    start = int(year[:4]) + 1
    return f"{start}/{str(start + 1)[-2:]}"


def _totals(rows: _Rows, ledger: Ledger, years: list[str], ycol: dict[str, str],
            blocks: list[dict[str, int]]) -> dict[str, int]:
    """The 'All streams' block: sums per year, the stated budget and the allocation."""
    out: dict[str, int] = {}
    for i, label in enumerate(("Opening balances", "+ New funding", "- Committed", "Closing (calculated)")):
        line = LINE_LABELS[i]
        cells = [[f"{ycol[y]}{b[line]}" for b in blocks] for y in years]
        # no figure in any stream stays blank: a sum of nothing is not a made-up 0
        out[label] = rows.add(["All streams" if i == 0 else "", label]
                              + [Formula(f'=IF(COUNT({",".join(c)})=0,"",SUM({",".join(c)}))') for c in cells])
    avail = rows.add(["", "Available (openings + funding)"]
                     + [Formula(f"=N({ycol[y]}{out['Opening balances']})+N({ycol[y]}{out['+ New funding']})")
                        for y in years])
    out["available"] = avail
    stated = [ledger.budgets[y] for y in years if y in ledger.budgets]
    budget = rows.add(["", "Budget as stated"] + [Formula(ledger.budgets[y].formula) if y in ledger.budgets else "" for y in years],
                      links={1: Link(sheet=stated[0].sheet, cell=stated[0].cell) if stated else None})
    out["budget"] = budget
    rows.add(["", "Budget difference (available - stated)"]
             + [Formula(f'=IF({ycol[y]}{budget}="","",{ycol[y]}{avail}-{ycol[y]}{budget})') for y in years])
    given = [ledger.allocations[y] for y in years if y in ledger.allocations]
    alloc = rows.add(["", "Allocation"] + [Formula(ledger.allocations[y].formula) if y in ledger.allocations else ""
                                           for y in years],
                     links={1: Link(sheet=given[0].sheet, cell=given[0].cell) if given else None})
    out["allocation"] = alloc
    out["headroom"] = rows.add(["", "Headroom (available - allocation)"]
                               + [Formula(f'=IF({ycol[y]}{alloc}="","",{ycol[y]}{avail}-{ycol[y]}{alloc})') for y in years])
    rows.formats[len(rows.rows) - 1] = XL_HEADROOM_K  # "none" when nothing is left
    rows.add([])
    return out


def _build_up(rows: _Rows, ledger: Ledger, years: list[str], ycol: dict[str, str], totals: dict[str, int],
              blocks: list[dict[str, int]]) -> Chart | None:
    """Chart data (label, invisible base, amount) and a stacked column chart drawn as a waterfall."""
    year = budget_year(ledger)
    if year is None:
        return None
    c = ycol[year]
    head = rows.add([f"Budget build-up {year}", "Base (not drawn)", "£k"])
    steps: list[tuple[str, str]] = []
    total = 0.0
    for fig, line, what in (("opening", LINE_LABELS[0], "carried forward"), ("funding", LINE_LABELS[1], "funding")):
        for key, b in zip(ledger.stream_keys(), blocks):
            sy = ledger.get(year, key)
            if sy is not None and sy.value(fig):
                steps.append((f"{sy.stream}: {what}", Formula(f"=N({c}{b[line]})")))
                total += sy.value(fig) or 0
    first = None
    prev = None
    for label, formula in steps:
        r = rows.add([label, Formula(f"=B{prev}+C{prev}") if prev else 0, formula])
        first = first or r
        prev = r
    budget = rows.add(["Budget (openings + funding)", 0, Formula(f"=SUM(C{first}:C{prev})") if first else 0])
    last = budget
    fills = {k: _BUILD_UP for k in range(len(steps))} | {len(steps): _TOTAL}
    outside: list[int] = []
    if year in ledger.allocations:
        alloc = Formula(ledger.allocations[year].formula)
        a = rows.add(["Less allocation", Formula(f"=MAX(0,C{budget}-C{budget + 1})"), alloc])
        last = rows.add(["Headroom", 0, Formula(f"=C{budget}-C{a}")])
        rows.formats[len(rows.rows) - 1] = XL_HEADROOM_K  # its bar's label reads "none" when nothing is left
        left = total - ledger.allocations[year].value
        fills |= {len(steps) + 1: _BUILD_UP, len(steps) + 2: _SURPLUS if left >= 0 else _SHORTFALL}
        if abs(left) < 0.15 * max(abs(total), abs(ledger.allocations[year].value), 1):
            outside.append(len(steps) + 2)  # a short bar: its label stands beside it, on the plot's white
    # the helper figures are hidden (on screen and in print); the chart sits under the totals and the note
    rows.hidden.extend(range(head - rows.top - 1, last - rows.top))
    return Chart(kind="bar", title=f"Budget build-up {year} (£k)", anchor=f"A{last + 4}", width_cm=24,
                 height_cm=2.5 + 1.0 * (last - head),
                 categories=f"A{head + 1}:A{last}", values=[f"B{head + 1}:B{last}", f"C{head + 1}:C{last}"],
                 series_names=["Base", "£k"], stacked=True, invisible_series=[0], point_fills=fills,
                 outside_labels=outside)

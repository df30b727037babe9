"""The Monitoring sheet a Board can read: budget, committed, spent, forecast outturn, variance and RAG by line and
theme, the year's position against the money available with capital and revenue apart, and ring-fenced money.

Every figure is a live formula over the cells it comes from (Allocation, Monitoring, StatedTotals,
RingFenced), so a figure edited there moves here; the values it recalculates to are the ones
the findings report (:func:`riep.monitor.rules.position` works them out once).
"""

from __future__ import annotations

from collections.abc import Sequence

from riep.money import XL_HEADROOM_K, XL_K, XL_K_SIGNED
from riep.monitor.read import Cell, MonitorBook
from riep.monitor.rules import NOT_RATED, LinePosition, Position
from riep.safetext import Formula
from riep.settings import MonitorSettings
from riep.sheets import Column, Link, SheetContent

__all__ = ["SHEET_NAME", "monitoring_sheet", "POSITION_LABELS"]

SHEET_NAME = "Budget monitoring"
_FILL = {"Red": "F8CBAD", "Amber": "FFE699", "Green": "C6EFCE"}
_BOLD_FILL = "D9E1F2"
POSITION_LABELS = (
    "Money available (stated Funding total)", "of which capital", "of which revenue", "Allocation (stated grand total)",
    "Itemised in lines", "Not itemised in any line", "Forecast outturn on the lines",
    "Forecast outturn, with the allocation not itemised", "Headroom against the money available",
    "Capital forecast outturn", "Revenue forecast outturn",
)


def _sum(cells: Sequence[Cell], default: str) -> str:
    return "=" + "+".join(c.ref for c in cells) if cells else default


class _Rows:
    def __init__(self, top: int) -> None:
        self.top, self.rows, self.fills = top, [], {}  # type: ignore[var-annotated]
        self.links: dict[tuple[int, int], Link] = {}
        self.formats: dict[int, str] = {}

    def add(self, values: Sequence[object], fill: str | None = None, links: dict[int, Cell] | None = None) -> int:
        # the figure columns (Budget to RAG) hold the formulas riep builds; Theme, Line and Note hold cells' text
        self.rows.append([Formula(v) if 2 <= j <= 7 and isinstance(v, str) and v.startswith("=") else v
                          for j, v in enumerate(list(values) + [""] * (9 - len(values)))])
        if fill:
            self.fills[len(self.rows) - 1] = fill
        for col, cell in (links or {}).items():
            self.links[(len(self.rows) - 1, col)] = Link(sheet=cell.sheet, cell=cell.cell)
        return self.top + len(self.rows) - 1


def _rag(row: int, s: MonitorSettings) -> str:
    return (f'=IF(G{row}>{s.tolerance_k:g},"Red",IF(-G{row}>C{row}*{s.slippage_pct:g}/100+{s.tolerance_k:g},'
            f'"Amber","Green"))')


def _line_row(out: _Rows, lp: LinePosition, s: MonitorSettings) -> int:
    """One line: its figures link to the cells they come from (the line's name is plain text, so it wraps). A line
    the plan gives no figure has a blank budget and is not rated; one with no figures this month has blank
    committed and spent, its forecast taken as its budget, and is not rated either."""
    r = out.top + len(out.rows)
    rated = lp.rating(s)
    budget = f"=N({lp.line.budget.ref})" if lp.line.budget else ""
    if lp.entries:
        figures = [_sum(lp.cells("committed"), ""), _sum(lp.cells("spent"), ""), _sum(lp.cells("forecast"), "")]
    else:
        figures = ["", "", f"=C{r}" if lp.line.budget else ""]
    note = "" if lp.entries else ("no figures this month: forecast = budget" if lp.line.budget
                                  else "no figure in the plan")
    if any(e.funding == "capital" for e in lp.entries):
        note = "includes capital"
    links = {2: lp.line.budget} if lp.line.budget else {}
    if lp.entries:
        links[5] = lp.entries[-1].forecast
    return out.add([lp.line.theme, lp.line.name, budget, *figures, f"=F{r}-C{r}" if lp.line.budget else "",
                    _rag(r, s) if rated != NOT_RATED else rated, note], fill=_FILL.get(rated), links=links)


def monitoring_sheet(book: MonitorBook, pos: Position, s: MonitorSettings) -> SheetContent:
    """The Monitoring sheet for the year of ``pos``."""
    out = _Rows(top=5)
    theme_rows: list[int] = []
    for theme, lines in pos.themes().items():
        first = out.top + len(out.rows)
        for lp in lines:
            _line_row(out, lp, s)
        last = out.top + len(out.rows) - 1
        r = out.top + len(out.rows)
        theme_rows.append(out.add([theme, f"{theme} total", *[f"=SUM({c}{first}:{c}{last})" for c in "CDEF"],
                                   f"=F{r}-C{r}", _rag(r, s)], fill=_BOLD_FILL))
    r = out.top + len(out.rows)
    total = out.add(["All themes", "Itemised lines total", *["=" + "+".join(f"{c}{t}" for t in theme_rows) for c in "CDEF"],
                     f"=F{r}-C{r}", _rag(r, s)], fill=_BOLD_FILL)
    out.add([])
    p = {}
    capital_cells = [e.forecast for lp in pos.lines for e in lp.entries if e.funding == "capital"]
    revenue_cells = [e.forecast for lp in pos.lines for e in lp.entries if e.funding == "revenue"]
    money = f"=N({pos.money.ref})" if pos.money else ""  # no stated Funding total: blank, and so what it gives
    grand = f"=N({pos.grand.ref})" if pos.grand else f"=C{total}"
    rows = {
        POSITION_LABELS[0]: money, POSITION_LABELS[1]: round(pos.capital_money, 6),
        POSITION_LABELS[2]: '=IF(C{0}="","",C{0}-C{1})', POSITION_LABELS[3]: grand, POSITION_LABELS[4]: f"=C{total}",
        POSITION_LABELS[5]: "=C{3}-C{4}", POSITION_LABELS[6]: f"=F{total}", POSITION_LABELS[7]: "=C{6}+C{5}",
        POSITION_LABELS[8]: '=IF(C{0}="","",C{0}-C{7})', POSITION_LABELS[9]: _sum(capital_cells, "=0"),
        POSITION_LABELS[10]: _sum(revenue_cells, "=0"),
    }
    first = out.top + len(out.rows)
    refs = [first + i for i in range(len(POSITION_LABELS))]
    for label, value in rows.items():
        text = value.format(*refs) if isinstance(value, str) else value
        p[label] = out.add([f"Year position {pos.year}", label, text],
                           links={2: pos.money} if label == POSITION_LABELS[0] and pos.money else None)
        if label == POSITION_LABELS[8]:
            out.formats[len(out.rows) - 1] = XL_HEADROOM_K  # "none" when nothing is left
    if book.ring:
        out.add([])
        out.add(["Ring-fenced (£)", "Stream", "Expected", "Received", "Paid on", "Held", "", "", "From / paid to"],
                fill=_BOLD_FILL)
        for rf in book.ring:
            r = out.top + len(out.rows)
            ref = lambda col, rf=rf: f"='{book.ring_sheet}'!{rf.cells[col]}" if col in rf.cells else ""  # noqa: E731
            status = "expected" if rf.received < rf.expected else ("paid on" if rf.paid >= rf.received else "held")
            out.add(["Ring-fenced (£)", rf.stream, ref("Expected (£)"), ref("Received (£)"), ref("Paid (£)"),
                     f"=D{r}-E{r}", "", status, f"{rf.source} / {rf.paid_to or 'not yet paid on'}"],
                    links={2: Cell(0, book.ring_sheet, rf.cells["Expected (£)"])} if "Expected (£)" in rf.cells else None)
    when = f"end of {pos.month:%B %Y}" if pos.month else "no figures yet"
    return SheetContent(
        name=SHEET_NAME,
        title=f"Budget monitoring {pos.year}: position at the {when}",
        subtitle=f"£k (ring-fenced in £). Budget from Allocation; committed, spent and forecast outturn from the latest "
                 f"Monitoring rows; variance = forecast - budget; RAG: Red over budget, Amber under by more than "
                 f"{s.slippage_pct:g}%, Green otherwise; not rated without a plan figure or this month's figures. "
                 "Capital and revenue are shown apart. Click a budget or forecast figure for the cell it comes from.",
        columns=[Column(name="Theme", width=22), Column(name="Line", width=56),
                 Column(name="Budget (£k)", width=12, number_format=XL_K),
                 Column(name="Committed (£k)", width=15, number_format=XL_K),
                 Column(name="Spent (£k)", width=12, number_format=XL_K),
                 Column(name="Forecast outturn (£k)", width=20, number_format=XL_K),
                 Column(name="Variance (£k)", width=14, number_format=XL_K_SIGNED),
                 Column(name="RAG", width=10, centred=True), Column(name="Note", width=36)],
        rows=out.rows, links=out.links, row_fills=out.fills, row_formats=out.formats,
        notes=["Illustrative figures where the workbook says so (see the Monitoring sheet's notes)."],
    )

"""The ``risks`` job (the risk register) as ``riep risks``, ``riep run`` and the ribbon run it.

Besides the findings, it writes the board's report: a ``Risk report`` sheet (every risk by
score, with the heat map picture) and a PDF (heat map, top risks, overdue reviews).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from riep import risks
from riep.findings import FileReport
from riep.report.organisation import workbook_name
from riep.risks import Register
from riep.risks.sheet import report_sheet
from riep.risks.summary import summarise
from riep.runners.base import Context, Job
from riep.sheets import SheetContent, findings_sheet
from riep.table import TableSource

if TYPE_CHECKING:
    from riep.pdf.heatmap import HeatMap

__all__ = ["JOB", "FINDINGS_SHEET", "pdf_bytes", "write_pdf"]

FINDINGS_SHEET = "RiskChecks"

_drawn: list[tuple[Register, HeatMap]] = []  # the last register's picture: a run draws it once for sheet and PDF


def _heat_map(reg: Register) -> HeatMap:
    """The heat map of ``reg``, drawn once however many outputs show it."""
    from riep.pdf.heatmap import heat_map

    if not (_drawn and _drawn[0][0] is reg):
        _drawn[:] = [(reg, heat_map(reg.risks, reg.scale))]
    return _drawn[0][1]


def _read(source: TableSource, ctx: Context) -> Register:
    return risks.read(source, ctx.settings)


def _evaluate(reg: Register, ctx: Context) -> FileReport:
    return risks.evaluate(reg, ctx.settings, ctx.as_of)


def _sheets(reg: Register, report: FileReport, ctx: Context) -> list[SheetContent]:
    summary = summarise(reg, report, ctx.as_of, ctx.settings.risks.top_risks)
    heat = _heat_map(reg)
    return [report_sheet(summary, heat.png, (heat.width_px, heat.height_px)),
            findings_sheet(report, name=FINDINGS_SHEET, title="Risk checks: the register's rules")]


def _figures(reg: Register, report: FileReport, ctx: Context) -> list[str]:
    return summarise(reg, report, ctx.as_of, ctx.settings.risks.top_risks).key_lines()


def pdf_bytes(reg: Register, report: FileReport, ctx: Context, file_name: str | None = None) -> bytes:
    """The board report for the register ``reg`` as PDF bytes (``file_name``: the name it is saved as)."""
    from riep.pdf.risks import report_pdf

    summary = summarise(reg, report, ctx.as_of, ctx.settings.risks.top_risks)
    name = file_name or f"{Path(reg.file).stem}.risks.pdf"
    cover = ctx.cover(f"Risk register report: {workbook_name(reg.file, ctx.title)}", name, report, [reg.file],
                      summary.key_lines())
    return report_pdf(summary, _heat_map(reg), report, cover)


def write_pdf(reg: Register, report: FileReport, ctx: Context, dest: Path) -> Path:
    """Write the board report for the register ``reg`` to ``dest`` (atomically)."""
    from riep.xlsx.writer import atomic_write

    data = pdf_bytes(reg, report, ctx, Path(dest).name)
    return atomic_write(dest, lambda tmp: tmp.write_bytes(data))


def _reports(reg: Register, report: FileReport, ctx: Context, out_dir: Path) -> list[Path]:
    if report.error:
        return []
    return [write_pdf(reg, report, ctx, Path(out_dir) / f"{Path(reg.file).stem}.risks.pdf")]


JOB = Job(name="risks", title="Risk register", recognises=risks.recognises, read=_read, evaluate=_evaluate,
          result_sheets=_sheets, write_reports=_reports, figures=_figures)

"""What a job is: a name, the workbooks it recognises, and how it runs over a table source.

Every job (check, reconcile, records, risks) is one :class:`Job`. ``evaluate`` works on a
:class:`~riep.table.TableSource`, so the CLI (reading an .xlsx) and the Excel add-in
(reading the open workbook) run exactly the same rules. ``result_sheets`` turns the
findings into neutral :class:`~riep.sheets.SheetContent` that the openpyxl writer
(``--write-sheet``) and the add-in both render; ``write_reports`` writes any further files
(PDFs, a records workbook) for ``riep run``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from riep.findings import FileReport
from riep.provenance import run_info
from riep.report.cover import Cover, cover_for
from riep.report.figures import key_figures
from riep.settings import Settings
from riep.sheets import SheetContent
from riep.table import TableSource

__all__ = ["Context", "Job"]


@dataclass(frozen=True)
class Context:
    """What every job may need besides the workbook: settings, the date to judge against, other files."""

    settings: Settings = field(default_factory=Settings)
    as_of: dt.date = field(default_factory=dt.date.today)
    allocation: Path | None = None  # the financial-allocation workbook, for jobs that read it too
    started_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())

    def cover(self, title: str, file_name: str, report: FileReport, sources: list[str | Path],
              figures: list[str] | None = None) -> Cover:
        """The first-page block of an output made from ``sources`` (the workbook first), with the job's key figures."""
        run = run_info(sources, self.as_of, self.started_at)
        return cover_for(title, file_name, report, run, self.settings.report.partnership, sources,
                         key_figures(report, figures))


@dataclass(frozen=True)
class Job:
    """One job ``riep run`` knows.

    - ``recognises(source)``: does this workbook have the tables this job needs?
    - ``evaluate(source, ctx)``: the findings (a :class:`FileReport`).
    - ``result_sheets(source, report, ctx)``: the sheets written into a copy of the workbook
      (``--write-sheet``) or by the ribbon button into the open workbook.
    - ``write_reports(path, report, ctx, out_dir)``: further files for ``riep run`` (optional);
      returns what it wrote.
    - ``figures(source, report, ctx)``: headline figures for the report's first page besides the key findings
      (optional; :mod:`riep.report.figures`).
    """

    name: str
    title: str
    recognises: Callable[[TableSource], bool]
    evaluate: Callable[[TableSource, Context], FileReport]
    result_sheets: Callable[[TableSource, FileReport, Context], list[SheetContent]]
    write_reports: Callable[[Path, FileReport, Context, Path], list[Path]] | None = None
    figures: Callable[[TableSource, FileReport, Context], list[str]] | None = None

"""What a job is: a name, the workbooks it recognises, and one shape for reading and running it.

Every job (check, reconcile, records, risks) is one :class:`Job`, and every job has the same
steps: ``read`` its workbook once into a value (the tables it needs, the cells it audits),
``evaluate`` that value into findings, turn value and findings into ``result_sheets`` (neutral
:class:`~riep.sheets.SheetContent` that the openpyxl writer and the add-in both render) and, for
``riep run``, ``write_reports`` (PDFs, a records workbook). ``read`` works on a
:class:`~riep.table.TableSource`, so the CLI (an .xlsx) and the Excel add-in (the open
workbook) run exactly the same rules; nothing after ``read`` opens the workbook again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from riep.findings import FileReport
from riep.report.organisation import document_title, organisation
from riep.settings import Settings
from riep.table import TableSource

if TYPE_CHECKING:
    from riep.records.funding import LineAmount
    from riep.report.cover import Cover
    from riep.sheets import SheetContent

__all__ = ["Context", "Job", "Outcome"]

V = TypeVar("V")


@dataclass(frozen=True)
class Context:
    """What every job may need besides the workbook: settings, the date to judge against, other files.

    ``allocation`` is the financial-allocation workbook the records job checks approvals against;
    ``allocation_lines`` is its Individual Authorities line by year once a run has read it (``riep run``
    reads it once for every job and file), ``None`` when not read yet. ``organisation`` and ``title`` are the
    partnership's name and the document title of the workbook a job runs on (:meth:`for_workbook`), ``None`` until
    known. ``open_book`` names the workbook open in Excel when the add-in runs the job: it is no file riep can hash.
    """

    settings: Settings = field(default_factory=Settings)
    as_of: dt.date = field(default_factory=dt.date.today)
    allocation: Path | None = None
    allocation_lines: dict[str, LineAmount] | None = None
    started_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())
    organisation: str | None = None
    title: str | None = None
    open_book: str | None = None

    def for_workbook(self, source: TableSource) -> Context:
        """This context for a job on ``source``, with its organisation (:func:`riep.report.organisation.organisation`;
        the document title is read from the file only when it is needed)."""
        return replace(self, organisation=organisation(self.settings, source, self.title))

    def cover(self, title: str, file_name: str, report: FileReport, sources: list[str | Path],
              figures: list[str] | None = None) -> Cover:
        """The first-page block of an output made from ``sources`` (the workbook first), with the job's key figures."""
        from riep.provenance import run_info
        from riep.registry import rules_version
        from riep.report.cover import cover_for
        from riep.report.figures import key_figures

        opened = [self.open_book] if self.open_book and sources and str(sources[0]) == self.open_book else []
        files = sources[len(opened):]
        run = run_info(files, self.as_of, self.started_at, rules_version())
        org = self.organisation if self.organisation is not None else organisation(
            self.settings, None, document_title(sources[0]) if sources else "")
        return cover_for(title, file_name, report, run, org, files, key_figures(report, figures), opened)


@dataclass(frozen=True)
class Outcome(Generic[V]):
    """A job's run over one workbook: the value it read, the findings, and the context it ran in (with the
    workbook's organisation and document title: what its reports are headed with)."""

    value: V
    report: FileReport
    ctx: Context


@dataclass(frozen=True)
class Job(Generic[V]):
    """One job ``riep run`` knows.

    - ``recognises(source)``: does this workbook have the tables this job needs?
    - ``read(source, ctx)``: the job's input, read once (raises :class:`~riep.errors.InputError`).
    - ``evaluate(value, ctx)``: the findings (a :class:`FileReport`).
    - ``result_sheets(value, report, ctx)``: the sheets written into a copy of the workbook
      (``--write-sheet``) or by the ribbon button into the open workbook.
    - ``write_reports(value, report, ctx, out_dir)``: further files for ``riep run`` (optional);
      returns what it wrote.
    - ``figures(source, report, ctx)``: headline figures for the report's first page besides the key findings
      (optional; :mod:`riep.report.figures`).
    """

    name: str
    title: str
    recognises: Callable[[TableSource], bool]
    read: Callable[[TableSource, Context], V]
    evaluate: Callable[[V, Context], FileReport]
    result_sheets: Callable[[V, FileReport, Context], list[SheetContent]]
    write_reports: Callable[[V, FileReport, Context, Path], list[Path]] | None = None
    figures: Callable[[V, FileReport, Context], list[str]] | None = None

    def run(self, source: TableSource, ctx: Context) -> Outcome[V]:
        """Read ``source`` once and evaluate it (in ``ctx`` for that workbook: :meth:`Context.for_workbook`)."""
        if ctx.organisation is None:
            ctx = ctx.for_workbook(source)
        value = self.read(source, ctx)
        return Outcome(value, self.evaluate(value, ctx), ctx)

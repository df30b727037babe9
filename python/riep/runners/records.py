"""The ``records`` job (support for individual authorities) as ``riep records``, ``riep run`` and the ribbon run it.

Besides the findings it writes, into the output folder, the records workbook
(``support_records.xlsx``: an index, one printable sheet per authority, the findings) and one
PDF per authority supported (``support_record_<authority>.pdf``). The Individual Authorities
line comes from the allocation workbook (``--allocation``, or the one ``riep run`` finds), read
once per run; the records are built once per workbook and shared by the sheets and the reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from riep import records
from riep.errors import RiepError
from riep.findings import FileReport
from riep.records import LineAmount, SupportBook
from riep.records.eligibility import EARLY_WARNING
from riep.records.funding import LINE_NOT_CHECKED, LINE_POSITION
from riep.records.record import Record, build_records
from riep.records.sheet import index_sheet
from riep.runners.base import Context, Job
from riep.sheets import Link, SheetContent, findings_sheet
from riep.table import TableSource
from riep.xlsx.reader import Workbook, open_workbook

__all__ = [
    "JOB", "FINDINGS_SHEET", "RECORDS_BOOK", "RecordsInput", "with_allocation", "pick_allocation", "records_for",
    "write_records", "pdf_name",
]

FINDINGS_SHEET = "RecordChecks"
RECORDS_BOOK = "support_records.xlsx"


@dataclass
class RecordsInput:
    """What the records job reads once: the support book, and the Individual Authorities line by year."""

    book: SupportBook
    lines: dict[str, LineAmount] | None
    allocation_file: str | None
    _built: dict[int, list[Record]] = field(default_factory=dict, repr=False)


def with_allocation(ctx: Context) -> Context:
    """``ctx`` with its allocation workbook's lines read (once; unchanged when read already or none is named)."""
    if ctx.allocation is None or ctx.allocation_lines is not None:
        return ctx
    return replace(ctx, allocation_lines=records.read_allocation_lines(open_workbook(ctx.allocation), ctx.settings))


def pick_allocation(candidates: list[Workbook], ctx: Context) -> Context:
    """``ctx`` with the allocation workbook ``riep run`` gives this job when none is named, and its lines: the
    first of ``candidates`` (already open) with an Individual Authorities line (the East Midlands fund has
    none), else the first that can be read, else none."""
    usable: list[tuple[Workbook, dict[str, LineAmount]]] = []
    for wb in candidates:
        try:
            lines = records.read_allocation_lines(wb, ctx.settings)
        except RiepError:
            continue
        if lines:
            return replace(ctx, allocation=wb.path, allocation_lines=lines)
        usable.append((wb, lines))
    if not usable:
        return ctx
    return replace(ctx, allocation=usable[0][0].path, allocation_lines=usable[0][1])


def _read(source: TableSource, ctx: Context) -> RecordsInput:
    book = records.read(source, ctx.settings)
    lines = with_allocation(ctx).allocation_lines
    return RecordsInput(book, lines, str(ctx.allocation) if ctx.allocation else None)


def _evaluate(value: RecordsInput, ctx: Context) -> FileReport:
    return records.evaluate(value.book, ctx.settings, ctx.as_of, value.lines, value.allocation_file)


def records_for(value: RecordsInput, report: FileReport, ctx: Context) -> list[Record]:
    """The per-authority records of the book in ``value`` (built once per report)."""
    key = id(report)
    if key not in value._built:
        value._built[key] = build_records(value.book, report, ctx.as_of, ctx.settings.records, value.lines)
    return value._built[key]


def _lines(report: FileReport, *rules: str) -> list[str]:
    return [f.message for f in report.findings if f.rule in rules]


def _sheets(value: RecordsInput, report: FileReport, ctx: Context) -> list[SheetContent]:
    book = value.book
    links = {}
    for case in book.cases:
        where = book.where("SupportCases", "Authority", case.row)
        if where["sheet"] and where["cell"]:
            links[case.authority] = Link(sheet=str(where["sheet"]), cell=str(where["cell"]))
    index = index_sheet(records_for(value, report, ctx), file=Path(book.file).name, links=links,
                        early_warning=_lines(report, EARLY_WARNING.id),
                        notes=_lines(report, LINE_POSITION.id, LINE_NOT_CHECKED.id))
    return [index, findings_sheet(report, name=FINDINGS_SHEET, title="Record checks: support for individual authorities")]


def pdf_name(authority: str, taken: set[str] | None = None) -> str:
    """``support_record_fenmarsh_district_council_illustrative.pdf``: an invented authority's marker stays in the name;
    at most 100 characters of the name, and ``_2``, ``_3``... when a name in ``taken`` is already the same file."""
    slug = re.sub(r"[^a-z0-9]+", "_", authority.lower())[:100].strip("_")
    name, k = f"support_record_{slug}.pdf", 2
    while taken is not None and name in taken:
        name, k = f"support_record_{slug}_{k}.pdf", k + 1
    if taken is not None:
        taken.add(name)
    return name


def write_records(value: RecordsInput, report: FileReport, ctx: Context, out_dir: Path) -> list[Path]:
    """Write the records workbook and one PDF per authority into ``out_dir``; returns what was written."""
    from riep.pdf.records import record_pdf
    from riep.xlsx.records import read_notes, write_records_workbook
    from riep.xlsx.writer import atomic_write

    built = records_for(value, report, ctx)
    dest = Path(out_dir) / RECORDS_BOOK
    findings = findings_sheet(report, name="Findings", title="Findings: support for individual authorities")
    findings = findings.model_copy(update={"links": {}, "highlights": {}})  # the cells are in the source workbook
    written = [write_records_workbook(
        dest, built, findings,
        early_warning=_lines(report, EARLY_WARNING.id), notes=_lines(report, LINE_POSITION.id, LINE_NOT_CHECKED.id))]
    typed = read_notes(dest)
    names: set[str] = set()
    for r in built:
        notes = typed.get(r.authority, {})
        by_row: dict[int, list[str]] = {}
        for (off, _col), note in sorted(notes.items()):
            by_row.setdefault(off, []).append(str(note))
        data = record_pdf(r, [" ".join(v) for _, v in sorted(by_row.items())])
        written.append(atomic_write(Path(out_dir) / pdf_name(r.authority, names), partial(Path.write_bytes, data=data)))
    return written


def _reports(value: RecordsInput, report: FileReport, ctx: Context, out_dir: Path) -> list[Path]:
    if report.error:
        return []
    return write_records(value, report, ctx, out_dir)


JOB = Job(name="records", title="Support records", recognises=records.recognises, read=_read, evaluate=_evaluate,
          result_sheets=_sheets, write_reports=_reports)

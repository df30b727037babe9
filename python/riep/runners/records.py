"""The ``records`` job (support for individual authorities) as ``riep records``, ``riep run`` and the ribbon run it.

Besides the findings it writes, into the output folder, the records workbook
(``support_records.xlsx``: an index, one printable sheet per authority, the findings) and one
PDF per authority supported (``support_record_<authority>.pdf``). The Individual Authorities
line comes from the allocation workbook (``--allocation``, or the one ``riep run`` finds).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial
from pathlib import Path

from riep.checks.tables import ALLOCATION
from riep.errors import RiepError
from riep.findings import FileReport
from riep.fy import normalise_year
from riep.records import LineAmount, evaluate, read_book, recognises
from riep.records.eligibility import EARLY_WARNING
from riep.records.funding import LINE_NOT_CHECKED, LINE_POSITION
from riep.records.pdf import record_pdf
from riep.records.record import Record, build_records
from riep.records.sheet import index_sheet
from riep.runners.base import Context, Job
from riep.sheets import Link, SheetContent, findings_sheet
from riep.table import TableSource, norm_header
from riep.xlsx.reader import open_workbook
from riep.xlsx.records import read_notes, write_records_workbook
from riep.xlsx.writer import atomic_write

__all__ = [
    "JOB", "FINDINGS_SHEET", "RECORDS_BOOK", "allocation_lines", "pick_allocation", "records_for", "write_records",
    "write_records_from",
    "pdf_name",
]

FINDINGS_SHEET = "RecordChecks"
RECORDS_BOOK = "support_records.xlsx"


def allocation_lines(ctx: Context) -> dict[str, LineAmount] | None:
    """The Individual Authorities line by year from ``ctx.allocation`` (``None`` when no workbook is given)."""
    if ctx.allocation is None:
        return None
    wb = open_workbook(ctx.allocation)
    table = wb.table(ALLOCATION, aliases=ctx.settings.headers.get(ALLOCATION.name), required=True)
    assert table is not None
    amount = ALLOCATION.columns[4].name
    wanted = norm_header(ctx.settings.records.allocation_line)
    out: dict[str, LineAmount] = {}
    for rec in table.frame.to_dict("records"):
        year = normalise_year(rec.get("Year"))
        value = rec.get(amount)
        if year is None or norm_header(rec.get("Line")) != wanted or not isinstance(value, (int, float)):
            continue
        row = int(rec["_row"])
        old = out.get(year)
        out[year] = LineAmount(year=year, amount_k=float(value) + (old.amount_k if old else 0.0), file=str(ctx.allocation),
                               sheet=table.sheet, cell=old.cell if old else table.cell(amount, row))
    return out


def pick_allocation(candidates: list[Path], ctx: Context) -> Path | None:
    """The allocation workbook ``riep run`` gives this job when none is named: the first of ``candidates`` with an
    Individual Authorities line (the East Midlands fund has none), else the first that can be read, else ``None``."""
    usable: list[Path] = []
    for path in candidates:
        try:
            lines = allocation_lines(replace(ctx, allocation=path))
        except RiepError:
            continue
        if lines:
            return path
        usable.append(path)
    return usable[0] if usable else None


def _evaluate(source: TableSource, ctx: Context) -> FileReport:
    return evaluate(source, ctx.settings, ctx.as_of, allocation_lines(ctx),
                    str(ctx.allocation) if ctx.allocation else None)


def records_for(source: TableSource, report: FileReport, ctx: Context) -> list[Record]:
    """The per-authority records of the workbook in ``source``."""
    return build_records(read_book(source, ctx.settings), report, ctx.as_of, ctx.settings.records,
                         allocation_lines(ctx))


def _lines(report: FileReport, *rules: str) -> list[str]:
    return [f.message for f in report.findings if f.rule in rules]


def _sheets(source: TableSource, report: FileReport, ctx: Context) -> list[SheetContent]:
    book = read_book(source, ctx.settings)
    records = build_records(book, report, ctx.as_of, ctx.settings.records, allocation_lines(ctx))
    links = {}
    for case in book.cases:
        where = book.where("SupportCases", "Authority", case.row)
        if where["sheet"] and where["cell"]:
            links[case.authority] = Link(sheet=str(where["sheet"]), cell=str(where["cell"]))
    index = index_sheet(records, file=Path(source.file).name, links=links,
                        early_warning=_lines(report, EARLY_WARNING.id),
                        notes=_lines(report, LINE_POSITION.id, LINE_NOT_CHECKED.id))
    return [index, findings_sheet(report, name=FINDINGS_SHEET, title="Record checks: support for individual authorities")]


def pdf_name(authority: str) -> str:
    """``support_record_fenmarsh_district_council.pdf`` (the illustrative marker is kept in the PDF, not the name)."""
    slug = re.sub(r"[^a-z0-9]+", "_", authority.lower().replace("(illustrative)", "")).strip("_")
    return f"support_record_{slug}.pdf"


def write_records(path: Path, report: FileReport, ctx: Context, out_dir: Path) -> list[Path]:
    """Write the records workbook and one PDF per authority into ``out_dir``; returns what was written."""
    return write_records_from(open_workbook(path), report, ctx, out_dir)


def write_records_from(source: TableSource, report: FileReport, ctx: Context, out_dir: Path) -> list[Path]:
    """:func:`write_records` for a workbook already open (the ribbon's: the workbook open in Excel)."""
    records = records_for(source, report, ctx)
    dest = Path(out_dir) / RECORDS_BOOK
    findings = findings_sheet(report, name="Findings", title="Findings: support for individual authorities")
    findings = findings.model_copy(update={"links": {}, "highlights": {}})  # the cells are in the source workbook
    written = [write_records_workbook(
        dest, records, findings,
        early_warning=_lines(report, EARLY_WARNING.id), notes=_lines(report, LINE_POSITION.id, LINE_NOT_CHECKED.id))]
    typed = read_notes(dest)
    for r in records:
        notes = typed.get(r.authority, {})
        by_row: dict[int, list[str]] = {}
        for (off, _col), value in sorted(notes.items()):
            by_row.setdefault(off, []).append(str(value))
        data = record_pdf(r, [" ".join(v) for _, v in sorted(by_row.items())])
        written.append(atomic_write(Path(out_dir) / pdf_name(r.authority), partial(Path.write_bytes, data=data)))
    return written


def _reports(path: Path, report: FileReport, ctx: Context, out_dir: Path) -> list[Path]:
    if report.error:
        return []
    return write_records(path, report, ctx, out_dir)


JOB = Job(name="records", title="Support records", recognises=recognises, evaluate=_evaluate, result_sheets=_sheets,
          write_reports=_reports)

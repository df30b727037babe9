"""``riep records``: check the support given to individual authorities and write their records (workbook + PDFs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from riep.cli.guard import guard_outputs
from riep.cli.jobcommand import context_options, emit, make_context, output_options, run_job

__all__ = ["command"]


@click.command("records")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--allocation", type=click.Path(dir_okay=False, path_type=Path),
              help="Financial-allocation workbook whose Individual Authorities line the approvals are checked against.")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the records workbook (support_records.xlsx) and one PDF per authority.")
@output_options
@context_options
def command(path: Path, allocation: Path | None, out: Path, fmt: str, output: Path | None, strict: bool,
            write_sheet: Path | None, config: Path | None, as_of: dt.datetime | None,
            baseline: Path | None) -> None:
    """Support records: eligibility with evidence, conditions of funding, lead Chief Executive time, the
    Improvement Board, progress reports, money against the £20,000 cap and the Individual Authorities line.

    PATH is the authority-support workbook. Exit 0: no errors; 1: errors found; 2: unusable input.
    """
    from riep.findings import RunReport
    from riep.jobs import job
    from riep.runners.records import write_records

    ctx = make_context(config, as_of, allocation)
    guard_outputs((path, allocation, baseline), files=(output, write_sheet), folders=(out,))
    report, outcome = run_job(job("records"), path, ctx, write_sheet)
    if outcome is not None and not report.error:
        write_records(outcome.value, report, outcome.ctx, out)
    emit(RunReport(files=[report]), fmt, output, strict, baseline, ctx)

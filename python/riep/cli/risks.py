"""``riep risks``: check risk registers (workbooks with a Risks table) and write the board's report."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import click

from riep.cli.guard import guard_outputs
from riep.cli.jobcommand import context_options, emit, job_files, make_context, output_options, run_job
from riep.errors import InputError

__all__ = ["command"]


@click.command("risks")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--scale", type=click.Choice(["3x3", "5x5"]), default=None,
              help="Score on this scale instead of the one in the settings ([risks] scale, default 3x3).")
@click.option("--pdf", "pdf", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the board's report (heat map, top risks, overdue reviews) to this PDF. One input file only.")
@output_options
@context_options
def command(paths: tuple[Path, ...], scale: str | None, pdf: Path | None, fmt: str, output: Path | None,
            strict: bool, write_sheet: Path | None, config: Path | None, as_of: dt.datetime | None,
            baseline: Path | None) -> None:
    """Check risk registers: allowed values, scores and RAG on the scale, owners, reviews, responses, actions.

    PATHS are .xlsx files or folders of them. Exit 0: no errors; 1: errors found; 2: unusable input.
    """
    from riep.findings import RunReport
    from riep.jobs import job
    from riep.runners.risks import write_pdf

    ctx = make_context(config, as_of)
    if scale:
        risks = ctx.settings.risks.model_copy(update={"scale": scale})
        ctx = replace(ctx, settings=ctx.settings.model_copy(update={"risks": risks}))
    guard_outputs((*paths, ctx.allocation, baseline), files=(output, write_sheet, pdf))
    files = job_files(job("risks"), paths)
    if (write_sheet or pdf) and len(files) != 1:
        raise InputError(f"--{'write-sheet' if write_sheet else 'pdf'} takes exactly one input workbook")
    runs = [run_job(job("risks"), f, ctx, write_sheet, opened) for f, opened in files]
    report = RunReport(files=[r for r, _ in runs])
    outcome = runs[0][1]
    if pdf and outcome is not None and not outcome.report.error:
        write_pdf(outcome.value, outcome.report, outcome.ctx, pdf)
    emit(report, fmt, output, strict, baseline, ctx)

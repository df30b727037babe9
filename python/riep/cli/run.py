"""``riep run``: the main job, every check and report over the shipped (or any) workbooks."""

from __future__ import annotations

import datetime as dt
import sys
from functools import partial
from pathlib import Path

import click

from riep.cli.baseline_option import baseline_option, finish_report
from riep.cli.guard import guard_outputs
from riep.cli.jobcommand import context_options, make_context
from riep.cli.progress import progress_bar
from riep.output import FORMATS

__all__ = ["command"]


@click.command("run")
@click.argument("folder", required=False, default="workbook", type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the reports (created if missing).")
@click.option("--allocation", type=click.Path(dir_okay=False, path_type=Path),
              help="Financial-allocation workbook for jobs that need it (default: the one found in FOLDER).")
@click.option("--strict", is_flag=True, help="Warnings fail the run too (exit 1).")
@click.option("--details", is_flag=True, help="Print every finding, not just the counts per workbook and job.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="What to print: table (the counts, or --details); json, junit, github annotations or gitlab "
                   "Code Quality JSON on stdout, the rest on stderr.")
@baseline_option
@context_options
def command(folder: Path, out: Path, allocation: Path | None, strict: bool, details: bool, quiet: bool, fmt: str,
            baseline: Path | None, config: Path | None, as_of: dt.datetime | None) -> None:
    """Run every job on every workbook it recognises in FOLDER (default: workbook/) and write the reports to OUT."""
    from riep.output import render
    from riep.output.terminal import render_overview, render_terminal, summary_line
    from riep.runners.batch import run_folder
    from riep.safetext import visible

    ctx = make_context(config, as_of, allocation)
    guard_outputs((folder, allocation, baseline), folders=(out,))
    with progress_bar("riep run") as progress:
        report, written = run_folder(folder, out, ctx, progress, partial(finish_report, fmt=fmt, baseline=baseline, ctx=ctx))
    listed = "the new findings" if report.baseline is not None else "every finding"
    note = (f"{len(written)} files written to {out}/ (findings.json lists {listed}"
            + (")" if details or fmt != "table" else "; --details prints them here)")) if written else (
        f"Nothing written to {out}/: a workbook above could not be used.")
    if fmt != "table":
        click.echo(render(report, fmt), nl=False)
        for line in [visible(fr.error) for fr in report.files if fr.error] + [summary_line(report)]:
            click.echo(line, err=True)
        if report.baseline is not None:
            click.echo(report.baseline.line(), err=True)
        click.echo(note, err=True)
    elif quiet:
        click.echo(summary_line(report))
        if report.baseline is not None:
            click.echo(report.baseline.line())
    else:
        click.echo((render_terminal if details else render_overview)(report), nl=False)
        click.echo(note)
    sys.exit(report.exit_code(strict))

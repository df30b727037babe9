"""``riep run``: the main job, every check and report over the shipped (or any) workbooks."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from riep.cli.guard import guard_outputs
from riep.cli.jobcommand import context_options, make_context

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
@context_options
def command(folder: Path, out: Path, allocation: Path | None, strict: bool, details: bool, quiet: bool,
            config: Path | None, as_of: dt.datetime | None) -> None:
    """Run every job on every workbook it recognises in FOLDER (default: workbook/) and write the reports to OUT."""
    from rich.console import Console
    from rich.progress import Progress

    from riep.output.terminal import render_overview, render_terminal, summary_line
    from riep.runners.batch import run_folder

    ctx = make_context(config, as_of, allocation)
    guard_outputs((folder, allocation), folders=(out,))
    console = Console(stderr=True)
    with Progress(console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("riep run", total=None)
        report, written = run_folder(folder, out, ctx, lambda what, k, n: bar.update(task, description=what,
                                                                                     completed=k - 1, total=n))
    if quiet:
        click.echo(summary_line(report))
    else:
        click.echo((render_terminal if details else render_overview)(report), nl=False)
        if written:
            click.echo(f"{len(written)} files written to {out}/ (findings.json lists every finding"
                       + (")" if details else "; --details prints them here)"))
        else:
            click.echo(f"Nothing written to {out}/: a workbook above could not be used.")
    sys.exit(report.exit_code(strict))

"""``riep reconcile``: reconcile carry-forwards across financial years in workbooks with a Balances table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from riep.cli.jobcommand import context_options, make_context, output_options, run_job_command

__all__ = ["command"]


@click.command("reconcile")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_options
@context_options
def command(paths: tuple[Path, ...], fmt: str, output: Path | None, strict: bool, write_sheet: Path | None,
            config: Path | None, as_of: dt.datetime | None, baseline: Path | None) -> None:
    """Reconcile carry-forwards: every stream's corkscrew per year, closings into next year's openings, budgets.

    PATHS are .xlsx files or folders of them. Exit 0: no errors; 1: errors found; 2: unusable input.
    """
    from riep.jobs import job

    run_job_command(job("reconcile"), paths, fmt=fmt, output=output, strict=strict, write_sheet=write_sheet,
                    ctx=make_context(config, as_of), baseline=baseline)

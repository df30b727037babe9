"""``riep baseline``: record today's findings so that ``--baseline`` fails a run only on new ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from riep.cli.guard import guard_outputs
from riep.cli.jobcommand import context_options, expand_paths, make_context
from riep.cli.progress import progress_bar
from riep.errors import InputError

__all__ = ["command"]

@click.command("baseline")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", default=Path("riep-baseline.json"), show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The baseline file to write.")
@click.option("--allocation", type=click.Path(dir_okay=False, path_type=Path),
              help="Financial-allocation workbook for jobs that need it (default: the one found in PATHS).")
@context_options
def command(paths: tuple[Path, ...], out: Path, allocation: Path | None, config: Path | None,
            as_of: dt.datetime | None) -> None:
    """Record every job's findings on PATHS (.xlsx files or folders) as accepted, for --baseline.

    The findings are keyed by rule, workbook file name, sheet and the row's identity columns
    (docs/json-schema.md), so rows moving does not make them new. Exit 2 if a workbook cannot be used.
    """
    from riep.baseline import make_baseline
    from riep.runners.batch import evaluate_paths
    from riep.xlsx.keys import with_keys
    from riep.xlsx.writer import atomic_write_text

    ctx = make_context(config, as_of, allocation)
    guard_outputs((*paths, allocation), files=(out,))
    with progress_bar("riep baseline") as progress:
        report = evaluate_paths(expand_paths(paths), ctx, progress)
    bad = [fr.error for fr in report.files if fr.error]
    if bad:
        raise InputError(bad[0] + "; no baseline written")
    made = make_baseline(with_keys(report, ctx.settings.headers))
    atomic_write_text(out, made.model_dump_json(indent=2) + "\n")
    n = len(made.findings)
    click.echo(f"{n} finding{'s' * (n != 1)} of {len({e.workbook for e in made.findings})} workbooks recorded in {out}")

"""``riep diff``: what changed between two versions of a workbook, and which findings are new or fixed."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from riep.cli.guard import guard_outputs
from riep.cli.jobcommand import context_options, make_context

__all__ = ["command"]


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: readable; json: every change and finding.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the comparison to this file instead of the terminal.")
@click.option("--write-sheet", "write_sheet", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a copy of NEW with a Changes sheet linking to each changed cell.")
@click.option("--allocation", type=click.Path(dir_okay=False, path_type=Path),
              help="Financial-allocation workbook for jobs that need it.")
@click.option("--strict", is_flag=True, help="New warnings fail too (exit 1).")
@context_options
def command(old: Path, new: Path, fmt: str, output: Path | None, write_sheet: Path | None, allocation: Path | None,
            strict: bool, config: Path | None, as_of: dt.datetime | None) -> None:
    """Compare OLD.xlsx with NEW.xlsx table by table (rows matched by their identity columns), with the findings
    each version has that the other has not. Exit 0: no new errors; 1: NEW has new errors; 2: unusable input."""
    from riep.diff import diff_workbooks
    from riep.errors import InputError
    from riep.findings import FileReport
    from riep.output.diff_out import changes_sheet, diff_figures, render_diff, render_diff_json
    from riep.runners.batch import evaluate_paths
    from riep.xlsx.everytable import read_every_table
    from riep.xlsx.keys import with_keys
    from riep.xlsx.reader import open_workbook
    from riep.xlsx.writer import atomic_write_text, write_result_copy

    ctx = make_context(config, as_of, allocation)
    guard_outputs((old, new, allocation), files=(output, write_sheet))
    headers = ctx.settings.headers
    tables = [read_every_table(open_workbook(p), headers) for p in (old, new)]
    reports = [evaluate_paths([p], ctx) for p in (old, new)]
    bad = next((fr.error for r in reports for fr in r.files if fr.error), None)
    if bad:
        raise InputError(bad)
    keyed = [with_keys(r, headers, file_name="") for r in reports]
    d = diff_workbooks(str(old), str(new), tables[0], tables[1], keyed[0], keyed[1])
    text = render_diff_json(d) if fmt == "json" else render_diff(d)
    if write_sheet is not None:
        report = FileReport(path=str(new), job="diff", findings=d.findings_new)
        cover = ctx.cover(f"Changes: {old.name} to {new.name}", write_sheet.name, report, [new, old], diff_figures(d))
        write_result_copy(new, write_sheet, [changes_sheet(d)], cover)
    if output is not None:
        atomic_write_text(output, text)
    else:
        click.echo(text, nl=False)
    sys.exit(d.exit_code(strict))

"""``riep show``: print every table of a workbook as aligned text (git's textconv for .xlsx files)."""

from __future__ import annotations

from pathlib import Path

import click

from riep.cli.jobcommand import make_context

__all__ = ["command"]


@click.command("show")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
              help="Settings file (default: ./riep.toml if present), for header words mapped in [headers.<Table>].")
def command(path: Path, config: Path | None) -> None:
    """Print every table of the workbook PATH as aligned text, for reading or for git diff.

    In a repository: `git config diff.riep.textconv "riep show"` and `*.xlsx diff=riep` in .gitattributes.
    """
    from riep.output.show import render_tables
    from riep.xlsx.everytable import read_every_table
    from riep.xlsx.reader import open_workbook

    tables = read_every_table(open_workbook(path), make_context(config, None).settings.headers)
    click.echo(render_tables(tables, path.name), nl=False)

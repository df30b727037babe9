"""``riep rollover``: open a new financial year with the previous year's closing balances, in a copy."""

from __future__ import annotations

from pathlib import Path

import click

from riep.cli.guard import guard_outputs

__all__ = ["command"]


@click.command("rollover")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "to", required=True, help="The new financial year, e.g. 2010/11.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Write the rolled-over copy here (the input is never modified).")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
              help="Settings file (default: ./riep.toml if present).")
def command(path: Path, to: str, out: Path, config: Path | None) -> None:
    """Write a copy of PATH whose year TO opens with the previous year's closing balances.

    Earlier years' cells are left untouched. Refuses (exit 2) when the previous year does not close.
    """
    from riep.settings import load_settings
    from riep.xlsx.rollover import rollover_workbook

    guard_outputs((path,), files=(out,))
    plan = rollover_workbook(path, to, out, load_settings(config))
    click.echo(plan.describe(str(out)), nl=False)

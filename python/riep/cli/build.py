"""``riep build``: build the shipped workbooks from their YAML sources."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command("build")
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the workbooks to.")
def command(sources: tuple[Path, ...], out: Path) -> None:
    """Build workbooks from YAML sources (files, or folders of *.yaml)."""
    from riep.build import build_all, build_workbook

    for src in sources:
        for path in build_all(src, out) if src.is_dir() else [build_workbook(src, out)]:
            click.echo(f"built {path}")

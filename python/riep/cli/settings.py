"""``riep settings``: print every setting with its default, as a riep.toml to copy."""

from __future__ import annotations

import click

from riep.settings import settings_toml

__all__ = ["command"]


@click.command("settings")
def command() -> None:
    """Print every setting with its default and meaning (docs/settings.toml)."""
    click.echo(settings_toml(), nl=False)

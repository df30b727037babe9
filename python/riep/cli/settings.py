"""``riep settings``: print every setting with its default, as a riep.toml to copy."""

from __future__ import annotations

import click

__all__ = ["command"]


@click.command("settings")
def command() -> None:
    """Print every setting with its default and meaning (docs/settings.toml)."""
    from riep.settings import settings_toml

    click.echo(settings_toml(), nl=False)

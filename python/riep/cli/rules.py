"""``riep rules``: list every rule, or print the rules reference as Markdown."""

from __future__ import annotations

import click

__all__ = ["command"]


@click.command("rules")
@click.option("--markdown", is_flag=True, help="Print docs/rules.md.")
def command(markdown: bool) -> None:
    """List every rule with its ID, severity and job."""
    from riep.registry import all_rules, rules_markdown

    if markdown:
        click.echo(rules_markdown(), nl=False)
        return
    for r in all_rules():
        click.echo(f"{r.id:10} {r.severity.value:8} {r.job:10} {r.title}")

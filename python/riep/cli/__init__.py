"""The ``riep`` command line. Each command is a few lines in its own module calling the library.

:func:`main` is the one place where a :class:`~riep.errors.RiepError` becomes a one-line
message on stderr and exit code 2; no traceback reaches the user. Anything else is a fault in
riep itself: one line asking for a report, exit code 3, and the traceback only with
``RIEP_DEBUG=1``.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from riep import __version__
from riep.errors import RiepError
from riep.safetext import visible

__all__ = ["cli", "main", "COMMANDS"]


COMMANDS = ("check", "reconcile", "monitor", "records", "risks", "rollover", "run", "baseline", "diff", "show", "build",
            "rules", "settings", "serve")


class _Commands(click.Group):
    """Each command lives in ``riep.cli.<name>`` and is imported only when it runs (or ``--help`` lists it)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        command: click.Command = importlib.import_module(f"riep.cli.{cmd_name}").command
        return command


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="riep")
def cli() -> None:
    """Check, reconcile and report on the partnership's Excel workbooks."""


def _run(argv: list[str] | None) -> None:
    try:
        cli.main(args=argv, prog_name="riep", standalone_mode=False)
    finally:
        limits = sys.modules.get("riep.limits")  # loaded only by a command that read settings
        if limits is not None:
            limits.use_limits(None)  # the [limits] of this command, and their clock, end with it


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``riep`` console script."""
    # riep uses no pydantic plugin; looking for them reads every installed package's metadata at start-up
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        _run(argv)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except RiepError as exc:
        click.echo(visible(exc.message), err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except (SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # a fault; a Rust panic in a library arrives as a BaseException, not an Exception
        if os.environ.get("RIEP_DEBUG"):
            raise
        click.echo(f"riep stopped on a fault of its own ({type(exc).__name__}: {visible(str(exc))}); no file was left "
                   "half-written. Please report it with the workbook; RIEP_DEBUG=1 shows the details.", err=True)
        sys.exit(3)
    sys.exit(0)

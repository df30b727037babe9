"""``riep baseline``: record today's findings so that ``--baseline`` fails a run only on new ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from riep.cli.common import context_options, expand_paths, make_context
from riep.cli.progress import progress_bar
from riep.errors import InputError

if TYPE_CHECKING:
    from riep.baseline import Baseline
    from riep.findings import RunReport
    from riep.runners.base import Context

__all__ = ["command", "baseline_option", "finish_report", "load_baseline"]

F = TypeVar("F", bound=Callable[..., object])


def baseline_option(f: F) -> F:
    """``--baseline FILE``."""
    return click.option("--baseline", "baseline", type=click.Path(dir_okay=False, path_type=Path),
                        callback=_checked, expose_value=True,
                        help="Findings recorded by riep baseline are accepted: only new ones count for the "
                             "exit code and are reported.")(f)


def _checked(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """Read the baseline before any work, so a bad one stops the command with nothing written."""
    if value is not None:
        load_baseline(value)
    return value


def load_baseline(path: Path) -> Baseline:
    """The baseline in ``path``, or an :class:`InputError` saying why it cannot be used."""
    from riep.baseline import parse_baseline

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("baseline file not found; make one with riep baseline", file=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot be read as a baseline ({exc})", file=path) from None
    return parse_baseline(text, str(path))


def finish_report(report: RunReport, fmt: str, baseline: Path | None, ctx: Context | None) -> RunReport:
    """Key the findings when a baseline or the gitlab format needs keys; apply the baseline."""
    if baseline is None and fmt != "gitlab":
        return report
    from riep.baseline import apply_baseline
    from riep.xlsx.keys import with_keys

    accepted = load_baseline(baseline) if baseline is not None else None  # a bad baseline stops before any work
    report = with_keys(report, ctx.settings.headers if ctx else None)
    return report if accepted is None else apply_baseline(report, accepted, str(baseline))


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
    with progress_bar("riep baseline") as progress:
        report = evaluate_paths(expand_paths(paths), ctx, progress)
    bad = [fr.error for fr in report.files if fr.error]
    if bad:
        raise InputError(bad[0] + "; no baseline written")
    made = make_baseline(with_keys(report, ctx.settings.headers))
    atomic_write_text(out, made.model_dump_json(indent=2) + "\n")
    n = len(made.findings)
    click.echo(f"{n} finding{'s' * (n != 1)} of {len({e.workbook for e in made.findings})} workbooks recorded in {out}")

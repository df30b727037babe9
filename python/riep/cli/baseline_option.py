"""``--baseline FILE``, shared by ``riep run`` and the job commands: read the baseline, key the findings, apply it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from riep.errors import InputError

if TYPE_CHECKING:
    from riep.baseline import Baseline
    from riep.findings import RunReport
    from riep.runners.base import Context

__all__ = ["baseline_option", "finish_report", "load_baseline"]

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

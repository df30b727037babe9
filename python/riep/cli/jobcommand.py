"""What the job commands share: common options, expanding folders, running a job over files, output.

Only click is imported here at start-up: ``riep --help`` and every command's options load nothing
else, and a command loads the job, reader and writer it runs when it runs.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from riep.cli.guard import guard_outputs
from riep.errors import InputError, RiepError
from riep.output import FORMATS
from riep.safetext import visible

if TYPE_CHECKING:
    from riep.findings import FileReport, RunReport
    from riep.runners.base import Context, Job, Outcome
    from riep.xlsx.reader import Workbook

__all__ = ["output_options", "context_options", "expand_paths", "job_files", "run_job", "run_job_command", "emit",
           "make_context"]

F = TypeVar("F", bound=Callable[..., object])
V = TypeVar("V")


def output_options(f: F) -> F:
    """``--format``, ``--output``, ``--strict``, ``--write-sheet``, ``--baseline``."""
    from riep.cli.baseline_option import baseline_option

    f = baseline_option(f)
    f = click.option("--write-sheet", "write_sheet", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write a copy of the workbook with the results sheet to this file "
                          "(the input is never modified). One input file only.")(f)
    f = click.option("--strict", is_flag=True, help="Warnings fail the run too (exit 1).")(f)
    f = click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write the report to this file instead of the terminal.")(f)
    f = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                     help="table: readable; json: schema 1 (docs/json-schema.md); junit: for CI systems; "
                          "github: workflow annotations; gitlab: Code Quality JSON.")(f)
    return f


def context_options(f: F) -> F:
    """``--config`` and ``--as-of``."""
    f = click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]),
                     help="Judge dates against this day (YYYY-MM-DD) instead of today.")(f)
    f = click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
                     help="Settings file (default: ./riep.toml if present).")(f)
    return f


def make_context(config: Path | None, as_of: dt.datetime | None, allocation: Path | None = None) -> Context:
    """The job context from the common options; the settings' [limits] hold from here to the command's end."""
    from riep.limits import use_limits
    from riep.runners.base import Context
    from riep.settings import load_settings

    settings = load_settings(config)
    use_limits(settings.limits)
    return Context(
        settings=settings,
        as_of=as_of.date() if as_of else dt.date.today(),
        allocation=allocation,
    )


def expand_paths(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; folders become the .xlsx files in them (Excel's ~$ lock files skipped)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(x for x in p.glob("*.xlsx") if not x.name.startswith("~$")))
        else:
            out.append(p)
    if not out:
        raise InputError("no .xlsx workbooks found in " + ", ".join(str(p) for p in paths))
    return out


def _open(path: Path) -> Workbook | RiepError:
    """The workbook opened once, or why it cannot be used."""
    from riep.xlsx.reader import open_workbook

    try:
        return open_workbook(path)
    except RiepError as exc:
        return exc


def job_files(job: Job[Any], paths: tuple[Path, ...]) -> list[tuple[Path, Workbook | RiepError]]:
    """The files to run ``job`` on, each opened once: files named as given; from folders, only the workbooks the
    job recognises (``riep check workbook`` checks the allocation workbooks, not the risk register beside them)."""
    from riep.xlsx.reader import Workbook

    named = {p for p in paths if not p.is_dir()}
    out: list[tuple[Path, Workbook | RiepError]] = []
    for f in expand_paths(paths):
        opened = _open(f)
        if f not in named and isinstance(opened, Workbook) and not job.recognises(opened):
            continue  # an unusable file is kept, so the run says why
        out.append((f, opened))
    if not out:
        raise InputError(f"no workbook in {', '.join(str(p) for p in paths)} has the tables '{job.name}' needs")
    return out


def run_job(job: Job[V], path: Path, ctx: Context, write_sheet: Path | None = None,
            opened: Workbook | RiepError | None = None) -> tuple[FileReport, Outcome[V] | None]:
    """Run one job on one file, read once (``opened`` if the caller has opened it already): the report, and the
    outcome for further reports (``None`` when the file is unusable; the report's ``error`` says why)."""
    from riep.findings import FileReport
    from riep.xlsx.reader import open_workbook

    try:
        wb = opened if opened is not None else open_workbook(path)
        if isinstance(wb, RiepError):
            raise wb
        outcome = job.run(wb, ctx)
        sheets = job.result_sheets(outcome.value, outcome.report, ctx) if write_sheet is not None else []
    except RiepError as exc:
        return FileReport(path=str(path), job=job.name, error=exc.message), None
    if write_sheet is not None:  # an output that cannot be written is the command's failure, not the workbook's
        from riep.xlsx.writer import write_result_copy

        write_result_copy(path, write_sheet, sheets, job.copy_cover(path, write_sheet.name, outcome))
    return outcome.report, outcome


def emit(report: RunReport, fmt: str, output: Path | None, strict: bool, baseline: Path | None = None,
         ctx: Context | None = None) -> None:
    """Print or write the report (with a baseline: its new findings), then exit with the report's code."""
    from riep.cli.baseline_option import finish_report
    from riep.findings import EXIT_UNUSABLE
    from riep.output import render

    report = finish_report(report, fmt, baseline, ctx)
    code = report.exit_code(strict)
    text = render(report, fmt, color=output is None and fmt == "table" and sys.stdout.isatty())
    if output is None:
        click.echo(text, nl=False)
    elif code != EXIT_UNUSABLE:  # a run that could not use its input writes no report: the sentences say why
        from riep.xlsx.writer import atomic_write_text

        atomic_write_text(output, text)
    if fmt != "table" or output is not None:  # the table already shows them; keep them on stderr otherwise
        for fr in report.files:
            if fr.error:
                click.echo(visible(fr.error), err=True)
        if report.baseline is not None:
            click.echo(report.baseline.line(), err=True)
    sys.exit(code)


def run_job_command(job: Job, paths: tuple[Path, ...], *, fmt: str, output: Path | None, strict: bool,
                    write_sheet: Path | None, ctx: Context, baseline: Path | None = None) -> None:
    """The body of every job command: guard the input, expand, run each file, emit."""
    from riep.findings import RunReport

    guard_outputs((*paths, ctx.allocation, baseline), files=(output, write_sheet))
    files = job_files(job, paths)
    if write_sheet is not None and len(files) != 1:
        raise InputError("--write-sheet takes exactly one input workbook")
    report = RunReport(files=[run_job(job, f, ctx, write_sheet, opened)[0] for f, opened in files])
    emit(report, fmt, output, strict, baseline, ctx)


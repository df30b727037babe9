"""The default, human-readable output: findings per file, counts per file and job, a one-line summary."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console
from rich.markup import escape as _escape
from rich.table import Table

from riep.findings import RunReport, Severity, Summary
from riep.safetext import visible
from riep.wording import plural

__all__ = ["render_terminal", "render_overview", "summary_line"]


def escape(text: str) -> str:
    """Text for the console: rich markup escaped, control characters from a cell shown as \ufffd, never acted on."""
    return _escape(visible(text))


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def summary_line(report: RunReport) -> str:
    """``2 files: 3 errors, 2 warnings, 4 notes; 1 file could not be read`` (a file run by several jobs counts once)."""
    counts = Summary(errors=sum(f.summary.errors for f in report.files),
                     warnings=sum(f.summary.warnings for f in report.files),
                     info=sum(f.summary.info for f in report.files))
    text = f"{plural(len({f.path for f in report.files}), 'file')}: {counts.text()}"
    bad = len({f.path for f in report.files if f.error})
    if bad:
        text += f"; {plural(bad, 'file')} could not be read"
    return text


def _render(draw: Callable[[Console], None], report: RunReport, color: bool, width: int | None) -> str:
    """Text of what ``draw`` prints, then the summary line; trailing spaces trimmed."""
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, no_color=not color, highlight=False)
    draw(console)
    console.print(escape(summary_line(report)))
    if report.baseline is not None:
        console.print(escape(report.baseline.line()))
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines()) + "\n"


def _cannot_read(console: Console, error: str) -> None:
    console.print(f"[bold red]Cannot read:[/] {escape(error)}", soft_wrap=True)


def render_terminal(report: RunReport, *, color: bool = False, width: int | None = None) -> str:
    """Findings as a table per file, errors first (width: the terminal's, or $COLUMNS)."""

    def draw(console: Console) -> None:
        for fr in report.files:
            if fr.error:
                _cannot_read(console, fr.error)
                continue
            console.print(escape(f"{fr.path} ({fr.job})"), style="bold")
            if not fr.findings:
                console.print("  no findings")
                continue
            table = Table(show_header=True, header_style="bold", show_lines=False, pad_edge=False, box=None)
            for name in ("Severity", "Rule", "Where"):
                table.add_column(name)
            table.add_column("Message", overflow="fold")
            for f in fr.sorted().findings:
                where = f"{f.sheet}!{f.cell}" if f.sheet and f.cell else (f.sheet or "")
                table.add_row(f.severity.value, f.rule, escape(where), escape(f.message), style=_STYLE[f.severity])
            console.print(table)

    return _render(draw, report, color, width)


def render_overview(report: RunReport, *, color: bool = False, width: int | None = None) -> str:
    """One row per workbook and job with its counts (``riep run``'s short summary), then the summary line."""

    def draw(console: Console) -> None:
        table = Table(show_header=True, header_style="bold", pad_edge=False, box=None)
        table.add_column("Workbook", overflow="fold")
        table.add_column("Job")
        for name in ("Errors", "Warnings", "Notes"):
            table.add_column(name, justify="right")
        for fr in report.files:
            if fr.error:
                continue
            sm = fr.summary
            style = _STYLE[Severity.ERROR] if sm.errors else (_STYLE[Severity.WARNING] if sm.warnings else None)
            name = escape(fr.path.replace("\\", "/").rsplit("/", 1)[-1])
            table.add_row(name, fr.job, str(sm.errors), str(sm.warnings), str(sm.info), style=style)
        if table.row_count:
            console.print(table)
        for fr in report.files:
            if fr.error:
                _cannot_read(console, fr.error)

    return _render(draw, report, color, width)

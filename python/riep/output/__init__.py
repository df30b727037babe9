"""Renderers of a :class:`~riep.findings.RunReport`: terminal table, JSON (schema 1) and JUnit XML."""

from riep.findings import RunReport
from riep.output.json_out import render_json
from riep.output.junit import render_junit
from riep.output.terminal import render_terminal

__all__ = ["render", "render_json", "render_junit", "render_terminal", "FORMATS"]

FORMATS = ("table", "json", "junit")


def render(report: RunReport, fmt: str, *, color: bool = False) -> str:
    """Render ``report`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return render_json(report)
    if fmt == "junit":
        return render_junit(report)
    return render_terminal(report, color=color)

"""Renderers of a :class:`~riep.findings.RunReport`: terminal table, JSON (schema 1), JUnit XML, and CI annotations
(GitHub workflow commands, GitLab Code Quality)."""

from riep.findings import RunReport
from riep.output.json_out import render_json
from riep.output.junit import render_junit
from riep.output.terminal import render_terminal

__all__ = ["render", "render_json", "render_junit", "render_terminal", "FORMATS"]

FORMATS = ("table", "json", "junit", "github", "gitlab")


def render(report: RunReport, fmt: str, *, color: bool = False) -> str:
    """Render ``report`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return render_json(report)
    if fmt == "junit":
        return render_junit(report)
    if fmt == "github":
        from riep.output.github import render_github

        return render_github(report)
    if fmt == "gitlab":
        from riep.output.gitlab import render_gitlab

        return render_gitlab(report)
    return render_terminal(report, color=color)

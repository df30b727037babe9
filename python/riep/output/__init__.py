"""Renderers of a :class:`~riep.findings.RunReport`: terminal table, JSON (schema 1), JUnit XML, and CI annotations
(GitHub workflow commands, GitLab Code Quality).

Each renderer is imported when a report is rendered in its format (``FORMATS`` costs nothing to
import, so the command line can offer the choice without loading rich or the rule registry).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from riep.findings import RunReport

__all__ = ["render", "FORMATS"]

FORMATS = ("table", "json", "junit", "github", "gitlab")


def render(report: RunReport, fmt: str, *, color: bool = False) -> str:
    """Render ``report`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        from riep.output.json_out import render_json

        return render_json(report)
    if fmt == "junit":
        from riep.output.junit import render_junit

        return render_junit(report)
    if fmt == "github":
        from riep.output.github import render_github

        return render_github(report)
    if fmt == "gitlab":
        from riep.output.gitlab import render_gitlab

        return render_gitlab(report)
    from riep.output.terminal import render_terminal

    return render_terminal(report, color=color)

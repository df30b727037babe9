"""GitLab Code Quality report (JSON): one issue per finding, shown on merge requests.

Each issue has ``description``, ``check_name`` (the rule ID), ``fingerprint`` (from the finding's
stable key, so an unchanged finding keeps its fingerprint when rows move), ``severity``
(error: ``major``, warning: ``minor``, note: ``info``; an unusable file: ``blocker``) and
``location`` (the workbook's path and, as ``lines.begin``, the row of the cell).
"""

from __future__ import annotations

import hashlib
import json
import re

from riep.findings import Finding, RunReport, Severity

__all__ = ["render_gitlab"]

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _row(cell: str | None) -> int:
    m = re.search(r"(\d+)$", cell or "")
    return int(m.group(1)) if m else 1


def _identity(f: Finding) -> str:
    return f.key or "|".join((f.rule, f.file, f.sheet or "", f.cell or "", f.message))


def render_gitlab(report: RunReport) -> str:
    """The findings (with a baseline: the new ones) as a Code Quality JSON array."""
    issues: list[dict] = []
    seen: dict[str, int] = {}

    def fingerprint(text: str) -> str:
        seen[text] = seen.get(text, 0) + 1  # the same key twice: the second gets its own fingerprint
        return hashlib.sha256(f"{text}#{seen[text]}".encode()).hexdigest()[:32]

    for fr in report.files:
        path = fr.path.replace("\\", "/")
        if fr.error:
            issues.append({"description": fr.error, "check_name": f"riep-{fr.job}", "severity": "blocker",
                           "fingerprint": fingerprint(f"{fr.job}|{path}"), "location": {"path": path, "lines": {"begin": 1}}})
            continue
        for f in fr.sorted().findings:
            issues.append({
                "description": f"{f.rule} {f.sheet or ''}!{f.cell or ''}: {f.message}" if f.sheet else f"{f.rule}: {f.message}",
                "check_name": f.rule,
                "fingerprint": fingerprint(_identity(f)),
                "severity": _SEVERITY[f.severity],
                "location": {"path": f.file.replace("\\", "/"), "lines": {"begin": _row(f.cell)}},
            })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"

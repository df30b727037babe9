"""JSON output, schema version 1 (documented in ``docs/json-schema.md``)."""

from __future__ import annotations

import json

from riep.findings import RunReport

__all__ = ["render_json"]


def render_json(report: RunReport) -> str:
    """``{"schema": 1, "files": [{"path", "job", "error", "findings": [...], "summary": {...}}]}``."""
    return json.dumps(report.to_json_dict(), indent=2, ensure_ascii=False) + "\n"

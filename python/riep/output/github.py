"""GitHub Actions workflow commands: one annotation per finding, on the workbook, titled with rule, sheet and cell.

``::error file=workbook/financial_allocation.xlsx,title=TOT-002 StatedTotals!C7::The 2009/10 grand total ...``
Errors are ``error``, warnings ``warning``, notes ``notice``. Values are escaped as the runner
expects: ``%``, carriage return and newline in the message; also ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from riep.findings import RunReport, Severity

__all__ = ["render_github", "escape_data", "escape_property"]

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, ``\\r``, ``\\n`` escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as :func:`escape_data`, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, file: str, title: str, message: str) -> str:
    props = f"file={escape_property(file.replace(chr(92), '/'))},title={escape_property(title)}"
    return f"::{level} {props}::{escape_data(message)}"


def render_github(report: RunReport) -> str:
    """Every finding (with a baseline: every new one) and every unusable file as an annotation."""
    lines: list[str] = []
    for fr in report.files:
        if fr.error:
            lines.append(_command("error", fr.path, f"riep {fr.job}: cannot read", fr.error))
            continue
        for f in fr.sorted().findings:
            where = f"{f.sheet}!{f.cell}" if f.sheet and f.cell else (f.sheet or f.scope or "")
            lines.append(_command(_LEVEL[f.severity], f.file, f"{f.rule} {where}".strip(), f.message))
    if report.baseline is not None:
        lines.append(f"::notice title=riep baseline::{escape_data(report.baseline.line())}")
    return "".join(line + "\n" for line in lines)

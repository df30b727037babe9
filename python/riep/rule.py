"""What a rule is: a stable ID, a default severity, the job it belongs to, and its documentation.

A rule is declared once, next to the function that applies it, with :func:`rule`; each rule
package lists the modules that declare its rules (``RULES = declared_in(...)``) and
:mod:`riep.registry` gathers the packages' lists. This module imports no rule package.
"""

from __future__ import annotations

from types import ModuleType

from pydantic import ConfigDict

from riep.findings import Finding, Severity
from riep.model import Model

__all__ = ["Rule", "rule", "declared_in"]


class Rule(Model):
    """A rule's identity: stable ID, default severity, the job it belongs to, and its documentation."""

    model_config = ConfigDict(frozen=True)

    id: str
    severity: Severity
    job: str
    title: str
    description: str
    document: str = ""  # the document (by title) and the words the rule enforces; "" for arithmetic rules

    def finding(
        self,
        message: str,
        *,
        file: str,
        severity: Severity | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        scope: str | None = None,
        expected: float | str | None = None,
        actual: float | str | None = None,
        difference: float | None = None,
        unit: str | None = None,
    ) -> Finding:
        """Make a finding of this rule (severity may be overridden, e.g. headroom is info, overspend an error).

        The keywords are :class:`Finding`'s fields; location helpers return a :class:`~riep.findings.Where`
        (or one of its extensions) to spread into them.
        """
        return Finding(rule=self.id, severity=severity or self.severity, file=file, sheet=sheet, cell=cell,
                       scope=scope, expected=expected, actual=actual, difference=difference, unit=unit,
                       message=message)


def rule(id: str, severity: Severity | str, job: str, title: str, description: str, document: str = "") -> Rule:
    """Declare a rule (its description and ``document`` may be wrapped over several lines; spaces are collapsed).

    ``document`` is the title of the document the rule enforces, as a reader can look it up, and the words.
    """
    return Rule(id=id, severity=Severity(severity), job=job, title=title, description=" ".join(description.split()),
                document=" ".join(document.split()))


def declared_in(*modules: ModuleType) -> tuple[Rule, ...]:
    """The rules the ``modules`` declare at module level, each once (a rule imported by another module is
    the same object), in the order found."""
    found: dict[int, Rule] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, Rule):
                found.setdefault(id(value), value)
    return tuple(found.values())

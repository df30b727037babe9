"""JUnit XML for CI systems: one test suite per file and job, one test case per rule.

A rule with error findings is a failure; warnings and notes are written to the case's
``system-out``; a file that could not be read is one errored case.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from riep.findings import RunReport, Severity
from riep.registry import all_rules
from riep.safetext import visible

__all__ = ["render_junit"]


def render_junit(report: RunReport) -> str:
    """The report as a ``<testsuites>`` document."""
    root = ET.Element("testsuites", name="riep")
    for fr in report.files:
        suite = ET.SubElement(root, "testsuite", name=visible(f"{fr.job}: {fr.path}"))
        failures = errors = tests = 0
        if fr.error:
            case = ET.SubElement(suite, "testcase", classname=visible(fr.path), name="readable")
            ET.SubElement(case, "error", message=visible(fr.error)).text = visible(fr.error)
            tests, errors = 1, 1
        else:
            for r in (r for r in all_rules() if r.job == fr.job):
                tests += 1
                case = ET.SubElement(suite, "testcase", classname=visible(fr.path), name=f"{r.id} {r.title}")
                mine = [f for f in fr.findings if f.rule == r.id]
                bad = [f for f in mine if f.severity is Severity.ERROR]
                if bad:
                    failures += 1
                    text = "\n".join(f"{f.sheet or ''}!{f.cell or ''}: {f.message}" for f in bad)
                    ET.SubElement(case, "failure", message=visible(bad[0].message), type=r.id).text = visible(text)
                rest = [f for f in mine if f.severity is not Severity.ERROR]
                if rest:
                    ET.SubElement(case, "system-out").text = visible("\n".join(
                        f"[{f.severity.value}] {f.sheet or ''}!{f.cell or ''}: {f.message}" for f in rest
                    ))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

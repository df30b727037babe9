"""The import structure the README promises: rule packages free of Excel, PDF and web libraries, and no cycles."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from allocdata import ROOT

PACKAGE = ROOT / "python" / "riep"
SHELL_LIBRARIES = ["xlwings", "openpyxl", "reportlab", "matplotlib", "fastapi", "click", "python_calamine"]


def test_rule_packages_and_registry_load_no_shell_library():
    code = ("import json, sys\n"
            "import riep.checks, riep.reconcile, riep.records, riep.risks, riep.registry\n"
            "riep.registry.all_rules()\n"
            f"print(json.dumps(sorted(m for m in {SHELL_LIBRARIES!r} if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every riep module ``path`` imports, at any depth of the file (inside functions too)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                out.add(sub if sub in modules else node.module)
    return out & modules


def import_graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path, set(files)) - {name} for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_riep_has_no_import_cycle():
    graph = import_graph()
    assert "riep.registry" in graph["riep.cli.rules"]  # the graph sees imports inside functions too
    assert cycles(graph) == []


def test_rule_packages_name_no_shell_module_even_for_typing():
    shells = ("riep.pdf", "riep.xlsx", "riep.excel", "riep.cli", "riep.runners", "riep.output", "riep.jobs")
    rules = ("riep.checks", "riep.reconcile", "riep.records", "riep.risks", "riep.monitor")
    named = {m: sorted(d for d in deps if d.startswith(shells)) for m, deps in import_graph().items()
             if m.startswith(rules)}
    assert {m: deps for m, deps in named.items() if deps} == {}

"""Start-up: a command imports what it runs, when it runs it (the timings are in bench/startup_bench.py)."""

from __future__ import annotations

import json
import subprocess
import sys

from allocdata import WORKBOOKS

HEAVY = ["openpyxl", "reportlab", "matplotlib", "xlwings", "fastapi", "yaml", "pandas", "pydantic", "rich"]


def _loaded(*args: str) -> list[str]:
    code = ("import json, sys\nfrom riep.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            f"sys.stderr.write(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    return json.loads(out.stderr.strip().splitlines()[-1])


def test_help_loads_none_of_the_heavy_libraries():
    assert _loaded("--help") == []


def test_check_loads_only_what_reading_and_reporting_need():
    assert _loaded("check", str(WORKBOOKS / "financial_allocation.xlsx")) == ["pandas", "pydantic", "rich"]

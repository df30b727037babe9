"""riep show: every table as aligned text, and as git's textconv so that git diff on a workbook is readable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from allocdata import LINES, WORKBOOKS, write_allocation


def test_show_prints_every_table_aligned(riep, tmp_path):
    path = write_allocation(tmp_path / "plan.xlsx", funds=None)
    code, out, err = riep("show", path)
    assert (code, err) == (0, "")
    assert out == """\
# plan.xlsx: 2 tables

## Allocation (sheet Allocation, A4:F7, 3 rows)
Year     Theme        Programme  Line                    Amount (£k)  Notes
2009/10  Performance             Individual Authorities         1000
2009/10  Performance             Adult Social Care              1297
2009/10  Other                   Programme Management            900

## StatedTotals (sheet StatedTotals, A4:D8, 4 rows)
Year     Scope          Stated (£k)  Notes
2009/10  Performance           2297
2009/10  Other                  900
2009/10  Grand total           3197
2009/10  Funding total         3500
"""


def test_show_of_a_file_that_is_not_a_workbook_is_one_sentence(riep, tmp_path):
    (tmp_path / "notes.xlsx").write_text("hello", encoding="utf-8")
    assert riep("show", tmp_path / "notes.xlsx") == (
        2, "", "notes.xlsx: is not an Excel workbook (.xlsx): its contents are not a workbook package\n")


def test_the_readme_git_configuration_makes_git_diff_readable(tmp_path):
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert 'git config diff.riep.textconv "riep show"' in readme and "*.xlsx diff=riep" in readme
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    git("config", "diff.riep.textconv", "riep show")
    (tmp_path / ".gitattributes").write_text("*.xlsx diff=riep\n", encoding="utf-8")
    write_allocation(tmp_path / "plan.xlsx")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "plan")
    write_allocation(tmp_path / "plan.xlsx", lines=[(*LINES[0][:3], 1037), *LINES[1:]])
    changed = [line for line in git("diff", "-U0").splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["-2009/10  Performance             Individual Authorities         1000",
                       "+2009/10  Performance             Individual Authorities         1037"]
    assert WORKBOOKS.is_dir()

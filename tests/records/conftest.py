"""Fixtures: the shipped authority-support workbook's records, generated once per module."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from allocdata import WORKBOOKS
from riep.cli.jobcommand import make_context

AS_OF = dt.date(2009, 12, 15)


def generate(out: Path, as_of: dt.date = AS_OF, allocation: bool = True) -> tuple[Path, list[Path]]:
    """Run the records job over a copy of the shipped workbook into ``out``: (the copy, files written)."""
    from riep.jobs import job
    from riep.runners.records import write_records
    from riep.xlsx.reader import open_workbook

    src = out.parent / "in" / "authority_support.xlsx"
    src.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(WORKBOOKS / "authority_support.xlsx", src)
    ctx = make_context(None, dt.datetime.combine(as_of, dt.time()),
                       WORKBOOKS / "financial_allocation.xlsx" if allocation else None)
    outcome = job("records").run(open_workbook(src), ctx)
    return src, write_records(outcome.value, outcome.report, ctx, out)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, list[Path]]:
    return generate(tmp_path_factory.mktemp("records") / "out")

"""Workbooks written by Excel, LibreOffice and WPS that nobody here wrote (see README.md for where each came from):
riep may find no table in them (exit 2, one sentence), but never faults (exit 3) on them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus.build import snapshot

REAL = Path(__file__).parent / "real"
BOOKS = sorted(REAL.glob("*.xlsx"))


@pytest.mark.parametrize("book", BOOKS, ids=[b.name for b in BOOKS])
@pytest.mark.parametrize("command", ["check", "reconcile", "risks", "records"])
def test_a_workbook_from_elsewhere_is_never_a_fault(riep_fork, tmp_path, book, command):
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    shutil.copy(book, work / book.name)
    before = snapshot(work)
    args = [command, book.name] + (["--out", "out"] if command == "records" else [])
    result = riep_fork(*args)
    said = result.err + result.out
    assert result.code in (0, 1, 2) and "Traceback" not in said, said
    if result.code == 2:
        assert f"{book.name}: has no Excel Table named" in said, said
        assert snapshot(work) == before


def test_the_corpus_says_where_each_real_workbook_came_from():
    readme = (Path(__file__).parent / "README.md").read_text(encoding="utf-8")
    assert BOOKS and all(b.name in readme for b in BOOKS)

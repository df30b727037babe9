"""Atomic writing: complete files only, with the permissions a person expects of a new or replaced file."""

from __future__ import annotations

import os
import stat

import pytest

from riep.xlsx.writer import atomic_write, atomic_write_text


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_users_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "findings.json", "{}")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "findings.json") == 0o644


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    dest = tmp_path / "junit.xml"
    dest.write_text("old")
    dest.chmod(0o640)
    atomic_write_text(dest, "new")
    assert dest.read_text() == "new" and _mode(dest) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    dest = tmp_path / "report.xlsx"
    dest.write_text("previous run")

    def fail(tmp):
        tmp.write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(dest, fail)
    assert dest.read_text() == "previous run"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]

"""Fixtures: the shipped authority-support workbook's records and PDFs, generated once per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from records.conftest import generate


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, list[Path]]:
    return generate(tmp_path_factory.mktemp("records") / "out")

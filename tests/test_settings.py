"""Settings (``riep.settings``): a misspelt section or key is an error naming the nearest one; Notepad's BOM is fine."""

from __future__ import annotations

import codecs

import pytest

from allocdata import WORKBOOKS
from riep.errors import ConfigError
from riep.settings import load_settings


def _config(tmp_path, text: str, bom: bool = False):
    p = tmp_path / "riep.toml"
    p.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
    return p


def test_a_misspelt_section_stops_the_command_naming_the_nearest_one(riep, tmp_path):
    cfg = _config(tmp_path, "[chek]\ntolerance_k = 5\n")
    code, out, err = riep("check", WORKBOOKS / "financial_allocation.xlsx", "--config", cfg)
    assert (code, out) == (2, "")
    assert err == "riep.toml: unknown section [chek]; did you mean [check]?\n"


def test_a_misspelt_key_names_the_nearest_key_of_its_section(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_settings(_config(tmp_path, "[records]\nextra_funding_cp = 25000\n"))
    assert info.value.message == "riep.toml: unknown setting 'records.extra_funding_cp'; did you mean " \
                                 "'records.extra_funding_cap'?"


def test_header_aliases_name_any_table(tmp_path):
    s = load_settings(_config(tmp_path, '[headers.Allocation]\n"Amount (£k)" = ["Budget £k"]\n'))
    assert s.headers == {"Allocation": {"Amount (£k)": ["Budget £k"]}}


def test_a_file_saved_by_notepad_with_a_byte_order_mark_is_read(tmp_path):
    assert load_settings(_config(tmp_path, "[check]\ntolerance_k = 5\n", bom=True)).check.tolerance_k == 5

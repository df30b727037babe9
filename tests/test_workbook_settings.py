"""The partnership a workbook names in its Settings table, and the profiles riep.toml may add."""

from __future__ import annotations

import pytest

from records.recdata import Source, world
from riep.errors import ConfigError, InputError
from riep.settings import load_settings
from riep.workbook_settings import workbook_partnership


def test_a_workbook_without_a_settings_table_gets_the_default_partnership():
    key, profile = workbook_partnership(Source(world()), load_settings().partnership)
    assert (key, profile.title, profile.conditions) == ("improvement_east", "Improvement East", "expected")


def test_a_workbook_names_its_partnership():
    w = world()
    w["Settings"] = [["Other", "x"], [" partnership ", "east_midlands"]]
    key, profile = workbook_partnership(Source(w), load_settings().partnership)
    assert (key, profile.urgent_reported_to) == ("east_midlands", ["Officer Board", "Member Board"])
    assert "paragraph 2.2" in profile.urgent_caveat and "3.4" in profile.urgent_caveat


def test_an_unknown_partnership_is_one_sentence_naming_the_cell():
    w = world()
    w["Settings"] = [["Partnership", "west_midlands"]]
    with pytest.raises(InputError) as info:
        workbook_partnership(Source(w), load_settings().partnership)
    assert info.value.message == (
        "support.xlsx, sheet Settings, cell B5: Partnership 'west_midlands' is not a known partnership; use one of "
        "east_midlands, improvement_east, or add [partnership.profiles.west_midlands] to riep.toml")


def test_riep_toml_adds_a_profile_with_role_alternatives_and_rejects_unknown_keys(tmp_path):
    cfg = tmp_path / "riep.toml"
    cfg.write_text('[partnership]\ndefault = "ours"\n[partnership.profiles.ours]\ntitle = "Our RIEP"\n'
                   'conditions = "required"\nurgent_approvers = ["Chair", ["Director", "Deputy Director"]]\n'
                   'urgent_reported_to = ["Board"]\nboard_roles = ["Leader", ["Lead Chief Executive", "Our rep"]]\n',
                   encoding="utf-8")
    profile = load_settings(cfg).partnership.profile()
    assert profile.urgent_approvers == [["Chair"], ["Director", "Deputy Director"]]
    assert profile.board_roles == [["Leader"], ["Lead Chief Executive", "Our rep"]]
    cfg.write_text('[partnership]\ndefault = "nobody"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert "default 'nobody' is not a profile; use one of east_midlands, improvement_east" in info.value.message
    cfg.write_text('[partnership.profiles.x]\ntitle = "X"\nconditions = "sometimes"\nurgent_approvers = []\n'
                   'urgent_reported_to = []\nboard_roles = []\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert "partnership.profiles.x.conditions" in info.value.message

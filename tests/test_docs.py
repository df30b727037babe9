"""Generated documentation stays in step with the code."""

from __future__ import annotations

from allocdata import ROOT
from riep.registry import rules_markdown


def test_rules_reference_is_current():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is out of date: run `riep rules --markdown > docs/rules.md`")


def test_settings_reference_is_current_and_loads_back(tmp_path):
    from riep.settings import Settings, load_settings, settings_toml

    text = (ROOT / "docs" / "settings.toml").read_text(encoding="utf-8")
    assert text == settings_toml(), "docs/settings.toml is out of date: run `riep settings > docs/settings.toml`"
    copy = tmp_path / "riep.toml"
    copy.write_text(text, encoding="utf-8")
    assert load_settings(copy) == Settings()


def test_a_bad_setting_is_one_sentence(tmp_path):
    import pytest

    from riep.errors import ConfigError
    from riep.settings import load_settings

    p = tmp_path / "riep.toml"
    p.write_text("[check]\ntolerance_k = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(p)
    assert info.value.message == "riep.toml: setting 'check.tolerance_k' is not valid: Input should be greater than or equal to 0"

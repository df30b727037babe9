"""Scales from settings, lenient reading of levels and coded values."""

from __future__ import annotations

import pytest

from riep.risks.scales import Level, LevelError, read_choice, read_level, scale_for
from riep.settings import RiskSettings

S3 = scale_for(RiskSettings(), "3x3")
S5 = scale_for(RiskSettings(), "5x5")


def test_the_seed_scale_and_the_common_5x5_come_from_settings():
    assert S3.levels == ("Low", "Medium", "High") and S3.scores == [1, 2, 3, 4, 6, 9]
    assert S3.band_text() == "Green 1-2, Amber 3-4, Red 6-9"
    assert S5.band_text() == "Green 1-4, Amber 5-12, Red 15-25"
    assert (S3.appetite, S5.appetite) == (2, 4)
    assert scale_for(RiskSettings()).name == "3x3"
    assert scale_for(RiskSettings(scale="5x5")).levels[-1] == "Very High"


def test_bands_are_settings_not_code():
    s = scale_for(RiskSettings(green_max_3x3=3, amber_max_3x3=6), "3x3")
    assert [s.rag(x) for x in s.scores] == ["Green", "Green", "Green", "Amber", "Amber", "Red"]


def test_bands_out_of_order_are_refused():
    with pytest.raises(ValueError, match="green_max_3x3 must not be above amber_max_3x3"):
        RiskSettings(green_max_3x3=5, amber_max_3x3=4)


@pytest.mark.parametrize("value, expected", [
    ("High", Level(3, "High", True)),
    ("High ", Level(3, "High", False)),
    ("high", Level(3, "High", False)),
    ("h", Level(3, "High", False)),
    ("Med", Level(2, "Medium", False)),
    ("M", Level(2, "Medium", False)),
    ("lo", Level(1, "Low", False)),
    ("3", Level(3, "High", False)),
    (3, Level(3, "High", False)),
    (2.0, Level(2, "Medium", False)),
    (" medium ", Level(2, "Medium", False)),
])
def test_3x3_values_people_type_are_read(value, expected):
    assert read_level(value, S3) == expected


@pytest.mark.parametrize("value, expected", [
    ("High", Level(4, "High", True)),
    ("VH", Level(5, "Very High", False)),
    ("v. high", Level(5, "Very High", False)),
    ("very low", Level(1, "Very Low", False)),
    ("L", Level(2, "Low", False)),
    ("5", Level(5, "Very High", False)),
])
def test_5x5_values_are_read_on_five_points(value, expected):
    assert read_level(value, S5) == expected


@pytest.mark.parametrize("value", ["Very High", "4", 4, 0, 2.5, "Huge", "", None, "#N/A", True, "v"])
def test_values_not_on_the_3x3_scale(value):
    if value in ("", None):
        assert read_level(value, S3) is None
    else:
        with pytest.raises(LevelError):
            read_level(value, S3)


def test_very_alone_is_ambiguous_on_5x5():
    with pytest.raises(LevelError, match="'Very' is not a level"):
        read_level("Very", S5)


def test_coded_choices_forgive_case_and_spaces_only():
    choices = ("Tolerate", "Treat", "Transfer", "Terminate")
    assert read_choice("Treat", choices) == ("Treat", True)
    assert read_choice(" treat ", choices) == ("Treat", False)
    assert read_choice(None, choices) is None
    with pytest.raises(LevelError, match="'Mitigate' is not allowed"):
        read_choice("Mitigate", choices)

"""Money as finance officers write it: whole pounds, brackets or words for negatives, 'none', 'not given'."""

from __future__ import annotations

import pytest

from riep.money import Unit, fmt_left, fmt_pounds, fmt_whole_k


@pytest.mark.parametrize(("amount", "text"), [(20000, "£20,000"), (-5000, "(£5,000)"), (0, "£0"), (None, "not given")])
def test_pounds(amount, text):
    assert fmt_pounds(amount) == text


@pytest.mark.parametrize(("amount", "unit", "over", "text"), [
    (15000, Unit.POUNDS, "over the cap", "£15,000"),
    (0, Unit.POUNDS, "over the cap", "none"),
    (-5000, Unit.POUNDS, "over the cap", "£5,000 over the cap"),
    (78, Unit.K, "short", "£78k"),
    (0.04, Unit.K, "short", "none"),
    (-4575, Unit.K, "short", "£4,575k short"),
    (None, Unit.K, "short", "not given"),
])
def test_left(amount, unit, over, text):
    assert fmt_left(amount, unit, over=over) == text


@pytest.mark.parametrize(("amount", "text"), [(8347.0, "£8,347k"), (1258.1, "£1,258k"), (0.5, "£1k"), (2.5, "£3k"),
                                              (-42.0, "(£42k)"), (-0.4, "£0k"), (0.0, "£0k")])
def test_whole_k(amount, text):
    assert fmt_whole_k(amount) == text

"""risk_score and rag: the functions the add-in exposes as RIEP.RISK_SCORE and RIEP.RAG."""

from __future__ import annotations

import pytest

from riep.errors import InputError
from riep.risks.scoring import rag, risk_score
from riep.settings import RiskSettings


def test_seed_risks_score_on_both_scales():
    assert risk_score("Low", "High") == 3 and risk_score("Medium", "High") == 6
    assert risk_score("Low", "High", "5x5") == 8 and risk_score("Medium", "High", "5x5") == 12
    assert risk_score("Very High", "Very High", "5x5") == 25


def test_typed_variants_score_like_the_list_values():
    assert risk_score("Med", "h") == 6
    assert risk_score("3", "High ") == 9
    assert risk_score(2, 3) == 6


def test_rag_bands():
    assert [rag(s) for s in (1, 2, 3, 4, 6, 9)] == ["Green", "Green", "Amber", "Amber", "Red", "Red"]
    assert [rag(s, "5x5") for s in (4, 5, 12, 15)] == ["Green", "Amber", "Amber", "Red"]
    assert rag("6") == "Red" and rag(6.0) == "Red"
    assert rag(3, settings=RiskSettings(green_max_3x3=3)) == "Green"


@pytest.mark.parametrize("call, message", [
    (lambda: risk_score("Huge", "High"), "probability 'Huge' is not on the 3x3 scale; use Low, Medium or High (or 1 to 3)"),
    (lambda: risk_score("High", 4), "impact 4 is not on the 3x3 scale; use Low, Medium or High (or 1 to 3)"),
    (lambda: risk_score(None, "High"), "probability is blank; use Low, Medium or High (or 1 to 3)"),
    (lambda: risk_score("High", "Severe", "5x5"),
     "impact 'Severe' is not on the 5x5 scale; use Very Low, Low, Medium, High or Very High (or 1 to 5)"),
    (lambda: risk_score("High", "High", "4x4"), "scale '4x4' is not known; use 3x3 or 5x5"),
    (lambda: rag(5), "score 5 is not a score on the 3x3 scale; use one of 1, 2, 3, 4, 6, 9"),
    (lambda: rag("Red"), "score 'Red' is not a score on the 3x3 scale; use one of 1, 2, 3, 4, 6, 9"),
    (lambda: rag(26, "5x5"),
     "score 26 is not a score on the 5x5 scale; use one of 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25"),
])
def test_bad_input_is_one_sentence_naming_value_and_allowed_values(call, message):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.message == message

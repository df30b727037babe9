"""Eligibility with its evidence, the early-warning list, and RIEP.ELIGIBLE's core."""

from __future__ import annotations

import pytest

from records.recdata import FEN, MARSH, D, book, world
from riep.errors import InputError
from riep.records.eligibility import check_early_warning, check_eligibility, eligible
from riep.settings import RecordsSettings


def test_eligible_from_a_row_of_scores():
    assert eligible([2, 1, None, ""], areas=["Organisational Assessment", "Use of Resources"]) == (
        True, "Yes: score of 1 in Use of Resources")
    assert eligible([2, "1"]) == (True, "Yes: score of 1 in area 2")
    assert eligible([3, 2], "Children's services") == (True, "Yes: service failure in Children's services")
    assert eligible([2], "yes") == (True, "Yes: service failure")
    assert eligible([1.0, 1], "no", ["A", "B"]) == (True, "Yes: score of 1 in A; score of 1 in B")
    assert eligible([3, 2, None], "no") == (False, "No: lowest score 2, no service failure")
    assert eligible([None, ""]) == (False, "No: no score and no service failure")


@pytest.mark.parametrize("bad, shown", [(5, "5"), (0, "0"), ("high", "'high'"), (1.5, "1.5")])
def test_a_score_outside_1_to_4_is_refused(bad, shown):
    with pytest.raises(InputError) as info:
        eligible([2, bad])
    assert info.value.message == f"score {shown} is not 1, 2, 3 or 4 (the Audit Commission's scale)"


def test_a_supported_authority_is_eligible_with_the_evidence_quoted():
    (f,) = check_eligibility(book())
    assert (f.rule, f.severity.value, f.sheet, f.cell) == ("SUP-001", "info", "Assessments", "D5")
    assert f.message == (f"{FEN} is eligible: score of 1 in Use of Resources (2008/09, Audit Commission, 11/12/2008).")


def test_the_latest_assessment_of_an_area_counts():
    w = world()
    w["Assessments"].append([FEN, "2009/10", "use of resources", 2, "no", None, None, "Audit Commission",
                             D(2009, 12, 9)])
    (f,) = check_eligibility(book(w))
    assert (f.rule, f.severity.value, f.sheet, f.cell) == ("SUP-002", "error", "SupportCases", "A5")
    assert f.message == (f"{FEN} is supported but Assessments shows no service failure and no score of 1 in the "
                         "latest assessment of any area; record the evidence or review the case.")


def test_a_service_failure_is_evidence():
    w = world()
    w["Assessments"] = [[FEN, "2008/09", "Benefits service", None, "yes", "Housing benefit administration", None,
                         "Audit Commission", D(2008, 11, 20)]]  # a district's service, not a county's
    (f,) = check_eligibility(book(w))
    assert (f.rule, f.cell) == ("SUP-001", "E5")
    assert f.message == (f"{FEN} is eligible: service failure in Housing benefit administration (2008/09, Audit "
                         "Commission, 20/11/2008).")


def test_a_mentor_only_case_needs_no_service_failure_or_score_of_1():
    w = world()
    w["Assessments"] = [[FEN, "2008/09", "Use of Resources", 3, "no", None, None, "Audit Commission", D(2008, 12, 11)]]
    w["SupportCases"][0] += ["mentor"]
    (f,) = check_eligibility(book(w))
    assert (f.rule, f.severity.value, f.sheet, f.cell) == ("SUP-001", "info", "SupportCases", "J5")
    assert f.message == (f"{FEN} has a Chief Executive mentor only: open to any authority that wishes it, so no "
                         "service failure or score of 1 is needed (Improvement East, Giving and taking to improve the "
                         "region (letter to partners)).")


def test_early_warning_a_fallen_score_of_2_and_a_low_ni179_projection():
    w = world()
    w["Assessments"] += [
        [MARSH, "2007/08", "Use of Resources", 3, "no", None, None, "Audit Commission", D(2007, 12, 12)],
        [MARSH, "2008/09", "Use of Resources", 2, "no", None, None, "Audit Commission", D(2008, 12, 11)],
        [MARSH, "2009/10", "NI 179", None, "no", None, 0.015, "NI 179 return", D(2009, 10, 30)],
        ["Fenland District Council", "2008/09", "Use of Resources", 2, "no", None, None, None, None],
        ["Fenland District Council", "2009/10", "NI 179", None, None, None, 3.2, None, None],
    ]
    (f,) = check_early_warning(book(w), RecordsSettings())
    assert (f.rule, f.severity.value, f.cell, f.scope) == ("SUP-003", "info", "D8", MARSH)
    assert f.message == (f"{MARSH} is on the early-warning list: Use of Resources fell from 3 (2007/08) to 2 "
                         "(2008/09, Audit Commission, 11/12/2008); NI 179 projected saving 1.5% against the 3% "
                         "target (2009/10, NI 179 return, 30/10/2009).")
    higher = {f.scope: f.message for f in check_early_warning(book(w), RecordsSettings(ni179_target_pct=3.5))}
    assert higher["Fenland District Council"] == (
        "Fenland District Council is on the early-warning list: NI 179 projected saving 3.2% against the 3.5% target "
        "(2009/10).")


def test_a_score_of_2_that_did_not_fall_is_not_an_early_warning():
    w = world()
    w["Assessments"] += [[MARSH, "2007/08", "Use of Resources", 2, "no", None, None, None, None],
                         [MARSH, "2008/09", "Use of Resources", 2, "no", None, None, None, None]]
    assert check_early_warning(book(w), RecordsSettings()) == []


def test_an_eligible_authority_without_a_case_is_on_the_list():
    w = world()
    w["Assessments"].append([MARSH, "2009/10", "Managing Performance", 1, "no", None, None, "Audit Commission",
                             D(2009, 12, 9)])
    (f,) = check_early_warning(book(w), RecordsSettings())
    assert (f.rule, f.cell) == ("SUP-003", "D7")
    assert f.message == (f"{MARSH} is eligible for support (score of 1 in Managing Performance (2009/10, Audit "
                         "Commission, 09/12/2009)) but has no support case.")


def test_assessments_after_the_as_of_day_are_not_evidence_yet():
    from riep.records import evaluate
    from riep.settings import Settings

    w = world()
    w["Assessments"].append([FEN, "2009/10", "Use of Resources", 2, "no", None, None, "Audit Commission",
                             D(2009, 12, 9)])
    rules = lambda day: [f.rule for f in evaluate(book(w), Settings(), day).findings if f.rule < "SUP-003"]  # noqa: E731
    assert rules(D(2009, 12, 1)) == ["SUP-001"]
    assert rules(D(2009, 12, 15)) == ["SUP-002"]

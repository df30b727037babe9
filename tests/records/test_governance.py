"""The lead Chief Executive and the Improvement Board: conditions, time, membership, chair, meetings."""

from __future__ import annotations

from records.recdata import FEN, D, book, world
from riep.records.governance import check_governance, conditions_met, meeting_gaps
from riep.settings import RecordsSettings

AS_OF = D(2009, 12, 15)
S = RecordsSettings()


def _found(w, as_of=AS_OF, s=S):  # type: ignore[no-untyped-def]
    return [(f.rule, f.severity.value, f.sheet, f.cell, f.message) for f in check_governance(book(w), as_of, s)]


def test_a_clean_case_has_no_findings():
    assert _found(world()) == []


def test_conditions_of_funding():
    w = world()
    w["SupportCases"][0][3] = None
    w["SupportCases"][0][5] = D(2010, 1, 5)
    assert _found(w)[0] == (
        "SUP-004", "warning", "SupportCases", "C5",
        f"{FEN}: on 15/12/2009 the case has no lead Chief Executive from another authority and no Improvement Board "
        "established, which Improvement East funding normally expects (Improvement East, Support for individual "
        "authorities (role of the lead Chief Executive)); put them in place, or record in 'Conditions waived' who "
        "agreed the exception and why.")
    case = book(w).cases[0]
    assert conditions_met(case, D(2010, 1, 5)) == ["no lead Chief Executive from another authority"]
    w["SupportCases"][0] += [None, "Member Panel, 10/09/2009: the board is being formed with the county"]
    assert [f[0] for f in _found(w)] == []  # a waiver recorded: no SUP-004
    w["SupportCases"][0][-1] = None
    w["Settings"] = [["Partnership", "east_midlands"]]
    assert [f[0] for f in _found(w)] == []  # the East Midlands paper sets no conditions


def test_lead_chief_executive_time_above_one_day_a_month():
    w = world()
    w["SupportCases"][0][4] = 1.5
    assert _found(w) == [("SUP-005", "warning", "SupportCases", "E5",
                          f"{FEN}: the lead Chief Executive (Chief Executive, Huntingdonshire) gives 1.5 days a month, "
                          "above the 1 expected (Improvement East, Support for individual authorities (role of the lead "
                          "Chief Executive)); agree the time with both authorities, or record in Notes why more is "
                          "needed.")]
    assert _found(w, s=RecordsSettings(max_days_per_month=2)) == []


def test_missing_roles_are_a_warning_and_the_chair_must_be_a_member():
    w = world()
    w["BoardMembers"] = [m for m in w["BoardMembers"] if m[2] not in ("IDeA associate", "District Auditor")]
    w["SupportCases"][0][6] = "Cllr Someone Else"
    assert _found(w) == [
        ("SUP-006", "warning", "SupportCases", "F5",
         f"{FEN}: the Improvement Board has no IDeA associate, District Auditor; good practice is to include them "
         "(recommended, not required): add them to BoardMembers, or note why not."),
        ("SUP-007", "error", "SupportCases", "G5",
         f"{FEN}: the board chair is 'Cllr Someone Else', who is not listed in BoardMembers; the chair must be a "
         "member of the board. Add the chair to BoardMembers, or correct the Board chair."),
    ]


def test_an_improvement_east_representative_holds_the_lead_chief_executive_role():
    w = world()
    w["BoardMembers"] = [m if m[2] != "Lead Chief Executive" else [FEN, "A. Officer", "Improvement East representative",
                                                                   "Improvement East"] for m in w["BoardMembers"]]
    assert _found(w) == []
    w["BoardMembers"] = [m for m in w["BoardMembers"] if m[2] != "Improvement East representative"]
    assert [f[4].split(";")[0] for f in _found(w)] == [
        f"{FEN}: the Improvement Board has no Lead Chief Executive or Improvement East representative"]


def test_a_mentor_only_case_has_no_board_or_conditions_to_check():
    w = world()
    w["SupportCases"][0][5] = None  # no board
    w["SupportCases"][0] += ["mentor"]
    w["Meetings"] = []
    assert _found(w) == []


def test_a_meeting_gap_above_six_weeks_in_the_first_year_only():
    w = world()
    w["Meetings"] = [m for m in w["Meetings"] if not D(2009, 4, 1) < m[1] < D(2009, 6, 1)]
    w["Meetings"] = [m for m in w["Meetings"] if m[1] < D(2009, 12, 1)] + [[FEN, D(2010, 3, 1), "yes", "yes"]]
    found = _found(w, as_of=D(2010, 3, 31))
    assert found == [
        ("SUP-008", "warning", "Meetings", "B7",
         f"{FEN}: 15.0 weeks between board meetings on 10/03/2009 and 23/06/2009; in its first year the board should "
         "meet at least every 6 weeks. Arrange the next meeting, or note why the board met less often."),
        ("SUP-008", "warning", "Meetings", "B12",
         f"{FEN}: 15.9 weeks between board meetings on 10/11/2009 and 01/03/2010; in its first year the board should "
         "meet at least every 6 weeks. Arrange the next meeting, or note why the board met less often."),
    ]
    # after the first year (board established 20/01/2009) a long gap is no longer a finding
    later = world()
    later["Meetings"] = [m for m in later["Meetings"] if m[1] < D(2010, 1, 1)] + [[FEN, D(2010, 6, 1), "yes", "yes"]]
    assert _found(later, as_of=D(2010, 6, 30)) == []


def test_no_meeting_since_on_the_as_of_day():
    w = world()
    w["Meetings"] = [m for m in w["Meetings"] if m[1] < D(2009, 6, 1)]
    assert _found(w, as_of=D(2009, 8, 1)) == [
        ("SUP-008", "warning", "SupportCases", "F5",
         f"{FEN}: no board meeting since 19/05/2009 (10.6 weeks on 01/08/2009); in its first year the board should "
         "meet at least every 6 weeks. Arrange the next meeting, or note why the board met less often.")]
    gaps = meeting_gaps(book(w).cases[0], book(w).meetings, D(2009, 8, 1), S)
    assert [(a, b, m) for a, b, m in gaps] == [(D(2009, 5, 19), D(2009, 8, 1), None)]


def test_notes_of_every_meeting_and_key_messages():
    w = world()
    w["Meetings"][1][2] = "no"
    w["Meetings"][2][3] = None
    w["Meetings"].append([FEN, D(2010, 1, 5), "no", "no"])  # after the as-of day: not judged
    assert _found(w) == [
        ("SUP-009", "error", "Meetings", "C6", f"{FEN}: no notes recorded for the board meeting on 10/03/2009. Record where the notes are kept and set Notes taken to yes."),
        ("SUP-010", "warning", "Meetings", "D7",
         f"{FEN}: no key messages issued after the board meeting on 14/04/2009 (good practice). Issue key messages, or note why not."),
    ]


def test_a_board_not_yet_established_is_only_a_condition():
    w = world()
    w["SupportCases"][0][5] = None
    assert [r for r, *_ in _found(w)] == ["SUP-004"]


def test_the_east_midlands_paper_names_no_board_roles():
    w = world()
    w["Settings"] = [["Partnership", "east_midlands"]]
    w["BoardMembers"] = [m for m in w["BoardMembers"] if m[2] in ("Leader",)]
    assert _found(w) == []

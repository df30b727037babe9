"""Ring-fenced money (RING-001, RING-002) and the funding total (TOT-004)."""

from __future__ import annotations

from allocdata import FUNDS, LINES, STATED, book
from riep.checks.validate import check_book
from riep.settings import Settings

LINES_CE = LINES + [("2009/10", "Skills and Capacity", "Community Empowerment", 200)]
STATED_CE = [("2009/10", "Grand total", 3397), ("2009/10", "Funding total", 3500)]
CE = ("2009/10", "Community Empowerment", "Skills and Capacity cluster", "ring-fenced", "received", 200000, "£")
COHESION = ("2009/10", "Community Cohesion", "DCLG", "ring-fenced", "expected", 150000, "£")
CLIMATE = ("2009/10", "Climate Change", "DEFRA", "ring-fenced", "received", 288624, "£")


def ring(b):
    return [(f.rule, f.severity.value, f.cell, f.message) for f in check_book(b, Settings())
            if f.rule.startswith(("RING", "TOT-004"))]


def test_internal_transfer_is_recognised_and_counted_once():
    assert ring(book(lines=LINES_CE, stated=STATED_CE, funds=FUNDS + [CE, COHESION, CLIMATE])) == [
        ("RING-002", "info", "F6", "Community Empowerment's £200,000 in the ring-fenced note is the same money as the "
                                   "£200k 'Community Empowerment' line of Skills and Capacity: a transfer, not new "
                                   "income, so it is counted once."),
    ]


def test_transfer_counted_again_in_the_funding_total_is_an_error():
    stated = [("2009/10", "Grand total", 3397), ("2009/10", "Funding total", 3700)]
    found = ring(book(lines=LINES_CE, stated=stated, funds=FUNDS + [CE]))
    assert ("RING-002", "error", "C6", "The 2009/10 funding total of £3,700k counts Community Empowerment £200,000 "
                                       "from Skills and Capacity cluster again, although it is already allocated in "
                                       "its theme's line: the same money counted twice.") in found


def test_transfer_whose_line_differs_or_is_missing_is_a_warning():
    lines = LINES + [("2009/10", "Skills and Capacity", "Community Empowerment", 150)]
    assert ring(book(lines=lines, stated=STATED_CE, funds=FUNDS + [CE]))[0] == (
        "RING-002", "warning", "F6", "Community Empowerment's £200,000 in the ring-fenced note is funded from Skills "
                                     "and Capacity cluster, but the 'Community Empowerment' line there has £150k.")
    lines = LINES + [("2009/10", "Skills and Capacity", "Member Development", 150)]
    assert ring(book(lines=lines, stated=STATED_CE, funds=FUNDS + [CE]))[0] == (
        "RING-002", "warning", "F6", "Community Empowerment (£200,000) is said to be funded from Skills and Capacity "
                                     "cluster, but the Skills and Capacity theme has no line called 'Community "
                                     "Empowerment'.")


def test_expected_income_counted_as_received():
    stated = STATED[:3] + [("2009/10", "Funding total", 3650)]
    assert ring(book(stated=stated, funds=FUNDS + [COHESION, CLIMATE])) == [
        ("RING-001", "error", "C8", "The 2009/10 funding total of £3,650k only adds up by counting income still "
                                    "expected as if received: Community Cohesion £150,000 from DCLG."),
    ]
    core_expected = [("2009/10", "Year Two funding", "CLG/LGA", "grant", "received", 3.0, "£m"),
                     ("2009/10", "Capital", "CLG", "capital", "expected", 0.5, "£m")]
    assert ring(book(funds=core_expected))[0][0] == "RING-001"


def test_ring_fenced_money_for_partners_is_not_part_of_the_funding_total():
    stated = STATED[:3] + [("2009/10", "Funding total", 3788.624)]
    assert ring(book(stated=stated, funds=FUNDS + [CLIMATE])) == [
        ("TOT-004", "error", "C8", "The 2009/10 funding total of £3,788.6k includes ring-fenced money channelled to "
                                   "partners (Climate Change £288,624 from DEFRA), which is not part of the budget."),
    ]


def test_funding_total_that_matches_nothing():
    stated = STATED[:3] + [("2009/10", "Funding total", 4000)]
    assert ring(book(stated=stated)) == [
        ("TOT-004", "error", "C8", "The 2009/10 funding total states £4,000k but the year's funding streams add up to "
                                   "£3,500k, a difference of £500k."),
    ]

"""The documents the rules enforce, by the titles a reader can look up.

Every rule that rests on a document cites it by one of these titles (never a file name), and
quotes the words it enforces; ``riep rules --markdown`` prints both in ``docs/rules.md``.
"""

from __future__ import annotations

__all__ = ["LEAD_CEX", "IMPROVEMENT_BOARD", "GIVING_AND_TAKING", "EM_DIFFICULTY", "YEAR_TWO_PLAN", "cite"]

LEAD_CEX = "Improvement East, Support for individual authorities (role of the lead Chief Executive)"
IMPROVEMENT_BOARD = "Improvement East, Support for individual authorities (Improvement Board)"
GIVING_AND_TAKING = "Improvement East, Giving and taking to improve the region (letter to partners)"
EM_DIFFICULTY = ("East Midlands IEP Board, 12 September 2008, item 7: Support for Local Authorities in "
                 "Difficulty")
YEAR_TWO_PLAN = "Improvement East, Year Two Delivery Plan (2009/10)"


def cite(title: str, where: str = "") -> str:
    """``Improvement East, Year Two Delivery Plan (2009/10), section 4.0``: a title and, if given, where in it."""
    return f"{title}, {where}" if where else title

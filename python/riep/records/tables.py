"""The table contract of the authority-support workbook: seven named Excel Tables.

``Authorities`` lists every authority a case may name (the region's 55 and any illustrative
ones); the other six describe the support cases. Headers match case- and space-insensitively;
other words can be mapped under ``[headers.<Table>]`` in ``riep.toml``.
"""

from __future__ import annotations

from riep.table import ColumnSpec as C
from riep.table import TableSpec

__all__ = [
    "AUTHORITIES", "ASSESSMENTS", "SUPPORT_CASES", "BOARD_MEMBERS", "MEETINGS", "PROGRESS_REPORTS",
    "SUPPORT_FUNDING", "PARTNERSHIP_MEETINGS", "ALL_TABLES", "CASE_KINDS", "FUNDING_KINDS", "YES_WORDS", "NO_WORDS",
]

FUNDING_KINDS = ("core", "additional", "urgent")
YES_WORDS = ("yes", "y", "true", "1")
NO_WORDS = ("no", "n", "false", "0")

AUTHORITIES = TableSpec(
    "Authorities",
    (
        C("Name", aliases=("Authority",)),
        C("Type"),
        C("County area", aliases=("County",)),
        C("Illustrative", required=False),
    ),
    "Every authority a case may name: the region's principal authorities, and invented ones marked illustrative.",
)

ASSESSMENTS = TableSpec(
    "Assessments",
    (
        C("Authority"),
        C("Year"),
        C("Area", aliases=("Assessed area",)),
        C("Score", required=False),
        C("Service failure", required=False),
        C("Failing service", required=False, aliases=("Which service",)),
        C("NI 179 projected saving %", required=False, aliases=("NI 179 %", "NI179 %", "NI 179")),
        C("Source", required=False),
        C("Date", required=False),
    ),
    "Scores (1 performs poorly to 4 excellently), service failures and NI 179 projections, one row per area and year.",
)

SUPPORT_CASES = TableSpec(
    "SupportCases",
    (
        C("Authority"),
        C("Year opened"),
        C("Lead Chief Executive", aliases=("Lead CEX",)),
        C("Lead from", aliases=("Lead Chief Executive's authority", "Lead CEX authority")),
        C("Days per month", aliases=("Days a month",)),
        C("Board established", aliases=("Improvement Board established",)),
        C("Board chair", aliases=("Chair",)),
        C("Closed on", required=False),
        C("Notes", required=False),
        C("Kind", required=False, aliases=("Case kind",)),
        C("Conditions waived", required=False, aliases=("Waiver", "Conditions waiver")),
    ),
    "One row per authority supported: its lead Chief Executive, their time and the Improvement Board. Kind: "
    "support (an individual authority, the default) or mentor (a Chief Executive mentor only, open to any "
    "authority). Conditions waived: who agreed an exception to the conditions of funding, and why.",
)

BOARD_MEMBERS = TableSpec(
    "BoardMembers",
    (
        C("Authority"),
        C("Name", aliases=("Member",)),
        C("Role"),
        C("Organisation", required=False),
    ),
    "The members of each authority's Improvement Board, with their role among the nine recommended.",
)

MEETINGS = TableSpec(
    "Meetings",
    (
        C("Authority"),
        C("Date", aliases=("Meeting date",)),
        C("Notes taken", aliases=("Notes",)),
        C("Key messages issued", aliases=("Key messages",)),
    ),
    "Improvement Board meetings: date, whether notes were taken and key messages issued.",
)

PROGRESS_REPORTS = TableSpec(
    "ProgressReports",
    (
        C("Authority"),
        C("Quarter"),
        C("Due", required=False),
        C("Received", aliases=("Received on",)),
    ),
    "Quarterly progress reports to the Partnership: the financial quarter, when due, when received.",
)

SUPPORT_FUNDING = TableSpec(
    "SupportFunding",
    (
        C("Authority"),
        C("Kind"),
        C("Amount (£)", aliases=("Amount £", "Amount")),
        C("Approved by"),
        C("Approved on"),
        C("Reported on", required=False, aliases=("Reported to board on", "Reported to board", "Reported")),
        C("Committed (£)", required=False, aliases=("Committed",)),
        C("Spent (£)", required=False, aliases=("Spent",)),
        C("Purpose", required=False),
        C("Reported to", required=False, aliases=("Reported to body",)),
    ),
    "Money for each authority in whole pounds: core, additional (capped, agreed by the lead Chief Executive) or "
    "urgent (approved under the partnership's urgency process and reported to the body its profile names).",
)

PARTNERSHIP_MEETINGS = TableSpec(
    "PartnershipMeetings",
    (
        C("Body", aliases=("Meeting of",)),
        C("Date", aliases=("Meeting date",)),
    ),
    "Optional: meetings of the Partnership's own bodies (e.g. the Member Panel), so an urgent decision can be "
    "checked against the first meeting after it.",
)

ALL_TABLES = (AUTHORITIES, ASSESSMENTS, SUPPORT_CASES, BOARD_MEMBERS, MEETINGS, PROGRESS_REPORTS, SUPPORT_FUNDING,
              PARTNERSHIP_MEETINGS)
CASE_KINDS = ("support", "mentor")

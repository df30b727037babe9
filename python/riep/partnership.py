"""Partnership profiles: the governance that differs from one RIEP to another.

Improvement East and the East Midlands IEP run the same kind of fund under different rules:
who approves urgent support and which of the Partnership's own bodies hears about it, who
agrees additional funding, which roles an Improvement Board should have, and whether the
conditions of funding are required or only normally expected. A :class:`Profile` carries
those differences, with the document and words each one comes from; the rules read the
profile and never hard-code one partnership.

Two profiles are built in (``improvement_east``, ``east_midlands``); ``riep.toml`` may add or
override one under ``[partnership.profiles.<key>]``. A workbook names its partnership in an
optional ``Settings`` table (:mod:`riep.workbook_settings`); ``[partnership] default`` is used
when it does not. This module holds plain models only, so loading settings stays light.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from riep.model import Model
from riep.sources import EM_DIFFICULTY, IMPROVEMENT_BOARD, LEAD_CEX, YEAR_TWO_PLAN, cite

__all__ = ["Profile", "PartnershipSettings", "BUILT_IN", "role_label"]

Conditions = Literal["required", "expected", "none"]


def _groups(value: object) -> object:
    """``"Leader"`` -> ``["Leader"]``: a role or approver given as one word needs no alternatives list."""
    if isinstance(value, list):
        return [[v] if isinstance(v, str) else v for v in value]
    return value


class Profile(Model):
    """One partnership's governance for support to individual authorities."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(description="The partnership's name as findings write it, e.g. 'Improvement East'.")
    conditions: Conditions = Field(
        description="Conditions of funding (a lead Chief Executive from another authority and an Improvement "
        "Board): 'required' (money released without them is an error), 'expected' (a warning, unless the case "
        "records a waiver) or 'none' (not checked).")
    conditions_source: str = Field("", description="The document and words the conditions come from.")
    urgent_approvers: list[list[str]] = Field(
        description="Who approves urgent support: every group must be named in 'Approved by'; the words in a "
        "group are alternatives (any one names that approver).")
    urgent_reported_to: list[str] = Field(
        description="The Partnership's own bodies every urgent decision is reported to (never the supported "
        "council's advisory Improvement Board).")
    urgent_report_days: int = Field(
        90, ge=0,
        description="Days after an urgent approval by which it must be reported when the workbook records no "
        "meeting of those bodies (PartnershipMeetings table); the documents set no deadline.")
    urgent_source: str = Field("", description="The document and words the urgency process comes from.")
    urgent_caveat: str = Field("", description="Where the document is not consistent with itself, what differs.")
    additional_approvers: list[str] = Field(
        default_factory=list,
        description="Who agrees additional funding (any one of these words in 'Approved by', or the case's lead "
        "Chief Executive by name); empty: not checked.")
    additional_source: str = Field("", description="The document and words it comes from.")
    board_roles: list[list[str]] = Field(
        description="The Improvement Board's recommended roles; the words in a group are alternatives (any one "
        "holds the role).")
    board_source: str = Field("", description="The document and words the roles come from.")

    _split = field_validator("urgent_approvers", "board_roles", mode="before")(lambda cls, v: _groups(v))


def role_label(group: list[str]) -> str:
    """``'Lead Chief Executive or Improvement East representative'``."""
    return " or ".join(group)


IMPROVEMENT_EAST = Profile(
    title="Improvement East",
    conditions="expected",
    conditions_source=cite(LEAD_CEX) + ": funding \"is normally subject to the authority agreeing that it will (i) "
    "receive the support from a lead Chief Executive from another authority; and (ii) establish a Joint Agency "
    "Group/Improvement Board\"",
    urgent_approvers=[["cluster"]],
    urgent_reported_to=["Member Panel"],
    urgent_source=cite(YEAR_TWO_PLAN, "section 4.0") + ": \"An urgency process has been agreed with delegation to "
    "clusters to make decisions\"; Cluster Meetings act \"with delegated powers from the Member Panel\"",
    additional_approvers=["Lead Chief Executive"],
    additional_source=cite(LEAD_CEX, "duty 5") + ": \"if necessary, agree additional funding support of up to "
    "£20,000 subject to certain criteria ... and availability\"",
    board_roles=[["Leader"], ["Opposition member"], ["Chief Executive"], ["Senior officer"],
                 ["Lead Chief Executive", "Improvement East representative"], ["Audit Commission"],
                 ["IDeA associate"], ["Government Office"], ["District Auditor"]],
    board_source=cite(IMPROVEMENT_BOARD, "Membership") + ": \"good practice suggests that the following should be "
    "members of the Board\", among them \"Improvement East lead Chief Executive and/or Improvement East "
    "representative\"",
)

EAST_MIDLANDS = Profile(
    title="East Midlands IEP",
    conditions="none",
    conditions_source=cite(EM_DIFFICULTY) + " sets no conditions of funding",
    urgent_approvers=[["Chair of the EM IEP Board", "Chair of the Member Board", "Chairs of the Officer and Member"],
                      ["Chair of the Officer Steering Group", "Chair of the Officer Board",
                       "Chairs of the Officer and Member"]],
    urgent_reported_to=["Officer Board", "Member Board"],
    urgent_source=cite(EM_DIFFICULTY, "officer report, paragraph 3.4") + ": \"agreement is obtained from the Chairs "
    "of the Officer and Member Boards with actions reported to subsequent meetings of the Officer and Member "
    "Boards\"",
    urgent_caveat="The paper is not consistent with itself: its paragraph 2.2 delegates to \"the Chair of the EM "
    "IEP Board and Chair of the Officer Steering Group\" with actions \"reported to the Board at an appropriate "
    "meeting\"; riep applies paragraph 3.4 (both Boards, at their next meetings), the stricter reading",
    additional_approvers=[],
    additional_source=cite(EM_DIFFICULTY) + " has no additional-funding approval",
    board_roles=[],
    board_source=cite(EM_DIFFICULTY) + " names no board membership (its paragraph 3.2: \"The principal lead "
    "agencies being the Government Office and the IDeA with support from the EM IEP\")",
)

BUILT_IN: dict[str, Profile] = {"improvement_east": IMPROVEMENT_EAST, "east_midlands": EAST_MIDLANDS}


class PartnershipSettings(Model):
    """Which partnership's rules apply: a built-in profile (improvement_east, east_midlands) or your own."""

    model_config = ConfigDict(extra="forbid")

    default: str = Field(
        "improvement_east",
        description="The profile used for a workbook that does not name its partnership (a Settings table row "
        "'Partnership'). Built in: improvement_east, east_midlands.")
    profiles: dict[str, Profile] = Field(
        default_factory=dict,
        description="Your own profiles, or changes to a built-in one, as [partnership.profiles.<key>] tables "
        "with every Profile field (see docs/settings.toml).")

    @model_validator(mode="after")
    def _default_known(self) -> PartnershipSettings:
        if self.default not in self.known():
            raise ValueError(f"default '{self.default}' is not a profile; use one of {', '.join(sorted(self.known()))}")
        return self

    def known(self) -> dict[str, Profile]:
        return {**BUILT_IN, **self.profiles}

    def profile(self, key: str | None = None) -> Profile:
        """The profile called ``key`` (the default when ``None``); ``KeyError`` when there is none."""
        return self.known()[key or self.default]

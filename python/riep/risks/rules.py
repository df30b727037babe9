"""The register's rules: complete, consistently scored, owned, reviewed and acted on.

:func:`check_register` applies every rule below to a :class:`~riep.risks.register.Register`
and returns the findings (plus those found while reading it). Each rule points at the cell
a person has to change.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TypedDict, Unpack

from riep.cellvalue import number_or_none
from riep.findings import Finding
from riep.risks.register import Register, Risk
from riep.rule import Rule, rule
from riep.table import is_error_value

__all__ = [
    "EMPTY", "DUPLICATE_ID", "NO_ID", "NOT_SCORED", "SCORE_MISMATCH", "RAG_MISMATCH", "RESIDUAL_WORSE",
    "RESIDUAL_MISSING", "NO_OWNER", "NO_REVIEW", "REVIEW_OVERDUE", "NO_RESPONSE", "NO_ACTIONS",
    "check_register", "is_overdue",
]

EMPTY = rule("RISK-001", "error", "risks", "Register has no risks",
             "The Risks table has no rows: a register with nothing in it tells the board nothing.")
DUPLICATE_ID = rule("RISK-002", "error", "risks", "Duplicate risk ID",
                    "Two or more risks share an ID, so reports and actions cannot say which one they mean.")
NO_ID = rule("RISK-003", "error", "risks", "Risk without an ID",
             "A risk with a blank ID cell; every risk needs an ID to be placed on the heat map and reported.")
NOT_SCORED = rule("RISK-006", "error", "risks", "Probability or impact blank",
                  "A risk whose probability or impact is blank, so it has no score and no RAG rating.")
SCORE_MISMATCH = rule("RISK-007", "error", "risks", "Score disagrees with the scale",
                      "A Score (or Residual score) cell that is not probability x impact on the scale in use "
                      "(a typed-over formula, an error value, or a register scored on another scale). A blank cell "
                      "states nothing and is not reported.")
RAG_MISMATCH = rule("RISK-008", "error", "risks", "RAG disagrees with the scale",
                    "A RAG cell that is not the band of the risk's score on the scale in use (see the [risks] "
                    "settings for the bands); R, A and G are accepted for Red, Amber and Green.")
RESIDUAL_WORSE = rule("RISK-009", "error", "risks", "Residual worse than inherent",
                      "A residual (after actions) probability, impact or score higher than the inherent one: "
                      "actions cannot make a risk worse.")
RESIDUAL_MISSING = rule("RISK-010", "warning", "risks", "Residual not assessed",
                        "A risk whose residual probability or impact is blank: the register does not say what "
                        "the actions are expected to achieve.")
NO_OWNER = rule("RISK-011", "error", "risks", "No owner",
                "A risk with a blank Owner cell: nobody is accountable for it.")
NO_REVIEW = rule("RISK-012", "error", "risks", "No review date",
                 "A risk (not Closed) with a blank Review date: nothing brings it back to the board.")
REVIEW_OVERDUE = rule("RISK-013", "error", "risks", "Review overdue",
                      "A risk (not Closed) whose review date is before the day riep judges against (--as-of, "
                      "default today).")
NO_RESPONSE = rule("RISK-014", "warning", "risks", "No response recorded",
                   "A risk with a blank Response: Tolerate, Treat, Transfer or Terminate.")
NO_ACTIONS = rule("RISK-015", "error", "risks", "Above appetite without actions",
                  "A risk scoring above the risk appetite (a setting per scale) with no actions recorded.")


def is_overdue(risk: Risk, as_of: dt.date) -> bool:
    """A risk still open whose review date has passed."""
    return risk.status != "Closed" and risk.review is not None and risk.review < as_of


def _shown(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str) and not is_error_value(value):
        return f"'{value}'"
    return str(value)


class _Figures(TypedDict, total=False):
    """What a register finding may say besides its place (which :meth:`_Checker.add` works out)."""

    expected: float | str | None
    actual: float | str | None
    difference: float | None
    unit: str | None


class _Checker:
    def __init__(self, reg: Register, as_of: dt.date) -> None:
        self.reg, self.as_of = reg, as_of
        self.out: list[Finding] = []

    def add(self, r: Rule, risk: Risk, column: str, message: str, **fields: Unpack[_Figures]) -> None:
        cols = self.reg.table.columns
        cell = self.reg.table.cell(column, risk.row) if column in cols else None
        self.out.append(r.finding(
            message, file=self.reg.file, sheet=self.reg.table.sheet, cell=cell, scope=risk.id or f"Row {risk.row}",
            **fields))

    def stated(self, risk: Risk, column: str, stated: object, expected: int, what: str) -> None:
        """A stated score must agree; a blank one (a formula not yet calculated, or none typed) states nothing."""
        if column not in self.reg.table.columns or stated is None:
            return
        got = number_or_none(stated)
        if got is None or got != expected:
            self.add(SCORE_MISMATCH, risk, column,
                     f"{risk.label}: {what} shows {_shown(stated)}; on the {self.reg.scale.name} scale it is "
                     f"{expected}.", expected=expected, actual=got if got is not None else str(stated),
                     difference=(got - expected) if got is not None else None)

    def risk(self, risk: Risk) -> None:
        s = self.reg.scale
        if not risk.id:
            self.add(NO_ID, risk, "ID", f"{risk.label} has no ID.")
        blank = [c for c, v in (("Probability", risk.probability), ("Impact", risk.impact))
                 if v is None and c not in risk.unreadable]
        for column in blank:
            self.add(NOT_SCORED, risk, column, f"{risk.label} has no {column.lower()}, so it has no score.")
        score = risk.score
        if score is not None:
            self.stated(risk, "Score", risk.stated_score, score, "Score")
            rag = s.rag(score)
            stated_rag = risk.stated_rag
            if "RAG" in self.reg.table.columns and stated_rag is not None:
                text = " ".join(str(stated_rag).split()).lower()
                if text not in (rag.lower(), rag[0].lower()):
                    self.add(RAG_MISMATCH, risk, "RAG",
                             f"{risk.label}: RAG shows {_shown(stated_rag)}; a score of {score} is {rag} on the "
                             f"{s.name} scale ({s.band_text()}).", expected=rag, actual=str(stated_rag))
            if score > s.appetite and not risk.actions:
                self.add(NO_ACTIONS, risk, "Actions required",
                         f"{risk.label} scores {score}, above the risk appetite of {s.appetite}, and has no actions.",
                         expected=s.appetite, actual=score)
        self.residual(risk)
        if not risk.owner:
            self.add(NO_OWNER, risk, "Owner", f"{risk.label} has no owner.")
        if risk.status != "Closed":
            if risk.review is None and "Review date" not in risk.unreadable:
                self.add(NO_REVIEW, risk, "Review date", f"{risk.label} has no review date.")
            elif risk.review is not None and risk.review < self.as_of:
                days = (self.as_of - risk.review).days
                self.add(REVIEW_OVERDUE, risk, "Review date",
                         f"{risk.label} was due for review on {risk.review:%d/%m/%Y}, {days} days before "
                         f"{self.as_of:%d/%m/%Y}.", expected=self.as_of.isoformat(), actual=risk.review.isoformat(),
                         difference=float(days), unit="days")
        if risk.response is None and "Response" not in risk.unreadable:
            self.add(NO_RESPONSE, risk, "Response",
                     f"{risk.label} has no response (Tolerate, Treat, Transfer or Terminate).")

    def residual(self, risk: Risk) -> None:
        cols = self.reg.table.columns
        pairs = (("Residual probability", risk.residual_probability), ("Residual impact", risk.residual_impact))
        missing = [c for c, v in pairs if v is None and c not in risk.unreadable]
        if missing and all(c in cols for c, _ in pairs):
            self.add(RESIDUAL_MISSING, risk, missing[0],
                     f"{risk.label} has no {' or '.join(m.lower() for m in missing)}.")
        residual = risk.residual_score
        if residual is None:
            return
        self.stated(risk, "Residual score", risk.stated_residual_score, residual, "Residual score")
        worse = [(c, rv, iv) for c, rv, iv in (("Residual probability", risk.residual_probability, risk.probability),
                                               ("Residual impact", risk.residual_impact, risk.impact))
                 if iv is not None and rv is not None and rv > iv]
        for column, rv, iv in worse:
            names = self.reg.scale.levels
            self.add(RESIDUAL_WORSE, risk, column,
                     f"{risk.label}: {column.lower()} {names[rv - 1]} is worse than the inherent "
                     f"{names[iv - 1]}.", expected=names[iv - 1], actual=names[rv - 1])


def check_register(reg: Register, as_of: dt.date) -> list[Finding]:
    """Every finding for the register (reading findings first), judged against ``as_of``."""
    out = list(reg.findings)
    if not reg.risks:
        t = reg.table
        out.append(EMPTY.finding(f"Table '{t.name}' has no risks.", file=reg.file, sheet=t.sheet,
                                 cell=t.header_cell(next(iter(t.columns)))))
        return out
    c = _Checker(reg, as_of)
    counts = Counter(r.id for r in reg.risks if r.id)
    first: dict[str, int] = {}
    for risk in reg.risks:
        if risk.id and counts[risk.id] > 1:
            if risk.id in first:
                c.add(DUPLICATE_ID, risk, "ID",
                      f"{risk.label}: ID {risk.id} is also used on row {first[risk.id]}.")
            else:
                first[risk.id] = risk.row
        c.risk(risk)
    return out + c.out

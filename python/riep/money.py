"""Money: units (£, £k, £m), conversions, and writing amounts the way the workbooks do.

Allocation tables are in £k, narrative figures in £m and ring-fenced grants in whole
pounds. Everything is compared in £k; messages write amounts as ``£4,575k``,
``£2.11m`` or ``£288,624`` as the unit asks.

Reports write money as UK finance officers do: whole £k or whole pounds, a negative in
brackets (``(£5,000)``) or in words (``£5,000 over the cap``), ``none`` where nothing is
left, and ``not given`` (never a made-up 0) where there is no figure. The Excel number
formats (``XL_*``) say the same in the sheets riep writes.
"""

from __future__ import annotations

import math
from enum import Enum

__all__ = ["Unit", "to_k", "from_k", "fmt_k", "fmt_whole_k", "fmt_amount", "fmt_signed_k", "fmt_pounds", "fmt_left", "parse_unit",
           "NOT_GIVEN", "XL_K", "XL_K_SIGNED", "XL_POUNDS", "XL_LEFT_POUNDS", "XL_HEADROOM_K"]

NOT_GIVEN = "not given"
XL_K = "#,##0;(#,##0);0"
"""£k in a column headed (£k): whole thousands, negatives in brackets."""
XL_K_SIGNED = "+#,##0;(#,##0);0"
"""A £k difference: ``+78``, ``(4,575)``."""
XL_HEADROOM_K = '#,##0;[Red](#,##0);"none"'
"""£k left (headroom): ``none`` when nothing is left, a shortfall in red brackets."""
XL_POUNDS = "£#,##0;[Red](£#,##0);£0"
"""Whole pounds, negatives in red brackets."""
XL_LEFT_POUNDS = '£#,##0;[Red]£#,##0" over";"none"'
"""Pounds left under a cap or on a line: ``£15,000``, ``none``, ``£5,000 over``."""


class Unit(str, Enum):
    """The three units money is written in."""

    POUNDS = "£"
    K = "£k"
    M = "£m"

    @property
    def per_k(self) -> float:
        """How many £k one of this unit is."""
        return {"£": 0.001, "£k": 1.0, "£m": 1000.0}[self.value]


_UNIT_WORDS = {
    "£": Unit.POUNDS, "gbp": Unit.POUNDS, "pounds": Unit.POUNDS, "£s": Unit.POUNDS,
    "£k": Unit.K, "k": Unit.K, "£000": Unit.K, "£000s": Unit.K, "£'000": Unit.K, "thousands": Unit.K,
    "£m": Unit.M, "m": Unit.M, "£million": Unit.M, "£mn": Unit.M, "millions": Unit.M,
}


def parse_unit(text: object) -> Unit | None:
    """``'£k'``, ``'£000'``, ``'£ m'`` ... to a :class:`Unit`; ``None`` if unrecognised."""
    if text is None:
        return None
    key = str(text).strip().lower().replace(" ", "").replace(",", "")
    return _UNIT_WORDS.get(key)


def to_k(amount: float, unit: Unit) -> float:
    """Convert an amount in ``unit`` to £k."""
    return amount * unit.per_k


def from_k(amount_k: float, unit: Unit) -> float:
    """Convert an amount in £k to ``unit``."""
    return amount_k / unit.per_k


def _number(value: float, decimals: int) -> str:
    text = f"{abs(value):,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt_amount(amount: float, unit: Unit) -> str:
    """Write an amount as the workbooks do: ``£4,575k``, ``£2.11m``, ``£288,624``."""
    sign = "-" if amount < 0 and not math.isclose(amount, 0, abs_tol=1e-9) else ""
    if unit is Unit.POUNDS:
        return f"{sign}£{_number(amount, 2 if amount % 1 else 0)}"
    if unit is Unit.M:
        return f"{sign}£{_number(amount, 3)}m"
    return f"{sign}£{_number(amount, 1)}k"


def fmt_k(amount_k: float) -> str:
    """Write a £k amount: ``£4,575k`` (one decimal place at most, trailing zeros dropped)."""
    return fmt_amount(round(amount_k, 1), Unit.K)


def fmt_whole_k(amount_k: float) -> str:
    """A £k amount as a Board paper writes it: whole £k (halves up), a negative in brackets: ``£8,347k``,
    ``(£42k)``."""
    whole = math.floor(abs(amount_k) + 0.5)
    return f"(£{whole:,}k)" if amount_k < 0 and whole else f"£{whole:,}k"


def fmt_signed_k(amount_k: float) -> str:
    """A difference with its sign: ``+£78k`` / ``-£4,575k``."""
    return ("+" if amount_k >= 0 else "") + fmt_k(amount_k)


def fmt_pounds(amount: float | None) -> str:
    """Whole pounds, as support funding is written: ``£20,000``, ``(£5,000)``; ``not given`` for no figure."""
    if amount is None:
        return NOT_GIVEN
    return f"(£{abs(amount):,.0f})" if round(amount) < 0 else f"£{amount:,.0f}"


def fmt_left(amount: float | None, unit: Unit = Unit.POUNDS, *, over: str = "over") -> str:
    """What is left under a cap, on a line or as headroom: ``£15,000``, ``none``, ``£5,000 over the cap`` (with
    ``over="over the cap"``); ``not given`` for no figure. Never a minus sign."""
    if amount is None:
        return NOT_GIVEN
    text = fmt_pounds(abs(amount)) if unit is Unit.POUNDS else fmt_amount(round(abs(amount), 1), unit)
    if text in ("£0", "£0k", "£0m"):
        return "none"
    return f"{text} {over}" if amount < 0 else text

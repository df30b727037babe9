"""A cell's value as the rules see it: the one conversion of a cell to a number, as text, and names compared loosely.

Every job and the add-in read a cell meant to hold a number or an amount of money with
:func:`cell_number`, so the same cell reads the same everywhere (:data:`MONEY_SPELLINGS` says how).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from riep.table import is_error_value

__all__ = ["MONEY_SPELLINGS", "Amount", "cell_number", "spelled_amount", "not_a_number", "number_or_none", "norm_name", "cell_text"]


MONEY_SPELLINGS = """\
- a number cell is that number (TRUE/FALSE are not numbers);
- an empty cell, or one of only spaces, is blank: no number;
- an Excel error value (#REF!, #N/A, #VALUE!, ...) is an error, never a number;
- text is text, as Excel's SUM sees it: never silently a number. When the text spells an amount
  (an optional minus and £, digits with thousands separated by commas or spaces, an optional
  decimal part and an optional k, m, bn or %), riep names that amount in its message so it can be
  typed as a number."""


@dataclass(frozen=True)
class Amount:
    """A cell meant to hold a number: ``value`` if it does, otherwise why not."""

    value: float | None
    raw: object
    kind: str  # "number" | "blank" | "text" | "error"

    @property
    def is_number(self) -> bool:
        return self.kind == "number"


def cell_number(raw: object) -> Amount:
    """Classify a cell: a number, blank, an Excel error value, or text (which Excel's SUM ignores; see
    :data:`MONEY_SPELLINGS` for what riep says such text spells)."""
    if raw is None or (isinstance(raw, float) and math.isnan(raw)) or (isinstance(raw, str) and not raw.strip()):
        return Amount(None, raw, "blank")
    if isinstance(raw, bool):
        return Amount(None, raw, "text")
    if isinstance(raw, (int, float)):
        return Amount(float(raw), raw, "number")
    if is_error_value(raw):
        return Amount(None, str(raw).strip().upper(), "error")
    return Amount(None, raw, "text")


def spelled_amount(raw: object) -> float | None:
    """The amount a text cell spells (``'£12 922'`` -> 12922, ``'£3.5m'`` -> 3.5), for the message that asks for
    it to be typed as a number; ``None`` when it spells none."""
    s = str(raw).strip().replace("£", "").replace(",", "").replace(" ", "").replace("\u00a0", "")
    s = re.sub(r"(?i)(k|m|bn|%)$", "", s)
    try:
        return float(s)
    except ValueError:
        return None


def not_a_number(raw: object) -> str:
    """The end of a sentence saying why ``raw`` is not a number: ``"is not a number"``, or for text that spells
    an amount ``"is text, not a number; type it as the number 12000"``."""
    spelled = spelled_amount(raw) if isinstance(raw, str) else None
    return "is not a number" if spelled is None else f"is text, not a number; type it as the number {spelled:g}"


def number_or_none(raw: object) -> float | None:
    """The number a cell holds under :data:`MONEY_SPELLINGS`, ``None`` for anything else (blank, error, text)."""
    return cell_number(raw).value


def norm_name(text: object) -> str:
    """Names compared loosely: case, spaces and punctuation ignored (``'LSPs / LAAs'`` == ``'lsps/laas'``)."""
    return re.sub(r"[^a-z0-9]+", "", str(text or "").lower())


def cell_text(value: object) -> str:
    """A cell as text: blank (``None``/NaN) as ``''``, ``2009.0`` as ``'2009'``, surrounding spaces dropped."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


"""Small text helpers: names compared loosely, a cell as text, and the sentences findings are written in."""

from __future__ import annotations

import math
import re

__all__ = ["norm_name", "cell_text", "plural", "total_label"]


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


def plural(n: int, word: str, many: str | None = None) -> str:
    """``plural(1, 'line') == '1 line'``; ``plural(2, 'line') == '2 lines'``."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def total_label(scope: str, year: str | None) -> str:
    """How a stated total is named in a sentence: 'The grand total for 2009/10', 'The Performance subtotal ...'."""
    low = scope.strip().lower()
    name = {"grand total": "The grand total", "funding total": "The funding total"}.get(
        low, f"The {scope} subtotal" if scope else "An unnamed total")
    return f"{name} for {year}" if year else name

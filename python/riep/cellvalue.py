"""A cell's value as the rules see it: as text, and names compared loosely."""

from __future__ import annotations

import math
import re

__all__ = ["norm_name", "cell_text"]


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


"""Scoring a risk: probability x impact on a scale, and the RAG rating of a score.

These are the functions the Excel add-in exposes as ``RIEP.RISK_SCORE`` and ``RIEP.RAG``;
the register checks use the same :class:`~riep.risks.scales.Scale` methods, so a cell
formula, the add-in and ``riep risks`` always agree.
"""

from __future__ import annotations

from riep.errors import InputError
from riep.risks.scales import SCALES, LevelError, Scale, read_level, scale_for
from riep.settings import RiskSettings

__all__ = ["RAG_COLOURS", "risk_score", "rag", "scale_named"]

RAG_COLOURS = {"Green": "#A9D08E", "Amber": "#FFD966", "Red": "#FF7C80"}  # fills on the sheets, PDF and heat map


def scale_named(scale: str, settings: RiskSettings | None = None) -> Scale:
    """The scale ``scale`` (``3x3`` or ``5x5``) with the bands of ``settings`` (defaults if none)."""
    name = str(scale).strip().lower()
    if name not in SCALES:
        raise InputError(f"scale '{scale}' is not known; use 3x3 or 5x5")
    return scale_for(settings or RiskSettings(), name)


def _level(value: object, what: str, s: Scale) -> int:
    try:
        level = read_level(value, s)
    except LevelError:
        shown = f"'{value}'" if isinstance(value, str) else f"{value}"
        raise InputError(f"{what} {shown} is not on the {s.name} scale; use {s.allowed_text()} "
                         f"(or 1 to {s.size})") from None
    if level is None:
        raise InputError(f"{what} is blank; use {s.allowed_text()} (or 1 to {s.size})")
    return level.value


def risk_score(probability: object, impact: object, scale: str = "3x3", settings: RiskSettings | None = None) -> int:
    """Probability level x impact level: ``risk_score("Medium", "High") == 6`` on the 3x3 scale."""
    s = scale_named(scale, settings)
    return _level(probability, "probability", s) * _level(impact, "impact", s)


def rag(score: object, scale: str = "3x3", settings: RiskSettings | None = None) -> str:
    """``"Red"``, ``"Amber"`` or ``"Green"`` for a score on the scale: ``rag(6) == "Red"`` on 3x3."""
    s = scale_named(scale, settings)
    value: float | None = None
    if isinstance(score, (int, float)) and not isinstance(score, bool):
        value = float(score)
    elif isinstance(score, str):
        try:
            value = float(score.strip())
        except ValueError:
            value = None
    if value is None or not value.is_integer() or int(value) not in s.scores:
        shown = f"'{score}'" if isinstance(score, str) else f"{score}"
        allowed = ", ".join(str(x) for x in s.scores)
        raise InputError(f"score {shown} is not a score on the {s.name} scale; use one of {allowed}")
    return s.rag(int(value))

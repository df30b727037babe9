"""Risk scales: the levels probability and impact are scored on, the RAG bands and the appetite.

A :class:`Scale` is built from the ``[risks]`` settings (:func:`scale_for`), so switching
from the delivery plan's High/Medium/Low (3x3) to the common 5x5 scale is a setting. Values
people type are read leniently by :func:`read_level`: ``Med``, ``h``, ``3`` and ``High ``
are all understood, and the caller is told whether the value was written exactly as the
drop-down list writes it (the workbook's live score formula only understands exact values).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from riep.settings import RiskSettings

__all__ = ["Scale", "Level", "SCALES", "RAG_LEVELS", "scale_for", "read_level", "read_choice", "LevelError"]

SCALES = ("3x3", "5x5")
RAG_LEVELS = ("Green", "Amber", "Red")


class LevelError(ValueError):
    """A value that is not one of a scale's levels; ``str()`` is the explanation."""


@dataclass(frozen=True)
class Level:
    """A level read from a cell: its value (1 = lowest), its name, and whether it was written exactly so."""

    value: int
    name: str
    exact: bool


@dataclass(frozen=True)
class Scale:
    """One scoring scale: ``levels`` lowest first; scores up to ``green_max`` are Green, up to ``amber_max`` Amber."""

    name: str
    levels: tuple[str, ...]
    green_max: int
    amber_max: int
    appetite: int

    @property
    def size(self) -> int:
        return len(self.levels)

    @property
    def max_score(self) -> int:
        return self.size * self.size

    @property
    def scores(self) -> list[int]:
        """Every score the scale can produce, lowest first (3x3: 1, 2, 3, 4, 6, 9)."""
        return sorted({p * i for p in range(1, self.size + 1) for i in range(1, self.size + 1)})

    def rag(self, score: int) -> str:
        """Green, Amber or Red for a score."""
        if score <= self.green_max:
            return "Green"
        if score <= self.amber_max:
            return "Amber"
        return "Red"

    def band_text(self) -> str:
        """The bands in words, e.g. ``Green 1-2, Amber 3-4, Red 6-9``."""
        parts = []
        for rag in RAG_LEVELS:
            scores = [s for s in self.scores if self.rag(s) == rag]
            if scores:
                parts.append(f"{rag} {scores[0]}-{scores[-1]}" if len(scores) > 1 else f"{rag} {scores[0]}")
        return ", ".join(parts)

    def allowed_text(self) -> str:
        """The allowed level names in words: ``Low, Medium or High``."""
        return ", ".join(self.levels[:-1]) + " or " + self.levels[-1]


def scale_for(settings: RiskSettings, name: str | None = None) -> Scale:
    """The scale called ``name`` (default: the one the settings choose), with its bands and appetite."""
    name = name or settings.scale
    if name not in SCALES:
        raise LevelError(f"scale '{name}' is not known; use 3x3 or 5x5")
    return Scale(
        name=name,
        levels=tuple(getattr(settings, f"levels_{name}")),
        green_max=getattr(settings, f"green_max_{name}"),
        amber_max=getattr(settings, f"amber_max_{name}"),
        appetite=getattr(settings, f"appetite_{name}"),
    )


def _key(text: str) -> str:
    text = " ".join(text.split()).lower().rstrip(".")
    return re.sub(r"^v\.?\s+", "very ", text)


def _candidates(key: str, levels: tuple[str, ...]) -> list[int]:
    hits: list[int] = []
    for k, name in enumerate(levels):
        full = name.lower()
        initials = "".join(w[0] for w in full.split())
        if key in (full, initials, full.replace(" ", "")) or full.startswith(key):
            hits.append(k)
    exact = [k for k in hits if levels[k].lower() in (key, key.replace(" ", ""))]
    return exact or hits


def read_level(value: object, scale: Scale) -> Level | None:
    """Read a probability or impact cell: ``None`` when blank, else the :class:`Level`.

    Accepted: the level names in any case and spacing (``high``, ``High ``), unambiguous
    abbreviations and initials (``Med``, ``h``, ``VH``, ``V. High``) and the level numbers
    1..n (``3`` or ``"3"``). Anything else raises :class:`LevelError`.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise LevelError(f"'{value}' is not a level")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 1 <= int(value) <= scale.size:
            return Level(int(value), scale.levels[int(value) - 1], exact=False)
        raise LevelError(f"{value:g} is not a level")
    if not isinstance(value, str):
        raise LevelError(f"'{value}' is not a level")
    key = _key(value)
    if re.fullmatch(r"\d+(\.0+)?", key):
        return read_level(float(key), scale)
    hits = _candidates(key, scale.levels)
    if len(hits) != 1:
        raise LevelError(f"'{value}' is not a level")
    k = hits[0]
    return Level(k + 1, scale.levels[k], exact=value == scale.levels[k])


def read_choice(value: object, choices: tuple[str, ...]) -> tuple[str, bool] | None:
    """Read a coded text cell against its list: ``None`` when blank, else (the choice, written exactly?).

    Case and spacing are forgiven; anything else raises :class:`LevelError`.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    key = " ".join(str(value).split()).lower()
    for choice in choices:
        if key == choice.lower():
            return choice, value == choice
    raise LevelError(f"'{value}' is not allowed")

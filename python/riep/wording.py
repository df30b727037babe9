"""How findings are worded: counts with their nouns, and how a stated total is named in a sentence."""

from __future__ import annotations

__all__ = ["plural", "total_label"]


def plural(n: int, word: str, many: str | None = None) -> str:
    """``plural(1, 'line') == '1 line'``; ``plural(2, 'line') == '2 lines'``."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def total_label(scope: str, year: str | None) -> str:
    """How a stated total is named in a sentence: 'The grand total for 2009/10', 'The Performance subtotal ...'."""
    low = scope.strip().lower()
    name = {"grand total": "The grand total", "funding total": "The funding total"}.get(
        low, f"The {scope} subtotal" if scope else "An unnamed total")
    return f"{name} for {year}" if year else name

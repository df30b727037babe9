"""The key figures of a monitoring position, as the first page of the monitoring report states them.

They are worked out from the same :class:`~riep.monitor.rules.Position` the findings and the
Budget monitoring sheet show, so the three never disagree.
"""

from __future__ import annotations

from collections import Counter

from riep.money import fmt_whole_k
from riep.monitor.rules import NOT_RATED, Position, variance_text
from riep.settings import MonitorSettings

__all__ = ["key_lines"]


def key_lines(pos: Position, s: MonitorSettings) -> list[str]:
    """``Lines' budget £8,347k: committed £7,393k, spent ...`` and the count of lines by RAG."""
    when = f"at the end of {pos.month:%B %Y}" if pos.month else "with no figures yet"
    budget, forecast = pos.total("budget"), pos.total("forecast")
    ratings = Counter(lp.rating(s) for lp in pos.lines)
    counts = [f"{ratings[r]} {label}" for r, label in (
        ("Red", "over budget (Red)"), ("Amber", f"under by more than {s.slippage_pct:g}% (Amber)"),
        ("Green", "within budget (Green)"), (NOT_RATED, "not rated (no plan figure or no figures this month)"))
        if ratings[r]]
    return [f"{pos.year} {when}: budget {fmt_whole_k(budget)} on the itemised lines; committed {fmt_whole_k(pos.total('committed'))}, "
            f"spent {fmt_whole_k(pos.total('spent'))}, forecast outturn {fmt_whole_k(forecast)}: {variance_text(forecast - budget)}.",
            f"{len(pos.lines)} lines: " + ", ".join(counts) + "."]

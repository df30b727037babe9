"""The heat map: inherent and residual grids of probability x impact, risk IDs placed in their cells.

Drawn with matplotlib (Agg backend, no display needed) as a PNG, which the PDF report and the
risk report sheet both embed. :func:`heat_map` also returns where it placed each risk and
the pixel centre of every grid cell, so tests (and anyone curious) can check the picture
against the data it was drawn from.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from riep.risks.register import Risk  # noqa: E402
from riep.risks.scales import Scale  # noqa: E402
from riep.risks.scoring import RAG_COLOURS  # noqa: E402

__all__ = ["HeatMap", "heat_map", "RAG_COLOURS", "PANELS"]

PANELS = ("Inherent", "Residual")
_DPI = 100


@dataclass
class HeatMap:
    """The picture and what is in it.

    ``placed[panel][(probability, impact)]`` lists the IDs drawn in that cell;
    ``cell_boxes[panel][(probability, impact)]`` is the cell's box in PNG pixels (left, top,
    right, bottom, from the top left); ``unplaced[panel]`` are risks not scored there.
    """

    png: bytes
    width_px: int
    height_px: int
    placed: dict[str, dict[tuple[int, int], list[str]]] = field(default_factory=dict)
    cell_boxes: dict[str, dict[tuple[int, int], tuple[int, int, int, int]]] = field(default_factory=dict)
    unplaced: dict[str, list[str]] = field(default_factory=dict)

    def count(self, panel: str) -> int:
        return sum(len(ids) for ids in self.placed[panel].values())


def _label(ids: list[str]) -> str:
    lines = [" ".join(ids[k:k + 3]) for k in range(0, len(ids), 3)]
    return "\n".join(lines)


def heat_map(risks: list[Risk], scale: Scale, title: str = "Risk heat map") -> HeatMap:
    """Draw both grids for ``risks`` on ``scale``."""
    n = scale.size
    fig, axes = plt.subplots(1, 2, figsize=(11, 5.2), dpi=_DPI)
    fig.subplots_adjust(left=0.11, right=0.98, bottom=0.17, top=0.84, wspace=0.32)
    fig.suptitle(f"{title} ({scale.name} scale: {scale.band_text()})", fontsize=13, fontweight="bold")
    result = HeatMap(png=b"", width_px=0, height_px=0)
    for ax, panel in zip(axes, PANELS):
        placed: dict[tuple[int, int], list[str]] = {}
        unplaced: list[str] = []
        for r in risks:
            p, i = (r.probability, r.impact) if panel == "Inherent" else (r.residual_probability, r.residual_impact)
            rid = r.id or f"row {r.row}"
            if p is None or i is None:
                unplaced.append(rid)
            else:
                placed.setdefault((p, i), []).append(rid)
        for p in range(1, n + 1):
            for i in range(1, n + 1):
                colour = RAG_COLOURS[scale.rag(p * i)]
                ax.add_patch(Rectangle((i - 1, p - 1), 1, 1, facecolor=colour, edgecolor="white", linewidth=2,
                                       antialiased=False))
                ax.text(i - 0.06, p - 0.94, str(p * i), ha="right", va="bottom", fontsize=8, color="#404040")
                ids = placed.get((p, i))
                if ids:
                    ax.text(i - 0.5, p - 0.5, _label(ids), ha="center", va="center", fontsize=11 if n == 3 else 8,
                            fontweight="bold", color="black")
        ax.set_xlim(0, n)
        ax.set_ylim(0, n)
        ax.set_aspect("equal")
        ax.set_xticks([k + 0.5 for k in range(n)], list(scale.levels), fontsize=9 if n == 3 else 7)
        ax.set_yticks([k + 0.5 for k in range(n)], list(scale.levels), fontsize=9 if n == 3 else 7)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_xlabel("Impact", fontsize=10)
        ax.set_ylabel("Probability", fontsize=10)
        count = sum(len(v) for v in placed.values())
        heading = "Inherent (before actions)" if panel == "Inherent" else "Residual (after actions)"
        ax.set_title(f"{heading}: {count} of {len(risks)} risks", fontsize=11)
        if unplaced:
            shown = ", ".join(unplaced[:8]) + (" ..." if len(unplaced) > 8 else "")
            ax.text(n / 2, -0.62 if n == 3 else -0.9, f"Not assessed: {shown}", ha="center", va="top", fontsize=8,
                    color="#7F7F7F", transform=ax.transData)
        result.placed[panel] = placed
        result.unplaced[panel] = unplaced
        result.cell_boxes[panel] = {}
    fig.canvas.draw()
    width, height = fig.canvas.get_width_height()
    for ax, panel in zip(axes, PANELS):
        for p in range(1, n + 1):
            for i in range(1, n + 1):
                (x0, y0), (x1, y1) = ax.transData.transform([(i - 1, p), (i, p - 1)])
                result.cell_boxes[panel][(p, i)] = (round(x0), round(height - y0), round(x1), round(height - y1))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=_DPI, metadata={"Software": None})
    plt.close(fig)
    result.png, result.width_px, result.height_px = buf.getvalue(), width, height
    return result

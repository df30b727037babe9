"""The heat map is a real picture: coloured cells by RAG band, risk IDs drawn where the data puts them."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.image import imread

from riep.pdf.heatmap import PANELS, RAG_COLOURS, heat_map
from riep.risks.register import Risk
from riep.risks.scales import scale_for
from riep.settings import RiskSettings
from risks.riskdata import png_cells

# the seed's seven risks: (probability, impact) on the 3x3 scale
SEED = [(1, 3), (1, 3), (2, 3), (2, 3), (1, 3), (2, 3), (2, 3)]


def _risks(levels, residual=None):
    residual = residual or [(None, None)] * len(levels)
    return [Risk(row=5 + k, id=f"R{k + 1}", title="t", probability=p, impact=i, residual_probability=rp,
                 residual_impact=ri) for k, ((p, i), (rp, ri)) in enumerate(zip(levels, residual))]


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[k:k + 2], 16) for k in (1, 3, 5)])


def _analyse(hm):
    """Per panel and cell: the fill colour near the top-left corner, and how much ink is drawn in the middle."""
    assert imread(io.BytesIO(hm.png)).shape[:2] == (hm.height_px, hm.width_px)
    return {(panel, cell): seen for panel in PANELS for cell, seen in png_cells(hm.png, hm.cell_boxes[panel]).items()}


@pytest.mark.parametrize("scale", ["3x3", "5x5"])
def test_cells_are_coloured_by_band_and_ids_drawn_where_placed(scale):
    s = scale_for(RiskSettings(), scale)
    levels = SEED if scale == "3x3" else [(p + 1, i + 1) for p, i in SEED]  # Low/Medium/High are 2/3/4 on 5x5
    residual = [(1, 3)] * 3 + [(None, None)] * 4 if scale == "3x3" else [(2, 4)] * 3 + [(None, None)] * 4
    hm = heat_map(_risks(levels, residual), s)
    assert hm.count("Inherent") == 7 and hm.count("Residual") == 3
    assert hm.unplaced == {"Inherent": [], "Residual": ["R4", "R5", "R6", "R7"]}
    low_high, med_high = (1, 3) if scale == "3x3" else (2, 4), (2, 3) if scale == "3x3" else (3, 4)
    assert hm.placed["Inherent"] == {low_high: ["R1", "R2", "R5"], med_high: ["R3", "R4", "R6", "R7"]}
    seen = _analyse(hm)
    assert len(seen) == 2 * s.size * s.size
    for (panel, (p, i)), (fill, ink) in seen.items():
        assert np.abs(np.array(fill) - _rgb(RAG_COLOURS[s.rag(p * i)])).max() <= 2, (panel, p, i, fill)
        assert (ink > 20) == ((p, i) in hm.placed[panel]), (panel, p, i, ink)
    # the cells with risks in them are exactly the cells the data puts them in: 2 inherent, 1 residual
    assert sum(1 for (panel, _), (_, ink) in seen.items() if ink > 20 and panel == "Inherent") == 2
    assert sum(1 for (panel, _), (_, ink) in seen.items() if ink > 20 and panel == "Residual") == 1


def test_an_empty_register_draws_empty_grids():
    hm = heat_map([], scale_for(RiskSettings(), "3x3"))
    assert hm.count("Inherent") == 0 and all(ink == 0 for _, ink in _analyse(hm).values())

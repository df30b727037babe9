"""Table helpers (``riep.table``): a column's cells converted once per distinct value."""

from __future__ import annotations

import pandas as pd

from riep.cellvalue import cell_text
from riep.table import per_distinct


def test_each_distinct_value_is_converted_once_and_blanks_are_one_value():
    seen: list[object] = []

    def convert(value: object) -> str:
        seen.append(value)
        return cell_text(value).upper()

    col = pd.Series(["a", None, "b", "a", float("nan"), 2009.0], dtype=object)
    assert per_distinct(col, convert) == ["A", "", "B", "A", "", "2009"]
    assert len(seen) == 4


def test_answers_that_are_tuples_stay_whole():
    col = pd.Series(["x", "y", "x"], dtype=object)
    assert per_distinct(col, lambda v: (v, [v])) == [("x", ["x"]), ("y", ["y"]), ("x", ["x"])]

"""Cell values as Excel sends them to a worksheet function: shapes, dates, numbers, broadcasting."""

from __future__ import annotations

import datetime as dt

import pytest

from riep.errors import InputError
from riep.excel.values import CellError, cellwise, flatten, grid, is_blank, to_date, to_number


def test_grid_and_flatten():
    assert grid(5) == [[5]]
    assert grid([1, 2]) == [[1, 2]]  # a one-row range, as xlwings Server passes it
    assert grid([[1, "", {"type": "Error", "basicValue": "#N/A"}]]) == [[1, None, "#N/A"]]
    assert grid([[1, 2], [3, 4]]) == [[1, 2], [3, 4]]
    assert grid([]) == [[None]]
    assert flatten([[1, 2], [3, 4]]) == [1, 2, 3, 4]


def test_blank():
    assert all(is_blank(v) for v in (None, "", "  ", float("nan")))
    assert not any(is_blank(v) for v in (0, "x", False))


@pytest.mark.parametrize(("value", "day"), [
    (dt.datetime(2010, 1, 15, 9, 30), dt.date(2010, 1, 15)), (dt.date(2010, 1, 15), dt.date(2010, 1, 15)),
    ("2010-01-15", dt.date(2010, 1, 15)), ("2010-01-15T00:00:00.000Z", dt.date(2010, 1, 15)),
    ("15/01/2010", dt.date(2010, 1, 15)), ("1.4.2010", dt.date(2010, 4, 1)), (40193.0, dt.date(2010, 1, 15)),
])
def test_to_date(value, day):
    assert to_date(value) == day


@pytest.mark.parametrize(("value", "message"), [
    ("31/02/2010", "'31/02/2010' is not a date; type a date such as 15/01/2010"),
    ("next week", "'next week' is not a date; type a date such as 15/01/2010"),
    ("#N/A", "the cell shows #N/A, not a date"),
    (True, "'True' is not a date"),
])
def test_to_date_rejects(value, message):
    with pytest.raises(InputError) as info:
        to_date(value)
    assert info.value.message == message


def test_to_number():
    assert to_number(3) == 3.0
    for value, message in [("3", "the tolerance '3' is text, not a number"), ("#REF!", "the tolerance shows #REF!, not a number"),
                           (None, "the tolerance is blank"), (False, "the tolerance 'False' is not a number")]:
        with pytest.raises(InputError) as info:
            to_number(value, "tolerance")
        assert info.value.message == message


def _half(x):
    return to_number(x, "value") / 2


def test_cellwise_keeps_the_shape_and_blanks():
    assert cellwise(_half, ["x"], [[2], [None], [6]]) == [[1.0], [""], [3.0]]
    assert cellwise(lambda a, b: a * b, ["a", "b"], [[1, 2], [3, 4]], 10) == [[10, 20], [30, 40]]


def test_cellwise_bad_cell_is_a_cell_error():
    out = cellwise(_half, ["x"], [[2], ["two"]])
    assert out == [[1.0], [CellError("the value 'two' is text, not a number")]]


def test_cellwise_required_arguments_decide_blank_rows():
    out = cellwise(lambda s, scale: f"{s}/{scale}", ["score", "scale"], [[4], [None]], "5x5", required=1)
    assert out == [["4/5x5"], [""]]


def test_cellwise_sizes_must_agree():
    with pytest.raises(InputError) as info:
        cellwise(lambda a, b: a, ["probability", "impact"], [[1], [2], [3]], [[1], [2]])
    assert info.value.message == ("impact is 2 rows but another argument is 3 rows; give ranges of the same size, "
                                  "or a single cell")

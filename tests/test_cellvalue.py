"""One conversion of a cell to a number (``riep.cellvalue``), the same for every job and the add-in."""

from __future__ import annotations

import math

import pytest

from riep.cellvalue import cell_number, not_a_number, number_or_none, spelled_amount


@pytest.mark.parametrize(("raw", "kind", "value"), [
    (12922, "number", 12922.0), (2.5, "number", 2.5), (None, "blank", None), (math.nan, "blank", None),
    ("  ", "blank", None), ("#REF!", "error", None), (" #n/a ", "error", None), (True, "text", None),
    ("£12,922", "text", None), ("twelve", "text", None),
])
def test_a_cell_is_a_number_blank_an_error_or_text(raw, kind, value):
    assert (cell_number(raw).kind, cell_number(raw).value) == (kind, value)
    assert number_or_none(raw) == value


def test_text_names_the_amount_it_spells():
    assert [spelled_amount(t) for t in ("£12 922", "12,922", "-£5,000", "£3.5m", "12k", "1.5%", "twelve")] == [
        12922, 12922, -5000, 3.5, 12, 1.5, None]
    assert not_a_number("£12,000") == "is text, not a number; type it as the number 12000"
    assert not_a_number("lots") == "is not a number"


def test_the_records_job_and_the_add_in_read_a_text_amount_alike():
    from riep.errors import InputError
    from riep.excel.values import to_number
    from riep.records.funding import extra_funding_left

    for read in (lambda v: to_number(v, "amount"), lambda v: extra_funding_left([v], 20000)):
        with pytest.raises(InputError):
            read("£12,000")
        assert read(12000.0) in (12000.0, 8000.0)

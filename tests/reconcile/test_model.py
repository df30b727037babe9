"""Typing the Balances table: years, amounts, approximate flags, and lines added up per stream and year."""

from __future__ import annotations

from reconcile.balances import ledger, line
from riep.reconcile.model import parse_approximate


def test_years_written_other_ways_are_read_as_the_same_year():
    led = ledger([line("2009-10", "Grant", None, 100), line("09/10", "grant ", None, 50),
                  line("2009/2010", "GRANT", None, 25)])
    assert [(s.year, s.stream, s.value("funding")) for s in led.streams] == [("2009/10", "Grant", 175.0)]


def test_lines_of_a_stream_add_up_and_keep_their_cells():
    led = ledger([line("2009/10", "Grant", 100, 10), line("2009/10", "Other", None, 5),
                  line("2009/10", "Grant", None, 20, 30)])
    grant = led.get("2009/10", "grant")
    assert (grant.value("opening"), grant.value("funding"), grant.value("committed")) == (100.0, 30.0, 30.0)
    assert grant.cells("funding") == ["D5", "D7"] and grant.cell("opening") == "C5"
    assert grant.value("closing") is None and grant.cell("closing") == "G7"  # blank: the stream's last line
    assert grant.calculated_closing == 100.0 and grant.available == 130.0


def test_text_or_error_in_an_amount_makes_the_stream_unreadable_not_zero():
    led = ledger([line("2009/10", "Grant", "£3.5m", 10), line("2009/10", "Other", "#REF!")])
    assert led.get("2009/10", "grant").unreadable and led.get("2009/10", "other").unreadable
    assert list(led.lines["k_opening"]) == ["text", "error"]


def test_rows_without_a_year_or_stream_are_left_out_of_the_streams():
    led = ledger([line("Year 2", "Grant", None, 10), line("2009/10", None, None, 10), line("2009/10", "Kept", 1)])
    assert [s.stream for s in led.streams] == ["Kept"]


def test_approximate_names_figures():
    assert parse_approximate("Closing") == (frozenset({"closing"}), [])
    assert parse_approximate("Opening, closing (£k)") == (frozenset({"opening", "closing"}), [])
    assert parse_approximate("yes")[0] == frozenset({"opening", "funding", "committed", "spent", "closing"})
    assert parse_approximate(None) == (frozenset(), [])
    assert parse_approximate("no") == (frozenset(), [])
    assert parse_approximate("Closing, roughly") == (frozenset({"closing"}), ["roughly"])
    led = ledger([line("2008/09", "Grant", None, 10, 5, None, 5, "Closing")])
    sy = led.streams[0]
    assert sy.approx("closing") and not sy.approx("funding")


def test_streams_keep_the_order_they_first_appear_in():
    led = ledger([line("2009/10", "B", 1), line("2008/09", "A", None, 1), line("2009/10", "A", 1)])
    assert led.stream_keys() == ["a", "b"] and led.years() == ["2008/09", "2009/10"]

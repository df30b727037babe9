"""riep.safetext: the one place text from a cell is made safe for every writer."""

from __future__ import annotations

import datetime as dt

import pytest

from riep.safetext import Formula, quoted, safe_cell, visible


@pytest.mark.parametrize(("text", "flagged"), [
    ('=HYPERLINK("http://evil.example/x","click")', True), ("=cmd|' /C calc'!A0", True), ("+44 1234", True),
    ("-5", True), ("@SUM(A1)", True), ("\tindented", True), ("\rreturn", True), ("'quoted", True),
    ("Improvement East grant", False), ("a=b", False), ("", False),
])
def test_text_that_starts_like_a_formula_is_flagged_for_excels_quote_prefix(text, flagged):
    stored, flag = safe_cell(text)
    assert flag is flagged
    assert isinstance(stored, str) and not isinstance(stored, Formula)


def test_only_a_formula_riep_built_stays_a_formula_and_other_values_pass():
    assert safe_cell(Formula("=SUM(E5:E12)")) == ("=SUM(E5:E12)", False)
    assert safe_cell(12.5) == (12.5, False)
    assert safe_cell(dt.date(2009, 4, 1)) == (dt.date(2009, 4, 1), False)
    assert safe_cell(None) == (None, False)


def test_control_characters_are_replaced_visibly_and_line_breaks_kept():
    assert visible("a\x1b[31mb\x0bc\x00d\x7f\x9b") == "a\ufffd[31mb\ufffdc\ufffdd\ufffd\ufffd"
    assert visible("one\r\ntwo\nthree\tfour") == "one\ntwo\nthree\tfour"
    assert visible("plain £ text") == "plain £ text"


def test_a_writer_with_excels_typing_rules_gets_the_apostrophe_excel_hides():
    assert quoted("=1+1") == "'=1+1"
    assert quoted(Formula("=1+1")) == "=1+1"
    assert quoted("Total") == "Total"
    assert quoted(3) == 3

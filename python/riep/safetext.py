"""Text from a cell, made safe to write anywhere: the one place every writer neutralises it.

A workbook is data, and riep copies its text into workbooks, XML, PDFs and the terminal. Text
from a cell must never become something live there:

- In a workbook, a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  could be taken for a formula (OWASP's CSV-injection guidance). Every writer stores such a
  text as text, with Excel's quote prefix (the apostrophe Excel itself adds when someone types
  ``'=1+1``), so the reader sees it unchanged and Excel never evaluates it. Only a
  :class:`Formula`, which riep builds itself, is written as a formula.
- Characters XML cannot hold (control characters, a vertical tab pasted from Word) and
  characters a terminal would act on (escape sequences) are shown as ``\ufffd``, visibly.
"""

from __future__ import annotations

import re

__all__ = ["Formula", "FORMULA_PREFIXES", "REPLACEMENT", "visible", "safe_cell", "quoted"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
REPLACEMENT = "\ufffd"

# C0 controls but tab and line feed, DEL, C1 controls, lone surrogates and the two non-characters XML refuses
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class Formula(str):
    """A formula riep wrote itself (``=SUM(E5:E12)``): the only kind of string a writer stores as a formula."""

    __slots__ = ()


def visible(text: str) -> str:
    """``text`` with line breaks as ``\\n`` and every other control character replaced by ``\ufffd``."""
    text = text.replace("\r\n", "\n")
    return _INVISIBLE.sub(REPLACEMENT, text) if _INVISIBLE.search(text) else text


def safe_cell(value: object) -> tuple[object, bool]:
    """What a workbook writer stores for ``value``, and whether it needs Excel's quote prefix.

    A :class:`Formula` stays a formula (plain ``str``); other text becomes :func:`visible` text, flagged when
    it starts like a formula (or with an apostrophe, which Excel would otherwise swallow); numbers, dates and
    blanks pass unchanged."""
    if isinstance(value, Formula):
        return str(value), False
    if isinstance(value, str):
        return visible(value), value.startswith(FORMULA_PREFIXES + ("'",))
    return value, False


def quoted(value: object) -> object:
    """``value`` for a writer that takes Excel's typing rules (Office.js, xlwings): a flagged text gets the leading
    apostrophe Excel reads as its quote prefix and does not show."""
    stored, flag = safe_cell(value)
    return "'" + str(stored) if flag else stored

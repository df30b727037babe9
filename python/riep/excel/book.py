"""The open workbook as xlwings gives it: where it runs, and its sheets by name."""

from __future__ import annotations

from typing import Any

__all__ = ["on_server", "sheet_named"]


def on_server(book: Any) -> bool:
    """``book`` is the workbook xlwings Server sent (Office.js applies the calls), not a desktop Excel's."""
    return getattr(getattr(book.app, "engine", None), "name", "") == "remote"


def sheet_named(book: Any, name: str) -> Any | None:
    """The sheet called ``name`` (any case), or ``None``."""
    return next((s for s in book.sheets if s.name.lower() == name.lower()), None)

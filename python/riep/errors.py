"""The one family of errors riep raises.

Every error a user can cause derives from :class:`RiepError` and carries a sentence a
finance officer can act on, naming the file, sheet and cell where that applies. Each
channel (CLI, Excel add-in, HTTP) turns these into its own kind of message at exactly one
place; nothing else catches them.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["RiepError", "InputError", "OutputError", "ConfigError", "RefusedError", "where"]


def where(file: str | Path | None, sheet: str | None = None, cell: str | None = None) -> str:
    """Return ``'book.xlsx, sheet Allocation, cell E5'`` for the parts that are known."""
    parts: list[str] = []
    if file is not None:
        parts.append(Path(file).name)
    if sheet:
        parts.append(f"sheet {sheet}")
    if cell:
        parts.append(f"cell {cell}")
    return ", ".join(parts)


class RiepError(Exception):
    """Base class: a problem the user can fix, with a one-sentence message."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        sheet: str | None = None,
        cell: str | None = None,
    ) -> None:
        self.file = str(file) if file is not None else None
        self.sheet = sheet
        self.cell = cell
        self.detail = message
        super().__init__(message)

    @property
    def message(self) -> str:
        """The full sentence shown to the user: place first, then what is wrong."""
        place = where(self.file, self.sheet, self.cell)
        return f"{place}: {self.detail}" if place else self.detail

    def __str__(self) -> str:  # pragma: no cover - exercised through message
        return self.message


class InputError(RiepError):
    """A file that cannot be used: missing, not a workbook, protected, missing a table..."""


class OutputError(RiepError):
    """An output riep must not or cannot write: the input itself, under a file, read-only, full, a name too long."""


class ConfigError(RiepError):
    """A settings file (``riep.toml``) that cannot be used."""


class RefusedError(RiepError):
    """An operation refused because doing it would be wrong (e.g. rolling over an unclosed year)."""

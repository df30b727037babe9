"""The settings a workbook carries itself: an optional ``Settings`` table (Setting, Value).

Two settings are read from it: ``Partnership``, the key of the partnership profile whose rules
apply to the workbook (:mod:`riep.partnership`), and ``Organisation``, the name its reports are
headed with (else the title of that partnership's profile). It is a table rather than a document
property so that the Excel add-in, which sees the workbook's tables but not its properties,
reads it exactly as the command line does.
"""

from __future__ import annotations

from riep.errors import InputError
from riep.partnership import PartnershipSettings, Profile
from riep.table import ColumnSpec, TableData, TableSource, TableSpec, norm_header

__all__ = ["SETTINGS_TABLE", "workbook_partnership", "workbook_organisation"]

SETTINGS_TABLE = TableSpec(
    "Settings",
    (ColumnSpec("Setting"), ColumnSpec("Value")),
    "Optional: settings the workbook carries itself. 'Partnership' names the partnership whose rules apply "
    "(improvement_east, east_midlands, or a profile of riep.toml); 'Organisation' is the name reports are headed "
    "with (else that partnership's title).",
)


def _setting(source: TableSource, name: str) -> tuple[str, TableData, int] | None:
    """The first non-empty Value of the ``Settings`` row called ``name``, with the table and its Excel row."""
    table = source.table(SETTINGS_TABLE, required=False) if source.has_table(SETTINGS_TABLE.name) else None
    if table is None:
        return None
    for rec in table.frame.to_dict("records"):
        if norm_header(rec.get("Setting")) == name and str(rec.get("Value") or "").strip():
            return str(rec["Value"]).strip(), table, int(rec["_row"])
    return None


def workbook_partnership(source: TableSource, settings: PartnershipSettings) -> tuple[str, Profile]:
    """The partnership ``source`` names in its ``Settings`` table (else the default) and its profile.

    A name no profile has raises :class:`InputError` naming the cell.
    """
    found = _setting(source, "partnership")
    if found is None:
        return settings.default, settings.profile(settings.default)
    key, table, row = found
    if key not in settings.known():
        raise InputError(
            f"Partnership '{key}' is not a known partnership; use one of "
            f"{', '.join(sorted(settings.known()))}, or add [partnership.profiles.{key}] to riep.toml",
            file=source.file, sheet=table.sheet, cell=table.cell("Value", row))
    return key, settings.profile(key)


def workbook_organisation(source: TableSource, settings: PartnershipSettings) -> str:
    """The organisation ``source`` names in its ``Settings`` table: its ``Organisation`` row, else the title of the
    partnership its ``Partnership`` row names; ``''`` when it names neither (or a partnership no profile has: the
    jobs that apply the profile say so)."""
    named = _setting(source, "organisation")
    if named is not None:
        return named[0]
    found = _setting(source, "partnership")
    return settings.known()[found[0]].title if found is not None and found[0] in settings.known() else ""

"""The settings a workbook carries itself: an optional ``Settings`` table (Setting, Value).

Today one setting is read from it: ``Partnership``, the key of the partnership profile whose
rules apply to the workbook (:mod:`riep.partnership`). It is a table rather than a document
property so that the Excel add-in, which sees the workbook's tables but not its properties,
reads it exactly as the command line does.
"""

from __future__ import annotations

from riep.errors import InputError
from riep.partnership import PartnershipSettings, Profile
from riep.table import ColumnSpec, TableSource, TableSpec, norm_header

__all__ = ["SETTINGS_TABLE", "workbook_partnership"]

SETTINGS_TABLE = TableSpec(
    "Settings",
    (ColumnSpec("Setting"), ColumnSpec("Value")),
    "Optional: settings the workbook carries itself. 'Partnership' names the partnership whose rules apply "
    "(improvement_east, east_midlands, or a profile of riep.toml).",
)


def workbook_partnership(source: TableSource, settings: PartnershipSettings) -> tuple[str, Profile]:
    """The partnership ``source`` names in its ``Settings`` table (else the default) and its profile.

    A name no profile has raises :class:`InputError` naming the cell.
    """
    table = source.table(SETTINGS_TABLE, required=False) if source.has_table(SETTINGS_TABLE.name) else None
    key = settings.default
    if table is not None:
        for rec in table.frame.to_dict("records"):
            if norm_header(rec.get("Setting")) == "partnership" and str(rec.get("Value") or "").strip():
                key = str(rec["Value"]).strip()
                if key not in settings.known():
                    raise InputError(
                        f"Partnership '{key}' is not a known partnership; use one of "
                        f"{', '.join(sorted(settings.known()))}, or add [partnership.profiles.{key}] to riep.toml",
                        file=source.file, sheet=table.sheet, cell=table.cell("Value", int(rec["_row"])))
                break
    return key, settings.profile(key)

"""Whose report it is and what its workbook is called: the partnership's name for page headers and covers, and
the workbook's document title.

Light on purpose: every job resolves the organisation of the workbook it runs on (``Job.run``), so this is
imported by ``riep check`` too; the cover itself (:mod:`riep.report.cover`) is read only when a report is
written.
"""

from __future__ import annotations

from pathlib import Path

from riep.settings import Settings
from riep.table import TableSource
from riep.workbook_settings import workbook_organisation

__all__ = ["organisation", "document_title", "workbook_name"]

_DC = "{http://purl.org/dc/elements/1.1/}"


def document_title(path: str | Path) -> str:
    """The workbook's document title (File > Info > Title), or ``''``."""
    import zipfile
    from xml.etree import ElementTree as ET

    try:
        with zipfile.ZipFile(path) as z, z.open("docProps/core.xml") as fh:
            node = ET.parse(fh).getroot().find(f"{_DC}title")
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError):
        return ""
    return (node.text or "").strip() if node is not None else ""


def workbook_name(path: str | Path, title: str | None = None) -> str:
    """What the workbook is, from its document title (``title``, else read from ``path``) without the partnership
    (``Financial allocation Year Two 2009/10``), else its file name."""
    title = document_title(path) if title is None else title.strip()
    return title.split(" - ", 1)[1].strip() if " - " in title else (title or Path(path).name)


def organisation(settings: Settings, source: TableSource | None = None, title: str | None = None) -> str:
    """The partnership's name for a report's header and first page, the first of: the ``report.partnership``
    setting; what the workbook's ``Settings`` table names (an ``Organisation`` row, else the title of the
    partnership its ``Partnership`` row names); the title of the partnership riep.toml makes the default
    (``[partnership] default``); the words before `` - `` in the workbook's document title ``title`` (read from
    ``source``'s file when ``None``; ``Improvement East - Financial allocation`` gives ``Improvement East``).
    ``''`` when none says.

    The built-in default partnership is not taken as the name: a workbook that names nothing is not assumed to be
    Improvement East's."""
    if settings.report.partnership.strip():
        return settings.report.partnership.strip()
    named = workbook_organisation(source, settings.partnership) if source is not None else ""
    if named:
        return named
    if "default" in settings.partnership.model_fields_set:
        return settings.partnership.profile().title
    if title is None:
        title = document_title(source.file) if source is not None else ""
    return title.split(" - ")[0].strip() if " - " in title else ""

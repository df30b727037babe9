"""What a report says about itself on its first page: title, organisation, sources, dates, versions, summary.

One :class:`Cover` per output file; the sheet frame writes it as the first sheet of a workbook,
the PDF frame as the block under the title, and both put its facts in the document properties.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from riep.findings import FileReport, Summary
from riep.provenance import InputFile, RunInfo
from riep.settings import Settings
from riep.table import TableSource
from riep.workbook_settings import workbook_organisation

__all__ = ["Cover", "organisation", "cover_for", "counts_text", "workbook_name", "document_title", "OPEN_BOOK"]

_DC = "{http://purl.org/dc/elements/1.1/}"
OPEN_BOOK = ("{name}, as open in Excel (the add-in reads its cells, not a saved file, so no size or SHA-256 can be "
             "given)")


def document_title(path: str | Path) -> str:
    """The workbook's document title (File > Info > Title), or ``''``."""
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


def organisation(settings: Settings, source: TableSource | None = None, title: str = "") -> str:
    """The partnership's name for a report's header and first page, the first of: the ``report.partnership``
    setting; what the workbook's ``Settings`` table names (an ``Organisation`` row, else the title of the
    partnership its ``Partnership`` row names); the title of the partnership riep.toml makes the default
    (``[partnership] default``); the words before `` - `` in the workbook's document title ``title``
    (``Improvement East - Financial allocation`` gives ``Improvement East``). ``''`` when none says.

    The built-in default partnership is not taken as the name: a workbook that names nothing is not assumed to be
    Improvement East's."""
    if settings.report.partnership.strip():
        return settings.report.partnership.strip()
    named = workbook_organisation(source, settings.partnership) if source is not None else ""
    if named:
        return named
    if "default" in settings.partnership.model_fields_set:
        return settings.partnership.profile().title
    return title.split(" - ")[0].strip() if " - " in title else ""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def counts_text(summary: Summary) -> str:
    """``1 error, 2 warnings, 4 notes``."""
    return f"{_plural(summary.errors, 'error')}, {_plural(summary.warnings, 'warning')}, {_plural(summary.info, 'note')}"


@dataclass
class Cover:
    """The facts a report states about itself."""

    title: str
    organisation: str
    file_name: str
    run: RunInfo
    sources: list[InputFile]
    summary: Summary
    figures: list[str] = field(default_factory=list)
    open_books: list[str] = field(default_factory=list)

    def lines(self) -> list[tuple[str, str]]:
        """(label, text) pairs, in the order a Board paper states them."""
        out = [("Organisation", self.organisation or "not given (set report.partnership in riep.toml)")]
        read = [OPEN_BOOK.format(name=name) for name in self.open_books]
        read += [f"{Path(src.path).name} ({src.size:,} bytes), SHA-256 {src.sha256}" for src in self.sources]
        out += [("Source file" if k == 0 else "Also read", text) for k, text in enumerate(read)]
        started = self.run.started_at
        out += [
            ("As of", f"{self.run.as_of:%d %B %Y}".lstrip("0")),
            ("Produced", f"{started:%d %B %Y at %H:%M}".lstrip("0") + f" {started.tzname() or ''}".rstrip()),
            ("Produced by", f"riep {self.run.riep_version}, rules version {self.run.rules_version}"),
            ("Findings", counts_text(self.summary)),
        ]
        out += [("Key figures" if k == 0 else "", text) for k, text in enumerate(self.figures)]
        return out

    def subject(self) -> str:
        """One line for document properties: sources, day and versions."""
        names = ", ".join([*(f"{name} (open in Excel)" for name in self.open_books),
                           *(f"{Path(s.path).name} (SHA-256 {s.sha256})" for s in self.sources)])
        return (f"{self.title}. From {names}; as of {self.run.as_of.isoformat()}; produced "
                f"{self.run.started_at.isoformat(timespec='seconds')} by riep {self.run.riep_version}, "
                f"rules {self.run.rules_version}.")


def cover_for(title: str, file_name: str, report: FileReport, run: RunInfo, organisation: str,
              sources: list[str | Path], figures: list[str] | None = None, open_books: list[str] | None = None) -> Cover:
    """The cover of one output file made from ``sources`` (the first is the workbook the report is about), or from
    ``open_books`` first: workbooks open in Excel (the add-in), named without a file to hash."""
    return Cover(title=title, organisation=organisation, file_name=file_name, run=run, sources=run.inputs_for(sources),
                 summary=report.summary, figures=figures or [], open_books=open_books or [])

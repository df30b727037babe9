"""What a report says about itself on its first page: title, organisation, sources, dates, versions, summary.

One :class:`Cover` per output file; the sheet frame writes it as the first sheet of a workbook,
the PDF frame as the block under the title, and both put its facts in the document properties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from riep.findings import FileReport, Summary
from riep.provenance import InputFile, RunInfo

__all__ = ["Cover", "cover_for", "OPEN_BOOK"]

OPEN_BOOK = ("{name}, as open in Excel (the add-in reads its cells, not a saved file, so no size or SHA-256 can be "
             "given)")


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
            ("Findings", self.summary.text()),
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

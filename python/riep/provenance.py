"""Provenance: which riep, which rules, which day and which input files produced a report.

The same facts go into ``findings.json`` (its ``run`` block), the first page of every PDF,
the cover sheet and document properties of every workbook riep writes, and the PDF metadata,
so anyone handed a report can tell where it came from and check the file it was made from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from pydantic import Field

from riep import __version__
from riep.model import Model

__all__ = ["InputFile", "RunInfo", "input_file", "run_info"]

_CHUNK = 1 << 20


class InputFile(Model):
    """One file a run read: its path as given, size in bytes and SHA-256."""

    path: str
    size: int
    sha256: str

    @property
    def short(self) -> str:
        """The first 12 hex digits of the SHA-256, enough to tell two files apart by eye."""
        return self.sha256[:12]


class RunInfo(Model):
    """What produced a report (the ``run`` block of ``findings.json``)."""

    riep_version: str = __version__
    rules_version: str = Field(description="Short hash of the rule table: ID, severity, job, title, description.")
    as_of: dt.date
    started_at: dt.datetime
    inputs: list[InputFile] = Field(default_factory=list)

    def inputs_for(self, paths: Iterable[str | Path]) -> list[InputFile]:
        """The recorded inputs among ``paths`` (in that order), hashing any not recorded yet."""
        known = {Path(f.path): f for f in self.inputs}
        return [known.get(Path(p)) or input_file(p) for p in paths if Path(p) in known or Path(p).is_file()]

    def to_json_dict(self) -> dict:
        return {
            "riep_version": self.riep_version,
            "rules_version": self.rules_version,
            "as_of": self.as_of.isoformat(),
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "inputs": [f.model_dump() for f in self.inputs],
        }


def input_file(path: str | Path) -> InputFile:
    """Size and SHA-256 of the file at ``path``."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return InputFile(path=str(path), size=Path(path).stat().st_size, sha256=digest.hexdigest())


def run_info(paths: Iterable[str | Path], as_of: dt.date, started_at: dt.datetime, rules_version: str) -> RunInfo:
    """The provenance of a run over ``paths`` (files that cannot be read are left out: the run reports them);
    ``rules_version`` is :func:`riep.registry.rules_version`."""
    inputs = []
    for p in paths:
        try:
            inputs.append(input_file(p))
        except OSError:
            continue
    return RunInfo(rules_version=rules_version, as_of=as_of, started_at=started_at, inputs=inputs)

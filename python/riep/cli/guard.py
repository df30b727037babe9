"""The input is sacred: every output path is checked against every input before any work starts.

A command names its inputs (workbooks, folders of them, ``--allocation``) and its
outputs (``--output``, ``--write-sheet``, ``--pdf``, ``--out``). An output that is an input
(the same file: by inode where both exist, else by resolved path), or an output folder holding
an input under a name riep writes there, is refused with one sentence naming both, exit 2. So is
an output riep could not write at all: under a file, in a read-only folder, a name too long.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from riep.errors import OutputError

__all__ = ["guard_outputs", "FOLDER_OUTPUTS"]

# the files riep writes into an --out folder: reports of riep run, the records workbook and PDFs
FOLDER_OUTPUTS = re.compile(
    r"^(findings\.json|junit\.xml|support_records\.xlsx|support_record_.*\.pdf|.+\.(check|reconcile|records|risks|monitor)\.(xlsx|pdf))$",
    re.IGNORECASE,
)
_NAME_MAX = 255  # bytes in one file name on every filesystem riep meets (ext4, NTFS, APFS)


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they would be
        return os.path.realpath(a) == os.path.realpath(b)


def _files(inputs: Iterable[Path | None]) -> list[Path]:
    out: list[Path] = []
    for p in inputs:
        if p is None:
            continue
        if p.is_dir():
            out.extend(x for x in sorted(p.iterdir()) if x.is_file() or x.is_fifo())
        else:
            out.append(p)
    return out


def _writable(dest: Path, *, folder: bool) -> None:
    """Refuse an output that cannot be written: a name too long, under a file, in a folder riep may not write."""
    if len(os.fsencode(dest.name)) > _NAME_MAX:
        raise OutputError(f"cannot be written: the name is longer than {_NAME_MAX} characters", file=dest)
    if dest.exists() and dest.is_dir() != folder:
        kind = "is a file, not a folder" if folder else "is a folder, not a file"
        raise OutputError(f"{kind}; name another place for the output", file=dest)
    parent = dest if folder and dest.exists() else dest.parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"cannot be written: {parent} is a file, not a folder", file=dest)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot be written: the folder {parent} is read-only for you", file=dest)


def guard_outputs(inputs: Iterable[Path | None], files: Iterable[Path | None] = (),
                  folders: Iterable[Path | None] = ()) -> None:
    """Raise :class:`~riep.errors.OutputError` when an output would replace an input or cannot be written.

    ``inputs`` are files or folders of them; ``files`` the output files; ``folders`` the output folders (whose
    files riep names itself, see :data:`FOLDER_OUTPUTS`)."""
    sources = _files(inputs)
    outputs = [f for f in files if f is not None]
    for k, out in enumerate(outputs):
        twin = next((o for o in outputs[k + 1:] if _same(o, out)), None)
        if twin is not None:
            raise OutputError("is named for two outputs of the same run; give each its own file", file=out)
        for src in sources:
            if _same(out, src):
                raise OutputError(f"is the input {src}; riep never writes over its input, so name another file for "
                                  "the output", file=out)
        _writable(out, folder=False)
    for folder in (d for d in folders if d is not None):
        _writable(folder, folder=True)
        for src in sources:
            if FOLDER_OUTPUTS.match(src.name) and _same(folder / src.name, src):
                raise OutputError(f"is where riep writes its {src.name}, which is the input {src}; riep never writes "
                                  "over its input, so name another folder for the output or move the input",
                                  file=folder.resolve())

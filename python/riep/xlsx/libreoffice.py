"""LibreOffice headless: recalculate a workbook for real, or export it to PDF.

Files written by openpyxl carry no calculated values; opening them in LibreOffice with
recalculation forced (``OOXMLRecalcMode`` = always) and saving gives every formula its real
value, which the tests then read. Each running conversion has a LibreOffice profile of its own, so
calls can run in parallel; a profile is kept for the next call once its conversion has ended well
(LibreOffice starts about half a second sooner on a profile it has used before), and all are
removed when the process ends.
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from riep.errors import RiepError

__all__ = ["soffice", "recalculate", "to_pdf", "LibreOfficeError"]

_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""


class LibreOfficeError(RiepError):
    """LibreOffice is missing or failed to convert a file."""


def soffice() -> str:
    """Path of the ``soffice`` program (installed by ``scripts/setup-system.sh``)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise LibreOfficeError("LibreOffice (soffice) is not installed; run scripts/setup-system.sh")
    return exe


_idle: list[Path] = []  # profiles whose last conversion ended well, free for the next
_lock = threading.Lock()


def _remove_idle() -> None:
    for profile in _idle:
        shutil.rmtree(profile, ignore_errors=True)


atexit.register(_remove_idle)


@contextmanager
def _profile() -> Iterator[tuple[Path, list[bool]]]:
    """A profile no other conversion is using, and a flag to set once the conversion ended well (only then is the
    profile kept for the next call; one LibreOffice left in a bad state is not reused)."""
    with _lock:
        profile = _idle.pop() if _idle else None
    if profile is None:
        profile = Path(tempfile.mkdtemp(prefix="riep-lo-"))
        (profile / "user").mkdir()
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
    good = [False]
    try:
        yield profile, good
    finally:
        if good[0]:
            with _lock:
                _idle.append(profile)
        else:
            shutil.rmtree(profile, ignore_errors=True)


def _convert(src: Path, out_dir: Path, target: str, timeout: float) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    with _profile() as (profile, good):
        cmd = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(out_dir), str(src)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise LibreOfficeError(f"LibreOffice took longer than {timeout:.0f} s to convert", file=src) from None
        good[0] = proc.returncode == 0
    ext = target.split(":")[0]
    result = out_dir / f"{src.stem}.{ext}"
    if proc.returncode != 0 or not result.exists():
        raise LibreOfficeError(f"LibreOffice could not convert it ({(proc.stderr or proc.stdout).strip()[:200]})",
                               file=src)
    return result


def recalculate(src: str | Path, out_dir: str | Path, timeout: float = 180) -> Path:
    """A copy of ``src`` in ``out_dir``, opened, fully recalculated and saved by LibreOffice."""
    return _convert(Path(src), Path(out_dir), "xlsx:Calc MS Excel 2007 XML", timeout)


def to_pdf(src: str | Path, out_dir: str | Path, timeout: float = 180) -> Path:
    """``src`` (a workbook) exported to PDF by LibreOffice into ``out_dir``."""
    return _convert(Path(src), Path(out_dir), "pdf", timeout)

"""The reports a ribbon button produces, kept for a short time for the person who ran it to download.

A button writes its result sheets into the open workbook; Excel cannot be handed files by
the server (Office.js cannot write to the person's disk), so the job's reports (the Board's
risk report PDF, the support records workbook and one PDF per authority, the summary of
Validate totals or Reconcile) are written into a run folder under :func:`root` (a private
folder in the system's temporary directory, or ``RIEP_REPORTS_DIR``; never the code folder)
and listed in the task pane as download links (``addin/routers/custom.py``).

Each run folder records its owner (a hash of the signed-in user's id when authentication
is on); only that user can list or download it. Folders older than :func:`keep_minutes`
(``RIEP_REPORTS_MINUTES``, default 30) are removed when the server starts, whenever a run
starts, and whenever the task pane asks for the list; an expired link is refused. An allocation workbook the person uploads for Support records is kept the same way.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from riep.errors import InputError, RiepError
from riep.findings import FileReport
from riep.report.cover import Cover
from riep.report.sheet_frame import frame_workbook
from riep.runners.base import Context
from riep.sheets import SheetContent
from riep.table import TableSource
from riep.xlsx.writer import atomic_save, atomic_write, render_sheet

__all__ = ["ReportFile", "root", "keep_minutes", "owner_key", "new_run", "publish", "latest", "resolve",
           "save_upload", "upload_path", "sweep", "produce", "MAX_UPLOAD_BYTES"]

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
_OWNER = "owner.json"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


@dataclass(frozen=True)
class ReportFile:
    """One report of a run: what the link says, and the file's name in the run folder."""

    label: str
    name: str


def root() -> Path:
    """The folder holding the run folders (created private to the server's user)."""
    named = os.environ.get("RIEP_REPORTS_DIR", "").strip()
    path = Path(named) if named else Path(tempfile.gettempdir()) / "riep-addin-reports"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def keep_minutes() -> float:
    """How long reports and uploads are kept: ``RIEP_REPORTS_MINUTES``, default 30."""
    try:
        return max(1.0, float(os.environ.get("RIEP_REPORTS_MINUTES", "30")))
    except ValueError:
        return 30.0


def owner_key(user_id: str) -> str:
    """The owner of a run as stored on disk (a hash: user ids are not written in clear)."""
    return hashlib.sha256(user_id.encode()).hexdigest()[:32]


def sweep(now: float | None = None) -> None:
    """Remove run folders older than :func:`keep_minutes`."""
    limit = (now or time.time()) - keep_minutes() * 60
    for d in root().iterdir():
        try:
            if d.is_dir() and d.stat().st_mtime < limit:
                shutil.rmtree(d, ignore_errors=True)
            elif d.is_file() and d.name.startswith("latest-") and d.stat().st_mtime < limit:
                d.unlink(missing_ok=True)
        except OSError:
            continue


def new_run(owner: str) -> tuple[str, Path]:
    """A fresh, empty run folder for ``owner``: (token, folder)."""
    sweep()
    token = secrets.token_urlsafe(24)
    folder = root() / token
    folder.mkdir(mode=0o700)
    (folder / _OWNER).write_text(json.dumps({"owner": owner, "created": time.time()}))
    return token, folder


def publish(owner: str, token: str, files: list[ReportFile], job: str, book: str) -> None:
    """Make ``files`` of run ``token`` the owner's latest run (what the task pane lists)."""
    latest_file = root() / f"latest-{owner}.json"
    data = {"token": token, "job": job, "book": book, "created": time.time(), "files": [asdict(f) for f in files]}
    atomic_write(latest_file, lambda tmp: tmp.write_text(json.dumps(data)))


def _owned(owner: str, token: str) -> Path:
    if not _TOKEN.match(token):
        raise InputError("is not a RIEP report link")
    folder = root() / token
    try:
        meta = json.loads((folder / _OWNER).read_text())
    except (OSError, ValueError):
        raise InputError("has expired (reports are kept for a short time): run the job again") from None
    if not secrets.compare_digest(str(meta.get("owner", "")), owner):
        raise InputError("belongs to another user: run the job yourself to get its reports")
    if meta.get("created", 0) < time.time() - keep_minutes() * 60:
        shutil.rmtree(folder, ignore_errors=True)
        raise InputError("has expired (reports are kept for a short time): run the job again")
    return folder


def latest(owner: str) -> dict[str, object]:
    """The owner's latest run: job, workbook, and its reports (empty when none or expired)."""
    sweep()
    try:
        data = json.loads((root() / f"latest-{owner}.json").read_text())
        _owned(owner, str(data["token"]))
    except (OSError, ValueError, KeyError, RiepError):
        return {"job": None, "book": None, "files": [], "token": None}
    data["expires"] = data["created"] + keep_minutes() * 60
    return data


def resolve(owner: str, token: str, name: str) -> Path:
    """The report ``name`` of run ``token``, if it is the owner's and has not expired."""
    folder = _owned(owner, token)
    path = folder / name
    if name != Path(name).name or name == _OWNER or not path.is_file():
        raise InputError(f"has no report called {name!r}")
    return path


def save_upload(owner: str, filename: str, data: bytes) -> str:
    """Keep an uploaded allocation workbook for the owner; returns its token."""
    if not filename.lower().endswith(".xlsx"):
        raise InputError("is not an .xlsx workbook", file=filename)
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(f"is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB", file=filename)
    if not data.startswith(b"PK"):
        raise InputError("is not an .xlsx workbook (it is not a zip file)", file=filename)
    token, folder = new_run(owner)
    name = re.sub(r"[^\w .()-]+", "_", Path(filename.replace("\\", "/")).name).strip(" .") or "allocation.xlsx"
    atomic_write(folder / name, lambda tmp: tmp.write_bytes(data))  # its own name: findings name the workbook
    return token


def upload_path(owner: str, token: str) -> Path:
    """The allocation workbook uploaded as ``token`` by the owner."""
    found = sorted(_owned(owner, token).glob("*.xlsx"))
    if not found:
        raise InputError("is not an uploaded allocation workbook")
    return found[0]


def _summary_book(dest: Path, sheets: list[SheetContent], cover: Cover | None) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for content in sheets:  # the cells the findings point at are in the person's workbook, not this one
        render_sheet(wb, content.model_copy(update={"links": {}, "highlights": {}}))
    if cover is not None:
        frame_workbook(wb, replace(cover, file_name=dest.name), [c.name for c in sheets])
    return atomic_save(wb, dest)


def produce(job_name: str, source: TableSource, value: Any, report: FileReport, ctx: Context,
            sheets: list[SheetContent], folder: Path, cover: Cover | None = None) -> list[ReportFile]:
    """Write the reports of ``job_name`` into ``folder``, as ``riep <job>``/``riep run`` would make them (``value``:
    what the job read from ``source``, so nothing is read again; ``cover``: the run's, for the summary workbook)."""
    stem = Path(source.file).stem or "workbook"
    if job_name == "risks":
        from riep.runners.risks import pdf_bytes

        data = pdf_bytes(value, report, ctx)
        atomic_write(folder / f"{stem}.risks.pdf", lambda tmp: tmp.write_bytes(data))
        return [ReportFile("Risk report for the Board (PDF)", f"{stem}.risks.pdf")]
    if job_name == "records":
        from riep.runners.records import RECORDS_BOOK, write_records

        written = write_records(value, report, ctx, folder)
        return [ReportFile("Support records workbook (index and one sheet per authority)", RECORDS_BOOK)] + [
            ReportFile(f"Support record: {p.stem.removeprefix('support_record_').replace('_', ' ')} (PDF)", p.name)
            for p in written if p.suffix == ".pdf"]
    title = {"check": "Validate totals", "reconcile": "Reconcile carry-forwards"}.get(job_name, job_name)
    name = f"{stem}.{job_name}.xlsx"
    _summary_book(folder / name, sheets, cover)
    return [ReportFile(f"{title}: summary ({', '.join(s.name for s in sheets)} sheets, workbook)", name)]

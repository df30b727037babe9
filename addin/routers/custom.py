"""The RIEP add-in's own routes: the reports of the last run, their downloads, the allocation upload.

xlwings Server includes ``router`` from this file. Every route takes the signed-in user
(``dependencies.User``: the same authentication as the functions and buttons), and
:mod:`riep.excel.reports` gives each user only their own runs. A refused request is a 4xx
with a sentence (404: no such report or expired; 403: another user's; 400: a bad upload; 413: too large).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Header, Request
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse
from xlwings_server import dependencies as dep
from xlwings_server.config import settings

from riep.errors import RiepError
from riep.excel import reports

__all__ = ["router"]

router = APIRouter(prefix=f"{settings.app_path}/riep")

_TYPES = {".pdf": "application/pdf", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _owner(user: Any) -> str:
    return reports.owner_key(str(user.id))


@router.get("/reports/latest")
async def latest_reports(current_user: dep.User) -> JSONResponse:
    """The reports of the user's last button run, as download links (none when expired)."""
    data = reports.latest(_owner(current_user))
    token = data.get("token")
    files = [{"label": f["label"], "name": f["name"],
              "url": f"{settings.app_path}/riep/reports/{token}/{quote(f['name'])}"} for f in data["files"]]  # type: ignore[attr-defined]
    return JSONResponse({"job": data["job"], "book": data["book"], "expires": data.get("expires"), "files": files},
                        headers={"Cache-Control": "no-store"})


@router.get("/reports/{token}/{name}")
async def download_report(token: str, name: str, current_user: dep.User) -> Any:
    """One report of one of the user's runs."""
    try:
        path = reports.resolve(_owner(current_user), token, name)
    except RiepError as exc:
        status = 403 if "another user" in exc.detail else 404
        return PlainTextResponse(f"This report link {exc.detail}.", status_code=status)
    return FileResponse(path, filename=name, media_type=_TYPES.get(path.suffix.lower(), "application/octet-stream"),
                        headers={"Cache-Control": "no-store"})


@router.post("/allocation")
async def upload_allocation(request: Request, current_user: dep.User,
                            file_name: str = Header(default="allocation.xlsx", alias="X-File-Name")) -> Any:
    """Keep the allocation workbook the user picked in the task pane, for Support records."""
    too_big = PlainTextResponse(f"{file_name}: is larger than {reports.MAX_UPLOAD_BYTES // (1024 * 1024)} MB.",
                                status_code=413)
    if int(request.headers.get("content-length") or 0) > reports.MAX_UPLOAD_BYTES:
        return too_big
    data = bytearray()
    async for chunk in request.stream():  # read no more than the limit, whatever the header said
        data += chunk
        if len(data) > reports.MAX_UPLOAD_BYTES:
            return too_big
    try:
        token = reports.save_upload(_owner(current_user), file_name, bytes(data))
    except RiepError as exc:
        return PlainTextResponse(exc.message + ".", status_code=400)
    return {"token": token, "name": file_name, "minutes": reports.keep_minutes()}

"""The real xlwings Server app with the RIEP add-in project loaded, for in-process HTTP tests."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADDIN = ROOT / "addin"

# xlwings Server reads its project folder and settings when first imported.
os.environ["XLWINGS_PROJECT_DIR"] = str(ADDIN)
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
# reports of the buttons go to a folder of this test process (its add-in worker processes inherit it): never one
# shared by two pytest-xdist workers, whose runs would each be the other's "latest" (the tests' user is the same)
os.environ["RIEP_REPORTS_DIR"] = tempfile.mkdtemp(prefix="riep-test-reports-")


@pytest.fixture(scope="session")
def server_app():
    """The FastAPI app xlwings Server serves (``main_app`` adds CORS around it)."""
    from xlwings_server.main import main_app

    return main_app


@pytest.fixture(scope="session")
def client(server_app):
    """A client of the app, started once per test process as a server starts once a day: its start-up begins the
    worker processes (``riep.excel.offload``), which every test then shares, as every call a server answers does."""
    from fastapi.testclient import TestClient

    with TestClient(server_app, base_url="https://127.0.0.1:8000") as c:
        yield c


def dockerfile_command() -> list[str]:
    """The command ``addin/Dockerfile`` runs (its CMD)."""
    import json

    line = next(t for t in (ADDIN / "Dockerfile").read_text().splitlines() if t.startswith("CMD "))
    return json.loads(line[4:])


@pytest.fixture(scope="session")
def team_server(tmp_path_factory):
    """The add-in served by the Dockerfile's command, on 127.0.0.1 only (plain HTTP, 2 workers); its base URL."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    cmd = dockerfile_command()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd[cmd.index("--host") + 1] = "127.0.0.1"
    cmd[cmd.index("--port") + 1] = str(port)
    cmd[cmd.index("--workers") + 1] = "2"
    env = dict(os.environ, XLWINGS_PROJECT_DIR=str(ADDIN), XLWINGS_LICENSE_KEY="noncommercial", RIEP_ADDIN_PROCESSES="1",
               RIEP_REPORTS_DIR=str(tmp_path_factory.mktemp("team-reports")))
    work = tmp_path_factory.mktemp("team-server")
    proc = subprocess.Popen([sys.executable, "-m", *cmd], env=env, cwd=work, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=open(work / "server.log", "wb"))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (work / "server.log").read_text()[-2000:]
            assert time.monotonic() < deadline, "the team server did not start within a minute"
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)

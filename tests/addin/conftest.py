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
# reports of the buttons go to a folder of this test session (the worker processes inherit it)
os.environ["RIEP_REPORTS_DIR"] = tempfile.mkdtemp(prefix="riep-test-reports-")


@pytest.fixture(scope="session")
def server_app():
    """The FastAPI app xlwings Server serves (``main_app`` adds CORS around it)."""
    from xlwings_server.main import main_app

    return main_app


@pytest.fixture
def client(server_app):
    from fastapi.testclient import TestClient

    with TestClient(server_app, base_url="https://127.0.0.1:8000") as c:
        yield c

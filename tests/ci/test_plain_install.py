"""A plain install: the wheel built from the project runs every job from a new virtual environment, with no
LibreOffice on the path and no Makefile. Marked ``plain_install`` (``pytest -m "not plain_install"`` skips it)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from allocdata import ROOT, WORKBOOKS
from ci.conftest import AS_OF
from riep.cli.jobcommand import make_context
from riep.jobs import all_jobs
from riep.output.terminal import summary_line
from riep.runners.batch import evaluate_paths

pytestmark = pytest.mark.plain_install


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _wheelhouse(wheel: Path) -> Path:
    """Wheels of riep's pinned dependencies, downloaded once per requirements.lock into pip's cache folder (pip's
    own cache serves the download), so that the install itself needs no index."""
    lock = (ROOT / "requirements.lock").read_bytes()
    cache = _run([sys.executable, "-m", "pip", "cache", "dir"], ROOT).stdout.strip()
    house = Path(cache or Path.home() / ".cache" / "pip") / "riep-wheelhouse" / hashlib.sha256(lock).hexdigest()[:16]
    if not (house / "complete").exists():
        got = _run([sys.executable, "-m", "pip", "download", "-q", "-c", ROOT / "requirements.lock", "-d", house, wheel],
                   ROOT)
        assert got.returncode == 0, got.stderr
        (house / wheel.name).unlink()  # the wheel under test comes from this run's build only
        (house / "complete").touch()
    return house


def test_the_wheel_runs_every_job_without_libreoffice_or_make(tmp_path):
    src = tmp_path / "src"  # a copy, so the build leaves nothing in the working tree
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "python", src / "python", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    built = _run([sys.executable, "-m", "build", "--wheel", "--outdir", tmp_path / "dist", src], tmp_path)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("riep-*.whl"))

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)  # this run's pip installs into it (pip --python), which saves a minute
    installed = _run([sys.executable, "-m", "pip", "--python", env_dir / "bin" / "python", "install", "-q", "--no-compile",
                      "--no-index", "--find-links", _wheelhouse(wheel), wheel], tmp_path)
    assert installed.returncode == 0, installed.stderr

    work = tmp_path / "team"  # no Makefile, no source tree: only the workbooks
    shutil.copytree(WORKBOOKS, work / "workbook", ignore=shutil.ignore_patterns("src"))
    env = {"PATH": str(env_dir / "bin"), "HOME": str(tmp_path), "LANG": "C.UTF-8", "CI": "true"}
    assert not any(shutil.which(tool, path=env["PATH"]) for tool in ("soffice", "libreoffice", "make"))

    ran = _run(["riep", "run", "workbook", "--out", "out", "--as-of", AS_OF, "-q"], work, env)
    expected = evaluate_paths(sorted(WORKBOOKS.glob("*.xlsx")), make_context(None, dt.datetime(2009, 12, 15)))
    assert (ran.returncode, ran.stdout, ran.stderr) == (1, summary_line(expected) + "\n", "")
    jobs = {f["job"] for f in json.loads((work / "out" / "findings.json").read_text(encoding="utf-8"))["files"]}
    assert jobs == {job.name for job in all_jobs()}
    assert (work / "out" / "risk_register.risks.pdf").stat().st_size > 0
    assert (work / "out" / "support_records.xlsx").exists()

    made = _run(["riep", "baseline", "workbook", "--out", "b.json", "--as-of", AS_OF], work, env)
    again = _run(["riep", "check", "workbook", "--baseline", "b.json", "--format", "github", "--as-of", AS_OF], work, env)
    assert (made.returncode, again.returncode, again.stdout) == (
        0, 0, f"::notice title=riep baseline::Baseline b.json: {_check_findings(work / 'b.json')} accepted, 0 new, 0 fixed.\n")


def _check_findings(baseline: Path) -> int:
    return sum(e["job"] == "check" for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"])

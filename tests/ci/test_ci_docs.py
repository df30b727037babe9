"""docs/ci.md: the commands each pipeline runs, run here on the shipped workbooks as the CI service would."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from allocdata import ROOT, WORKBOOKS

DOC = ROOT / "docs" / "ci.md"
INSTALL = "python -m pip install ."  # riep is installed here already; the plain-install test installs the wheel


def _blocks(lang: str) -> dict[str, str]:
    """Code blocks of ``lang`` by the ``##`` heading above them."""
    out: dict[str, str] = {}
    for section in re.split(r"^## ", DOC.read_text(encoding="utf-8"), flags=re.M)[1:]:
        title = section.splitlines()[0].strip()
        for block in re.findall(rf"```{lang}\n(.*?)```", section, flags=re.S):
            out[title] = block
    return out


def _commands(service: str, pipeline: dict) -> list[str]:
    if service == "GitHub Actions":
        steps = next(iter(pipeline["jobs"].values()))["steps"]
        return [s["run"] for s in steps if "run" in s]
    if service == "GitLab CI":
        return list(next(iter(pipeline.values()))["script"])
    return [s["script"] for s in pipeline["steps"] if "script" in s]


def _published(service: str, pipeline: dict) -> list[str]:
    """The files each pipeline publishes or keeps."""
    if service == "GitHub Actions":
        steps = next(iter(pipeline["jobs"].values()))["steps"]
        return [s["with"].get("report_paths") or s["with"].get("path") for s in steps
                if str(s.get("uses", "")).startswith(("mikepenz/action-junit-report", "actions/upload-artifact"))]
    if service == "GitLab CI":
        art = next(iter(pipeline.values()))["artifacts"]
        return [*art["paths"], *art["reports"].values()]
    return [s["inputs"]["testResultsFiles"] for s in pipeline["steps"] if s.get("task") == "PublishTestResults@2"] + [
        s["publish"] for s in pipeline["steps"] if "publish" in s]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A checkout with the shipped workbooks and the baseline made by the documented one-time command."""
    root = tmp_path_factory.mktemp("checkout")
    shutil.copytree(WORKBOOKS, root / "workbook", ignore=shutil.ignore_patterns("src"))
    once = _blocks("sh")["Once: record the accepted findings"].splitlines()[0]
    _bash(once, root)
    return root


def _bash(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CI": "true", "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["bash", "-e", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("service", ["GitHub Actions", "GitLab CI", "Azure Pipelines"])
def test_each_pipeline_runs_its_commands_on_the_shipped_workbooks(service, repo, tmp_path):
    pipeline = yaml.safe_load(_blocks("yaml")[service])
    commands = _commands(service, pipeline)
    assert commands[0] == INSTALL
    work = tmp_path / "checkout"
    shutil.copytree(repo, work)
    for command in commands[1:]:
        done = _bash(command, work)
        said = f"Baseline riep-baseline.json: {_accepted(work)} accepted, 0 new, 0 fixed."
        assert (done.returncode, said in (done.stdout + done.stderr).splitlines()) == (0, True), done.stderr
    for path in _published(service, pipeline):
        assert (work / path).exists(), path
    ET.parse(work / "out" / "junit.xml")
    if service == "GitHub Actions":
        assert done.stdout.splitlines() == [f"::notice title=riep baseline::{said}"]
    if service == "GitLab CI":
        assert json.loads((work / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []


def _accepted(work: Path) -> int:
    return len(json.loads((work / "riep-baseline.json").read_text(encoding="utf-8"))["findings"])

"""The jobs ``riep run`` knows: each recognises the workbooks it applies to and runs over them.

A job is declared once, in its runner module (``riep.runners.<job>``), and listed here; the runners
are imported when a job is asked for, so a command loads only what it runs.
"""

from __future__ import annotations

import importlib
from typing import Any

from riep.runners.base import Job

__all__ = ["Job", "NAMES", "all_jobs", "job"]


NAMES = ("check", "reconcile", "monitor", "records", "risks")  # the order ``riep run`` runs them in


def all_jobs() -> list[Job[Any]]:
    """Every job, in the order ``riep run`` runs them."""
    return [job(name) for name in NAMES]


def job(name: str) -> Job[Any]:
    """The job called ``name`` (only its runner is imported)."""
    if name not in NAMES:
        raise KeyError(name)
    found: Job[Any] = importlib.import_module(f"riep.runners.{name}").JOB
    return found

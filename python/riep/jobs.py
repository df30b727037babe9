"""The jobs ``riep run`` knows: each recognises the workbooks it applies to and runs over them.

A job is declared once, in its runner module (``riep.runners.<job>``), and listed here; the runners
are imported when a job is asked for, so a command loads only what it runs.
"""

from __future__ import annotations

from typing import Any

from riep.runners.base import Job

__all__ = ["Job", "all_jobs", "job"]


def all_jobs() -> list[Job[Any]]:
    """Every job, in the order ``riep run`` runs them."""
    from riep.runners import check, reconcile, records, risks

    return [check.JOB, reconcile.JOB, records.JOB, risks.JOB]


def job(name: str) -> Job[Any]:
    """The job called ``name``."""
    return next(j for j in all_jobs() if j.name == name)

"""The jobs ``riep run`` knows: each recognises the workbooks it applies to and runs over them.

A job is declared once, in its runner module (``riep.runners.<job>``), and listed here.
Importing this module also declares every rule, which the rules reference relies on.
"""

from __future__ import annotations

from riep.runners.base import Job

__all__ = ["Job", "all_jobs", "job"]


def all_jobs() -> list[Job]:
    """Every job, in the order ``riep run`` runs them."""
    from riep.runners import check, monitor, reconcile, records, risks

    return [check.JOB, reconcile.JOB, monitor.JOB, records.JOB, risks.JOB]


def job(name: str) -> Job:
    """The job called ``name``."""
    return next(j for j in all_jobs() if j.name == name)

"""``riep run``: every job on every workbook it recognises in a folder, reports written to one folder.

For each workbook and each job that recognises it, the job's findings are collected, a copy
of the workbook with the job's result sheets is written as ``<workbook>.<job>.xlsx`` and
the job writes any further reports (PDFs, a records workbook). The whole run's findings go
to ``findings.json`` (schema 1) and ``junit.xml``. Every workbook is judged before anything is written:
when one cannot be used, the run writes nothing and its report says which and why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from riep.errors import InputError, RiepError
from riep.findings import FileReport, RunReport
from riep.jobs import all_jobs
from riep.output.json_out import render_json
from riep.output.junit import render_junit
from riep.provenance import run_info
from riep.registry import rules_version
from riep.report.cover import cover_for
from riep.report.figures import key_figures
from riep.report.organisation import workbook_name
from riep.runners.base import Context, Job, Outcome
from riep.runners.records import pick_allocation, with_allocation
from riep.xlsx.reader import Workbook, open_workbook
from riep.xlsx.writer import atomic_write_text, write_result_copy

__all__ = ["run_folder", "plan_jobs", "evaluate_paths", "Progress"]

Progress = Callable[[str, int, int], None]


def _workbooks(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise InputError("is not a folder of workbooks", file=folder)
    found = sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith("~$"))
    if not found:
        raise InputError("has no .xlsx workbooks", file=folder)
    return found


def plan_jobs(paths: list[Path], ctx: Context) -> tuple[list[tuple[Path, Workbook, Job[Any]]], list[FileReport], Context]:
    """Which job runs on which workbook: ``(plan, reports of files that cannot be opened, ctx)``, the context
    given the allocation workbook (read once) among ``paths`` when it names none."""
    opened: dict[Path, Workbook | RiepError] = {}
    for p in paths:
        try:
            opened[p] = open_workbook(p)
        except RiepError as exc:
            opened[p] = exc
    if ctx.allocation is None:
        check = next(j for j in all_jobs() if j.name == "check")
        ctx = pick_allocation([wb for wb in opened.values() if isinstance(wb, Workbook) and check.recognises(wb)], ctx)
    else:
        try:
            ctx = with_allocation(ctx)  # read once for the whole run
        except RiepError:
            pass  # the records job says why, per workbook
    plan = [(p, wb, job) for p, wb in opened.items() if isinstance(wb, Workbook) for job in all_jobs() if job.recognises(wb)]
    unusable = [FileReport(path=str(p), job="open", error=e.message) for p, e in opened.items() if isinstance(e, RiepError)]
    return plan, unusable, ctx


def _run_plan(plan: list[tuple[Path, Workbook, Job[Any]]], ctx: Context, reports: list[FileReport],
              progress: Progress | None) -> list[tuple[Path, Job[Any], Outcome[Any]]]:
    """Run each planned job, appending its report to ``reports``; returns the outcomes of the jobs that ran."""
    done: list[tuple[Path, Job[Any], Outcome[Any]]] = []
    for k, (path, wb, job) in enumerate(plan, start=1):
        if progress:
            progress(f"{job.title}: {path.name}", k, len(plan))
        try:
            outcome = job.run(wb, ctx)
            report = outcome.report
            done.append((path, job, outcome))
        except RiepError as exc:
            report = FileReport(path=str(path), job=job.name, error=exc.message)
        reports.append(report)
    return done


def evaluate_paths(paths: list[Path], ctx: Context, progress: Progress | None = None) -> RunReport:
    """The findings of every job on every workbook it recognises in ``paths``, writing nothing."""
    plan, reports, ctx = plan_jobs(paths, ctx)
    _run_plan(plan, ctx, reports, progress)
    return RunReport(files=reports)


def run_folder(folder: Path, out: Path, ctx: Context, progress: Progress | None = None,
               finish: Callable[[RunReport], RunReport] | None = None) -> tuple[RunReport, list[Path]]:
    """Run every job over ``folder``; returns the report and every file written into ``out``. ``finish`` turns the
    run's report into the one reported and written to ``findings.json`` and ``junit.xml`` (a baseline applied)."""
    paths = _workbooks(folder)
    plan, reports, ctx = plan_jobs(paths, ctx)
    info = run_info([*paths, *([ctx.allocation] if ctx.allocation and ctx.allocation not in paths else [])],
                    ctx.as_of, ctx.started_at, rules_version())
    done = _run_plan(plan, ctx, reports, progress)
    run = RunReport(files=reports, run=info)
    written: list[Path] = []
    if any(r.error for r in reports):
        return run, written  # a run that could not use a workbook writes nothing: the report says which and why
    if finish is not None:
        run = finish(run).model_copy(update={"run": info})
    for path, job, outcome in done:
        dest = out / f"{path.stem}.{job.name}.xlsx"
        wctx = outcome.ctx  # the run's context for this workbook: its organisation and document title
        extra = job.figures(outcome.value, outcome.report, wctx) if job.figures else []
        cover = cover_for(f"{job.title}: {workbook_name(path, wctx.title)}", dest.name, outcome.report, info,
                          wctx.organisation or "",
                          [path, *([ctx.allocation] if job.name == "records" and ctx.allocation else [])],
                          key_figures(outcome.report, extra))
        written.append(write_result_copy(path, dest, job.result_sheets(outcome.value, outcome.report, wctx), cover))
        if job.write_reports is not None:
            written += job.write_reports(outcome.value, outcome.report, wctx, out)
    written.append(atomic_write_text(out / "findings.json", render_json(run)))
    written.append(atomic_write_text(out / "junit.xml", render_junit(run)))
    return run, written

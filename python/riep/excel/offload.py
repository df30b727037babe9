"""Work that takes more than a few milliseconds runs in worker processes, off the server's event loop.

xlwings Server runs a function's Python code on its event loop, so one 10,000-row column or
one button run used to make every other request to that server process wait for it. Here,
a call over more than :data:`INLINE_CELLS` cells, and every ribbon button, is handed to a
pool of worker processes (:func:`run`), while single cells are still answered at once on the
loop (they take a fraction of a millisecond). Processes rather than threads, so that the
loop never waits for Python's global interpreter lock held by a big job; and at a lower
priority (``nice`` +10), so that when the server's CPUs are busy the operating system gives
them to the processes answering single cells first.

The pool is started, and every worker warmed up, when the server starts (:func:`start`,
called by ``addin/lifespan.py``), so no request waits for a worker to import riep; it uses
``forkserver`` (each worker starts from a small process that has already imported riep,
not from a copy of the server). It is stopped when the server shuts down (:func:`shutdown`);
a worker whose server was killed outright ends itself within seconds. Its size is
``RIEP_ADDIN_PROCESSES``, else 2; ``addin/README.md`` ("Deployment for a team") says how to
choose it.
"""

from __future__ import annotations

import asyncio
import functools
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from xlwings import XlwingsError

from riep.excel.functions import FUNCTIONS, excel_function, prepare_args

__all__ = ["INLINE_CELLS", "WORKER_NICE", "processes", "start", "run", "shutdown", "offloaded", "call_function",
           "run_script"]

INLINE_CELLS = 200
"""Calls over at most this many cells run on the event loop; bigger ones in the worker pool."""

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None


def processes() -> int:
    """How many worker processes the pool has: ``RIEP_ADDIN_PROCESSES``, else 2 (``riep serve``, one person)."""
    named = os.environ.get("RIEP_ADDIN_PROCESSES", "").strip()
    return max(1, int(named)) if named.isdigit() else 2


WORKER_NICE = 10
"""How much lower the worker processes' priority is than the server's (Unix ``nice``)."""


def _outlive_no_server(server: int) -> None:
    """End this worker when the server process is gone (killed without the chance to stop its workers)."""
    while True:
        time.sleep(2)
        try:
            os.kill(server, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:  # pragma: no cover - the pid was reused by another user's process
            os._exit(0)


def _worker_start(server: int) -> None:
    if hasattr(os, "nice"):
        os.nice(WORKER_NICE)
    threading.Thread(target=_outlive_no_server, args=(server,), daemon=True).start()


def _executor() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["riep.excel.offload", "riep.excel.ribbon"])
        _pool = ProcessPoolExecutor(max_workers=processes(), mp_context=ctx, initializer=_worker_start,
                                    initargs=(os.getpid(),))
    return _pool


def _ready(seconds: float) -> int:
    time.sleep(seconds)  # long enough that each warm-up call lands on a worker of its own
    return os.getpid()


def _warm() -> None:
    pool = _executor()
    list(pool.map(_ready, [0.05] * processes()))


async def start() -> None:
    """Start the worker processes and wait until each has imported riep (server start-up)."""
    await asyncio.to_thread(_warm)


def shutdown() -> None:
    """Stop the worker processes (the server is shutting down)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


async def run(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` in a worker process; the event loop serves other requests meanwhile.

    ``fn`` and its arguments travel by pickle, so ``fn`` is a module-level function. A worker
    that died (out of memory, killed) is replaced and the call refused with a sentence.
    """
    global _pool
    try:
        return await asyncio.get_running_loop().run_in_executor(_executor(), fn, *args)
    except BrokenProcessPool:
        broken, _pool = _pool, None
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)
        raise XlwingsError("the RIEP server lost the process working on this (it may have run out of memory); "
                           "it has started a new one: please try again") from None


_BY_NAME = {f.__name__: f for f in FUNCTIONS}


def call_function(name: str, args: tuple[Any, ...]) -> Any:
    """Run the worksheet function ``name`` in a worker process, through the same error boundary."""
    return excel_function(_BY_NAME[name])(*args)


def _cells(value: object) -> int:
    if isinstance(value, list):
        return sum(_cells(v) for v in value) if value and isinstance(value[0], list) else len(value)
    return 1


def offloaded(impl: Callable[..., Any]) -> Callable[..., Any]:
    """``impl`` as an async worksheet function for xlwings Server: small calls inline, big ones in the pool."""
    inline = excel_function(impl)
    label = impl.__name__.upper()

    @functools.wraps(impl)
    async def call(*args: Any) -> Any:
        try:
            args = prepare_args(label, impl, args)  # trims A:A before anything is copied to a worker
        except Exception:
            return inline(*args)  # the same boundary turns it into the cell's message
        if sum(_cells(a) for a in args) <= INLINE_CELLS:
            return inline(*args)
        return await run(call_function, impl.__name__, args)

    return call


async def run_script(book: Any, job_name: str, formulas: dict[str, Any] | None, options: dict[str, Any] | None,
                     user_id: str) -> None:
    """A ribbon button: the job runs in a worker process; its actions (sheets, fills, alert) go back to Excel."""
    from riep.excel import reports
    from riep.excel.ribbon import run_in_worker

    if formulas is not None and not isinstance(formulas, dict):
        raise XlwingsError("the ribbon sent the formulas in a form riep does not know; reload the add-in")
    if options is not None and not isinstance(options, dict):
        raise XlwingsError("the task pane sent its options in a form riep does not know; reload the add-in")
    actions = await run(run_in_worker, book.api, job_name, formulas, options or {}, reports.owner_key(user_id))
    book.json()["actions"].extend(actions)

"""Start-up and shut-down of the RIEP add-in server (xlwings Server loads this file by its path).

At start-up, everything already loaded (FastAPI, xlwings, pandas, riep: some 180,000 objects)
is moved out of the garbage collector's way with :func:`gc.freeze`. Otherwise each full
collection walks all of them again: a worksheet function over a 10,000-row column makes
enough small lists to trigger several, which tripled its time in ``bench/addin_bench.py``.

Before serving, the worker processes that run columns and buttons
(:mod:`riep.excel.offload`) are started and warmed up; they are stopped at shut-down.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

__all__ = ["lifespan"]


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """Start the worker processes, freeze the start-up objects, serve, and let them go again at shut-down."""
    from riep.excel.offload import shutdown, start
    from riep.excel.reports import sweep

    sweep()  # reports of runs that expired while the server was down
    await start()
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        shutdown()

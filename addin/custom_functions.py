"""RIEP worksheet functions for the xlwings Server add-in (Excel on Windows, Mac and the web).

xlwings Server imports this module by name from the project folder (``addin/``). Every
function in :data:`riep.excel.functions.FUNCTIONS` is registered here with the
``xlwings.server`` decorators; the manifest's namespace makes them ``RIEP.<NAME>`` in Excel.
Arguments are passed raw (the JSON values Excel sent): :mod:`riep.excel.values` reads them.

xlwings Server quietly serves an add-in with no functions when this module fails to import
with ``ModuleNotFoundError``; that error is turned into a ``RuntimeError`` here so the server
refuses to start instead.
"""

from __future__ import annotations

import inspect

try:
    from xlwings.server import arg, func

    from riep.excel.functions import FUNCTIONS, excel_function
except ModuleNotFoundError as exc:  # pragma: no cover - exercised by starting a broken install
    raise RuntimeError(f"the RIEP add-in cannot load its functions: {exc}") from exc

__all__ = [f.__name__ for f in FUNCTIONS]

for _impl in FUNCTIONS:
    _f = func(excel_function(_impl))
    for _param in inspect.signature(_impl).parameters:
        # values arrive as Excel sent them; riep.excel.values reads each cell once (fast for whole columns)
        _f = arg(_param, convert="raw")(_f)
    globals()[_impl.__name__] = _f
del _impl, _f, _param

"""RIEP worksheet functions for the xlwings Server add-in (Excel on Windows, Mac and the web).

xlwings Server imports this module by name from the project folder (``addin/``). Every
function in :data:`riep.excel.functions.FUNCTIONS` is registered here with the
``xlwings.server`` decorator; the manifest's namespace makes them ``RIEP.<NAME>`` in Excel.

xlwings Server quietly serves an add-in with no functions when this module fails to import
with ``ModuleNotFoundError``; that error is turned into a ``RuntimeError`` here so the server
refuses to start instead.
"""

from __future__ import annotations

try:
    from xlwings.server import func

    from riep.excel.functions import FUNCTIONS, excel_function
except ModuleNotFoundError as exc:  # pragma: no cover - exercised by starting a broken install
    raise RuntimeError(f"the RIEP add-in cannot load its functions: {exc}") from exc

__all__ = [f.__name__ for f in FUNCTIONS]

for _impl in FUNCTIONS:
    globals()[_impl.__name__] = func(excel_function(_impl))
del _impl

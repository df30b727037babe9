"""RIEP worksheet functions for the xlwings Server add-in (Excel on Windows, Mac and the web).

xlwings Server imports this module by name from the project folder (``addin/``). Every
function in :data:`riep.excel.functions.FUNCTIONS` is registered here with the
``xlwings.server`` decorators; the manifest's namespace makes them ``RIEP.<NAME>`` in Excel.
Arguments are passed raw (the JSON values Excel sent): :mod:`riep.excel.values` reads them.
Each is registered as an async function (:func:`riep.excel.offload.offloaded`): a single cell
is answered on the server's event loop, a column is worked out in a worker process.

A call naming a function that is not here (``RIEP.NOSUCH``, an old manifest) is answered
with a sentence (HTTP 400) by the module's ``__getattr__``, instead of a server error.

xlwings Server quietly serves an add-in with no functions when this module fails to import
with ``ModuleNotFoundError``; that error is turned into a ``RuntimeError`` here so the server
refuses to start instead.
"""

from __future__ import annotations

import inspect
from typing import Any

try:
    from xlwings import XlwingsError
    from xlwings.server import arg, func

    from riep.excel.functions import FUNCTIONS
    from riep.excel.offload import offloaded
except ModuleNotFoundError as exc:  # pragma: no cover - exercised by starting a broken install
    raise RuntimeError(f"the RIEP add-in cannot load its functions: {exc}") from exc

__all__ = [f.__name__ for f in FUNCTIONS]

for _impl in FUNCTIONS:
    _f = func(offloaded(_impl))
    for _param in inspect.signature(_impl).parameters:
        # values arrive as Excel sent them; riep.excel.values reads each cell once (fast for whole columns)
        _f = arg(_param, convert="raw")(_f)
    globals()[_impl.__name__] = _f
del _impl, _f, _param


def __getattr__(name: str) -> Any:
    """A function Excel asked for by a name that is not one of RIEP's: refused with a sentence."""
    if name.startswith("_") or not name.isidentifier():
        raise AttributeError(name)
    raise XlwingsError(f"RIEP has no function called {name.upper()}; it has "
                       f"{', '.join('RIEP.' + f.__name__.upper() for f in FUNCTIONS)}")

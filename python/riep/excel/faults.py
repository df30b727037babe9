"""A fault in riep itself (not in the person's workbook or arguments), as the add-in reports it.

Every channel of the add-in (a worksheet function, a ribbon button, a report download) ends
in one place that catches what is not a :class:`~riep.errors.RiepError`; it calls
:func:`fault_message`, which writes one line to the server's log (what failed, the error,
and the source line it was raised at) and gives the sentence the person sees, asking them
to report it.
"""

from __future__ import annotations

import logging
import traceback

__all__ = ["fault_message"]

_log = logging.getLogger("riep.excel")


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "unknown place"


def fault_message(what: str, exc: BaseException, attach: str) -> str:
    """Log ``exc`` as one line and return the message asking the person to report it (with ``attach``)."""
    _log.error("%s failed: %s: %s (at %s)", what, type(exc).__name__, str(exc).replace("\n", " "), _where(exc))
    return (f"{what} hit a fault in riep ({type(exc).__name__}: {exc}); this is not your mistake: please report "
            f"it to whoever runs the RIEP add-in, with {attach}")

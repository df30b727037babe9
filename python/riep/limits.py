"""The bounds in force for this command: the ``[limits]`` settings, and the clock of ``max_seconds``.

The command line sets them once from its settings (:func:`use_limits`) and clears them when the
command ends; the readers ask :func:`current` for the bounds they enforce. The add-in's server
never sets a clock.
"""

from __future__ import annotations

import signal
import threading
from pathlib import Path

from riep.errors import InputError
from riep.settings import LimitSettings

__all__ = ["current", "use_limits", "reading"]

_state: dict[str, LimitSettings] = {"limits": LimitSettings()}
_reading: list[Path] = []


def current() -> LimitSettings:
    """The limits in force (the defaults unless a command set its own)."""
    return _state["limits"]


def reading(path: Path) -> None:
    """Note the workbook being read, for the sentence when time runs out."""
    _reading[:] = [path]


def _out_of_time(signum: int, frame: object) -> None:
    seconds = current().max_seconds
    raise InputError(f"riep stopped after {seconds} seconds, the [limits] max_seconds setting, while reading this "
                     "workbook; split the work or raise the setting", file=_reading[-1] if _reading else None)


def use_limits(limits: LimitSettings | None) -> None:
    """Enforce ``limits`` from now on and start their clock (main thread only); ``None`` restores the defaults and
    stops the clock."""
    _state["limits"] = limits or LimitSettings()
    _reading.clear()
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        return
    if limits is not None and limits.max_seconds:
        signal.signal(signal.SIGALRM, _out_of_time)
        signal.alarm(limits.max_seconds)
    else:
        signal.alarm(0)

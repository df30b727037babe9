"""The riep settings the add-in uses: the file named by ``RIEP_CONFIG``, else ``./riep.toml``, else defaults.

``riep serve --config FILE`` sets ``RIEP_CONFIG``. The file is read again only when it
changes, so worksheet functions (called for every recalculation) do not re-read it each time.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from riep.settings import Settings, load_settings

__all__ = ["settings"]


@functools.lru_cache(maxsize=4)
def _load(path: str | None, mtime: float | None) -> Settings:
    return load_settings(path)


def settings() -> Settings:
    """The current settings (a bad settings file raises :class:`~riep.errors.ConfigError`)."""
    named = os.environ.get("RIEP_CONFIG") or None
    path = Path(named) if named else Path("riep.toml")
    mtime = path.stat().st_mtime if path.is_file() else None
    return _load(named, mtime)

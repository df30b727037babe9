"""A progress bar on stderr for commands that run many jobs: shown on a terminal, silent in CI and in pipes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["progress_bar", "wants_progress"]


def wants_progress(console: Console) -> bool:
    """On a terminal and not in CI (``CI`` set to anything but ``false``/``0``, as every CI service sets it)."""
    in_ci = os.environ.get("CI", "").strip().lower() not in ("", "false", "0")
    return console.is_terminal and not in_ci


@contextmanager
def progress_bar(title: str) -> Iterator[Callable[[str, int, int], None]]:
    """A callback ``(what, k, n)`` that moves a transient bar, or does nothing where no bar is wanted."""
    from rich.console import Console
    from rich.progress import Progress

    console = Console(stderr=True)
    with Progress(console=console, transient=True, disable=not wants_progress(console)) as bar:
        task = bar.add_task(title, total=None)
        yield lambda what, k, n: bar.update(task, description=what, completed=k - 1, total=n)

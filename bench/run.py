"""Run every benchmark in this folder (``*_bench.py``, each with a ``main()``), or those named: ``make bench``,
``python bench/run.py check_bench addin_bench``."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

__all__ = ["main"]

HERE = Path(__file__).parent


def main() -> None:
    sys.path.insert(0, str(HERE))
    wanted = set(sys.argv[1:])
    for path in sorted(HERE.glob("*_bench.py")):
        if wanted and path.stem not in wanted:
            continue
        print(f"== {path.stem}", flush=True)
        sys.argv = [str(path)]  # each benchmark runs with its own defaults, not with the names given here
        importlib.import_module(path.stem).main()


if __name__ == "__main__":
    main()

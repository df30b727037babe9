"""Benchmark: what the Excel add-in adds to each RIEP worksheet-function call, server side.

For one cell and for a 10,000-row column, three timings in the same run (median of repeats):

- core: the core function called directly from Python over the same values (already parsed:
  dates as ``date`` objects, amounts as floats);
- dispatch: xlwings Server's ``custom_functions_call`` with the body Excel sends (argument
  conversion, the RIEP wrapper, result conversion), no HTTP;
- http: the whole request through the real FastAPI app in-process over ASGI (JSON parsing,
  routing, authentication, the CORS and security-header middleware, JSON response).

Overhead per call = http - core; of that, wrapper = dispatch - core is what the RIEP
functions and xlwings' dispatch add, and the rest is the HTTP stack, measured on its own as
the server's floor (``GET /``, the health check). Target: the wrapper adds at most 2 ms per
call, and a column costs one call that grows with the rows, not one call per cell.

A second table times the Validate totals button on a 10,000-line allocation workbook: the
ribbon script through the app (book JSON in, actions out) against the CLI's own work on the
file (open, evaluate, build the result sheet).

Run: ``XLWINGS_LICENSE_KEY=noncommercial .venv/bin/python bench/addin_bench.py [--repeat N]``
Writes ``bench/results/addin.json`` (ignored by git) and prints a table.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["run", "run_button_bench", "main"]

ROOT = Path(__file__).resolve().parents[1]
os.environ["XLWINGS_PROJECT_DIR"] = str(ROOT / "addin")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

ROWS = 10_000


def _median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _cases() -> list[dict[str, Any]]:
    from riep import fy
    from riep.checks.totals import check_total
    from riep.dates import serial_to_date
    from riep.reconcile.corkscrew import carry_forward

    serials = [39904 + (i % 1095) for i in range(ROWS)]  # April 2009 onwards, three years
    dates = [serial_to_date(s) for s in serials]
    amounts = [float(100 + i % 900) for i in range(ROWS)]
    total = sum(amounts)
    return [
        {"function": "FINANCIAL_YEAR", "name": "financial_year",
         "cell": ([[serials[0]]],), "column": ([[s] for s in serials],),
         "core_cell": lambda: fy.financial_year(dates[0]),
         "core_column": lambda: [fy.financial_year(d) for d in dates]},
        {"function": "CARRY_FORWARD", "name": "carry_forward",
         "cell": ([[500]], [[7000]], [[4500]]),
         "column": ([[a] for a in amounts], [[a * 2] for a in amounts], [[a] for a in amounts]),
         "core_cell": lambda: carry_forward(500.0, 7000.0, 4500.0),
         "core_column": lambda: [carry_forward(a, a * 2, a) for a in amounts]},
        {"function": "CHECK_TOTAL", "name": "check_total",
         "cell": ([[1000]], [[1000]]), "column": ([[a] for a in amounts], [[total]]),
         "core_cell": lambda: check_total([1000.0], 1000.0),
         "core_column": lambda: check_total(amounts, total)},
    ]


def run(repeat: int) -> list[dict[str, Any]]:
    import httpx
    import xlwings
    import xlwings.server

    logging.disable(logging.CRITICAL)
    from xlwings_server.main import app, main_app
    from xlwings_server.routers.xlwings import custom_functions

    loop = asyncio.new_event_loop()
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=main_app), base_url="https://127.0.0.1:8000")
    started = app.router.lifespan_context(app)  # the server's start-up (addin/lifespan.py), as uvicorn runs it
    loop.run_until_complete(started.__aenter__())
    out = []
    for case in _cases():
        for size in ("cell", "column"):
            body = {"client": "Office.js", "version": xlwings.__version__, "runtime": "1.4",
                    "func_name": case["name"], "args": [list(a) for a in case[size]], "caller_address": "Sheet1!A1"}

            def dispatch(body: dict = body) -> None:
                loop.run_until_complete(xlwings.server.custom_functions_call(dict(body), custom_functions))

            def http(body: dict = body) -> None:
                r = loop.run_until_complete(client.post("/xlwings/custom-functions-call", json=body))
                assert r.status_code == 200, r.text

            n = repeat if size == "cell" else max(5, repeat // 10)
            core = _median_ms(case[f"core_{size}"], n)
            disp = _median_ms(dispatch, n)
            full = _median_ms(http, n)
            rows = 1 if size == "cell" else ROWS
            out.append({"function": case["function"], "rows": rows, "core_ms": round(core, 4),
                        "dispatch_ms": round(disp, 4), "http_ms": round(full, 4),
                        "overhead_ms": round(full - core, 4),
                        "overhead_us_per_row": round((full - core) * 1000 / rows, 3),
                        "ratio_http_to_core": round(full / core, 1) if core else None})
    def health() -> None:
        r = loop.run_until_complete(client.get("/"))
        assert r.status_code == 200

    floor = _median_ms(health, repeat)
    for r in out:
        r["server_floor_ms"] = round(floor, 4)
        r["wrapper_ms"] = round(r["dispatch_ms"] - r["core_ms"], 4)
    loop.run_until_complete(client.aclose())
    loop.run_until_complete(started.__aexit__(None, None, None))
    loop.close()
    return out


def _big_allocation(path: Path, lines: int = ROWS) -> Path:
    """A financial-allocation workbook with ``lines`` lines over 20 themes, built like the shipped ones."""
    from riep.build.render import render
    from riep.build.source import WorkbookSource
    from riep.checks.tables import ALLOCATION, STATED_TOTALS
    from riep.xlsx.writer import atomic_save

    def cols(spec):  # type: ignore[no-untyped-def]
        return [{"name": c.name, "type": "k" if "£k" in c.name else "general"} for c in spec.columns]

    rows = [["2009/10", f"Theme {i % 20}", "", f"Line {i}", 100 + i % 50, ""] for i in range(lines)]
    stated = [["2009/10", "Grand total", sum(r[4] for r in rows) + 75, ""]]
    src = WorkbookSource.model_validate({"file": path.name, "title": "Benchmark plan", "sheets": [
        {"name": "Allocation", "title": "Allocation", "table": {"name": "Allocation", "columns": cols(ALLOCATION),
                                                               "rows": rows}},
        {"name": "StatedTotals", "title": "Totals", "table": {"name": "StatedTotals", "columns": cols(STATED_TOTALS),
                                                             "rows": stated}},
    ]})
    return atomic_save(render(src), path)


def run_button_bench(repeat: int) -> dict[str, Any]:
    import tempfile

    import httpx

    sys.path.insert(0, str(ROOT / "tests" / "addin"))
    from bookjson import book_json, table_formulas  # the book JSON Excel sends, as the tests build it
    from xlwings_server.main import app, main_app

    from riep.jobs import job
    from riep.runners.base import Context
    from riep.xlsx.reader import open_workbook

    with tempfile.TemporaryDirectory() as tmp:
        path = _big_allocation(Path(tmp) / "big_allocation.xlsx")
        body = book_json(path)
        body["args"] = [table_formulas(path)]
        check = job("check")

        def cli() -> None:
            wb = open_workbook(path)
            outcome = check.run(wb, Context())
            check.result_sheets(outcome.value, outcome.report, Context())

        loop = asyncio.new_event_loop()
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=main_app), base_url="https://127.0.0.1:8000")
        started = app.router.lifespan_context(app)
        loop.run_until_complete(started.__aenter__())

        def button() -> None:
            r = loop.run_until_complete(client.post("/xlwings/custom-scripts-call/validate_totals", json=body))
            assert r.status_code == 200, r.text

        n = max(3, repeat // 60)
        result = {"button": "Validate totals", "lines": ROWS, "cli_ms": round(_median_ms(cli, n), 1),
                  "script_ms": round(_median_ms(button, n), 1)}
        loop.run_until_complete(client.aclose())
        loop.run_until_complete(started.__aexit__(None, None, None))
        loop.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="Calls per single-cell timing (columns: a tenth).")
    args = parser.parse_args()
    results = run(args.repeat)
    button = run_button_bench(args.repeat)
    dest = ROOT / "bench" / "results" / "addin.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps({"python": sys.version.split()[0], "date": dt.date.today().isoformat(),
                                "results": results, "button": button}, indent=2), encoding="utf-8")
    print(f"{'function':<15}{'rows':>7}{'core ms':>10}{'wrapper ms':>12}{'dispatch ms':>13}{'http ms':>10}"
          f"{'overhead ms':>13}{'us/row':>9}{'ratio':>9}")
    for r in results:
        print(f"{r['function']:<15}{r['rows']:>7}{r['core_ms']:>10.3f}{r['wrapper_ms']:>12.3f}{r['dispatch_ms']:>13.3f}"
              f"{r['http_ms']:>10.3f}{r['overhead_ms']:>13.3f}{r['overhead_us_per_row']:>9.2f}"
              f"{r['ratio_http_to_core'] or 0:>9.1f}")
    print(f"server floor (GET / health check through the same stack): {results[0]['server_floor_ms']:.3f} ms")
    print(f"{button['button']} on a {button['lines']:,}-line allocation: ribbon script {button['script_ms']:.1f} ms "
          f"(book JSON in, actions out); CLI open + evaluate + result sheet {button['cli_ms']:.1f} ms")
    print(f"results: {dest.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

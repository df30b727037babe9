"""Load benchmark of the add-in server: is a single cell still quick while colleagues run big jobs?

Starts the add-in server as the team deployment runs it (``riep.excel.server.team_command``:
uvicorn with several worker processes) on 127.0.0.1 only, then:

1. **idle**: one client calls ``RIEP.CARRY_FORWARD`` on a single cell, one call at a time;
2. **load**: a fixed set of clients for a bounded time, each on its own keep-alive connection:
   single-cell clients (the same call, a short pause between calls, like people typing),
   column clients (``RIEP.CARRY_FORWARD`` over 10,000 rows, back to back) and button clients
   (Validate totals on a 10,000-line allocation workbook, back to back).

It reports the errors (any status but 200, or a dropped connection) and the single-cell p50
and p95 under load as a ratio to the idle figures. Target: no errors, p95 at most 10x idle.
The server is stopped at the end whatever happens; a run is bounded by ``--seconds`` and by
``--max-requests`` per client.

    XLWINGS_LICENSE_KEY=noncommercial .venv/bin/python bench/load_bench.py
    ... --pythonpath /tmp/old/python --addin /tmp/old/addin   # the same load against another checkout

Writes ``bench/results/load.json`` (ignored by git).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["main"]

ROOT = Path(__file__).resolve().parents[1]
ROWS = 10_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bodies(tmp: Path) -> dict[str, bytes]:
    import xlwings

    sys.path.insert(0, str(ROOT / "tests" / "addin"))
    sys.path.insert(0, str(Path(__file__).parent))
    from bookjson import book_json, table_formulas

    from addin_bench import _big_allocation

    def call(*args: list[list[object]]) -> bytes:
        return json.dumps({"client": "Office.js", "version": xlwings.__version__, "runtime": "1.4",
                           "func_name": "carry_forward", "args": list(args), "caller_address": "Sheet1!A1"}).encode()

    amounts = [float(100 + i % 900) for i in range(ROWS)]
    book = _big_allocation(tmp / "big_allocation.xlsx")
    body = book_json(book)
    body["args"] = [table_formulas(book)]
    return {
        "cell": call([[500]], [[7000]], [[4500]]),
        "column": call([[a] for a in amounts], [[a * 2] for a in amounts], [[a] for a in amounts]),
        "button": json.dumps(body).encode(),
    }


PATHS = {"cell": "/xlwings/custom-functions-call", "column": "/xlwings/custom-functions-call",
         "button": "/xlwings/custom-scripts-call/validate_totals"}


async def _client(base: str, kind: str, body: bytes, until: float, max_requests: int, pause: float,
                  out: dict[str, list[Any]]) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=120, limits=httpx.Limits(max_connections=1)) as c:
        for _ in range(max_requests):
            if time.perf_counter() >= until:
                return
            t = time.perf_counter()
            try:
                r = await c.post(PATHS[kind], content=body, headers={"Content-Type": "application/json"})
                ok = r.status_code == 200
                why = f"HTTP {r.status_code}: {r.text[:120]}"
            except httpx.HTTPError as exc:
                ok, why = False, f"{type(exc).__name__}: {exc}"
            out[kind].append((time.perf_counter() - t) * 1000)
            if not ok:
                out["errors"].append(f"{kind}: {why}")
            if pause:
                await asyncio.sleep(pause)


async def _idle(base: str, body: bytes, n: int) -> list[float]:
    out: dict[str, list[Any]] = {"cell": [], "errors": []}
    await _client(base, "cell", body, time.perf_counter() + 60, n, 0.005, out)
    if out["errors"]:
        raise RuntimeError(f"the idle server failed: {out['errors'][0]}")
    return out["cell"][n // 10:]  # the first calls warm the server up


async def _load(base: str, bodies: dict[str, bytes], mix: dict[str, int], seconds: float,
                max_requests: int) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {"cell": [], "column": [], "button": [], "errors": []}
    until = time.perf_counter() + seconds
    pauses = {"cell": 0.02, "column": 0.0, "button": 0.0}
    await asyncio.gather(*(_client(base, kind, bodies[kind], until, max_requests, pauses[kind], out)
                           for kind, n in mix.items() for _ in range(n)))
    return out


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def _wait_up(base: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    import httpx

    until = time.monotonic() + seconds
    while time.monotonic() < until:
        if proc.poll() is not None:
            raise RuntimeError(f"the server stopped at start-up (exit {proc.returncode})")
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not start within a minute")


def run(workers: int, processes: int, seconds: float, mix: dict[str, int], max_requests: int, addin: Path,
        pythonpath: str | None) -> dict[str, Any]:
    from riep.excel.server import team_command

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, XLWINGS_PROJECT_DIR=str(addin), XLWINGS_LICENSE_KEY="noncommercial",
               XLWINGS_LOG_LEVEL="WARNING", RIEP_ADDIN_PROCESSES=str(processes))
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join([pythonpath, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    cmd = [sys.executable, "-m", *team_command(host="127.0.0.1", port=port, workers=workers),
           "--log-level", "warning"]
    with tempfile.TemporaryDirectory() as tmp:
        bodies = _bodies(Path(tmp))
        proc = subprocess.Popen(cmd, env=env, cwd=tmp, start_new_session=True)
        try:
            _wait_up(base, proc)
            idle = asyncio.run(_idle(base, bodies["cell"], 220))
            loaded = asyncio.run(_load(base, bodies, mix, seconds, max_requests))
        finally:
            proc.terminate()  # uvicorn stops its workers, and they their worker processes
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
    cell = loaded["cell"]
    result = {
        "workers": workers, "processes_per_worker": processes, "seconds": seconds, "clients": mix, "command": " ".join(cmd[2:]),
        "idle_p50_ms": round(_pct(idle, 50), 2), "idle_p95_ms": round(_pct(idle, 95), 2),
        "load_p50_ms": round(_pct(cell, 50), 2) if cell else None,
        "load_p95_ms": round(_pct(cell, 95), 2) if cell else None,
        "requests": {k: len(loaded[k]) for k in ("cell", "column", "button")},
        "column_p50_ms": round(_pct(loaded["column"], 50), 1) if loaded["column"] else None,
        "button_p50_ms": round(_pct(loaded["button"], 50), 1) if loaded["button"] else None,
        "errors": len(loaded["errors"]), "first_errors": loaded["errors"][:5],
    }
    if cell:
        result["p50_ratio"] = round(result["load_p50_ms"] / result["idle_p50_ms"], 1)
        result["p95_ratio"] = round(result["load_p95_ms"] / result["idle_p95_ms"], 1)
    return result


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--workers", type=int, default=4, help="uvicorn worker processes (default 4, as the Dockerfile)")
    p.add_argument("--processes", type=int, default=1,
                   help="background processes per worker, RIEP_ADDIN_PROCESSES (default 1)")
    p.add_argument("--seconds", type=float, default=15, help="how long the load lasts (default 15)")
    p.add_argument("--cells", type=int, default=8, help="single-cell clients (default 8)")
    p.add_argument("--columns", type=int, default=3, help="10,000-row column clients (default 3)")
    p.add_argument("--buttons", type=int, default=2, help="Validate totals button clients (default 2)")
    p.add_argument("--max-requests", type=int, default=2000, help="at most this many requests per client")
    p.add_argument("--addin", type=Path, default=ROOT / "addin", help="the add-in folder to serve")
    p.add_argument("--pythonpath", help="put this first on the server's PYTHONPATH (another checkout's python/)")
    a = p.parse_args()
    mix = {"cell": a.cells, "column": a.columns, "button": a.buttons}
    r = run(a.workers, a.processes, a.seconds, mix, a.max_requests, a.addin, a.pythonpath)
    out = Path(__file__).parent / "results" / "load.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(r, indent=2))
    print(f"server: {r['command']} (RIEP_ADDIN_PROCESSES={a.processes})")
    print(f"clients for {a.seconds:g} s: {mix}; requests {r['requests']}; errors {r['errors']}")
    for e in r["first_errors"]:
        print(f"  {e}")
    print(f"single cell idle   p50 {r['idle_p50_ms']:7.1f} ms  p95 {r['idle_p95_ms']:7.1f} ms")
    if r["load_p50_ms"] is not None:
        print(f"single cell loaded p50 {r['load_p50_ms']:7.1f} ms  p95 {r['load_p95_ms']:7.1f} ms  "
              f"ratio p50 {r['p50_ratio']}x  p95 {r['p95_ratio']}x (target: p95 at most 10x, no errors)")
    print(f"10,000-row column p50 {r['column_p50_ms']} ms; Validate totals (10,000 lines) p50 {r['button_p50_ms']} ms")


if __name__ == "__main__":
    main()

"""The add-in as a team runs it: the Dockerfile's command, several worker processes, on loopback."""

from __future__ import annotations

import httpx
import xlwings

from conftest import dockerfile_command
from riep.excel.server import team_command


def _call(name: str, *args: object) -> dict:
    return {"client": "Office.js", "version": xlwings.__version__, "runtime": "1.4", "func_name": name,
            "args": list(args), "caller_address": "Sheet1!B2"}


def test_the_dockerfile_runs_the_documented_team_command():
    assert dockerfile_command() == team_command()


def test_bad_calls_leave_the_connection_usable(team_server):
    bad = [_call("rag", [[6]], [["3x3"]], [["x"]]), _call("no_such_thing", [[1]]),
           _call("carry_forward", [[1e308]], [[1e308]], [[0]])]
    with httpx.Client(base_url=team_server, timeout=60) as c:  # one keep-alive connection
        for body in bad * 3:
            r = c.post("/xlwings/custom-functions-call", json=body)
            assert r.status_code == 400 and r.text
        answers = [c.post("/xlwings/custom-functions-call", json=_call("carry_forward", [[0]], [[5890]], [[i]]))
                   for i in range(20)]
    assert [(r.status_code, r.json()["result"]) for r in answers] == [(200, [[5890 - i]]) for i in range(20)]


def test_a_column_is_answered_by_a_worker_process(team_server):
    column = [[float(i)] for i in range(5000)]
    with httpx.Client(base_url=team_server, timeout=60) as c:
        r = c.post("/xlwings/custom-functions-call", json=_call("carry_forward", column, column, column))
    assert r.status_code == 200 and r.json()["result"] == [[float(i)] for i in range(5000)]

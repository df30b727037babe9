"""Every bad call to the add-in is answered with a sentence (HTTP 400), through the real xlwings Server app."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import xlwings
from bookjson import book_json

from riep.excel.functions import EXCEL_ROWS, MAX_ROWS

WORKBOOKS = Path(__file__).resolve().parents[2] / "workbook"
VALUE = {"type": "Error", "errorType": "Value"}
TOO_LARGE = "the answer is too large for Excel to hold (beyond 1.8E+308)"
ALL = ("RIEP.FINANCIAL_YEAR, RIEP.QUARTER, RIEP.CHECK_TOTAL, RIEP.CARRY_FORWARD, RIEP.RISK_SCORE, RIEP.RAG, "
       "RIEP.ELIGIBLE, RIEP.EXTRA_FUNDING_LEFT")


def call(client, name: str, *args: object) -> tuple[int, object]:
    body = {"client": "Office.js", "version": xlwings.__version__, "runtime": "1.4", "func_name": name,
            "args": list(args), "caller_address": "Sheet1!B2"}
    r = client.post("/xlwings/custom-functions-call", json=body)
    return r.status_code, (r.json()["result"] if r.status_code == 200 else r.text)


@pytest.mark.parametrize(("name", "args", "message"), [
    ("rag", [[[6]], [["3x3"]], [["x"]]], "RIEP.RAG takes 1 or 2 arguments, not 3"),
    ("rag", [], "RIEP.RAG takes 1 or 2 arguments, not 0"),
    ("carry_forward", [[[1]], [[2]]], "RIEP.CARRY_FORWARD takes 3 arguments, not 2"),
    ("check_total", [[[1]]], "RIEP.CHECK_TOTAL takes 2 or 3 arguments, not 1"),
    ("eligible", [], "RIEP.ELIGIBLE takes 1 to 3 arguments, not 0"),
])
def test_wrong_number_of_arguments(client, name, args, message):
    assert call(client, name, *args) == (400, message)


def test_unknown_function(client):
    assert call(client, "no_such_thing", [[1]]) == (400, f"RIEP has no function called NO_SUCH_THING; it has {ALL}")


def test_numbers_out_of_range_are_a_message_not_a_server_error(client):
    assert call(client, "carry_forward", [[1e308]], [[1e308]], [[0]]) == (400, TOO_LARGE)
    assert call(client, "carry_forward", [[1e308], [5]], [[1e308], [5]], [[0], [1]]) == (200, [[VALUE], [9]])


def test_a_whole_column_is_trimmed_to_its_last_value(client):
    column = [[500], [""], [700]] + [[""]] * (EXCEL_ROWS - 3)
    committed = [[0], [""], [0]]  # a range of its own beside two whole columns
    assert call(client, "carry_forward", column, column, committed) == (200, [[1000], [""], [1400]])
    dates = [[40193]] + [[""]] * (EXCEL_ROWS - 1)
    assert call(client, "financial_year", dates) == (200, [["2009/10"]])


def test_a_column_too_long_even_when_trimmed_is_refused(client):
    column = [[1]] * (MAX_ROWS + 1) + [[""]] * (EXCEL_ROWS - MAX_ROWS - 1)
    assert call(client, "financial_year", column) == (400, (
        f"RIEP.FINANCIAL_YEAR reads at most {MAX_ROWS:,} rows, and date has {MAX_ROWS + 1:,}: give the table's "
        "column (e.g. Funding[Opening]) rather than a whole column"))


def test_unknown_script(client):
    r = client.post("/xlwings/custom-scripts-call/format_disk", json=book_json(WORKBOOKS / "risk_register.xlsx"))
    assert (r.status_code, r.text) == (400, "RIEP has no ribbon button called format_disk; its buttons are Validate "
                                            "totals, Reconcile carry-forwards, Budget monitoring, Support records, Risk report")


def test_a_fault_in_riep_is_one_log_line_and_asks_for_a_report(client, monkeypatch, caplog):
    from riep import fy

    def broken(date):
        raise KeyError("financial year table")

    monkeypatch.setattr(fy, "financial_year", broken)
    with caplog.at_level(logging.ERROR, logger="riep.excel"):
        status, text = call(client, "financial_year", [[40193]])
    assert status == 400
    assert text == ("RIEP.FINANCIAL_YEAR hit a fault in riep (KeyError: 'financial year table'); this is not your "
                    "mistake: please report it to whoever runs the RIEP add-in, with the values you gave")
    ours = [r.getMessage() for r in caplog.records if r.name == "riep.excel"]
    assert len(ours) == 1 and ours[0].startswith("RIEP.FINANCIAL_YEAR failed: KeyError: 'financial year table' (at ")
    assert call(client, "carry_forward", [[0]], [[5890]], [[4500]]) == (200, [[1390]])  # the server carries on


def test_report_links_are_refused_with_a_sentence(client):
    r = client.get("/riep/reports/notatoken/x.pdf")
    assert (r.status_code, r.text) == (404, "This report link is not a RIEP report link.")
    r = client.get("/riep/reports/" + "A" * 32 + "/x.pdf")
    assert (r.status_code, r.text) == (404, "This report link has expired (reports are kept for a short time): run "
                                            "the job again.")
    r = client.post("/riep/allocation", content=b"not a workbook", headers={"X-File-Name": "plan.xlsx"})
    assert (r.status_code, r.text) == (400, "plan.xlsx: is not an .xlsx workbook (it is not a zip file).")


def test_a_refusal_in_a_background_process_is_the_same_sentence(client):
    lines = [[1, 2]] * 300  # 600 cells: worked out in a background process
    assert call(client, "check_total", lines, [[3], [3]]) == (
        400, "stated must be one cell, or one column with a total for each of the 300 rows of lines")
    assert call(client, "check_total", lines, [[3]] * 300) == (200, [["OK"]] * 300)


def test_an_upload_too_large_is_refused_before_it_is_read(client, monkeypatch):
    from riep.excel import reports

    monkeypatch.setattr(reports, "MAX_UPLOAD_BYTES", 1024 * 1024)
    r = client.post("/riep/allocation", content=b"PK" + b"\0" * (1024 * 1024), headers={"X-File-Name": "big.xlsx"})
    assert (r.status_code, r.text) == (413, "big.xlsx: is larger than 1 MB.")

"""The RIEP worksheet functions through the real xlwings Server app, called as Excel calls them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import xlwings

from riep.excel.functions import FUNCTIONS

ADDIN = Path(__file__).resolve().parents[2] / "addin"

EXPECTED = ["CARRY_FORWARD", "CHECK_TOTAL", "ELIGIBLE", "EXTRA_FUNDING_LEFT", "FINANCIAL_YEAR", "QUARTER", "RAG",
            "RISK_SCORE"]


def call(client, name: str, *args: object) -> tuple[int, object]:
    """POST /xlwings/custom-functions-call with the body Excel's custom-functions runtime sends."""
    body = {"client": "Office.js", "version": xlwings.__version__, "runtime": "1.4", "func_name": name,
            "args": list(args), "caller_address": "Sheet1!B2"}
    r = client.post("/xlwings/custom-functions-call", json=body)
    return r.status_code, (r.json()["result"] if r.status_code == 200 else r.text)


def test_metadata_lists_every_function_with_its_help(client):
    meta = client.get("/xlwings/custom-functions-meta.json").json()
    by_id = {f["id"]: f for f in meta["functions"]}
    # an import failure would leave this list empty (xlwings Server's silent fallback)
    assert sorted(by_id) == sorted(EXPECTED) == sorted(f.__name__.upper() for f in FUNCTIONS)
    fy = by_id["FINANCIAL_YEAR"]
    assert fy["description"].startswith("The UK financial year (1 April to 31 March) a date falls in, written like 2009/10.")
    assert fy["parameters"] == [{"description": "A date, or a column of dates (e.g. a table's Date column).",
                                 "name": "date", "dimensionality": "matrix", "type": "any"}]
    ct = by_id["CHECK_TOTAL"]
    assert [p["name"] for p in ct["parameters"]] == ["lines", "stated", "tolerance"]
    assert ct["parameters"][2]["optional"] is True
    assert all(f["description"] and all(p["description"] for p in f["parameters"]) for f in meta["functions"])


def test_functions_code_registers_each_function(client):
    js = client.get("/xlwings/custom-functions-code.js").text
    for name in EXPECTED:
        assert f'CustomFunctions.associate("{name}"' in js


def test_financial_year_single_cell_serial_date(client):
    assert call(client, "financial_year", [[40193]]) == (200, [["2009/10"]])  # 15 January 2010
    assert call(client, "financial_year", [[40269]]) == (200, [["2010/11"]])  # 1 April 2010


def test_financial_year_column_in_column_out(client):
    column = [[40193], [""], [40268], ["2009-11-15"], ["#REF!"], ["soon"]]
    assert call(client, "financial_year", column) == (200, [
        ["2009/10"], [""], ["2009/10"], ["2009/10"],
        [{"type": "Error", "errorType": "Value"}], [{"type": "Error", "errorType": "Value"}],
    ])


def test_quarter(client):
    assert call(client, "quarter", [[40132]]) == (200, [["Q3 2009/10"]])  # 15 November 2009
    assert call(client, "quarter", [[40193], [40000]]) == (200, [["Q4 2009/10"], ["Q2 2009/10"]])


def test_bad_single_date_is_an_error_with_a_message(client):
    assert call(client, "financial_year", [["soon"]]) == (400, "'soon' is not a date; type a date such as 15/01/2010")
    assert call(client, "quarter", [["#REF!"]]) == (400, "the cell shows #REF!, not a date")
    assert call(client, "quarter", [[True]]) == (400, "'True' is not a date")


def test_error_value_argument_arrives_as_excel_sends_it(client):
    error_cell = {"type": "Error", "basicType": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}
    assert call(client, "financial_year", [[error_cell]]) == (400, "the cell shows #N/A, not a date")


def test_check_total_ok_and_signed_difference(client):
    lines = [[1000], [1297], [""], [2050]]
    assert call(client, "check_total", lines, [[4347]]) == (200, [["OK"]])
    assert call(client, "check_total", lines, [[4347.4]]) == (200, [["OK"]])
    assert call(client, "check_total", lines, [[12922]]) == (200, [[8575.0]])
    assert call(client, "check_total", lines, [[4300]]) == (200, [[-47.0]])


def test_check_total_row_by_row(client):
    lines = [[1000, 1297, ""], [550, 600, 270], ["", "", ""], [100, "£5", 1]]
    stated = [[2297], [1500], [""], [106]]
    assert call(client, "check_total", lines, stated) == (200, [
        ["OK"], [80.0], [""], [{"type": "Error", "errorType": "Value"}]])


def test_check_total_tolerance_blank_or_given(client):
    lines = [[1000], [1297]]
    assert call(client, "check_total", lines, [[2300]], [[""]]) == (200, [[3.0]])
    assert call(client, "check_total", lines, [[2300]], [[5]]) == (200, [["OK"]])
    assert call(client, "check_total", lines, [[2300]], None) == (200, [[3.0]])


def test_check_total_tolerance_from_the_partnership_settings(client, tmp_path, monkeypatch):
    config = tmp_path / "riep.toml"
    config.write_text("[check]\ntolerance_k = 100\n", encoding="utf-8")
    monkeypatch.setenv("RIEP_CONFIG", str(config))
    assert call(client, "check_total", [[1000], [1297]], [[2350]]) == (200, [["OK"]])
    assert call(client, "check_total", [[1000], [1297]], [[2350]], [[0.5]]) == (200, [[53.0]])


def test_check_total_bad_arguments(client):
    assert call(client, "check_total", [[1000], ["£12 922"]], [[13922]]) == (400, "line 2 is '£12 922', not a number")
    assert call(client, "check_total", [[1000]], [["twelve"]]) == (400, "the stated total 'twelve' is not a number")
    assert call(client, "check_total", [[1000]], [[1000], [2]]) == (
        400, "stated must be one cell, or one column with a total for each of the 1 row of lines")
    assert call(client, "check_total", [[1000]], [[1000]], [["x"]]) == (400, "the tolerance 'x' is text, not a number")
    assert call(client, "check_total", [[1000]], [[1000]], [[-1]]) == (400, "the tolerance cannot be negative")




def test_carry_forward_single_and_column(client):
    assert call(client, "carry_forward", [[500]], [[7000]], [[4500]]) == (200, [[3000.0]])
    assert call(client, "carry_forward", [[0], [3500], [""], [100]], [[5890], [7000], [""], [0]],
                [[4500], [10500], [""], [150]]) == (200, [
        [1390.0], [0.0], [""], [-50.0]])
    # an overspend is the figure a finance officer wants to see: a negative balance, not #VALUE!
    assert call(client, "carry_forward", [[100]], [[200]], [[500]]) == (200, [[-200.0]])
    # one opening for a whole column of years' funding and commitments
    assert call(client, "carry_forward", [[100]], [[10], [20]], [[0], [5]]) == (200, [[110.0], [115.0]])


def test_carry_forward_bad_arguments(client):
    assert call(client, "carry_forward", [[""]], [[7000]], [[4500]]) == (
        400, "The opening balance is blank; it must be a number (0 if there is none).")
    assert call(client, "carry_forward", [["£3.5m"]], [[7000]], [[4500]]) == (
        400, "The opening balance is '£3.5m'; it must be a number (0 if there is none).")
    assert call(client, "carry_forward", [[1], [2]], [[1], [2], [3]], [[0]]) == (
        400, "opening is 2 rows but another argument is 3 rows; give ranges of the same size, or a single cell")



def test_risk_score_and_rag_over_a_register_column(client):
    probability = [["Low"], ["Medium"], ["M"], [""], [3]]
    impact = [["High"], ["High"], ["h"], [""], ["High"]]
    assert call(client, "risk_score", probability, impact) == (200, [[3], [6], [6], [""], [9]])
    assert call(client, "rag", [[1], [3], [6], [""], [9]]) == (200, [["Green"], ["Amber"], ["Red"], [""], ["Red"]])
    assert call(client, "risk_score", [["High"]], [["Very High"]], [["5x5"]]) == (200, [[20]])
    assert call(client, "rag", [[20]], [["5x5"]]) == (200, [["Red"]])


def test_risk_score_and_rag_bad_arguments(client):
    assert call(client, "risk_score", [["Likely"]], [["High"]]) == (
        400, "probability 'Likely' is not on the 3x3 scale; use Low, Medium or High (or 1 to 3)")
    assert call(client, "risk_score", [["Low"]], [[""]]) == (
        400, "impact is blank; use Low, Medium or High (or 1 to 3)")
    assert call(client, "risk_score", [["Low"]], [["Low"]], [["4x4"]]) == (400, "scale '4x4' is not known; use 3x3 or 5x5")
    assert call(client, "rag", [[5]]) == (400, "score 5 is not a score on the 3x3 scale; use one of 1, 2, 3, 4, 6, 9")
    assert call(client, "rag", [[4]], [["3x3"], ["5x5"]]) == (400, "scale must be one cell, not a range of 2")


def test_rag_uses_the_partnership_settings(client, tmp_path, monkeypatch):
    config = tmp_path / "riep.toml"
    config.write_text("[risks]\ngreen_max_3x3 = 1\namber_max_3x3 = 2\n", encoding="utf-8")
    monkeypatch.setenv("RIEP_CONFIG", str(config))
    assert call(client, "rag", [[1], [2], [3]]) == (200, [["Green"], ["Amber"], ["Red"]])
    config.write_text("[risks]\ngreen_max_3x3 = 7\n", encoding="utf-8")
    os.utime(config, (1, 1))  # a different modification time: the file is read again
    assert call(client, "rag", [[1]]) == (
        400, "riep.toml: setting 'risks' is not valid: Value error, green_max_3x3 must not be above amber_max_3x3")



def test_eligible_one_authority_and_a_table(client):
    assert call(client, "eligible", [[3, 1, 2]]) == (200, [["Yes: score of 1 in area 2"]])
    scores = [[3, 1, 2], [3, 3, 2], ["", "", ""], [4, 4, 4], [2, 2, 3]]
    failures = [["No"], ["Yes"], [""], ["Housing benefit"], [""]]
    areas = [["Organisational Assessment", "Use of Resources", "Managing Performance"]]
    assert call(client, "eligible", scores, failures, areas) == (200, [
        ["Yes: score of 1 in Use of Resources"], ["Yes: service failure"], [""],
        ["Yes: service failure in Housing benefit"], ["No: lowest score 2, no service failure"]])


def test_eligible_bad_arguments(client):
    assert call(client, "eligible", [[3, 5]]) == (400, "score 5 is not 1, 2, 3 or 4 (the Audit Commission's scale)")
    assert call(client, "eligible", [[3], [1]], [["No"], ["No"], ["No"]]) == (
        400, "service_failure must be one cell or one column of 2 rows, beside the scores")
    status, result = call(client, "eligible", [[3, 1], ["x", 2]])
    assert (status, result) == (200, [["Yes: score of 1 in area 2"], [{"type": "Error", "errorType": "Value"}]])



def test_extra_funding_left(client):
    assert call(client, "extra_funding_left", [[5000], [""], [7500]]) == (200, [[7500.0]])
    assert call(client, "extra_funding_left", [[15000], [7500]]) == (200, [[-2500.0]])
    assert call(client, "extra_funding_left", [[5000]], [[10000]]) == (200, [[5000.0]])
    assert call(client, "extra_funding_left", [[""]]) == (200, [[20000.0]])


def test_extra_funding_left_bad_arguments(client):
    assert call(client, "extra_funding_left", [[5000], ["lots"]]) == (400, "'lots' is not an amount of money")
    assert call(client, "extra_funding_left", [[-5]]) == (400, "-5 is not an amount of money (zero or more)")
    assert call(client, "extra_funding_left", [[5]], [["big"]]) == (400, "the cap 'big' is text, not a number")


def test_functions_take_a_row_as_a_row(client):
    assert call(client, "financial_year", [[40193, 40300]]) == (200, [["2009/10", "2010/11"]])


def test_a_broken_import_stops_the_server_instead_of_serving_no_functions(tmp_path):
    """xlwings Server falls back to an empty add-in on ModuleNotFoundError; ours refuses to start."""
    script = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'riep.excel.functions':\n"
        "            raise ModuleNotFoundError(\"No module named 'riep.excel.functions'\", name=name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import xlwings_server.main\n"
    )
    env = {**os.environ, "XLWINGS_PROJECT_DIR": str(ADDIN), "XLWINGS_LICENSE_KEY": "noncommercial"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "RuntimeError: the RIEP add-in cannot load its functions: No module named 'riep.excel.functions'" in done.stderr

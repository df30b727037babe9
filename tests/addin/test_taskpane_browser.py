"""The task pane in a real browser: headless Chromium (Debian's), driven by Playwright, on the team server.

Office.js is replaced by a small test double of the Excel API (``officejs_double.js``), and
xlwings Server's Office.js client by one that posts the book JSON (built from the workbook
as Excel sends it, ``bookjson.py``) and the arguments RIEP's own JavaScript built to the
real server (``xlwings_client_double.js``). Everything else is the real page and server.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bookjson import book_json

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
WORKBOOKS = HERE.parents[1] / "workbook"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

TITLE = "Improvement East - Risk register (Year Two Delivery Plan 2009/10)"  # File > Info > Title
FINDINGS = {  # the RiskChecks result table, as a run left it in the workbook
    "name": "RiskChecksFindings", "sheet": "RiskChecks", "address": "A4:E6",
    "header": ["Severity", "Rule", "Sheet", "Cell", "Message"],
    "body": [["warning", "RISK-004", "Risks", "H7", "Risk R3 was last reviewed more than 3 months ago."],
             ["info", "RISK-009", "Risks", "B5", "Risk R1 is scored 9 (Red)."]],
}
RISKS = {  # the register's table: one yellow cell of the officer's own
    "name": "Risks", "sheet": "Risks", "address": "A4:B5",
    "formulas": [["Id", "Score"], ["R1", "=C5*D5"]], "fills": [["", ""], ["", "#FFFF00"]],
}


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, team_server):
    context = browser.new_context(accept_downloads=True)
    pg = context.new_page()
    pg.route("**/office.js", lambda route: route.fulfill(path=HERE / "officejs_double.js",
                                                           content_type="text/javascript"))
    pg.route("**/js/custom-scripts/index.js", lambda route: route.fulfill(path=HERE / "xlwings_client_double.js",
                                                                          content_type="text/javascript"))
    book = book_json(WORKBOOKS / "risk_register.xlsx")
    pg.add_init_script(f"globalThis.riepTestBook = {json.dumps(book)};"
                       f"globalThis.riepExcel = {{tables: {json.dumps([RISKS, FINDINGS])}, title: {json.dumps(TITLE)}}};")
    pg.goto(team_server + "/taskpane")
    pg.wait_for_function("document.getElementById('riep-findings').children.length > 0")
    try:
        yield pg
    finally:
        context.close()


def test_findings_render_with_links_that_select_their_cell(page):
    items = page.locator("#riep-findings li.riep-finding")
    assert items.count() == 2
    assert page.locator("#riep-findings-status").inner_text() == "2 findings on 1 result sheet."
    assert items.nth(0).inner_text().splitlines() == ["Risks!H7 warning RISK-004",
                                                     "Risk R3 was last reviewed more than 3 months ago."]
    items.nth(0).locator("a.riep-where").click()
    assert page.evaluate("globalThis.riepExcel.selected") == "Risks!H7"


def test_a_button_calls_the_server_and_its_report_downloads(page, tmp_path):
    page.fill("#riep-as-of", "2009-12-15")
    page.dispatch_event("#riep-as-of", "change")
    assert page.evaluate("globalThis.riepExcel.settings['riep-as-of']") == "2009-12-15"  # kept in the workbook
    page.click("button[data-riep-script=risk_report]")
    page.wait_for_function("document.querySelectorAll('#riep-reports a.riep-report').length > 0")
    call = page.evaluate("globalThis.riepCalls[0]")
    assert call["scriptName"] == "risk_report"
    formulas, options = call["args"]
    assert formulas == {"Risks": {"B5": "=C5*D5"}}
    assert options == {"as_of": "2009-12-15", "fills": {"Risks": {"B5": "#FFFF00"}}, "title": TITLE}
    cover = next(a["values"] for a in call["actions"] if a["func"] == "setValues" and a["values"][0][0].startswith(
        "Risk register: "))
    assert (cover[0][0], cover[1][0]) == ("Risk register: Risk register (Year Two Delivery Plan 2009/10)",
                                          "Improvement East")
    frames = [a["args"][1] for a in call["actions"] if a["func"] == "runMacro"]
    assert frames == ["About", "Risk report", "RiskChecks"]
    assert page.evaluate("typeof globalThis.riepCallbacks.riepPrintFrame") == "function"  # what runMacro calls
    assert [a["args"][0] for a in call["actions"] if a["func"] == "alert"][0].startswith("Risk report: ")
    link = page.locator("#riep-reports a.riep-report")
    assert link.all_inner_texts() == ["Risk report for the Board (PDF)"]
    with page.expect_download() as info:
        link.first.click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == "risk_register.risks.pdf" and saved.read_bytes()[:5] == b"%PDF-"
    assert page.locator("#riep-error").is_hidden()


def test_an_error_from_the_server_is_shown(page):
    page.set_input_files("#riep-allocation", files=[{"name": "plan.xlsx", "mimeType": "application/octet-stream",
                                                     "buffer": b"not a workbook"}])
    page.wait_for_selector("#riep-error:not(.d-none)")
    assert page.inner_text("#riep-error") == "plan.xlsx: is not an .xlsx workbook (it is not a zip file)."


def test_an_uploaded_allocation_workbook_goes_with_support_records(page):
    data = (WORKBOOKS / "financial_allocation.xlsx").read_bytes()
    page.set_input_files("#riep-allocation", files=[{"name": "financial_allocation.xlsx",
                                                     "mimeType": "application/octet-stream", "buffer": data}])
    page.wait_for_function("(document.getElementById('riep-allocation-status').textContent || '').startsWith('Using')")
    assert page.inner_text("#riep-allocation-status").startswith("Using financial_allocation.xlsx (kept on the "
                                                                 "server for 30")
    token = page.evaluate("globalThis.riepExcel.settings['riep-allocation'].token")
    page.click("button[data-riep-script=support_records]")
    page.wait_for_function("globalThis.riepCalls.length > 0")
    assert page.evaluate("globalThis.riepCalls[0].args[1].allocation") == token

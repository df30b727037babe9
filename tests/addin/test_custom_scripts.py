"""The RIEP ribbon scripts through the real xlwings Server app, with the book JSON Excel sends.

Each button's actions must write the findings the CLI reports for the same file, highlight
the reported cells (fill only) and never write a value outside riep's own result sheet.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from bookjson import book_json, table_formulas

from riep.excel.highlights import FILLS_SHEET
from riep.excel.ribbon import BUTTONS
from riep.findings import Severity
from riep.jobs import all_jobs
from riep.report.cover import OPEN_BOOK
from riep.report.sheet_frame import COVER_SHEET
from riep.sheets import FINDING_COLUMNS, SEVERITY_FILL
from riep.table import col_letter
from riep.xlsx.reader import open_workbook
from riep.xlsx.writer import write_result_copy

WORKBOOKS = Path(__file__).resolve().parents[2] / "workbook"
SHIPPED = sorted(p.name for p in WORKBOOKS.glob("*.xlsx"))
ORGANISATION = {"authority_support.xlsx": "Improvement East", "em_iep_capacity_fund_2008.xlsx": "East Midlands IEP",
                "financial_allocation.xlsx": "Improvement East", "risk_register.xlsx": "Improvement East"}
WRITES = {"setValues", "setFormula", "rangeClear", "rangeClearContents", "sheetClear", "sheetClearContents"}


def run_script(client, path: Path, script: str, options: dict | None = None) -> list[dict]:
    body = book_json(path)
    body["args"] = [table_formulas(path)] + ([options] if options is not None else [])
    r = client.post(f"/xlwings/custom-scripts-call/{script}", json=body)
    assert r.status_code == 200, r.text
    return r.json()["actions"]


def added_sheets(actions: list[dict]) -> dict[str, int]:
    return {a["args"][1]: a["args"][0] for a in actions if a["func"] == "addSheet"}


def cells(actions: list[dict], position: int) -> dict[str, object]:
    """The values the actions write on the sheet at ``position``, by A1 address."""
    out: dict[str, object] = {}
    for a in actions:
        if a["func"] in ("setValues", "setFormula") and a["sheet_position"] == position:
            for i, row in enumerate(a["values"]):
                for j, v in enumerate(row):
                    out[f"{col_letter(a['start_column'] + j)}{a['start_row'] + 1 + i}"] = v
    return out


def table_rows(values: dict[str, object], top: int, ncols: int) -> list[list[object]]:
    rows = []
    r = top + 1
    while f"A{r}" in values:
        rows.append([shown(values.get(f"{col_letter(j)}{r}")) for j in range(ncols)])
        r += 1
    return rows


def shown(value: object) -> object:
    """What a cell shows: a HYPERLINK formula shows its friendly name; Excel keeps a leading apostrophe as the cell's
    quote prefix and shows the text after it."""
    if isinstance(value, str):
        m = re.match(r'^=HYPERLINK\("#(.+?)","(.*)"\)$', value)
        if m:
            return m.group(2)
        m = re.match(r'^=HYPERLINK\("#(.+?)",([^"].*)\)$', value)
        if m:  # a linked figure: it shows what its formula calculates to, as the formula --write-sheet writes does
            return "=" + m.group(2)
        if value.startswith("'"):
            return value[1:]
    return value


def cover_rows_of(cover: dict[str, object]) -> list[object]:
    """The labels of a cover sheet's rows from A4 down to its last ("Sheets")."""
    labels, r = [], 4
    while f"A{r}" in cover:
        labels.append(cover[f"A{r}"])
        r += 1
    return labels


def alerts(actions: list[dict]) -> list[list[str]]:
    return [a["args"] for a in actions if a["func"] == "alert"]


def _cases():
    for button in BUTTONS:
        for name in SHIPPED:
            yield pytest.param(button, name, id=f"{button.script}-{name}")


@pytest.mark.parametrize(("button", "name"), list(_cases()))
def test_button_writes_the_findings_the_cli_reports(client, riep, shipped, button, name):
    path = shipped(name)
    actions = run_script(client, path, button.script)
    job = next((j for j in all_jobs() if j.name == button.job), None)
    if job is None:
        assert actions == [dict(actions[0], args=[f"{button.label} is not available in this version of riep",
                                                   f"RIEP: {button.label}", "ok", "critical", ""])]
        return
    if not job.recognises(open_workbook(path)):
        tables = ", ".join(open_workbook(path).table_names)
        assert alerts(actions) == [[f"{button.label} found none of the tables it reads in {name} (tables found: "
                                    f"{tables})", f"RIEP: {button.label}", "ok", "critical", ""]]
        return
    written_copy = path.parent / "cli_result.xlsx"
    code, out, _err = riep(*_cli_args(job.name, path, written_copy))
    assert code in (0, 1)
    report = json.loads(out)["files"][0]
    cli_book = openpyxl.load_workbook(written_copy)
    sheets = job.result_sheets(job.read(open_workbook(path), _ctx()), _file_report(report), _ctx())
    positions = added_sheets(actions)
    fills_at = positions.pop(FILLS_SHEET, None)  # riep's hidden sheet of the cells' own fills
    cover_at = positions.pop(COVER_SHEET)  # the run's cover, just before its result sheets
    assert sorted(positions) == sorted(s.name for s in sheets)
    assert cover_at == min(positions.values()) - 1
    cover = cells(actions, cover_at)
    assert (cover["A4"], cover["B4"]) == ("Organisation", ORGANISATION[name])
    assert (cover["A5"], cover["B5"]) == ("Source file", OPEN_BOOK.format(name=name))
    own = [s["name"] for s in book_json(path)["sheets"] if s["name"] not in positions]
    assert cover[f"B{4 + len(cover_rows_of(cover)) - 1}"] == ", ".join([*(s.name for s in sheets), *own])
    for content in sheets:  # every result sheet shows what --write-sheet wrote, cell for cell
        values = {a: shown(v) for a, v in cells(actions, positions[content.name]).items() if v not in ("", None)}
        ws = cli_book[content.name]
        expected_cells = {c.coordinate: c.value.replace(str(path), name) if isinstance(c.value, str) else c.value
                          for row in ws.iter_rows() for c in row if c.value not in (None, "")}
        assert values == expected_cells
    main = next(s for s in sheets if s.columns == FINDING_COLUMNS)
    rows = table_rows(cells(actions, positions[main.name]), main.first_row, len(main.columns))
    written = [(r[0], r[1], r[2], shown(r[3]), r[9]) for r in rows]
    expected = [(f["severity"], f["rule"], f["sheet"] or "", f["cell"] or "", f["message"]) for f in report["findings"]]
    assert written == expected
    s = report["summary"]
    names = [c.name for c in sheets]
    where = " and ".join(names) + (" sheets" if len(names) > 1 else " sheet")
    offered = client.get("/riep/reports/latest").json()
    assert offered["job"] == job.name and offered["book"] == name
    if job.name == "records":  # the records workbook and PDFs `riep records --out` writes
        assert sorted(f["name"] for f in offered["files"]) == sorted(p.name for p in (path.parent / "cli_reports").glob("*"))
    elif job.name == "risks":  # the Board's PDF, named as `riep run` names it
        assert [f["name"] for f in offered["files"]] == [f"{path.stem}.risks.pdf"]
    else:  # the result sheets as a workbook of their own
        assert [f["name"] for f in offered["files"]] == [f"{path.stem}.{job.name}.xlsx"]
    for f in offered["files"]:
        got = client.get(f["url"])
        assert got.status_code == 200 and got.content[:4] in (b"%PDF", b"PK\x03\x04")
    assert alerts(actions) == [[
        f"{button.label}: {_n(s['errors'], 'error')}, {_n(s['warnings'], 'warning')}, {_n(s['info'], 'note')} - see "
        f"the {where}. Reports to download: {len(offered['files'])}, in the RIEP task pane.",
        f"RIEP: {button.label}", "ok", "critical" if s["errors"] else "info", ""]]
    # nothing but riep's own sheets receives a value
    ours = set(positions.values()) | {fills_at, cover_at}
    assert all(a["sheet_position"] in ours for a in actions if a["func"] in WRITES)


def _cli_args(job_name: str, path: Path, write_sheet: Path) -> list[object]:
    """``riep <job> PATH --format json --write-sheet FILE``, plus ``--out`` for jobs that also write reports."""
    import importlib

    args: list[object] = [job_name, path, "--format", "json", "--write-sheet", write_sheet]
    if any(p.name == "out" for p in importlib.import_module(f"riep.cli.{job_name}").command.params):
        args += ["--out", path.parent / "cli_reports"]
    return args


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _file_report(data: dict):
    from riep.findings import FileReport

    return FileReport.model_validate(data)


def _ctx():
    from riep.runners.base import Context

    return Context()


def highlight_actions(actions: list[dict], book: dict) -> dict[str, str | None]:
    names = [s["name"] for s in book["sheets"]]
    out = {}
    for a in actions:
        if a["func"] == "setRangeColor" and a["sheet_position"] < len(names):
            out[f"{names[a['sheet_position']]}!{col_letter(a['start_column'])}{a['start_row'] + 1}"] = a["args"][0]
    return out


def fills_rows(actions: list[dict]) -> list[list[object]]:
    """What the run wrote on riep's hidden sheet of own fills (header first)."""
    at = added_sheets(actions).get(FILLS_SHEET)
    if at is None:  # the sheet was there already: its position in the book
        at = next(a["sheet_position"] for a in actions if a["func"] == "sheetClearContents")
    return next(a["values"] for a in actions if a["func"] == "setValues" and a["sheet_position"] == at)


def test_validate_totals_highlights_the_reported_cells(client, shipped):
    path = shipped("financial_allocation.xlsx")
    actions = run_script(client, path, "validate_totals")
    assert highlight_actions(actions, book_json(path)) == {
        "StatedTotals!C7": f"#{SEVERITY_FILL[Severity.ERROR]}",
        "Allocation!E27": f"#{SEVERITY_FILL[Severity.WARNING]}",
        "Allocation!E31": f"#{SEVERITY_FILL[Severity.WARNING]}",
    }
    assert fills_rows(actions) == [["Result sheet", "Cell", "Own fill"], ["Checks", "StatedTotals!C7", ""],
                                   ["Checks", "Allocation!E27", ""], ["Checks", "Allocation!E31", ""]]
    assert [a["args"] for a in actions if a["func"] == "setSheetVisibility"] == [["Hidden"]]


def _after_run(src: Path, dest: Path, actions: list[dict], fixed: dict[str, object]) -> Path:
    """The workbook as a run left it (its result sheets and hidden fills sheet), with ``fixed`` cells typed since."""
    job = next(j for j in all_jobs() if j.name == "check")
    wb = open_workbook(src)
    outcome = job.run(wb, _ctx())
    write_result_copy(src, dest, job.result_sheets(outcome.value, outcome.report, _ctx()))
    book = openpyxl.load_workbook(dest)
    hidden = book.create_sheet(FILLS_SHEET)
    hidden.sheet_state = "hidden"
    for row in fills_rows(actions):
        hidden.append(row)
    for where, value in fixed.items():
        sheet, cell = where.split("!")
        book[sheet][cell] = value
    book.save(dest)
    return dest


def test_a_yellow_cell_highlighted_then_cleared_is_yellow_again(client, shipped, tmp_path):
    src = shipped("financial_allocation.xlsx")
    yellow = "#FFFF00"
    first = run_script(client, src, "validate_totals", options={"fills": {"Allocation": {"E27": yellow}}})
    assert highlight_actions(first, book_json(src))["Allocation!E27"] == f"#{SEVERITY_FILL[Severity.WARNING]}"
    assert ["Checks", "Allocation!E27", yellow] in fills_rows(first)
    # the officer types the missing amount; Excel now shows riep's colour on E27, and sends that
    fixed = _after_run(src, tmp_path / "fixed.xlsx", first, {"Allocation!E27": 120})
    second = run_script(client, fixed, "validate_totals",
                        options={"fills": {"Allocation": {"E27": f"#{SEVERITY_FILL[Severity.WARNING]}"}}})
    colours = highlight_actions(second, book_json(fixed))
    assert colours["Allocation!E27"] == yellow  # the officer's own fill is back
    assert colours["Allocation!E31"] == f"#{SEVERITY_FILL[Severity.WARNING]}"  # still reported
    assert ["Checks", "Allocation!E27", yellow] not in fills_rows(second)


def test_a_workbook_highlighted_by_an_older_riep_loses_the_stale_fills(client, shipped, tmp_path):
    src = shipped("financial_allocation.xlsx")
    first = tmp_path / "after_first_run.xlsx"
    job = next(j for j in all_jobs() if j.name == "check")
    wb = open_workbook(src)
    outcome = job.run(wb, _ctx())
    write_result_copy(src, first, job.result_sheets(outcome.value, outcome.report, _ctx()))
    book = openpyxl.load_workbook(first)  # as an older riep left it: the cells remembered in a defined name
    book.defined_names["_riep_Checks_cells"] = openpyxl.workbook.defined_name.DefinedName(
        "_riep_Checks_cells", attr_text='"Allocation!E5;Allocation!E27"')
    book.save(first)
    actions = run_script(client, first, "validate_totals")
    body = book_json(first)
    checks_at = [s["name"] for s in body["sheets"]].index("Checks")
    deleted = [a for a in actions if a["func"] == "sheetDelete"]
    assert [a["sheet_position"] for a in deleted] == [checks_at]
    assert added_sheets(actions)["Checks"] == checks_at  # back in its place
    colours = highlight_actions(actions, body)
    assert colours["Allocation!E5"] is None  # no longer reported: fill removed
    assert colours["Allocation!E27"] == f"#{SEVERITY_FILL[Severity.WARNING]}"
    assert fills_rows(actions)[1:] == [["Checks", "StatedTotals!C7", ""], ["Checks", "Allocation!E27", ""],
                                       ["Checks", "Allocation!E31", ""]]


def test_a_sheet_riep_did_not_write_is_never_replaced(client, shipped, tmp_path):
    path = shipped("financial_allocation.xlsx")
    book = openpyxl.load_workbook(path)
    book.create_sheet("Checks")["A1"] = "My own notes"
    mine = tmp_path / "mine.xlsx"
    book.save(mine)
    actions = run_script(client, mine, "validate_totals")
    assert [a["func"] for a in actions] == ["alert"]
    assert actions[0]["args"] == [
        "mine.xlsx: the workbook already has a sheet called 'Checks' that riep did not write; rename it and run again",
        "RIEP: Validate totals", "ok", "critical", ""]


def test_a_missing_header_is_one_sentence_in_an_alert(client, shipped, tmp_path):
    path = shipped("financial_allocation.xlsx")
    book = openpyxl.load_workbook(path)
    book["Allocation"]["E4"] = "Money"
    broken = tmp_path / "broken.xlsx"
    book.save(broken)
    actions = run_script(client, broken, "validate_totals")
    assert [a["func"] for a in actions] == ["alert"]
    assert actions[0]["args"][0].startswith("broken.xlsx, sheet Allocation, cell A4: table 'Allocation' has no "
                                            "'Amount (£k)' column (headers not recognised: 'Money')")


def test_scripts_meta_lists_every_button(client):
    meta = client.get("/xlwings/custom-scripts-meta.json").json()
    assert [m["function_name"] for m in meta] == sorted(b.script for b in BUTTONS)


def test_risk_report_inserts_the_heat_map_and_offers_the_board_pdf(client, shipped):
    path = shipped("risk_register.xlsx")
    actions = run_script(client, path, "risk_report", options={"as_of": "2009-12-15"})
    at = added_sheets(actions)["Risk report"]
    pictures = [a for a in actions if a["func"] == "addPicture"]
    assert [a["sheet_position"] for a in pictures] == [at]
    offered = client.get("/riep/reports/latest").json()
    assert [(f["label"], f["name"]) for f in offered["files"]] == [
        ("Risk report for the Board (PDF)", "risk_register.risks.pdf")]
    pdf = client.get(offered["files"][0]["url"])
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"


def test_an_as_of_date_that_is_not_a_date_is_one_sentence(client, shipped):
    actions = run_script(client, shipped("risk_register.xlsx"), "risk_report", options={"as_of": "next week"})
    assert alerts(actions) == [["the As of date 'next week' is not a date; pick one in the RIEP task pane",
                                "RIEP: Risk report", "ok", "critical", ""]]


def test_support_records_reads_the_uploaded_allocation_workbook(client, shipped):
    upload = client.post("/riep/allocation", content=(WORKBOOKS / "financial_allocation.xlsx").read_bytes(),
                         headers={"X-File-Name": "financial_allocation.xlsx"})
    assert upload.status_code == 200
    token = upload.json()["token"]
    path = shipped("authority_support.xlsx")
    without = run_script(client, path, "support_records")
    with_it = run_script(client, path, "support_records", options={"allocation": token})
    checks_without = cells(without, added_sheets(without)["RecordChecks"])
    checks_with = cells(with_it, added_sheets(with_it)["RecordChecks"])
    assert checks_with != checks_without  # the Individual Authorities line is checked only with the workbook
    assert any(str(v).startswith("Individual Authorities 2009/10: £366,000 approved for individual authorities by ")
               for v in checks_with.values())
    assert not any(str(v).startswith("Approvals were not checked against the Individual Authorities line")
                   for v in checks_with.values())

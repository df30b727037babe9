"""A ribbon run prints as ``riep run`` prints: the same cover, hidden helper rows, page breaks and chart colours.

The actions come from the real xlwings Server app, given the book JSON Office.js sends; what xlwings'
remote API cannot say goes to ``riepPrintFrame`` in ``addin/static/js/ribbon.js`` as a ``runMacro``
action, and that function is run under node against a recording stand-in for Office.js's objects.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from test_custom_scripts import added_sheets, cells, run_script, shown

from riep import __version__
from riep.excel.render import PRINT_FRAME
from riep.registry import rules_version
from riep.report.cover import OPEN_BOOK
from riep.report.organisation import document_title
from riep.report.sheet_frame import COVER_SHEET

ADDIN = Path(__file__).resolve().parents[2] / "addin"
WORKBOOKS = Path(__file__).resolve().parents[2] / "workbook"


@pytest.fixture
def reconcile_run(client, shipped):
    """The Reconcile button on the shipped allocation workbook, as of 15 December 2009, with its document title."""
    path = shipped("financial_allocation.xlsx")
    return run_script(client, path, "reconcile_carry_forwards",
                      options={"as_of": "2009-12-15", "title": document_title(path)})


def _frames(actions: list[dict]) -> dict[str, dict]:
    return {a["args"][1]: a["args"][2] for a in actions if a["func"] == "runMacro" and a["args"][0] == PRINT_FRAME}


def test_the_cover_is_the_one_riep_run_writes(reconcile_run, shipped_run):
    sheet = openpyxl.load_workbook(shipped_run.out / "financial_allocation.reconcile.xlsx")[COVER_SHEET]
    cli = {c.coordinate: c.value for row in sheet.iter_rows() for c in row if c.value not in (None, "")}
    ribbon = {a: shown(v) for a, v in cells(reconcile_run, added_sheets(reconcile_run)[COVER_SHEET]).items() if v != ""}
    assert ribbon["A1"] == "Reconcile carry-forwards: Financial allocation Year Two 2009/10"
    assert (ribbon["A2"], ribbon["B4"]) == ("Improvement East", "Improvement East")
    assert ribbon["B5"] == ("financial_allocation.xlsx, as open in Excel (the add-in reads its cells, not a saved "
                            "file, so no size or SHA-256 can be given)") == OPEN_BOOK.format(name="financial_allocation.xlsx")
    assert re.fullmatch(r"financial_allocation\.xlsx \(29,008 bytes\), SHA-256 [0-9a-f]{64}", cli["B5"])
    assert ribbon["B6"] == cli["B6"] == "15 December 2009"
    assert re.fullmatch(r"\d{1,2} \w+ \d{4} at \d\d:\d\d.*", ribbon["B7"])
    assert ribbon["B8"] == cli["B8"] == f"riep {__version__}, rules version {rules_version()}"
    assert ribbon["B9"] == cli["B9"] == "1 error, 0 warnings, 8 notes"
    # everything else (the key figures, the sheets listed, the labels) as riep run wrote it
    assert {a: v for a, v in ribbon.items() if a not in ("B5", "B7")} == {
        a: v for a, v in cli.items() if a not in ("B5", "B7")}
    frame = _frames(reconcile_run)[COVER_SHEET]
    assert (frame["orientation"], frame["paperSize"], frame["titleRows"]) == ("Portrait", "A4", None)
    assert frame["headers"] == {"leftHeader": '&"-,Bold"Improvement East',
                                "rightHeader": "Reconcile carry-forwards: Financial allocation Year Two 2009/10",
                                "leftFooter": "&F", "rightFooter": "Page &P of &N"}


def test_helper_rows_page_breaks_and_chart_colours_are_those_of_riep_run(reconcile_run, shipped_run):
    ws = openpyxl.load_workbook(shipped_run.out / "financial_allocation.reconcile.xlsx")["Reconciliation"]
    at = added_sheets(reconcile_run)["Reconciliation"]
    hidden = sorted(a["start_row"] + 1 + k for a in reconcile_run if a["func"] == "setRowHidden"
                    and a["sheet_position"] == at and a["args"] == [True] for k in range(a["row_count"]))
    assert hidden == sorted(r for r, d in ws.row_dimensions.items() if d.hidden) == list(range(42, 50))
    assert cells(reconcile_run, at)["B42"] == "Base (not drawn)"  # the helper table's header is among them
    frame = _frames(reconcile_run)["Reconciliation"]
    assert frame["breaks"] == [b.id + 1 for b in ws.row_breaks.brk] == [32]
    assert (frame["orientation"], frame["paperSize"], frame["titleRows"]) == ("Landscape", "A4", "$4:$4")
    assert frame["headers"]["leftHeader"] == '&"-,Bold"Improvement East'
    chart = ws._charts[0]
    drawn = chart.series[1]
    assert frame["charts"] == [{
        "names": ["Base", "£k"], "invisible": [0], "drawn": [1], "labelled": True, "number_format": "#,##0",
        "points": {str(p.idx): f"#{p.graphicalProperties.solidFill.srgbClr}" for p in drawn.dPt},
        "labels": {str(d.idx): f"#{d.txPr.p[0].pPr.defRPr.solidFill.srgbClr}" for d in drawn.dLbls.dLbl}}]
    assert chart.series[0].graphicalProperties.noFill
    # build-up neutral, the Budget dark with a white label, Headroom green with its label dark beside the short bar
    assert frame["charts"][0]["points"] == {"0": "#8EA9C1", "1": "#8EA9C1", "2": "#8EA9C1", "3": "#8EA9C1",
                                            "4": "#44546A", "5": "#8EA9C1", "6": "#548235"}
    assert frame["charts"][0]["labels"] == {"0": "#262626", "1": "#262626", "2": "#262626", "3": "#262626",
                                            "4": "#FFFFFF", "5": "#262626", "6": "#262626"}
    titled = [a["args"] for a in reconcile_run if a["func"] == "setChartTitle" and a["sheet_position"] == at]
    assert titled == [[0, "Budget build-up 2009/10 (£k)"]]
    # the column widths riep run works out from the text (so the sheet prints at 9 pt or more), in Office.js's points
    widths = [a["args"][0] for a in reconcile_run if a["func"] == "setColumnWidth" and a["sheet_position"] == at]
    assert widths == [round((ws.column_dimensions[col].width * 7 + 5) * 0.75, 2) for col in "ABCDEF"]


_OFFICE = """
const log = [];
function recorder(path) {
  const target = { calls: [] };
  return new Proxy(target, {
    get(t, key) {
      if (key in t) return t[key];
      if (key === "then") return undefined;
      if (["getItem", "getItemAt", "add", "setPrintTitleRows", "setSolidColor", "clear"].includes(key)) {
        return (...args) => {
          const name = path + "." + key + "(" + args.map((a) => JSON.stringify(a)).join(",") + ")";
          if (key !== "getItem" && key !== "getItemAt") log.push([name, null]);
          t[name] = t[name] || recorder(name);
          return t[name];
        };
      }
      t[key] = recorder(path + "." + key);
      return t[key];
    },
    set(t, key, value) {
      log.push([path + "." + key, value]);
      t[key] = value;
      return true;
    },
  });
}
const supported = new Set(SUPPORTED);
globalThis.Office = {
  actions: { associate() {} },
  context: { requirements: { isSetSupported: (name, version) => supported.has(version) } },
};
let syncs = 0;
const context = {
  workbook: recorder("workbook"),
  sync: async () => {
    syncs += 1;
    if (syncs === FAILING_SYNC) throw new Error("Excel refused the batch");
  },
};
console.warn = (text) => log.push(["warning", text]);
"""


def _print_frame_in_node(sheet: str, frame: dict, supported: tuple[str, ...] = ("1.8", "1.9"),
                         failing_sync: int = 0) -> list[list[object]]:
    node = shutil.which("node")
    assert node, "node is needed to run the add-in's JavaScript"
    program = (f"const SUPPORTED = {json.dumps(supported)}, FAILING_SYNC = {failing_sync};\n"
               + _OFFICE + (ADDIN / "static" / "js" / "ribbon.js").read_text(encoding="utf-8")
               + f"\nriepPrintFrame(context, {json.dumps(sheet)}, {json.dumps(frame)})"
               ".then(() => process.stdout.write(JSON.stringify(log)));\n")
    done = subprocess.run([node, "-e", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_ribbon_js_applies_the_frame_with_office_js(reconcile_run):
    frame = _frames(reconcile_run)["Reconciliation"]
    done = dict((k, v) for k, v in _print_frame_in_node("Reconciliation", frame))
    sheet = 'workbook.worksheets.getItem("Reconciliation")'
    layout = sheet + ".pageLayout"
    assert {k.removeprefix(layout + "."): v for k, v in done.items() if k.startswith(layout + ".")
            and "headersFooters" not in k} == {
        "orientation": "Landscape", "paperSize": "A4", "leftMargin": 28.8, "rightMargin": 28.8, "topMargin": 54.0,
        "bottomMargin": 54.0, "headerMargin": 21.6, "footerMargin": 21.6,
        "zoom": {"horizontalFitToPages": 1, "verticalFitToPages": 0}, 'setPrintTitleRows("$4:$4")': None}
    page = layout + ".headersFooters.defaultForAllPages."
    assert {k.removeprefix(page): v for k, v in done.items() if k.startswith(page)} == {
        "leftHeader": '&"-,Bold"Improvement East',
        "rightHeader": "Reconciliation: carry-forwards across financial years (£k)",
        "leftFooter": "&F", "rightFooter": "Page &P of &N"}
    assert done[sheet + '.horizontalPageBreaks.add("A32")'] is None
    chart = sheet + ".charts.getItemAt(0)"
    base, bars = chart + ".series.getItemAt(0)", chart + ".series.getItemAt(1)"
    assert done[chart + ".plotVisibleOnly"] is False  # the hidden helper rows are still drawn
    assert (done[base + ".name"], done[bars + ".name"]) == ("Base", "£k")
    assert done[base + ".format.fill.clear()"] is None and done[base + ".format.line.lineStyle"] == "None"
    assert done[bars + ".hasDataLabels"] is True and done[bars + ".dataLabels.position"] == "InsideBase"
    assert done[bars + ".dataLabels.numberFormat"] == "#,##0"
    fills = {int(m.group(1)): m.group(2) for k in done
             if (m := re.fullmatch(re.escape(bars) + r'\.points\.getItemAt\((\d)\)\.format\.fill\.setSolidColor\("(.+)"\)', k))}
    assert fills == {int(i): c for i, c in frame["charts"][0]["points"].items()}
    labels = {int(m.group(1)): v for k, v in done.items()
              if (m := re.fullmatch(re.escape(bars) + r"\.points\.getItemAt\((\d)\)\.dataLabel\.format\.font\.color", k))}
    assert labels[4] == "#FFFFFF" and labels[6] == "#262626"  # white on the dark Budget bar; dark beside Headroom
    assert not any("getItemAt(0).points" in k for k in done)  # the undrawn base gets no colours nor labels


def test_the_reports_offered_for_download_carry_the_cover(client, reconcile_run, shipped):
    import io

    import pdfplumber

    offered = client.get("/riep/reports/latest").json()
    book = openpyxl.load_workbook(io.BytesIO(client.get(offered["files"][0]["url"]).content))
    assert book.sheetnames == [COVER_SHEET, "Reconciliation", "ReconcileChecks"]
    about = book[COVER_SHEET]
    assert (about["A1"].value, about["B4"].value, about["B5"].value) == (
        "Reconcile carry-forwards: Financial allocation Year Two 2009/10", "Improvement East",
        OPEN_BOOK.format(name="financial_allocation.xlsx"))
    assert book.properties.title == "Improvement East: Reconcile carry-forwards: Financial allocation Year Two 2009/10"
    path = shipped("risk_register.xlsx")
    run_script(client, path, "risk_report", options={"as_of": "2009-12-15", "title": document_title(path)})
    pdf = client.get(client.get("/riep/reports/latest").json()["files"][0]["url"]).content
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = " ".join((doc.pages[0].extract_text() or "").split())
    assert text.startswith("Improvement East Risk register report: Risk register (Year Two Delivery Plan 2009/10)")
    assert "Source file risk_register.xlsx, as open in Excel (the add-in reads its cells, not a saved file, so no " \
           "size or SHA-256 can be given)" in text


def test_an_older_or_refusing_excel_keeps_the_sheet_and_the_run_goes_on(reconcile_run):
    frame = _frames(reconcile_run)["Reconciliation"]
    old = dict((k, v) for k, v in _print_frame_in_node("Reconciliation", frame, supported=("1.8",)))
    assert not any(".pageLayout." in k or "PageBreaks" in k for k in old)  # ExcelApi 1.8: the charts only
    assert old['workbook.worksheets.getItem("Reconciliation").charts.getItemAt(0).plotVisibleOnly'] is False
    refused = _print_frame_in_node("Reconciliation", frame, failing_sync=2)  # the page's batch is refused
    assert ["warning", "RIEP: the print set-up of Reconciliation was not applied: Excel refused the batch"] in refused
    assert any(k.endswith(".dataLabels.position") for k, _v in refused)  # the charts' batch still went


def test_the_cover_replaces_riep_s_own_and_never_the_person_s(client, shipped, tmp_path):
    src = shipped("risk_register.xlsx")
    book = openpyxl.load_workbook(src)
    about = book.create_sheet(COVER_SHEET, 1)
    about["A1"], about["A4"], about["B4"] = "Risk register: an earlier run", "Organisation", "Improvement East"
    ours = tmp_path / "ours.xlsx"
    book.save(ours)
    actions = run_script(client, ours, "risk_report", options={"as_of": "2009-12-15"})
    assert [a["sheet_position"] for a in actions if a["func"] == "sheetDelete"] == [1]
    assert added_sheets(actions)[COVER_SHEET] == 1  # in the earlier cover's place
    about["A4"] = "My notes for the Board"
    mine = tmp_path / "mine.xlsx"
    book.save(mine)
    actions = run_script(client, mine, "risk_report", options={"as_of": "2009-12-15"})
    assert [a["func"] for a in actions] == ["alert"]
    assert actions[0]["args"][0] == ("mine.xlsx: the workbook already has a sheet called 'About' that riep did not "
                                     "write; rename it and run again")

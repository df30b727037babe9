// RIEP ribbon buttons (bound by FunctionName in templates/manifest.xml).
// Each button runs one custom script (custom_scripts.py) over the open workbook. Office.js
// leaves formulas and fills out of the book it sends, so two arguments go along:
// - the formulas of every cell inside a named table: {sheet: {A1 address: formula}};
// - the options: {as_of: "YYYY-MM-DD", allocation: upload token, fills: {sheet: {A1: "#RRGGBB"}}},
//   the As of date and allocation workbook set in the task pane (kept in the workbook's
//   settings), and the cells' own fills, which riep records before it colours a cell;
//   title: the workbook's document title (File > Info > Title), which names the workbook and
//   its partnership on the report's cover when no setting does.

function riepColumnNumber(letters) {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function riepColumnLetters(n) {
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// The formula cells of one table: its address as Office.js gives it ("Sheet!A4:F31") and its
// range.formulas (constants come back as values) -> {A1 address: formula}.
function riepFormulaCells(address, formulas) {
  return riepCellsOf(address, formulas, (formula) =>
    typeof formula === "string" && formula.startsWith("=") ? formula : null,
  );
}

// {A1 address: pick(cell)} for the cells of a grid read at a table's address ("Sheet!A4:F31"),
// leaving out the cells for which pick returns null.
function riepCellsOf(address, grid, pick) {
  const first = address.split("!").pop().split(":")[0].replace(/\$/g, "");
  const match = /^([A-Z]+)(\d+)$/.exec(first);
  const out = {};
  if (!match) return out;
  const col0 = riepColumnNumber(match[1]);
  const row0 = parseInt(match[2], 10);
  grid.forEach((row, i) =>
    row.forEach((cell, j) => {
      const value = pick(cell);
      if (value !== null) out[riepColumnLetters(col0 + j) + (row0 + i)] = value;
    }),
  );
  return out;
}

// The fills of a table's cells other than none/white: {A1 address: "#RRGGBB"}.
function riepFillCells(address, properties) {
  return riepCellsOf(address, properties, (cell) => {
    const color = cell && cell.format && cell.format.fill && cell.format.fill.color;
    return color && color.toUpperCase() !== "#FFFFFF" ? color.toUpperCase() : null;
  });
}

async function riepTableCells() {
  return await Excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    // getCellProperties needs ExcelApi 1.9 (Excel 2019 and later, Microsoft 365, the web);
    // without it no fills are sent and a cleared cell loses riep's fill as before.
    const withFills = Office.context.requirements.isSetSupported("ExcelApi", "1.9");
    const properties = Office.context.requirements.isSetSupported("ExcelApi", "1.7")
      ? context.workbook.properties.load("title")
      : { title: null };
    const loaded = tables.items.map((table) => {
      const range = table.getRange().load("address, formulas");
      return {
        sheet: table.worksheet.load("name"),
        range: range,
        fills: withFills ? range.getCellProperties({ format: { fill: { color: true } } }) : { value: [] },
      };
    });
    await context.sync();
    const formulas = {};
    const fills = {};
    for (const { sheet, range, fills: props } of loaded) {
      const cells = riepFormulaCells(range.address, range.formulas);
      if (Object.keys(cells).length) formulas[sheet.name] = Object.assign(formulas[sheet.name] || {}, cells);
      const own = riepFillCells(range.address, props.value);
      if (Object.keys(own).length) fills[sheet.name] = Object.assign(fills[sheet.name] || {}, own);
    }
    return { formulas, fills, title: properties.title };
  });
}

// The task pane's options, kept in the workbook (Office.context.document.settings).
function riepSetting(name, fallback) {
  const value = Office.context.document.settings.get("riep-" + name);
  return value === null || value === undefined || value === "" ? fallback : value;
}
globalThis.riepSetting = riepSetting;

function riepToday() {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}
globalThis.riepToday = riepToday;

// How a sheet riep wrote prints, and what xlwings' chart actions cannot set, as riep.excel.render
// sends it (a runMacro action): frame = {orientation, paperSize, titleRows, margins (points),
// headers {leftHeader, rightHeader, leftFooter, rightFooter}, breaks: [Excel rows that start a page],
// charts: [{names, invisible, drawn, labelled, points {category: "#RRGGBB"}, labels {category: colour},
// number_format}]} (charts in the order they were added to the sheet). The page needs ExcelApi 1.9,
// the charts 1.8; an older Excel keeps the sheet as written (Excel's default page and colours).
// The actions before it are applied first, and the page and the charts each in a batch of their
// own: an Excel that refuses one of them still shows the sheet, and the run goes on.
async function riepPrintFrame(context, sheetName, frame) {
  const supports = (version) => Office.context.requirements.isSetSupported("ExcelApi", version);
  await context.sync();
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const steps = [
    [supports("1.9"), () => riepPageLayout(sheet, frame)],
    [supports("1.8"), () => frame.charts.forEach((look, k) => riepChartLook(sheet.charts.getItemAt(k), look))],
  ];
  for (const [supported, step] of steps) {
    if (!supported) continue;
    try {
      step();
      await context.sync();
    } catch (error) {
      console.warn("RIEP: the print set-up of " + sheetName + " was not applied: " + error.message);
    }
  }
}
globalThis.riepPrintFrame = riepPrintFrame;

function riepPageLayout(sheet, frame) {
  const layout = sheet.pageLayout;
  layout.orientation = frame.orientation;
  layout.paperSize = frame.paperSize;
  layout.leftMargin = frame.margins.left;
  layout.rightMargin = frame.margins.right;
  layout.topMargin = frame.margins.top;
  layout.bottomMargin = frame.margins.bottom;
  layout.headerMargin = frame.margins.header;
  layout.footerMargin = frame.margins.footer;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (frame.titleRows) layout.setPrintTitleRows(frame.titleRows);
  Object.assign(layout.headersFooters.defaultForAllPages, frame.headers);
  for (const row of frame.breaks) sheet.horizontalPageBreaks.add("A" + row);
}

function riepChartLook(chart, look) {
  chart.plotVisibleOnly = false; // the helper rows are hidden, and still drawn
  look.names.forEach((name, k) => {
    chart.series.getItemAt(k).name = name;
  });
  for (const k of look.invisible) {
    const base = chart.series.getItemAt(k);
    base.format.fill.clear();
    base.format.line.lineStyle = "None";
  }
  for (const k of look.drawn) {
    const series = chart.series.getItemAt(k);
    for (const [point, colour] of Object.entries(look.points)) {
      series.points.getItemAt(Number(point)).format.fill.setSolidColor(colour);
    }
    if (!look.labelled) continue;
    series.hasDataLabels = true;
    Object.assign(series.dataLabels, {
      showValue: true,
      showCategoryName: false,
      showSeriesName: false,
      showLegendKey: false,
      position: "InsideBase",
      numberFormat: look.number_format,
    });
    for (const [point, colour] of Object.entries(look.labels)) {
      series.points.getItemAt(Number(point)).dataLabel.format.font.color = colour;
    }
  }
}

async function riepRunScript(scriptName, errorDisplayMode = "alert") {
  const authResult =
    typeof globalThis.getAuth === "function"
      ? await globalThis.getAuth()
      : { token: "", provider: "" };
  const { formulas, fills, title } = await riepTableCells();
  const options = { as_of: riepSetting("as-of", riepToday()), fills: fills };
  if (typeof title === "string") options.title = title;
  const allocation = riepSetting("allocation", null);
  if (allocation && allocation.token) options.allocation = allocation.token;
  xlwings.registerCallback(riepPrintFrame); // riep.excel.render's runMacro actions call it by name
  await xlwings.runPython({
    auth: authResult.token,
    scriptName: scriptName,
    headers: { "Auth-Provider": authResult.provider },
    errorDisplayMode: errorDisplayMode,
    args: [formulas, options],
  });
  if (typeof globalThis.riepRefreshFindings === "function") {
    await globalThis.riepRefreshFindings();
  }
  if (typeof globalThis.riepRefreshReports === "function") {
    await globalThis.riepRefreshReports();
  }
}
globalThis.riepRunScript = riepRunScript;

function riepButton(scriptName) {
  return async function (event) {
    try {
      await riepRunScript(scriptName);
    } finally {
      event.completed();
    }
  };
}

Office.actions.associate("validate-totals", riepButton("validate_totals"));
Office.actions.associate("reconcile-carry-forwards", riepButton("reconcile_carry_forwards"));
Office.actions.associate("budget-monitoring", riepButton("budget_monitoring"));
Office.actions.associate("support-records", riepButton("support_records"));
Office.actions.associate("risk-report", riepButton("risk_report"));

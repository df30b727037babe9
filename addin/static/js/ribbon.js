// RIEP ribbon buttons (bound by FunctionName in templates/manifest.xml).
// Each button runs one custom script (custom_scripts.py) over the open workbook. Office.js
// leaves formulas out of the book it sends, so the formulas of every cell inside a named
// table go along as the script's one argument: {sheet: {A1 address: formula}}.

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
  const first = address.split("!").pop().split(":")[0].replace(/\$/g, "");
  const match = /^([A-Z]+)(\d+)$/.exec(first);
  const out = {};
  if (!match) return out;
  const col0 = riepColumnNumber(match[1]);
  const row0 = parseInt(match[2], 10);
  formulas.forEach((row, i) =>
    row.forEach((formula, j) => {
      if (typeof formula === "string" && formula.startsWith("=")) {
        out[riepColumnLetters(col0 + j) + (row0 + i)] = formula;
      }
    }),
  );
  return out;
}

async function riepTableFormulas() {
  return await Excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const loaded = tables.items.map((table) => ({
      sheet: table.worksheet.load("name"),
      range: table.getRange().load("address, formulas"),
    }));
    await context.sync();
    const out = {};
    for (const { sheet, range } of loaded) {
      const cells = riepFormulaCells(range.address, range.formulas);
      if (Object.keys(cells).length) out[sheet.name] = Object.assign(out[sheet.name] || {}, cells);
    }
    return out;
  });
}

async function riepRunScript(scriptName, errorDisplayMode = "alert") {
  const authResult =
    typeof globalThis.getAuth === "function"
      ? await globalThis.getAuth()
      : { token: "", provider: "" };
  const formulas = await riepTableFormulas();
  await xlwings.runPython({
    auth: authResult.token,
    scriptName: scriptName,
    headers: { "Auth-Provider": authResult.provider },
    errorDisplayMode: errorDisplayMode,
    args: [formulas],
  });
  if (typeof globalThis.riepRefreshFindings === "function") {
    await globalThis.riepRefreshFindings();
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

// RIEP task pane: the job buttons, and the latest findings read back from the result sheets.
// Every result sheet holds an Excel Table whose name ends in "Findings" (e.g. ChecksFindings)
// with Severity, Rule, Sheet, Cell and Message columns; each finding links to its cell.

async function riepSelectCell(sheetName, cell) {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(cell).select();
    await context.sync();
  });
}

function riepItem(finding) {
  const li = document.createElement("li");
  const severity = String(finding.Severity || "info").toLowerCase();
  li.className = "riep-finding riep-" + severity;
  const head = document.createElement("div");
  if (finding.Sheet && finding.Cell) {
    const link = document.createElement("a");
    link.href = "#";
    link.className = "riep-where";
    link.textContent = finding.Sheet + "!" + finding.Cell;
    link.addEventListener("click", async (event) => {
      event.preventDefault();
      await riepSelectCell(finding.Sheet, finding.Cell);
    });
    head.appendChild(link);
    head.appendChild(document.createTextNode(" "));
  }
  head.appendChild(document.createTextNode(severity + " " + (finding.Rule || "")));
  const message = document.createElement("div");
  message.textContent = finding.Message || "";
  li.appendChild(head);
  li.appendChild(message);
  return li;
}

async function riepRefreshFindings() {
  const list = document.getElementById("riep-findings");
  const status = document.getElementById("riep-findings-status");
  if (!list) return;
  const groups = await Excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const found = tables.items
      .filter((t) => t.name.endsWith("Findings"))
      .map((t) => ({
        table: t,
        sheet: t.worksheet.load("name"),
        header: t.getHeaderRowRange().load("values"),
        body: t.getDataBodyRange().load("values"),
      }));
    await context.sync();
    return found.map(({ sheet, header, body }) => {
      const names = header.values[0];
      const rows = body.values
        .filter((row) => row.some((v) => v !== ""))
        .map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
      return { sheet: sheet.name, rows: rows };
    });
  });
  list.replaceChildren();
  let count = 0;
  for (const group of groups) {
    const title = document.createElement("li");
    title.className = "riep-sheet-title";
    title.textContent = group.sheet + " sheet";
    list.appendChild(title);
    for (const finding of group.rows) {
      list.appendChild(riepItem(finding));
      count += 1;
    }
  }
  status.textContent = groups.length
    ? count + " finding" + (count === 1 ? "" : "s") + " on " + groups.length + " result sheet" + (groups.length === 1 ? "" : "s") + "."
    : "No findings yet: run a job.";
}
globalThis.riepRefreshFindings = riepRefreshFindings;

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-riep-script]").forEach((button) => {
    button.addEventListener("click", async () => {
      button.setAttribute("disabled", "true");
      try {
        await globalThis.riepRunScript(button.getAttribute("data-riep-script"), "taskpane");
      } finally {
        button.removeAttribute("disabled");
      }
    });
  });
  const refresh = document.getElementById("riep-refresh");
  if (refresh) refresh.addEventListener("click", () => riepRefreshFindings());
  const token = document.getElementById("riep-token");
  if (token) {
    token.value = localStorage.getItem("riep-token") || "";
    token.addEventListener("change", () => localStorage.setItem("riep-token", token.value));
  }
  Office.onReady(() => riepRefreshFindings().catch((error) => console.error(error)));
});

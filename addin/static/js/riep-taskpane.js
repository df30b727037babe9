// RIEP task pane: the job buttons, their options (As of date, allocation workbook), the
// reports of the user's last run as download links, and the latest findings read back from
// the result sheets. Every result sheet holds an Excel Table whose name ends in "Findings"
// (e.g. ChecksFindings) with Severity, Rule, Sheet, Cell and Message columns; each finding
// links to its cell. The options are kept in the workbook (Office.context.document.settings),
// so each workbook remembers its own.

function riepShowError(message) {
  const box = document.getElementById("riep-error");
  if (!box) return;
  box.textContent = message ? String(message) : "";
  box.classList.toggle("d-none", !message);
}
globalThis.riepShowError = riepShowError;

async function riepHeaders() {
  const auth =
    typeof globalThis.getAuth === "function" ? await globalThis.getAuth() : { token: "", provider: "" };
  const headers = {};
  if (auth.token) headers["Authorization"] = auth.token;
  if (auth.provider) headers["Auth-Provider"] = auth.provider;
  return headers;
}

// A request to the add-in server; a refusal throws the server's sentence.
async function riepFetch(path, init = {}) {
  const response = await fetch(window.location.origin + config.appPath + path, {
    ...init,
    headers: Object.assign(await riepHeaders(), init.headers || {}),
  });
  if (!response.ok) throw new Error((await response.text()) || response.statusText);
  return response;
}

async function riepSaveSetting(name, value) {
  Office.context.document.settings.set("riep-" + name, value);
  await new Promise((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
}

async function riepDownload(file) {
  try {
    const blob = await (await riepFetch(file.url.slice(config.appPath.length))).blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = file.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  } catch (error) {
    riepShowError(error.message);
  }
}

async function riepRefreshReports() {
  const list = document.getElementById("riep-reports");
  const status = document.getElementById("riep-reports-status");
  if (!list) return;
  const latest = await (await riepFetch("/riep/reports/latest")).json();
  list.replaceChildren();
  for (const file of latest.files) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = file.url;
    link.className = "riep-report";
    link.textContent = file.label;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      riepDownload(file);
    });
    li.appendChild(link);
    list.appendChild(li);
  }
  status.textContent = latest.files.length
    ? "From " + latest.book + "; kept until " + new Date(latest.expires * 1000).toLocaleTimeString() + "."
    : "No reports yet: run a job.";
}
globalThis.riepRefreshReports = riepRefreshReports;

function riepShowAllocation() {
  const status = document.getElementById("riep-allocation-status");
  const chosen = globalThis.riepSetting("allocation", null);
  if (status) {
    status.textContent = chosen
      ? "Using " + chosen.name + " (kept on the server for " + chosen.minutes + " minutes; choose it again after that)."
      : "None chosen: the Individual Authorities line is not checked.";
  }
}

async function riepUploadAllocation(file) {
  const response = await riepFetch("/riep/allocation", {
    method: "POST",
    headers: { "X-File-Name": file.name, "Content-Type": "application/octet-stream" },
    body: await file.arrayBuffer(),
  });
  const saved = await response.json();
  await riepSaveSetting("allocation", { token: saved.token, name: saved.name, minutes: saved.minutes });
  riepShowAllocation();
}

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
      riepShowError("");
      try {
        await globalThis.riepRunScript(button.getAttribute("data-riep-script"), "taskpane");
      } catch (error) {
        riepShowError(error.message || error);
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
  Office.onReady(() => {
    const asOf = document.getElementById("riep-as-of");
    if (asOf) {
      asOf.value = globalThis.riepSetting("as-of", globalThis.riepToday());
      asOf.addEventListener("change", () => riepSaveSetting("as-of", asOf.value));
    }
    const allocation = document.getElementById("riep-allocation");
    if (allocation) {
      riepShowAllocation();
      allocation.addEventListener("change", () => {
        riepShowError("");
        if (!allocation.files.length) return;
        riepUploadAllocation(allocation.files[0]).catch((error) => {
          allocation.value = ""; // not in use: the status line still names the workbook that is
          riepShowError(error.message);
        });
      });
    }
    riepRefreshFindings().catch((error) => riepShowError(error.message || error));
    riepRefreshReports().catch((error) => riepShowError(error.message || error));
  });
});

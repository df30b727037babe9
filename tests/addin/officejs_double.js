// A small test double of Office.js for the task pane test in headless Chromium: only the parts
// of the Excel API that RIEP's own JavaScript (ribbon.js, riep-taskpane.js) uses. The workbook
// is globalThis.riepExcel, which the test sets before the page loads:
//   tables: [{name, sheet, address: "A4:F10", formulas: 2-D, fills: 2-D colours, header: [...], body: 2-D}],
//   title: the document title (File > Info > Title)
// It records what the page did to it: settings, saves, the cell selected.
(function () {
  const state = globalThis.riepExcel || (globalThis.riepExcel = { tables: [] });
  state.settings = state.settings || {};
  state.saved = 0;
  state.selected = null;
  const loadable = (obj) => Object.assign(obj, { load() { return obj; } });
  const table = (t) => ({
    name: t.name,
    worksheet: loadable({ name: t.sheet }),
    getRange: () =>
      loadable({
        address: t.sheet + "!" + t.address,
        formulas: t.formulas || [[]],
        getCellProperties: () => ({
          value: (t.fills || [[]]).map((row) => row.map((c) => ({ format: { fill: { color: c || "#FFFFFF" } } }))),
        }),
      }),
    getHeaderRowRange: () => loadable({ values: [t.header || []] }),
    getDataBodyRange: () => loadable({ values: t.body || [] }),
  });
  const tables = { items: [], load() { this.items = state.tables.map(table); return this; } };
  const context = {
    sync: async () => {},
    workbook: {
      tables: tables,
      properties: loadable({ title: state.title || "" }),
      worksheets: {
        getItem: (name) => ({
          activate() { state.active = name; },
          getRange: (cell) => ({ select() { state.selected = name + "!" + cell; } }),
        }),
      },
    },
  };
  globalThis.Excel = { run: async (callback) => callback(context) };
  globalThis.CustomFunctions = { associate() {} };
  globalThis.Office = {
    onReady(callback) {
      const ready = Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
      if (callback) ready.then(callback);
      return ready;
    },
    actions: { associate() {} },
    context: {
      requirements: { isSetSupported: () => true },
      document: {
        settings: {
          get: (key) => (key in state.settings ? state.settings[key] : null),
          set: (key, value) => { state.settings[key] = value; },
          saveAsync: (callback) => { state.saved += 1; if (callback) callback({ status: "succeeded" }); },
        },
      },
    },
  };
})();

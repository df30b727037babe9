// Stands in for xlwings Server's Office.js client module (static/js/custom-scripts/index.js) in the
// browser test: runPython posts what that client posts (the book JSON, which the test builds from the
// workbook as tests/addin/bookjson.py does, plus the arguments RIEP's ribbon.js built) to the real
// server, throws the server's sentence on a refusal, and records the actions it got back.
globalThis.riepCalls = [];
globalThis.riepCallbacks = {};
globalThis.xlwings = {
  registerCallback(callback) {
    globalThis.riepCallbacks[callback.name] = callback;
  },
  async runPython({ scriptName = "", headers = {}, args = [] } = {}) {
    const body = Object.assign({}, globalThis.riepTestBook, { args: args });
    const response = await fetch(window.location.origin + config.appPath + "/xlwings/custom-scripts-call/" + scriptName, {
      method: "POST",
      headers: Object.assign({ "Content-Type": "application/json" }, headers),
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(text);
    const actions = JSON.parse(text).actions;
    globalThis.riepCalls.push({ scriptName: scriptName, args: args, actions: actions });
    return actions;
  },
};

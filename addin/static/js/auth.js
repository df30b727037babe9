// Which token the add-in sends with every request (Authorization header), per the
// auth_providers setting in addin/pyproject.toml:
// - "entraid": a Microsoft Entra ID single sign-on token;
// - "custom": the shared RIEP token the user typed once in the task pane (kept in this browser);
// - none: no token.
globalThis.getAuth = async function () {
  if (config.authProviders.includes("entraid")) {
    return { token: await xlwings.getAccessToken(), provider: "entraid" };
  }
  if (config.authProviders.includes("custom")) {
    return { token: localStorage.getItem("riep-token") || "", provider: "custom" };
  }
  return { token: "", provider: "" };
};

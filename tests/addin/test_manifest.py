"""The add-in's manifest, task pane, static files, settings and authentication, as xlwings Server serves them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from riep.excel.ribbon import BUTTONS

ADDIN = Path(__file__).resolve().parents[2] / "addin"
NS = {"o": "http://schemas.microsoft.com/office/appforoffice/1.1",
      "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
      "v": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
      "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"


@pytest.fixture
def manifest(client) -> ET.Element:
    r = client.get("/manifest")
    assert r.status_code == 200
    return ET.fromstring(r.text.encode())  # well-formed XML, or this raises


def _strings(root: ET.Element) -> dict[str, str]:
    return {s.get("id"): s.get("DefaultValue") for s in root.iter(f"{{{NS['bt']}}}String")}


def test_manifest_declares_every_button_on_the_riep_tab(manifest):
    strings = _strings(manifest)
    tab = manifest.find(".//v:CustomTab", NS)
    assert strings[tab.find("v:Label", NS).get("resid")] == "RIEP"
    controls = tab.findall(".//v:Control", NS)
    labels = [strings[c.find("v:Label", NS).get("resid")] for c in controls]
    assert labels == [b.label for b in BUTTONS] + ["Findings"]
    functions = [c.find("v:Action/v:FunctionName", NS).text for c in controls[:-1]]
    assert functions == [b.script.replace("_", "-") for b in BUTTONS]
    assert controls[-1].find("v:Action", NS).get(XSI_TYPE) == "ShowTaskpane"
    for c in controls:  # every tooltip resolves and fits Office's 250-character limit
        tip = strings[c.find("v:Supertip/v:Description", NS).get("resid")]
        assert 0 < len(tip) <= 250


def test_ribbon_js_binds_each_declared_function_to_its_script(client, manifest):
    js = client.get("/static/js/ribbon.js").text
    bound = dict(re.findall(r'Office\.actions\.associate\("([a-z-]+)", riepButton\("([a-z_]+)"\)\)', js))
    assert bound == {b.script.replace("_", "-"): b.script for b in BUTTONS}
    scripts = {m["function_name"] for m in client.get("/xlwings/custom-scripts-meta.json").json()}
    assert set(bound.values()) == scripts


def test_manifest_urls_namespace_and_ids(manifest):
    strings = _strings(manifest)
    assert strings["Functions.Namespace"] == "RIEP"
    urls = {u.get("id"): u.get("DefaultValue") for u in manifest.iter(f"{{{NS['bt']}}}Url")}
    assert urls == {"Taskpane.Url": "https://127.0.0.1:8000/taskpane.html",
                    "Functions.Script.Url": "https://127.0.0.1:8000/xlwings/custom-functions-code.js",
                    "Functions.Metadata.Url": "https://127.0.0.1:8000/xlwings/custom-functions-meta.json"}
    assert manifest.find("o:Id", NS).text == "9dea1e23-f751-4d5e-96af-eec147da9d65"
    assert manifest.find("o:ProviderName", NS).text == "Regional Improvement and Efficiency Partnership"


def test_manifest_download_names_the_file(client):
    r = client.get("/manifest/download")
    assert r.headers["content-disposition"] == "attachment; filename=riep-prod.xml"


def test_task_pane_has_the_buttons_and_findings_list(client):
    html = client.get("/taskpane.html").text
    for b in BUTTONS:
        assert f'data-riep-script="{b.script}">{b.label}</button>' in html
    assert 'id="riep-findings"' in html and "/static/js/riep-taskpane.js" in html
    assert "riepRefreshFindings" in client.get("/static/js/riep-taskpane.js").text
    assert client.get("/static/css/riep.css").status_code == 200


def test_auth_js_supports_entra_id_and_the_custom_token(client):
    js = client.get("/static/js/auth.js").text
    assert 'provider: "entraid"' in js and 'provider: "custom"' in js


def test_custom_token_authentication_switched_on(client, monkeypatch):
    from xlwings_server.config import settings

    monkeypatch.setattr(settings, "auth_providers", ["custom"])
    body = {"client": "Office.js", "version": "0.37.8", "runtime": "1.4", "func_name": "quarter", "args": [[[40132]]]}
    monkeypatch.delenv("RIEP_ADDIN_TOKEN", raising=False)
    r = client.post("/xlwings/custom-functions-call", json=body, headers={"Authorization": "anything"})
    assert (r.status_code, r.json()["detail"]) == (
        401, "The server has no RIEP_ADDIN_TOKEN set, so no token can be accepted.")
    monkeypatch.setenv("RIEP_ADDIN_TOKEN", "s3cret-token")
    r = client.post("/xlwings/custom-functions-call", json=body, headers={"Authorization": "wrong"})
    assert (r.status_code, r.json()["detail"]) == (
        401, "The RIEP token is not right: type it again in the task pane (Findings).")
    r = client.post("/xlwings/custom-functions-call", json=body, headers={"Authorization": "s3cret-token"})
    assert (r.status_code, r.json()) == (200, {"result": [["Q3 2009/10"]]})
    assert 'id="riep-token"' in client.get("/taskpane.html").text


def test_settings_live_in_one_file():
    from xlwings_server.config import settings

    text = (ADDIN / "pyproject.toml").read_text(encoding="utf-8")
    assert "[tool.xlwings_server]" in text
    assert (settings.project_name, settings.functions_namespace, settings.environment) == ("RIEP", "RIEP", "prod")
    assert settings.license_key == "noncommercial" and settings.auth_providers == []


def test_ribbon_js_sends_the_formulas_the_test_helper_builds(shipped, tmp_path):
    """The formula map ribbon.js builds from Office.js's range.formulas is what the script tests send."""
    import json
    import shutil
    import subprocess

    import openpyxl
    from bookjson import table_formulas

    node = shutil.which("node")
    assert node, "node is needed to run the add-in's JavaScript"
    wb = openpyxl.load_workbook(shipped("financial_allocation.xlsx"))
    ws = wb["StatedTotals"]
    ws["C5"] = "=SUM(Allocation!E5:E14)"
    ws["C7"] = "=SUBTOTAL(9,Allocation!E5:E31)"
    path = tmp_path / "with_formulas.xlsx"
    wb.save(path)
    table = ws.tables["StatedTotals"]
    formulas = [[c.value if c.value is not None else "" for c in row] for row in ws[table.ref]]
    script = (ADDIN / "static" / "js" / "ribbon.js").read_text(encoding="utf-8")
    program = ("globalThis.Office = {actions: {associate() {}}};\n" + script +
               f"\nprocess.stdout.write(JSON.stringify(riepFormulaCells('StatedTotals!{table.ref}', "
               f"{json.dumps(formulas)})));\n")
    done = subprocess.run([node, "-e", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == table_formulas(path)["StatedTotals"] == {
        "C5": "=SUM(Allocation!E5:E14)", "C7": "=SUBTOTAL(9,Allocation!E5:E31)"}


def test_server_start_up_freezes_the_loaded_objects(client):
    """addin/lifespan.py ran when the app started (the client fixture starts it as uvicorn does)."""
    import gc

    from xlwings_server import main

    assert main.user_lifespan.__module__ == "_xlwings_server_user_lifespan"  # addin/lifespan.py was loaded
    assert gc.get_freeze_count() > 10_000


def test_entra_id_switched_on_adds_single_sign_on_to_the_manifest(client, monkeypatch):
    from xlwings_server.config import settings

    client_id = "11111111-2222-3333-4444-555555555555"
    monkeypatch.setattr(settings, "auth_providers", ["entraid"])
    monkeypatch.setattr(settings, "auth_entraid_client_id", client_id)
    root = ET.fromstring(client.get("/manifest").text.encode())
    info = root.find(".//v:WebApplicationInfo", NS)
    assert info.find("v:Id", NS).text == client_id
    assert info.find("v:Resource", NS).text == f"api://127.0.0.1:8000/{client_id}"


@pytest.mark.parametrize("name", ["ribbon.js", "riep-taskpane.js", "auth.js"])
def test_javascript_parses(name):
    """A syntax error would silently leave the buttons or the pane dead in Excel."""
    import shutil
    import subprocess

    node = shutil.which("node")
    assert node, "node is needed to check the add-in's JavaScript"
    done = subprocess.run([node, "--check", str(ADDIN / "static" / "js" / name)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr

"""``riep serve``: the development certificate and the real server on loopback over HTTPS."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cryptography import x509

from riep.errors import ConfigError
from riep.excel.server import default_addin_dir, dev_certificate, prepare

ADDIN = Path(__file__).resolve().parents[2] / "addin"


def test_default_addin_dir_is_this_checkout():
    assert default_addin_dir() == ADDIN


def test_self_signed_certificate_for_localhost(tmp_path):
    cert, key = dev_certificate(tmp_path / "certs")
    assert (cert.name, key.name) == ("riep-dev.pem", "riep-dev-key.pem")
    c = x509.load_pem_x509_certificate(cert.read_bytes())
    san = c.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["localhost"]
    assert [str(ip) for ip in san.get_values_for_type(x509.IPAddress)] == ["127.0.0.1", "::1"]
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    again = dev_certificate(tmp_path / "certs")
    assert again == (cert, key) and again[0].read_bytes() == cert.read_bytes()  # made once, then reused


def test_mkcert_certificate_is_preferred(tmp_path):
    (tmp_path / "localhost+2.pem").write_text("cert")
    (tmp_path / "localhost+2-key.pem").write_text("key")
    assert dev_certificate(tmp_path) == (tmp_path / "localhost+2.pem", tmp_path / "localhost+2-key.pem")


def test_not_an_addin_folder(tmp_path):
    with pytest.raises(ConfigError) as info:
        prepare(tmp_path)
    assert info.value.message == (f"{tmp_path.name}: is not the RIEP add-in folder: it has no custom_functions.py; "
                                  "pass --addin PATH/TO/addin")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_riep_serve_answers_over_https(tmp_path):
    port = _free_port()
    certs = tmp_path / "certs"
    env = {**os.environ, "XLWINGS_LICENSE_KEY": "noncommercial"}
    riep = Path(sys.executable).with_name("riep")
    proc = subprocess.Popen([str(riep), "serve", "--port", str(port), "--addin", str(ADDIN), "--certs", str(certs)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"https://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        meta = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                trust = ssl.create_default_context(cafile=str(certs / "riep-dev.pem"))
                meta = httpx.get(f"{url}/xlwings/custom-functions-meta.json", verify=trust)
                break
            except (httpx.TransportError, FileNotFoundError):  # not listening yet, or certificate not yet made
                time.sleep(0.3)
        assert meta is not None, proc.stdout.read() if proc.poll() is not None else "server did not answer"
        assert {f["id"] for f in meta.json()["functions"]} >= {"FINANCIAL_YEAR", "QUARTER", "CHECK_TOTAL"}
        manifest = httpx.get(f"{url}/manifest", verify=trust).text
        assert f'<SourceLocation DefaultValue="{url}/taskpane.html" />' in manifest
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert f"RIEP add-in: {url}  (manifest: {url}/manifest, certificate: {certs / 'riep-dev.pem'})" in out


def test_serve_with_a_missing_settings_file_is_one_sentence(riep, tmp_path):
    code, out, err = riep("serve", "--config", tmp_path / "nope.toml", "--certs", tmp_path / "certs")
    assert code == 2
    assert err.strip() == "nope.toml: settings file not found"
    assert "Traceback" not in out + err

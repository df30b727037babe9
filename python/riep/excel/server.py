"""Start the RIEP add-in server (xlwings Server) for one person on https://127.0.0.1:8000.

Office.js add-ins load only over HTTPS, so the server needs a certificate Excel trusts.
:func:`dev_certificate` uses mkcert's ``localhost+2.pem`` in the certificate folder when
there is one (mkcert also makes the computer trust it); otherwise it creates a self-signed
development certificate for localhost and 127.0.0.1 once, which the person trusts by hand
(see ``addin/README.md``). Certificates stay out of git (``addin/certs/`` is ignored).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from riep.errors import ConfigError

__all__ = ["ServerSetup", "default_addin_dir", "dev_certificate", "prepare", "serve", "team_command", "APP"]

APP = "xlwings_server.main:main_app"
"""The ASGI app uvicorn serves: xlwings Server with the add-in folder named by ``XLWINGS_PROJECT_DIR``."""

_DEV_CERT = "riep-dev.pem"
_DEV_KEY = "riep-dev-key.pem"
_MKCERT = ("localhost+2.pem", "localhost+2-key.pem")


@dataclass(frozen=True)
class ServerSetup:
    """Everything uvicorn needs: where the add-in lives, the address, the certificate."""

    addin_dir: Path
    host: str
    port: int
    certfile: Path
    keyfile: Path

    @property
    def url(self) -> str:
        return f"https://{self.host}:{self.port}"


def default_addin_dir() -> Path:
    """``addin/`` of the riep checkout this package runs from."""
    return Path(__file__).resolve().parents[3] / "addin"


def dev_certificate(cert_dir: Path, *, days: int = 825) -> tuple[Path, Path]:
    """(certificate, key) for https://localhost and https://127.0.0.1: mkcert's if present, else self-signed."""
    mk_cert, mk_key = (cert_dir / n for n in _MKCERT)
    if mk_cert.is_file() and mk_key.is_file():
        return mk_cert, mk_key
    cert, key = cert_dir / _DEV_CERT, cert_dir / _DEV_KEY
    if cert.is_file() and key.is_file() and not _expired(cert):
        return cert, key
    _self_signed(cert, key, days)
    return cert, key


def _expired(cert: Path) -> bool:
    from cryptography import x509

    c = x509.load_pem_x509_certificate(cert.read_bytes())
    return c.not_valid_after_utc <= dt.datetime.now(dt.UTC) + dt.timedelta(days=7)


def _self_signed(cert: Path, key: Path, days: int) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    from riep.xlsx.writer import atomic_write

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, "RIEP add-in development certificate (localhost)"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "RIEP"),
    ])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
            x509.IPAddress(ipaddress.ip_address("::1")),
        ]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(private, hashes.SHA256())
    )
    cert.parent.mkdir(parents=True, exist_ok=True)
    key_pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                    serialization.NoEncryption())
    atomic_write(key, lambda tmp: tmp.write_bytes(key_pem))
    os.chmod(key, 0o600)
    atomic_write(cert, lambda tmp: tmp.write_bytes(certificate.public_bytes(serialization.Encoding.PEM)))


def prepare(addin_dir: Path | None = None, *, host: str = "127.0.0.1", port: int = 8000,
            cert_dir: Path | None = None, config: Path | None = None) -> ServerSetup:
    """Check the add-in folder, make the certificate, and set the environment xlwings Server reads."""
    addin = (addin_dir or default_addin_dir()).resolve()
    for needed in ("custom_functions.py", "custom_scripts.py", "pyproject.toml"):
        if not (addin / needed).is_file():
            raise ConfigError(f"is not the RIEP add-in folder: it has no {needed}; pass --addin PATH/TO/addin",
                              file=addin)
    if config is not None:
        if not config.is_file():
            raise ConfigError("settings file not found", file=config)
        os.environ["RIEP_CONFIG"] = str(config.resolve())
    cert, key = dev_certificate((cert_dir or addin / "certs").resolve())
    os.environ["XLWINGS_PROJECT_DIR"] = str(addin)
    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    return ServerSetup(addin_dir=addin, host=host, port=port, certfile=cert, keyfile=key)


def serve(setup: ServerSetup) -> None:
    """Run xlwings Server with the RIEP add-in until interrupted."""
    import uvicorn

    uvicorn.run(APP, host=setup.host, port=setup.port,
                ssl_certfile=str(setup.certfile), ssl_keyfile=str(setup.keyfile), log_level="info")


def team_command(*, host: str = "0.0.0.0", port: int = 8000, workers: int = 4) -> list[str]:
    """The command that serves the add-in for a team (the Dockerfile's, and ``bench/load_bench.py``'s).

    Plain HTTP behind a reverse proxy that holds the team's certificate (``--proxy-headers``
    so the manifest and links carry the proxy's https address); ``workers`` processes, each
    with its own event loop, so that one person's big job never queues everybody's cells.
    """
    return ["uvicorn", APP, "--host", host, "--port", str(port), "--workers", str(workers),
            "--proxy-headers", "--forwarded-allow-ips", "*", "--timeout-keep-alive", "30"]

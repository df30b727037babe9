"""``riep serve``: start the Excel add-in server on https://127.0.0.1:8000 with a development certificate."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--addin", "addin_dir", type=click.Path(file_okay=False, path_type=Path),
              help="The add-in folder (default: addin/ of this riep checkout).")
@click.option("--certs", "cert_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the TLS certificate: mkcert's localhost+2.pem if there, else a self-signed one "
                   "made there (default: ADDIN/certs).")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
              help="riep settings file the ribbon jobs use (default: ./riep.toml if present).")
def command(host: str, port: int, addin_dir: Path | None, cert_dir: Path | None, config: Path | None) -> None:
    """Start the RIEP Excel add-in (worksheet functions and ribbon) for Excel on Windows, Mac and the web.

    Then sideload https://HOST:PORT/manifest in Excel (addin/README.md). Stop with Ctrl+C.
    """
    from riep.excel.server import prepare, serve

    setup = prepare(addin_dir, host=host, port=port, cert_dir=cert_dir, config=config)
    click.echo(f"RIEP add-in: {setup.url}  (manifest: {setup.url}/manifest, certificate: {setup.certfile})")
    serve(setup)

#!/usr/bin/env bash
# Installs the system tools riep's tests and reports need, from Debian's packages:
# LibreOffice Calc (headless recalculation and PDF export), poppler-utils (pdftotext/pdftoppm) and
# Chromium (the add-in's task pane is tested in it, headless, through Playwright), and Carlito, the
# metric-compatible stand-in for Calibri (LibreOffice uses it for Calibri, so sheets print as in Excel).
# Idempotent: does nothing when they are already there.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v git >/dev/null 2>&1 || need+=(git)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ] || need+=(fonts-crosextra-carlito)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing ${need[*]} (Debian packages)..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

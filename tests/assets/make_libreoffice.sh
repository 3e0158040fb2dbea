#!/usr/bin/env bash
# The workbooks LibreOffice itself writes from the shipped example, as offices would save them:
# actuals.libreoffice.ods (its own format) and actuals.libreoffice.xlsx. Needs Debian's
# libreoffice-calc-nogui. The files are committed, so the tests do not need LibreOffice; with
# it (as in .ci/run) a test makes them again into a folder of its own: make_libreoffice.sh DIR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/../../examples/actuals_2024.csv" "$work/actuals.libreoffice.csv"
# CSV:44,34,76 = comma-separated, double quotes, UTF-8.
for fmt in ods xlsx; do
  soffice -env:UserInstallation="file://$work/profile" --headless --infilter=CSV:44,34,76 --convert-to "$fmt" --outdir "$work" \
    "$work/actuals.libreoffice.csv" >/dev/null
  cp "$work/actuals.libreoffice.$fmt" "$out/"
done

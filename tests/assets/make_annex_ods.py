"""Make tests/assets/annex.libreoffice.ods: the office's annex table of
tests/inputs/actuals/annex/support.py (OFFICE_ROWS, with its merged cells) written by openpyxl and
saved as .ods by LibreOffice. Run from the repository root with LibreOffice installed:

    python tests/assets/make_annex_ods.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.inputs.actuals.annex.support import OFFICE_MERGES, OFFICE_ROWS, workbook  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = workbook(Path(folder) / "annex.libreoffice.xlsx", OFFICE_ROWS, OFFICE_MERGES)
        profile = f"-env:UserInstallation=file://{folder}/profile"
        subprocess.run(["soffice", profile, "--headless", "--convert-to", "ods", "--outdir",
                        folder, str(source)], check=True, capture_output=True, timeout=300)
        made = Path(folder) / "annex.libreoffice.ods"
        (ROOT / "tests" / "assets" / made.name).write_bytes(made.read_bytes())


if __name__ == "__main__":
    main()

"""The floors: minimal programs on hauloc's own stack (typer, pydantic, PyYAML's C loader,
rich) doing the least of what a hauloc command does; each budget of the start-up and of the
plain files is hauloc's time over its floor's.

- f_help.py: F-help, a typer app of two commands (`hauloc --help`)
- f_json.py: F-json, the plan validated, a CSV read, both printed as JSON (`check --format json`)
- f_table.py: F-table, F-json with a rich table for output (`check` on the terminal)
- f_units.py: F-units, a plan with units rolled up with csv.reader and dicts (the province)

They are real files that ruff and mypy check; the bench copies them into its work folder and
runs them there with the Python it runs in.
"""

from __future__ import annotations

from pathlib import Path

from bench.data import actuals_40

HERE = Path(__file__).resolve().parent
FLOORS = ("f_help.py", "f_json.py", "f_table.py", "f_units.py")


def write(folder: Path) -> dict[str, Path]:
    """The floors, and F-json's and F-table's 40-row CSV, written into `folder`."""
    files = {name: (HERE / name).read_text(encoding="utf-8") for name in FLOORS}
    files["actuals_40.csv"] = actuals_40()
    paths = {}
    for name, text in files.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    return paths

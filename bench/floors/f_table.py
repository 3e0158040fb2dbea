"""F-table: the floor of `hauloc check` (a table on the terminal): F-json (f_json.py) with the
first targets in a rich table for output; keep the two in step (tests/test_bench.py checks
they differ only there)."""

import csv
import json  # noqa: F401 - imported as F-json does: the two differ only in their output
import sys  # noqa: F401

import typer

app = typer.Typer(help="A floor: load YAML, validate it, read a CSV, print the result.")


@app.command()
def check(plan: str, actuals: str) -> None:
    """Validate a plan with pydantic, read a CSV, print both."""
    import yaml
    from pydantic import BaseModel

    class Target(BaseModel):
        id: str
        name: str
        kind: str
        target: float | None = None
        unit: str | None = None

    with open(plan, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    found = [Target.model_validate(t).model_dump() for t in data["targets"]]
    with open(actuals, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    result = {"targets": found, "rows": rows}  # noqa: F841 - as in F-json
    # The output (F-json prints JSON here instead).
    from rich.console import Console
    from rich.table import Table

    table = Table("Target", "Kind", "Plan", "Unit")
    for t in found[:9]:
        table.add_row(t["name"], t["kind"], str(t["target"]), t["unit"] or "")
    Console().print(table)
    # (End of the output.)


@app.command()
def targets() -> None:
    """List the targets."""


app()

"""F-json: the floor of `hauloc check --format json`: load the plan's YAML with PyYAML's C
loader, validate its targets with pydantic, read a CSV, print both as JSON.

F-table (f_table.py) is this program with a rich table for output; keep the two in step
(tests/test_bench.py checks they differ only there)."""

import csv
import json
import sys

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
    result = {"targets": found, "rows": rows}
    # The output (F-table prints a rich table here instead).
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    # (End of the output.)


@app.command()
def targets() -> None:
    """List the targets."""


app()

"""F-units: the floor of `hauloc check` on a plan with units: validate the plan with pydantic,
read the units and the actuals with csv.reader into dicts, roll every target up the tree each
quarter, print the figures as JSON. tests/test_bench.py checks its Q4 figures are hauloc's."""

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

import typer

app = typer.Typer(help="A floor: a plan with units, rolled up with csv.reader and dicts.")

Tree = dict[str, list[str]]


def read_units(path: Path) -> tuple[str, Tree, dict[str, float], list[str]]:
    parent: dict[str, str] = {}
    weight: dict[str, float] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for uid, _name, up, _kind, population in reader:
            parent[uid] = up
            weight[uid] = float(population) if population else 0.0
    children: Tree = defaultdict(list)
    for uid, up in parent.items():
        if up:
            children[up].append(uid)

    def total(unit: str) -> float:
        if unit in children:
            weight[unit] = sum(total(c) for c in children[unit])
        return weight[unit]

    root = next(u for u, up in parent.items() if not up)
    total(root)
    return root, children, weight, [u for u in parent if u not in children]


def roll(rule: str, got: dict[str, float], unit: str, children: Tree,
         weight: dict[str, float]) -> float | None:
    if unit not in children:
        return got.get(unit)
    rolled = [(c, roll(rule, got, c, children, weight)) for c in children[unit]]
    xs = [(c, x) for c, x in rolled if x is not None]
    if not xs or rule == "none":
        return None
    if rule == "sum":
        return sum(x for _, x in xs)
    if rule == "mean":
        return sum(x for _, x in xs) / len(xs)
    if rule == "weighted_mean":
        w = sum(weight[c] for c, _ in xs)
        return sum(weight[c] * x for c, x in xs) / w if w else None
    if rule == "min":
        return min(x for _, x in xs)
    if rule == "max":
        return max(x for _, x in xs)
    return None


@app.command()
def check(actuals: str, targets: str = typer.Option(..., "--targets")) -> None:
    """Validate the plan with pydantic, read the units and the actuals, roll every target up."""
    import yaml
    from pydantic import BaseModel

    class Head(BaseModel):
        id: str
        name: str
        year: int

    class Target(BaseModel):
        id: str
        name: str
        kind: str
        direction: str
        target: float
        unit: str
        rollup: str
        min_coverage: float = 1.0
        threshold: float | None = None
        weight: str | None = None

    class Plan(BaseModel):
        units: str
        plan: Head
        targets: list[Target]

    with open(targets, encoding="utf-8") as handle:
        plan = Plan.model_validate(yaml.load(handle, Loader=yaml.CSafeLoader))
    root, children, weight, leaves = read_units(Path(targets).parent / plan.units)
    # (target, period) -> {unit: value}
    values: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    with open(actuals, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for unit, target, period, value in reader:
            values[target, period][unit] = float(value)
    out: list[dict[str, object]] = []
    for t in plan.targets:
        # whether a commune meets the standard is a state: its latest figure
        state: dict[str, float] = {}
        for q in range(1, 5):
            period = f"{plan.plan.year}-Q{q}"
            got = values.get((t.id, period), {})
            reported = sum(1 for u in leaves if u in got)
            x: float | None
            if t.rollup in ("share_meeting", "count_meeting"):
                threshold = t.threshold
                assert threshold is not None  # the plan gives one to every rule that counts
                state.update(got)
                met = sum(1 for u in leaves if u in state and state[u] >= threshold)
                counted = sum(1 for u in leaves if u in state)
                x = met if t.rollup == "count_meeting" else 100 * met / max(counted, 1)
            else:
                x = roll(t.rollup, got, root, children, weight)
            out.append({"target": t.id, "period": period, "value": x,
                        "reported": reported, "expected": len(leaves)})
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


@app.command()
def summary() -> None:
    """A second command, as hauloc has several."""


app()

"""The hauloc benchmark: the budgets of issue 14, each a ratio measured side by side.

    python bench/run.py            # the full run (10-15 minutes); writes docs/performance.md
    python bench/run.py --quick    # fewer rounds (one at the big files): prints the report

Plain Python: `time.perf_counter` around subprocesses, and the peak memory of each child from
`os.wait4`. Everything it runs is written by the script itself into a temporary folder (seeded
data, the floor programs, the peers' schema, checks and configuration), so the numbers can be
rerun from a fresh clone. hauloc is run from the environment this script runs in (its `hauloc`
console script, else `python -m hauloc_cli`), with whatever extras are installed there (the
report says which); each peer (frictionless, Soda Core with DuckDB, pandera) is installed, at
the versions pinned in PEERS, into a virtualenv of its own under bench/ on first use.

The commands of one comparison run in rounds, the order rotating from round to round; a ratio
is the median of the per-round ratios. Small inputs: 15 rounds after 2 warm-ups; files of
400,000 rows and more: 5 rounds after 1 warm-up. The first round's outputs are checked (every
target judged, every row read), and every tool is run once on a file with seeded bad rows to
show that they find the same faults.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "actuals_2024.csv"
SHIPPED_PLAN = ROOT / "data" / "targets_2024.yaml"
DOC = ROOT / "docs" / "performance.md"
SEED = 2024
YEAR = 2024
# Everything below this line of docs/performance.md is written by hand and kept on rerun.
NOTES_MARK = "<!-- Notes below this line are kept when bench/run.py rewrites the file. -->"

# The budgets of issue 14.
BUDGET_START = 1.1  # hauloc --help / check --format json / check (table) against their floors
BUDGET_1000 = 1.3  # 1,000 targets against F-json(1,000), time and peak memory
BUDGET_PROVINCE = 1.5  # the province with units against F-units, time
BUDGET_FRICTIONLESS = 2.0  # national: frictionless's time over hauloc's, at least
BUDGET_NATIONAL_MIB = 400  # national: hauloc's peak memory, at most
BUDGET_SODA = 1.0  # 1,000,000 rows: hauloc's time over Soda Core's, at most
BUDGET_PANDERA = 1.5  # 1,000,000 rows: pandera's time over hauloc's, at least
BUDGET_LINEAR = 12.0  # hauloc's time at 400,000 rows over its time at 40,000, at most

# Each peer's virtualenv and what is installed into it (the versions the numbers were taken
# with; bench/run.py makes the virtualenv again when what it holds differs).
PEERS = {
    "frictionless": ["frictionless==5.21.0"],
    "soda": ["soda-core-duckdb==3.5.6", "soda-core==3.5.6", "duckdb==1.0.0"],
    "pandera": ["pandera[pandas]==0.35.0", "pandas==3.1.1", "numpy==2.4.6"],
}

Command = list[str]


# --------------------------------------------------------------------------------------------
# Data: seeded plans of n targets with four quarters of year-to-date actuals each
# --------------------------------------------------------------------------------------------

_WORDS = ["Tỷ lệ", "Số xã", "Sản phẩm OCOP", "Trường học", "Thu nhập", "Diện tích lúa",
          "Hộ nghèo", "Nước sạch", "Đường giao thông", "Y tế", "Rừng trồng", "Doanh nghiệp"]
_UNITS = ["%", "communes", "products", "schools", "ha", "million VND", "households"]
_GROUPS = ["economy", "society", "environment", "security"]
_PACES = [None, None, (0.1, 0.4, 0.7, 1.0), (0.25, 0.5, 0.75, 1.0), (0.0, 0.3, 0.6, 1.0)]


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _milestone(rng: random.Random) -> tuple[list[str], list[str]]:
    """A milestone's plan lines after its kind, and its four figures (1/0)."""
    month = rng.randint(1, 12)
    done_at = rng.randint(1, 6)  # the quarter it is done in; 5 and 6: not this year
    return ([f"    deadline: {YEAR}-{month:02d}-28"],
            ["1" if q >= done_at else "0" for q in range(1, 5)])


def _pace(rng: random.Random) -> list[str]:
    pace = rng.choice(_PACES)
    return [f"    pace: [{', '.join(str(p) for p in pace)}]"] if pace else []


def _level_from_baseline(rng: random.Random) -> tuple[list[str], list[str]]:
    """A level with a baseline (and maybe a pace), and its four figures."""
    up = rng.random() < 0.7
    target = round(rng.uniform(50, 100), 1) if up else round(rng.uniform(20, 80), 1)
    base = round(target - rng.uniform(5, 40), 1) if up else round(target + 20, 1)
    lines = [f"    direction: {'at_least' if up else 'at_most'}",
             f"    target: {target}", f"    baseline: {base}", *_pace(rng)]
    speed = rng.uniform(0.5, 1.2)
    return lines, [f"{base + (target - base) * min(1.0, speed * q / 4):.2f}"
                   for q in range(1, 5)]


def _plain(kind: str, rng: random.Random) -> tuple[list[str], list[str]]:
    """A cumulative, annual or level target without a baseline, and its four figures."""
    up = kind != "cumulative" or rng.random() < 0.9
    top = 100 if kind == "level" else 500
    target = round(rng.uniform(1, top), 1) if up else round(rng.uniform(10, top), 1)
    lines = [f"    direction: {'at_least' if up else 'at_most'}", f"    target: {target}"]
    if kind != "cumulative":
        return lines, [f"{min(top, target * rng.uniform(0.7, 1.1)):.2f}" for _ in range(4)]
    lines += _pace(rng)
    speed = rng.uniform(0.5, 1.3) if up else rng.uniform(0.6, 1.1)
    return lines, [f"{target * speed * q / 4:.1f}" for q in range(1, 5)]


def generate(n: int, folder: Path, rng: random.Random) -> tuple[Path, Path]:
    """Write `plan_<n>.yaml` and `actuals_<n>.csv`: a valid plan mixing every kind, and four
    quarters of figures per target (milestones as 1/0, which both hauloc and a Table Schema
    number read)."""
    plan_lines = [
        "plan:",
        f"  id: bench-{n}",
        f"  name: {_q(f'Kế hoạch thử {n} chỉ tiêu')}",
        f"  year: {YEAR}",
        f"  declared_targets: {n}",
        '  source: "generated by bench/run.py"',
        "status_bands:",
        "  on_track: 0.95",
        "  at_risk: 0.80",
        "targets:",
    ]
    rows = ["target,period,value"]
    for i in range(n):
        kind = rng.choices(["cumulative", "level", "annual", "milestone"], [4, 3, 2, 1])[0]
        tid = f"t{i:05d}_{kind}"
        name = f"{rng.choice(_WORDS)} xã {i} — chỉ tiêu {i % 97}"
        lines = [f"  - id: {tid}", f"    name: {_q(name)}", f"    name_en: Target {i}",
                 f"    group: {rng.choice(_GROUPS)}", f"    kind: {kind}"]
        # A level is a share in % (0-100, as hauloc checks); other figures take any unit.
        unit = "%" if kind == "level" else rng.choice(_UNITS)
        if kind == "milestone":
            more, figures = _milestone(rng)
        elif kind == "level" and rng.random() < 0.5:
            more, figures = _level_from_baseline(rng)
        else:
            more, figures = _plain(kind, rng)
        lines += more
        lines += [f"    unit: {_q(unit)}",
                  f"    source: {_q(f'Nghị quyết, mục {i}')}"]
        plan_lines += lines
        rows += [f"{tid},{YEAR}-Q{q},{v}" for q, v in zip(range(1, 5), figures, strict=True)]
    plan = folder / f"plan_{n}.yaml"
    actuals = folder / f"actuals_{n}.csv"
    plan.write_text("\n".join(plan_lines) + "\n", encoding="utf-8")
    actuals.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return plan, actuals



# --------------------------------------------------------------------------------------------
# Data with units: a seeded tree (a province of 166 communes, or the country: 34 provinces of
# 3,321 communes, the sizes of Vietnam after 1 July 2025), rolled-up targets, and four quarters
# of every commune's figures
# --------------------------------------------------------------------------------------------

# name: (communes, provinces between them and the root, targets)
UNIT_SIZES = {
    "province": (166, 0, 30),  # ~20,000 rows
    "linear": (333, 34, 30),  # ~40,000 rows: a tenth of the nation, for the linear budget
    "national": (3_321, 34, 30),  # ~400,000 rows
    "million": (3_321, 34, 76),  # ~1,000,000 rows: the nation with 76 targets
}
# (kind, rollup, threshold): every rule that needs no more than the figures and one weight
_ROLLUPS = [("cumulative", "sum", None), ("level", "mean", None),
            ("level", "weighted_mean", None), ("level", "share_meeting", 90.0),
            ("cumulative", "count_meeting", 1.0), ("level", "min", None),
            ("level", "max", None), ("annual", "none", None)]


def _units_table(name: str, rng: random.Random) -> tuple[list[str], list[str]]:
    """The units file's lines and the ids of the communes (the leaves)."""
    communes, provinces, _ = UNIT_SIZES[name]
    root = "vn" if provinces else "th"
    units = ["id,name,parent,kind,population"]
    units.append(f"{root},{'Việt Nam' if provinces else 'Tỉnh Thanh Hóa'},,province,")
    parents = [root]
    if provinces:
        parents = [f"p{i:02d}" for i in range(provinces)]
        units += [f"{p},Tỉnh {i},{root},province," for i, p in enumerate(parents)]
    leaves = [f"x{i:04d}" for i in range(communes)]
    units += [f"{x},Xã {i},{rng.choice(parents)},commune,{rng.randint(3_000, 40_000)}"
              for i, x in enumerate(leaves)]
    return units, leaves


def _figures(kind: str, rollup: str, top: float, rng: random.Random) -> list[float]:
    """One commune's four year-to-date figures of one target."""
    if kind == "level":
        start = rng.uniform(40, 95)
        return [min(100.0, start + q * rng.uniform(0, 3)) for q in range(1, 5)]
    if rollup == "count_meeting":
        done = rng.randint(1, 8)  # the quarter the commune meets it; 5-8: not this year
        return [1.0 if q >= done else 0.0 for q in range(1, 5)]
    return [top * rng.uniform(0.1, 0.3) * q for q in range(1, 5)]


def generate_units(name: str, folder: Path, rng: random.Random) -> tuple[Path, Path, Path]:
    """Write `units_<name>.csv`, `plan_<name>.yaml` (with `units:`) and `actuals_<name>.csv`:
    every commune's figure for every target and quarter, about one in 200 left out (each
    target takes min_coverage 0.9, so the roll-ups are partial, not empty)."""
    communes, _, n_targets = UNIT_SIZES[name]
    units, leaves = _units_table(name, rng)
    plan_lines = ["units: " + f"units_{name}.csv", "plan:", f"  id: bench-{name}",
                  f"  name: {_q(f'Kế hoạch thử ({name})')}", f"  year: {YEAR}",
                  f"  declared_targets: {n_targets}", '  source: "generated by bench/run.py"',
                  "targets:"]
    rows = ["unit,target,period,value"]
    for i in range(n_targets):
        kind, rollup, threshold = _ROLLUPS[i % len(_ROLLUPS)]
        tid = f"t{i:02d}_{rollup}"
        top = 100.0 if kind == "level" else 50.0
        target = round(rng.uniform(top / 2, top), 1) * (communes if rollup == "sum" else 1)
        if rollup == "count_meeting":
            target = round(communes * rng.uniform(0.1, 0.5))
        plan_lines += [f"  - id: {tid}", f"    name: {_q(f'Chỉ tiêu {i}')}",
                       f"    kind: {kind}", "    direction: at_least", f"    target: {target}",
                       f"    unit: {_q('%' if kind == 'level' else 'items')}",
                       f"    rollup: {rollup}", "    min_coverage: 0.9",
                       f"    source: {_q(f'Nghị quyết, mục {i}')}"]
        if rollup == "weighted_mean":
            plan_lines.append("    weight: population")
        if threshold is not None:
            plan_lines.append(f"    threshold: {threshold}")
        for x in leaves:
            figures = _figures(kind, rollup, top, rng)
            rows += [f"{x},{tid},{YEAR}-Q{q},{v:.2f}" for q, v in enumerate(figures, 1)
                     if rng.random() >= 0.005]
    paths = (folder / f"units_{name}.csv", folder / f"plan_{name}.yaml",
             folder / f"actuals_{name}.csv")
    for path, lines in zip(paths, (units, plan_lines, rows), strict=True):
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def data_rows(path: Path) -> int:
    """The rows of a CSV file below its header (the generated files quote nothing)."""
    return path.read_bytes().count(b"\n") - 1


# The faults seeded into a copy of the province file, each (key, what it is); SODA_CHECK names
# the SodaCL check that should find it.
FAULTS = [("duplicate", "a second row for the same unit, target and period"),
          ("period-missing", "an empty period"),
          ("period-format", "the period 2024-Q5"),
          ("value-missing", "an empty value"),
          ("value-number", "the value abc (on the last line)")]


def seed_faults(actuals: Path, out: Path) -> dict[str, int]:
    """Copy `actuals` to `out` with the FAULTS written over five of its rows, the last one on
    the file's last line (a tool that stops early misses it); their line numbers."""
    lines = actuals.read_text(encoding="utf-8").splitlines()
    n = len(lines)
    at = {"duplicate": 3, "period-missing": n // 3, "period-format": n // 2,
          "value-missing": 2 * n // 3, "value-number": n}
    cells = [line.split(",") for line in lines]
    cells[2] = cells[1][:3] + ["7.77"]  # line 3 repeats line 2's unit, target and period
    cells[at["period-missing"] - 1][2] = ""
    cells[at["period-format"] - 1][2] = f"{YEAR}-Q5"
    cells[at["value-missing"] - 1][3] = ""
    cells[at["value-number"] - 1][3] = "abc"
    out.write_text("\n".join(",".join(c) for c in cells) + "\n", encoding="utf-8")
    return at


# --------------------------------------------------------------------------------------------
# The floors: minimal programs on the same stack (typer, pydantic, PyYAML's C loader)
# --------------------------------------------------------------------------------------------

F_HELP = '''
import typer

app = typer.Typer(help="A floor: two commands and nothing else.")


@app.command()
def check(actuals: str) -> None:
    """Check the actuals."""


@app.command()
def targets() -> None:
    """List the targets."""


app()
'''

F_JSON = '''
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
    @@OUTPUT@@


@app.command()
def targets() -> None:
    """List the targets."""


app()
'''

F_JSON_OUTPUT = 'sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\\n")'
F_TABLE_OUTPUT = '''from rich.console import Console
    from rich.table import Table

    table = Table("Target", "Kind", "Plan", "Unit")
    for t in found[:9]:
        table.add_row(t["name"], t["kind"], str(t["target"]), t["unit"] or "")
    Console().print(table)'''

F_UNITS = '''
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

import typer

app = typer.Typer(help="A floor: a plan with units, rolled up with csv.reader and dicts.")


def read_units(path):
    parent, weight = {}, {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for uid, _name, up, _kind, population in reader:
            parent[uid] = up
            weight[uid] = float(population) if population else 0.0
    children = defaultdict(list)
    for uid, up in parent.items():
        if up:
            children[up].append(uid)

    def total(unit):
        if unit in children:
            weight[unit] = sum(total(c) for c in children[unit])
        return weight[unit]

    root = next(u for u, up in parent.items() if not up)
    total(root)
    return root, children, weight, [u for u in parent if u not in children]


def roll(rule, got, unit, children, weight):
    if unit not in children:
        return got.get(unit)
    xs = [(c, roll(rule, got, c, children, weight)) for c in children[unit]]
    xs = [(c, x) for c, x in xs if x is not None]
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
    values = defaultdict(dict)  # (target, period) -> {unit: value}
    with open(actuals, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for unit, target, period, value in reader:
            values[target, period][unit] = float(value)
    out = []
    for t in plan.targets:
        state = {}  # whether a commune meets the standard is a state: its latest figure
        for q in range(1, 5):
            period = f"{plan.plan.year}-Q{q}"
            got = values.get((t.id, period), {})
            reported = sum(1 for u in leaves if u in got)
            if t.rollup in ("share_meeting", "count_meeting"):
                state.update(got)
                met = sum(1 for u in leaves if u in state and state[u] >= t.threshold)
                counted = sum(1 for u in leaves if u in state)
                x = met if t.rollup == "count_meeting" else 100 * met / max(counted, 1)
            else:
                x = roll(t.rollup, got, root, children, weight)
            out.append({"target": t.id, "period": period, "value": x,
                        "reported": reported, "expected": len(leaves)})
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\\n")


@app.command()
def summary() -> None:
    """A second command, as hauloc has several."""


app()
'''


# --------------------------------------------------------------------------------------------
# The peers' programs: a Table Schema for frictionless, SodaCL checks and a DuckDB data source
# for Soda Core, a pandera schema; each checks unit, target, period and value
# --------------------------------------------------------------------------------------------

PEER_SCHEMA = {
    "fields": [
        {"name": "unit", "type": "string",
         "constraints": {"required": True, "pattern": "^[a-z0-9_-]+$"}},
        {"name": "target", "type": "string",
         "constraints": {"required": True, "pattern": "^[a-z0-9_]+$"}},
        {"name": "period", "type": "string",
         "constraints": {"required": True, "pattern": r"^\d{4}-Q[1-4]$"}},
        {"name": "value", "type": "number", "constraints": {"required": True}},
    ],
    "primaryKey": ["unit", "target", "period"],
}

# The fault each SodaCL check finds.
SODA_CHECKS = {
    "duplicate_count(unit, target, period) = 0": "duplicate",
    "missing_count(unit) = 0": None,
    "missing_count(target) = 0": None,
    "missing_count(period) = 0": "period-missing",
    "missing_count(value) = 0": "value-missing",
    "invalid_count(period) = 0": "period-format",
    "invalid_count(value) = 0": "value-number",
}
SODA_VALID = {"invalid_count(period) = 0": "valid regex: '^\\d{4}-Q[1-4]$'",
              "invalid_count(value) = 0": "valid format: decimal"}

# The DuckDB file of one data source: a view over the CSV (every column read as text, so that
# Soda's format checks see what the file says), made before timing; it holds no rows, so each
# scan reads the CSV itself.
SODA_VIEW = """
import sys, duckdb
path = sys.argv[2].replace("'", "''")
con = duckdb.connect(sys.argv[1])
con.execute(f"CREATE OR REPLACE VIEW actuals AS SELECT * FROM read_csv('{path}', header=true, "
            "delim=',', quote='\\"', all_varchar=true)")
con.close()
"""

F_PANDERA = '''
import json
import sys

import pandas as pd
import pandera.pandas as pa

schema = pa.DataFrameSchema(
    {
        "unit": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_-]+$")),
        "target": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_]+$")),
        "period": pa.Column(str, pa.Check.str_matches(r"^\\d{4}-Q[1-4]$")),
        "value": pa.Column(float, coerce=True),
    },
    unique=["unit", "target", "period"],
    strict=True,
)
frame = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False, na_values=[""])
failures = []
try:
    schema.validate(frame, lazy=True)
except pa.errors.SchemaErrors as exc:
    cases = exc.failure_cases
    for column, check, index in zip(cases["column"], cases["check"], cases["index"]):
        line = None if pd.isna(index) else int(index) + 2  # the header is line 1
        failures.append({"column": column, "check": str(check), "line": line})
sys.stdout.write(json.dumps({"rows": len(frame), "failures": failures}) + "\\n")
sys.exit(1 if failures else 0)
'''


def write_programs(folder: Path) -> dict[str, Path]:
    """The floors, the peers' programs and files, and F-json's 40-row CSV."""
    files = {
        "f_help.py": F_HELP,
        "f_json.py": F_JSON.replace("@@OUTPUT@@", F_JSON_OUTPUT),
        "f_table.py": F_JSON.replace("@@OUTPUT@@", F_TABLE_OUTPUT),
        "f_units.py": F_UNITS,
        "f_pandera.py": F_PANDERA,
        "soda_view.py": SODA_VIEW,
        "schema.json": json.dumps(PEER_SCHEMA, indent=2) + "\n",
        "checks.yml": "checks for actuals:\n" + "".join(
            f"  - {c}" + (f":\n      {SODA_VALID[c]}\n" if c in SODA_VALID else "\n")
            for c in SODA_CHECKS),
        # Soda Core sends usage statistics unless told not to; its HOME is this folder.
        "home/.soda/config.yml": "send_anonymous_usage_stats: false\n",
    }
    rng = random.Random(SEED)
    files["actuals_40.csv"] = "\n".join(["target,period,value"] + [
        f"t{i // 4:02d},{YEAR}-Q{i % 4 + 1},{rng.uniform(0, 100):.1f}" for i in range(40)
    ]) + "\n"
    paths = {}
    for name, text in files.items():
        paths[name] = folder / name
        paths[name].parent.mkdir(parents=True, exist_ok=True)
        paths[name].write_text(text.lstrip(), encoding="utf-8")
    return paths


# --------------------------------------------------------------------------------------------
# The peers' virtualenvs
# --------------------------------------------------------------------------------------------


@dataclass
class Peer:
    name: str
    venv: Path
    versions: dict[str, str]

    def bin(self, script: str) -> str:
        return str(self.venv / "bin" / script)


def _installed(python: Path, dists: Sequence[str]) -> dict[str, str]:
    code = ("import json, sys\nfrom importlib.metadata import version\nout = {}\n"
            "for d in sys.argv[1:]:\n    try: out[d] = version(d)\n"
            "    except Exception: out[d] = ''\nprint(json.dumps(out))")
    out = subprocess.run([str(python), "-c", code, *dists], capture_output=True, text=True)
    return json.loads(out.stdout) if out.returncode == 0 else {}


def peer(name: str) -> tuple[Peer | None, str]:
    """The peer's virtualenv under bench/, made (again) unless it holds the pinned versions;
    or (None, why not)."""
    venv = ROOT / "bench" / f".venv-{name}"
    python = venv / "bin" / "python"
    pins = dict(re.sub(r"\[.*\]", "", p).split("==") for p in PEERS[name])
    found = _installed(python, list(pins)) if python.is_file() else {}
    if found != pins:
        print(f"bench: installing {', '.join(PEERS[name])} into {venv}", flush=True)
        try:
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
            subprocess.run([str(python), "-m", "pip", "install", "-q", *PEERS[name]],
                           check=True)
        except (subprocess.CalledProcessError, OSError) as exc:
            return None, f"{name} could not be installed ({exc})"
        found = _installed(python, list(pins))
        if found != pins:
            return None, f"{name}'s virtualenv holds {found}, not {pins}"
    return Peer(name, venv, found), ", ".join(f"{k} {v}" for k, v in found.items())


# --------------------------------------------------------------------------------------------
# Running and timing
# --------------------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    max_rss_kib: int
    code: int


# Checks the output of one run: None when it is right, else what is wrong.
Verify = Callable[[str], "str | None"]


@dataclass
class Cmd:
    key: str  # how the report refers to it
    label: str  # what the report shows
    argv: Command
    codes: frozenset[int] = frozenset({0})
    env: dict[str, str] = field(default_factory=dict)
    verify: Verify | None = None
    rows: int = 0  # the data rows of the file it reads, for the report


# A child's ru_maxrss on Linux is at least the resident size of the process that forked it
# (exec keeps the high-water mark of the forked copy), so the bench, which holds the generated
# data, cannot fork the measured command itself. A fresh `python -I -S` (about 8 MiB, less than
# any measured Python program) spawns it instead, its stdout and stderr into files, and reports
# the child's own time and peak memory from os.wait4; its own start-up is outside the timed span.
_TIMER = """
import os, sys, time
out = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
err = os.open(sys.argv[1] + ".err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
null = os.open(os.devnull, os.O_RDONLY)
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ, file_actions=[
    (os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, out, 1),
    (os.POSIX_SPAWN_DUP2, err, 2)])
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
sys.stdout.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_once(cmd: Cmd, cwd: Path, env: dict[str, str]) -> Run:
    """Run one child; its own wall time and peak memory. Its output is left in out/KEY."""
    out = cwd / "out" / cmd.key
    out.parent.mkdir(exist_ok=True)
    done = subprocess.run([sys.executable, "-I", "-S", "-c", _TIMER, str(out), *cmd.argv],
                          cwd=cwd, env={**env, **cmd.env}, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: the timer could not run {' '.join(cmd.argv)}:\n"
                         f"{done.stderr}")
    seconds, rss, code = done.stdout.split()
    run = Run(float(seconds), int(rss), int(code))
    if run.code not in cmd.codes:
        tail = Path(f"{out}.err").read_text(encoding="utf-8", errors="replace")[-2000:]
        raise SystemExit(f"bench: {' '.join(cmd.argv)} exited {run.code} (expected "
                         f"{sorted(cmd.codes)}):\n{tail}")
    return run


@dataclass
class Group:
    """The runs of the commands compared with each other, round by round."""
    name: str
    cmds: dict[str, Cmd]
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def ratio(self, a: str, b: str, of: Callable[[Run], float] = lambda r: r.seconds) -> float:
        """The median over the rounds of a / b."""
        return statistics.median(of(x) / of(y)
                                 for x, y in zip(self.runs[a], self.runs[b], strict=True))

    def mem_ratio(self, a: str, b: str) -> float:
        return self.ratio(a, b, lambda r: r.max_rss_kib)

    def median(self, key: str) -> float:
        return statistics.median(r.seconds for r in self.runs[key])

    def peak(self, key: str) -> int:
        """The highest peak memory of all its rounds, in KiB."""
        return max(r.max_rss_kib for r in self.runs[key])


def measure(name: str, cmds: Sequence[Cmd], cwd: Path, env: dict[str, str],
            rounds: int, warmups: int) -> Group:
    """Run the commands in rounds, rotating their order; the first round's outputs are checked."""
    group = Group(name, {c.key: c for c in cmds}, {c.key: [] for c in cmds})
    for i in range(warmups + rounds):
        order = list(cmds[i % len(cmds):]) + list(cmds[:i % len(cmds)])
        for cmd in order:
            run = run_once(cmd, cwd, env)
            if i == 0 and cmd.verify is not None:
                problem = cmd.verify((cwd / "out" / cmd.key).read_text(encoding="utf-8"))
                if problem:
                    raise SystemExit(f"bench: {' '.join(cmd.argv)}: {problem}")
            if i >= warmups:
                group.runs[cmd.key].append(run)
    first = cmds[0].key
    print(f"  {name}: " + "; ".join(f"{c.key} {ms(group.median(c.key))}" for c in cmds)
          + "".join(f"; {first}/{c.key} {group.ratio(first, c.key):.2f}x" for c in cmds[1:]),
          flush=True)
    return group


def hauloc_command() -> Command:
    """The `hauloc` console script of this environment, else `python -m hauloc_cli`."""
    script = Path(sys.executable).with_name("hauloc")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "hauloc_cli"]


def defines_fast(pyproject: Path) -> bool:
    """Whether the source tree's pyproject.toml has a `fast` extra (an install made before it
    was added does not know of it). Read by lines: tomllib is not in Python 3.10."""
    try:
        lines = pyproject.read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    section = ""
    for line in lines:
        if re.match(r"\[[^\]]+\]\s*(#.*)?$", line):
            section = line.split("]")[0].strip("[ ")
        elif section == "project.optional-dependencies" and re.match(r"\s*\"?fast\"?\s*=",
                                                                       line):
            return True
    return False


def hauloc_install(pyproject: Path = ROOT / "pyproject.toml") -> tuple[str, str]:
    """How hauloc is installed here: a short name (`hauloc` or `hauloc[fast]`) and a line."""
    try:
        dist = metadata.distribution("hauloc")
    except metadata.PackageNotFoundError:
        return "hauloc", "hauloc is not installed as a distribution (run from the source tree)"
    extras = dist.metadata.get_all("Provides-Extra") or []
    if "fast" not in extras:
        return "hauloc", f"hauloc {dist.version}, default install (" + (
            "pyproject.toml defines a `fast` extra that this install predates: "
            "`pip install -e '.[fast]'` to use it)" if defines_fast(pyproject)
            else "it has no `fast` extra)")
    wanted = [r for r in dist.requires or [] if re.search(r"extra\s*==\s*['\"]fast['\"]", r)]
    found, missing = {}, []
    for req in wanted:
        name = re.split(r"[^A-Za-z0-9_.\-]", req, maxsplit=1)[0]
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            missing.append(name)
    if missing or not wanted:
        return "hauloc", (f"hauloc {dist.version}, default install: its `fast` extra is not "
                          f"installed (missing: {', '.join(missing) or 'nothing listed'})")
    return "hauloc[fast]", (f"hauloc {dist.version} with its `fast` extra ("
                            + ", ".join(f"{k} {v}" for k, v in found.items()) + ")")


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("HAULOC_", "PYTHON", "LC_", "FORCE_COLOR"))}
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "LANG": "C.UTF-8"})
    return env


# --------------------------------------------------------------------------------------------
# What the first round's outputs must show
# --------------------------------------------------------------------------------------------


def judged(n: int, units: bool) -> Verify:
    """hauloc's JSON judges all n targets of the plan (and rolls some up)."""
    def verify(out: str) -> str | None:
        targets = json.loads(out)["targets"]
        if len(targets) != n:
            return f"judged {len(targets)} targets, not {n}"
        if units and not any(t.get("coverage") for t in targets):
            return "rolled nothing up"
        return None
    return verify


def f_json_read(n: int, rows: int) -> Verify:
    def verify(out: str) -> str | None:
        doc = json.loads(out)
        if (len(doc["targets"]), len(doc["rows"])) != (n, rows + 1):
            return f"read {len(doc['targets'])} targets and {len(doc['rows'])} rows"
        return None
    return verify


def f_units_read(n: int) -> Verify:
    def verify(out: str) -> str | None:
        got = len(json.loads(out))
        return None if got == 4 * n else f"rolled up {got} figures, not {4 * n}"
    return verify


def frictionless_read(rows: int) -> Verify:
    """Valid, and every row read (`--limit-errors 0` lifts its limit of 1,000 errors)."""
    def verify(out: str) -> str | None:
        doc = json.loads(out)
        got = doc["tasks"][0]["stats"]["rows"]
        return None if doc["valid"] and got == rows else f"valid {doc['valid']}, {got} rows"
    return verify


def soda_passed(out: str) -> str | None:
    n = len(SODA_CHECKS)
    return None if f"{n}/{n} checks PASSED" in out else f"not all checks passed:\n{out[-1500:]}"


def pandera_read(rows: int) -> Verify:
    def verify(out: str) -> str | None:
        doc = json.loads(out)
        ok = doc["rows"] == rows and not doc["failures"]
        return None if ok else f"{doc['rows']} rows, {len(doc['failures'])} failures"
    return verify


# --------------------------------------------------------------------------------------------
# The seeded file: what each tool reports
# --------------------------------------------------------------------------------------------


def hauloc_found(err: str, name: str) -> list[tuple[int, str]]:
    """(line, code) of each problem hauloc lists on stderr as FILE:LINE[:COL]: [code] …"""
    pattern = re.compile(rf"^{re.escape(name)}:(\d+)(?::\d+)?: \[([a-z-]+)\]", re.M)
    return [(int(line), code) for line, code in pattern.findall(err)]


def frictionless_found(out: str) -> list[tuple[int, str]]:
    doc = json.loads(out)
    return [(e.get("rowNumber", 0), e["type"]) for task in doc["tasks"] for e in task["errors"]]


def pandera_found(out: str) -> list[tuple[int, str]]:
    """(line, "columns: check") of each failure case (a check on several columns once)."""
    columns: dict[tuple[int, str], list[str]] = {}
    for f in json.loads(out)["failures"]:
        columns.setdefault((f["line"] or 0, f["check"]), []).append(f["column"])
    return [(line, f"{', '.join(sorted(cs))}: {check}") for (line, check), cs in columns.items()]


def soda_found(out: str) -> dict[str, str]:
    """The failed SodaCL checks and their values, from `soda scan`'s summary."""
    failed: dict[str, str] = {}
    check = None
    for line in out.splitlines():
        text = re.sub(r"^\[\d\d:\d\d:\d\d\]\s*", "", line).strip()
        if text.endswith("[FAILED]"):
            check = text.removesuffix("[FAILED]").strip()
            failed[check] = "?"
        elif check and text.startswith("check_value:"):
            failed[check] = text.split(":", 1)[1].strip()
            check = None
    return failed


def by_line(found: list[tuple[int, str]], at: dict[str, int]) -> tuple[dict[str, str], int]:
    """What a tool reported on each seeded line, and how many reports fall on other lines."""
    cells = {k: ", ".join(sorted({f"`{what}`" for line, what in found if line == n})) or "—"
             for k, n in at.items()}
    return cells, sum(1 for line, _ in found if line not in at.values())


def soda_cells(out: str) -> tuple[dict[str, str], int]:
    failed = soda_found(out)
    cells = {k: "—" for k, _ in FAULTS}
    for check, value in failed.items():
        fault = SODA_CHECKS.get(check)
        if fault:
            cells[fault] = f"`{check.split(' = ')[0]}` = {value}"
    return cells, sum(1 for c in failed if not SODA_CHECKS.get(c))


Seeded = dict[str, tuple[dict[str, str], int]]


def run_seeded(tools: dict[str, Cmd], cwd: Path, env: dict[str, str], name: str,
               at: dict[str, int]) -> Seeded:
    """Each tool once on the seeded file: per fault what it says, and its other reports."""
    seen: Seeded = {}
    for tool, cmd in tools.items():
        run_once(cmd, cwd, env)
        out = (cwd / "out" / cmd.key).read_text(encoding="utf-8")
        if tool == "soda":
            seen[tool] = soda_cells(out)
            continue
        if tool == "hauloc":
            found = hauloc_found(Path(f"{cwd / 'out' / cmd.key}.err").read_text("utf-8"), name)
        else:
            found = (frictionless_found if tool == "frictionless" else pandera_found)(out)
        seen[tool] = by_line(found, at)
    return seen


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------


def versions() -> dict[str, str]:
    found = {}
    for dist in ("typer", "pydantic", "pydantic-core", "pyyaml", "rich"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "not installed"
    try:
        import yaml

        found["pyyaml"] += " (C loader)" if hasattr(yaml, "CSafeLoader") else " (no C loader)"
    except ImportError:
        pass
    return found


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} CPUs{mem}; {platform.platform()}"


def load() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def mib(kib: float) -> str:
    return f"{kib / 1024:,.1f} MiB"


def verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else "pass" if ok else "**FAIL**"


@dataclass
class Bench:
    """What one run measured, and how."""
    groups: dict[str, Group]
    rows: dict[str, int]  # data rows of each generated actuals file
    peers: dict[str, str]  # each peer's versions, or why it is missing
    seeded: Seeded
    seeded_at: dict[str, int]
    install: tuple[str, str]
    args: argparse.Namespace
    started: str
    loads: list[str] = field(default_factory=list)
    elapsed: float = 0.0


def header(b: Bench) -> list[str]:
    a = b.args
    return [
        "# Performance", "",
        "Written by `python bench/run.py`" + (" --quick (NOT a full run)" if a.quick else "")
        + f" on {b.started}, in {b.elapsed / 60:.1f} minutes. Rerun it to refresh this file; "
        "the method is described in `bench/run.py` and in the notes below.", "",
        f"- Machine: {machine()}",
        f"- Load average (1/5/15 min) at the start / end: {b.loads[0]}; {b.loads[-1]}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- {b.install[1]}; " + ", ".join(f"{k} {v}" for k, v in versions().items()),
        "- Peers, each in its own virtualenv: "
        + "; ".join(f"{k}: {v}" for k, v in b.peers.items()),
        f"- Rounds: {a.rounds} after {a.warmups} warm-ups for the small inputs, "
        f"{a.big_rounds} after {a.big_warmups} for the files of 400,000 rows and more; the "
        "commands of a comparison take turns going first; a ratio is the median of the "
        "per-round ratios. Peak memory is each child's own `ru_maxrss` (from `os.wait4` in a "
        "small timer process, so that the bench's own memory is not counted).",
    ]


def vs_floor(b: Bench, title: str, key: str, floor: str, rows: int) -> list[str]:
    g = b.groups[key]
    return [
        "", title, "",
        "| rows | time ratio | hauloc | floor | memory ratio | hauloc peak | floor peak |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {rows:,} | {g.ratio('hauloc', floor):.2f}x | {ms(g.median('hauloc'))} | "
        f"{ms(g.median(floor))} | {g.mem_ratio('hauloc', floor):.2f}x | "
        f"{mib(g.peak('hauloc'))} | {mib(g.peak(floor))} |",
    ]


def side_by_side(b: Bench, title: str, key: str, intro: str) -> list[str]:
    if key not in b.groups:
        return ["", title, "", "Not measured: " + intro]
    g = b.groups[key]
    out = ["", title, "", intro, "",
           "| command | rows | median time | time over hauloc's | peak memory |",
           "|---|---:|---:|---:|---:|"]
    for k, c in g.cmds.items():
        out.append(f"| `{c.label}` | {c.rows:,} | {ms(g.median(k))} | "
                   f"{g.ratio(k, 'hauloc'):.2f}x | {mib(g.peak(k))} |")
    return out


def seeded_table(b: Bench) -> list[str]:
    tools = list(b.seeded)
    names = {"hauloc": "hauloc", "frictionless": "frictionless", "soda": "Soda Core",
             "pandera": "pandera"}
    out = ["", "## Seeded bad rows: what each tool reports", "",
           f"A copy of the province file ({b.rows['seeded']:,} rows) with five rows "
           "overwritten; each tool was run once on it as it is timed above.", "",
           "| fault | line | " + " | ".join(names[t] for t in tools) + " |",
           "|---|---:|" + "---|" * len(tools)]
    for key, what in FAULTS:
        out.append(f"| {what} | {b.seeded_at[key]:,} | "
                   + " | ".join(b.seeded[t][0][key] for t in tools) + " |")
    out.append("| reports on other lines | | "
               + " | ".join(str(b.seeded[t][1]) for t in tools) + " |")
    return out


def budgets(b: Bench) -> list[tuple[str, bool | None]]:
    g, out = b.groups, list[tuple[str, bool | None]]()
    for key, floor in (("help", "F-help"), ("json", "F-json"), ("table", "F-table")):
        r = g[key].ratio("hauloc", floor)
        out.append((f"`{g[key].cmds['hauloc'].label}` ≤ {BUDGET_START}× {floor}: {r:.2f}×",
                    r <= BUDGET_START))
    s = g["scale"]
    for what, r in (("time", s.ratio("hauloc", "F-json")),
                    ("peak memory", s.mem_ratio("hauloc", "F-json"))):
        out.append((f"1,000 targets, {what} ≤ {BUDGET_1000}× F-json(1,000): {r:.2f}×",
                    r <= BUDGET_1000))
    r = g["province"].ratio("hauloc", "F-units")
    out.append((f"province, time ≤ {BUDGET_PROVINCE}× F-units: {r:.2f}×", r <= BUDGET_PROVINCE))
    n = g["national"]
    out.append(_speedup(n, "frictionless", BUDGET_FRICTIONLESS, "national"))
    peak = n.peak("hauloc") / 1024
    out.append((f"national, hauloc's peak memory ≤ {BUDGET_NATIONAL_MIB} MiB: {peak:,.0f} MiB",
                peak <= BUDGET_NATIONAL_MIB))
    m = g.get("million")
    soda = m.ratio("hauloc", "soda") if m and "soda" in m.runs else None
    out.append((f"1,000,000 rows, {b.install[0]} not slower than Soda Core"
                + (f": {soda:.2f}× its time" if soda is not None else ""),
                None if soda is None else soda <= BUDGET_SODA))
    out.append(_speedup(m, "pandera", BUDGET_PANDERA, f"1,000,000 rows, {b.install[0]}"))
    r = n.ratio("hauloc", "linear")
    out.append((f"linear: {n.cmds['hauloc'].rows:,} rows ≤ {BUDGET_LINEAR:g}× the time of "
                f"{n.cmds['linear'].rows:,}: {r:.2f}×", r <= BUDGET_LINEAR))
    return out


def _speedup(g: Group | None, peer: str, least: float, what: str) -> tuple[str, bool | None]:
    if g is None or peer not in g.runs:
        return f"{what}: ≥ {least}× faster than {peer}", None
    r = g.ratio(peer, "hauloc")
    return f"{what}: ≥ {least}× faster than {peer}: {r:.2f}×", r >= least


def report(b: Bench) -> tuple[str, list[tuple[str, bool | None]]]:
    """The Markdown of docs/performance.md (without the kept notes) and the budget verdicts."""
    g = b.groups
    out = header(b) + [
        "", "## Start-up and the example", "",
        "| # | command | floor | ratio | hauloc (median) | floor (median) |",
        "|---|---|---|---:|---:|---:|",
    ]
    for i, (key, floor) in enumerate((("help", "F-help"), ("json", "F-json"),
                                      ("table", "F-table")), 1):
        p = g[key]
        out.append(f"| {i} | `{p.cmds['hauloc'].label}` | {floor} | "
                   f"{p.ratio('hauloc', floor):.2f}x | {ms(p.median('hauloc'))} | "
                   f"{ms(p.median(floor))} |")
    out += vs_floor(b, "## 1,000 targets × 4 quarters: `hauloc check --format json` against "
                    "F-json(1,000), F-json's program on the same files", "scale", "F-json",
                    b.rows["scale"])
    out += vs_floor(b, "## Province: 166 communes, 30 rolled-up targets, units file, JSON "
                    "out, against F-units", "province", "F-units", b.rows["province"])
    out += side_by_side(b, "## National: 3,321 communes against `frictionless validate`; "
                        "linear from 40,000 rows", "national", NATIONAL_INTRO)
    out += side_by_side(b, "## 1,000,000 rows: against Soda Core (DuckDB) and pandera",
                        "million", MILLION_INTRO)
    if b.seeded:
        out += seeded_table(b)
    verdicts = budgets(b)
    out += ["", "## Budgets (issue 14)", ""]
    out += [f"- {verdict(ok)}: {text}" for text, ok in verdicts]
    return "\n".join(out) + "\n", verdicts


NATIONAL_INTRO = (
    "The three commands take turns in each round: hauloc on the national file, frictionless "
    "on the same file (`frictionless validate --schema schema.json --limit-errors 0 --json`: "
    "unit, target and period required strings with patterns, value a required number, "
    "primary key unit + target + period; its JSON says it read every row), and hauloc on "
    "the 40,000-row file of 333 communes made the same way.")
MILLION_INTRO = (
    "The nation's 3,321 communes with 76 targets. Soda Core runs `soda scan` with SodaCL "
    "checks (duplicate_count of unit + target + period, missing_count of each column, "
    "invalid_count of period against `^\\d{4}-Q[1-4]$` and of value against the format "
    "`decimal`) on a DuckDB data source whose `actuals` is a view over the CSV, every column "
    "read as text (the view holds no rows: each scan reads the file). pandera validates a "
    "pandas frame read with every column as text: the same patterns, value coerced to "
    "float, no missing values, unique unit + target + period, `lazy=True` (all failures).")


def write_doc(text: str, path: Path) -> None:
    kept = ""
    if path.is_file():
        old = path.read_text(encoding="utf-8")
        if NOTES_MARK in old:
            kept = old[old.index(NOTES_MARK) + len(NOTES_MARK):]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n" + NOTES_MARK + (kept or "\n"), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# The commands
# --------------------------------------------------------------------------------------------


def hauloc_check(h: Command, actuals: Path, plan: Path, n: int, key: str = "hauloc",
                 codes: frozenset[int] = frozenset({0})) -> Cmd:
    """`hauloc check ACTUALS --targets PLAN --format json`, checked to judge all n targets."""
    return Cmd(key, f"hauloc check {actuals.name} --targets {plan.name} --format json",
               [*h, "check", actuals.name, "--targets", plan.name, "--format", "json",
                "--fail-on", "never"], codes, verify=judged(n, "units" in plan.read_text()),
               rows=data_rows(actuals))


def frictionless_cmd(p: Peer, actuals: Path, codes: frozenset[int] = frozenset({0})) -> Cmd:
    rows = data_rows(actuals)
    return Cmd("frictionless", f"frictionless validate --schema schema.json --limit-errors 0 "
               f"--json {actuals.name}",
               [p.bin("frictionless"), "validate", "--schema", "schema.json", "--limit-errors",
                "0", "--json", actuals.name], codes, verify=frictionless_read(rows), rows=rows)


def soda_cmd(p: Peer, work: Path, actuals: Path, codes: frozenset[int] = frozenset({0})) -> Cmd:
    """`soda scan` of a DuckDB data source made here for `actuals` (a view, no rows)."""
    db, config = work / f"soda_{actuals.stem}.duckdb", work / f"soda_{actuals.stem}.yml"
    db.unlink(missing_ok=True)
    subprocess.run([p.bin("python"), "soda_view.py", db.name, str(actuals)], cwd=work,
                   check=True)
    config.write_text(f"data_source bench:\n  type: duckdb\n  path: {db}\n  read_only: true\n",
                      encoding="utf-8")
    return Cmd("soda", f"soda scan -d bench -c {config.name} checks.yml",
               [p.bin("soda"), "scan", "-d", "bench", "-c", config.name, "checks.yml"], codes,
               env={"HOME": str(work / "home")}, verify=soda_passed, rows=data_rows(actuals))


def pandera_cmd(p: Peer, actuals: Path, codes: frozenset[int] = frozenset({0})) -> Cmd:
    rows = data_rows(actuals)
    return Cmd("pandera", f"python f_pandera.py {actuals.name}",
               [p.bin("python"), "f_pandera.py", actuals.name], codes,
               verify=pandera_read(rows), rows=rows)


def small_cases(h: Command, data: dict[str, tuple[Path, ...]]) -> dict[str, list[Cmd]]:
    py, csv40 = sys.executable, "actuals_40.csv"
    plan, actuals = data["scale"]
    units, uplan, uactuals = data["province"]
    cases = {
        "help": [Cmd("hauloc", "hauloc --help", [*h, "--help"]),
                 Cmd("F-help", "F-help", [py, "f_help.py", "--help"])],
        "json": [Cmd("hauloc", "hauloc check examples/actuals_2024.csv --format json",
                     [*h, "check", EXAMPLE.name, "--format", "json", "--fail-on", "never"]),
                 Cmd("F-json", "F-json", [py, "f_json.py", "check", str(SHIPPED_PLAN), csv40])],
        "table": [Cmd("hauloc", "hauloc check examples/actuals_2024.csv",
                      [*h, "check", EXAMPLE.name, "--fail-on", "never"]),
                  Cmd("F-table", "F-table",
                      [py, "f_table.py", "check", str(SHIPPED_PLAN), csv40])],
        "scale": [hauloc_check(h, actuals, plan, 1_000),
                  Cmd("F-json", "F-json(1,000)", [py, "f_json.py", "check", plan.name,
                                                 actuals.name],
                      verify=f_json_read(1_000, data_rows(actuals)))],
        "province": [hauloc_check(h, uactuals, uplan, UNIT_SIZES["province"][2]),
                     Cmd("F-units", "F-units", [py, "f_units.py", "check", uactuals.name,
                                                "--targets", uplan.name],
                         verify=f_units_read(UNIT_SIZES["province"][2]))],
    }
    return cases


def big_cases(h: Command, peers: dict[str, Peer], work: Path,
              data: dict[str, tuple[Path, ...]]) -> dict[str, list[Cmd]]:
    _, plan, actuals = data["national"]
    national = [hauloc_check(h, actuals, plan, UNIT_SIZES["national"][2])]
    if "frictionless" in peers:
        national.append(frictionless_cmd(peers["frictionless"], actuals))
    _, lplan, lactuals = data["linear"]
    national.append(hauloc_check(h, lactuals, lplan, UNIT_SIZES["linear"][2], key="linear"))
    _, mplan, mactuals = data["million"]
    million = [hauloc_check(h, mactuals, mplan, UNIT_SIZES["million"][2])]
    if "soda" in peers:
        million.append(soda_cmd(peers["soda"], work, mactuals))
    if "pandera" in peers:
        million.append(pandera_cmd(peers["pandera"], mactuals))
    return {"national": national, "million": million}


def seeded_tools(h: Command, peers: dict[str, Peer], work: Path, seeded: Path,
                 plan: Path) -> dict[str, Cmd]:
    """Each tool on the seeded file, expecting its exit code for a file with faults."""
    tools = {"hauloc": hauloc_check(h, seeded, plan, 0, codes=frozenset({3}))}
    makers: dict[str, Callable[[Peer], Cmd]] = {
        "frictionless": lambda p: frictionless_cmd(p, seeded, frozenset({1})),
        "soda": lambda p: soda_cmd(p, work, seeded, frozenset({2})),
        "pandera": lambda p: pandera_cmd(p, seeded, frozenset({1})),
    }
    tools.update({name: make(peers[name]) for name, make in makers.items() if name in peers})
    return tools


# --------------------------------------------------------------------------------------------


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="5 rounds after 1 warm-up for the small inputs, 1 round and no "
                             "warm-up for the big files (a few minutes)")
    parser.add_argument("--no-peers", action="store_true",
                        help="skip frictionless, Soda Core and pandera")
    parser.add_argument("--out", type=Path, default=None,
                        help="where to write the report (default docs/performance.md; "
                             "--quick prints it only, unless --out is given)")
    parser.add_argument("--data", type=Path, default=None, metavar="DIR",
                        help="only write the generated plans and actuals to DIR and stop "
                             "(for profiling)")
    args = parser.parse_args(argv)
    args.rounds, args.warmups = (5, 1) if args.quick else (15, 2)
    args.big_rounds, args.big_warmups = (1, 0) if args.quick else (5, 1)
    return args


def make_data(folder: Path) -> dict[str, tuple[Path, ...]]:
    data: dict[str, tuple[Path, ...]] = {"scale": generate(1_000, folder, random.Random(SEED))}
    for name in UNIT_SIZES:
        data[name] = generate_units(name, folder, random.Random(SEED))
    return data


def get_peers(args: argparse.Namespace) -> tuple[dict[str, Peer], dict[str, str]]:
    if args.no_peers:
        return {}, dict.fromkeys(PEERS, "skipped (--no-peers)")
    found, notes = {}, {}
    for name in PEERS:
        p, notes[name] = peer(name)
        if p is not None:
            found[name] = p
    return found, notes


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    out_path = args.out or (None if args.quick else DOC)
    if args.data:
        args.data.mkdir(parents=True, exist_ok=True)
        for paths in make_data(args.data).values():
            print("\n".join(str(p) for p in paths))
        return 0
    started = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    t0, loads = time.perf_counter(), [load()]
    peers, notes = get_peers(args)
    h, env = hauloc_command(), child_env()
    with tempfile.TemporaryDirectory(prefix="hauloc-bench-") as tmp:
        work = Path(tmp)
        write_programs(work)
        shutil.copy(EXAMPLE, work / EXAMPLE.name)
        data = make_data(work)
        at = seed_faults(data["province"][2], work / "actuals_seeded.csv")
        small, big = small_cases(h, data), big_cases(h, peers, work, data)
        tools = seeded_tools(h, peers, work, work / "actuals_seeded.csv", data["province"][1])
        print(f"bench: {' '.join(h)}; data in {work}", flush=True)
        groups = {k: measure(k, cmds, work, env, args.rounds, args.warmups)
                  for k, cmds in small.items()}
        groups.update({k: measure(k, cmds, work, env, args.big_rounds, args.big_warmups)
                       for k, cmds in big.items()})
        seen = run_seeded(tools, work, env, "actuals_seeded.csv", at)
        rows = {"scale": data_rows(data["scale"][1]),
                "province": data_rows(data["province"][2]),
                "seeded": data_rows(work / "actuals_seeded.csv")}
    loads.append(load())
    b = Bench(groups, rows, notes, seen, at, hauloc_install(), args, started, loads,
              time.perf_counter() - t0)
    text, verdicts = report(b)
    print()
    print(text)
    if out_path is not None:
        write_doc(text, out_path)
        print(f"bench: wrote {out_path}")
    return 0 if all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())

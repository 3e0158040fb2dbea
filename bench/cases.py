"""The commands compared: hauloc and its floor on the small inputs, hauloc and the peers on
the big files, and every tool on the file with seeded faults."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from bench.checks import (
    f_json_read,
    f_units_read,
    frictionless_read,
    judged,
    pandera_read,
    soda_passed,
)
from bench.data import EXAMPLE, SHIPPED_PLAN, UNIT_SIZES, data_rows
from bench.peers import Peer
from bench.timing import Cmd, Command


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
              data: dict[str, tuple[Path, ...]], fast: bool = False) -> dict[str, list[Cmd]]:
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
    if fast:  # the row path alone, as the default install runs it, in the same rounds
        million.append(rows_only(hauloc_check(h, mactuals, mplan, UNIT_SIZES["million"][2],
                                              key="hauloc-rows")))
    return {"national": national, "million": million}


def rows_only(cmd: Cmd) -> Cmd:
    """`cmd` with HAULOC_COLUMNS=off: the row checker alone, what the default install (no
    `fast` extra) runs; labelled so."""
    cmd.env["HAULOC_COLUMNS"] = "off"
    cmd.label = f"HAULOC_COLUMNS=off {cmd.label}"
    return cmd


def triple_cases(h: Command, data: dict[str, tuple[Path, ...]]) -> dict[str, list[Cmd]]:
    """3,000,000 rows (the nation's communes × 228 targets × 4 quarters) against hauloc on
    the 1,000,000-row file, one round: the time ratio and the peak of the big one."""
    _, tplan, tactuals = data["triple"]
    _, mplan, mactuals = data["million"]
    return {"triple": [hauloc_check(h, tactuals, tplan, UNIT_SIZES["triple"][2]),
                       hauloc_check(h, mactuals, mplan, UNIT_SIZES["million"][2],
                                    key="million")]}


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

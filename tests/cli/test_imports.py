"""The cheap start-up wins, guarded: heavy modules are imported only on the paths that need them.

Each case runs in a fresh interpreter (this test process has imported everything already) and
reads `sys.modules` as the process exits. Not timed: `python -m bench` measures the time.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from bench.data import SEED, generate_units
from tests.conftest import EXAMPLE, PLAN_2024

HEAVY = ("rich", "pydantic", "yaml", "polars")

# Runs hauloc's console entry point with the given arguments and, at exit (after SystemExit),
# writes the names of every imported module as the last line of stderr.
_RUN = """
import atexit, json, sys
atexit.register(lambda: sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n"))
sys.argv = ["hauloc", *json.loads(sys.argv[1])]
from hauloc_cli.cli import main
main()
"""


def _imported(args: list[str]) -> tuple[int, str, set[str]]:
    """Run `hauloc ARGS` in a subprocess: exit code, stdout, and every imported module, with
    the top-level package of each."""
    proc = subprocess.run([sys.executable, "-c", _RUN, json.dumps(args)], capture_output=True,
                          text=True, encoding="utf-8", timeout=120,
                          env={"NO_COLOR": "1", "COLUMNS": "100", "PATH": ""})
    last = proc.stderr.rstrip("\n").rsplit("\n", 1)[-1]
    assert last.startswith("MODULES "), proc.stderr
    modules = set(json.loads(last.removeprefix("MODULES ")))
    return proc.returncode, proc.stdout, modules | {m.split(".")[0] for m in modules}


def test_importing_the_cli_imports_no_heavy_module() -> None:
    code = ("import json, sys; import hauloc_cli.cli; "
            "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    modules = set(json.loads(proc.stdout))
    assert "typer" in modules  # the probe sees what was imported
    assert modules.isdisjoint(HEAVY), sorted(modules & set(HEAVY))


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_imports_no_heavy_module(args: list[str]) -> None:
    code, out, modules = _imported(args)
    assert code == 0
    assert "hauloc" in out
    assert modules.isdisjoint(HEAVY), sorted(modules & set(HEAVY))


@pytest.mark.parametrize("command", ["check", "targets"])
def test_command_help_loads_no_plan_machinery(command: str) -> None:
    """A command's --help builds no plan model and reads no YAML. (typer itself imports
    pydantic to describe a command's options, so pydantic alone is not hauloc's doing.)"""
    code, out, modules = _imported([command, "--help"])
    assert code == 0
    assert "Usage" in out
    own = {m for m in modules if m.startswith("hauloc_cli.")
           and m != "hauloc_cli.cli" and not m.startswith("hauloc_cli.cli.")}
    assert own <= {"hauloc_cli.errors"}, sorted(own)
    assert modules.isdisjoint({"rich", "yaml"})


def test_check_json_never_imports_rich() -> None:
    code, out, modules = _imported(["check", str(EXAMPLE), "--format", "json"])
    assert code == 1  # the example has off-track targets
    assert json.loads(out)["plan"]["defined_targets"] == 9
    assert {"pydantic", "yaml"} <= modules  # it did load and validate the plan
    assert "rich" not in modules


def test_targets_json_never_imports_rich() -> None:
    code, out, modules = _imported(["targets", "--targets", str(PLAN_2024), "--format", "json"])
    assert code == 0
    assert len(json.loads(out)["targets"]) == 9
    assert "rich" not in modules


def test_check_table_imports_rich() -> None:
    """The other side of the probe: the table path does use rich, and it is seen."""
    code, out, modules = _imported(["check", str(EXAMPLE)])
    assert code == 1
    assert "rich" in modules


def test_a_small_file_never_imports_the_columnar_engine(tmp_path: Path) -> None:
    """The province (20,000 rows, 0.6 MB, units): the row path, without polars even where
    the `fast` extra is installed (importing it costs more than it saves at this size)."""
    _, plan, actuals = generate_units("province", tmp_path, random.Random(SEED))
    code, out, modules = _imported(["check", str(actuals), "--targets", str(plan),
                                    "--format", "json", "--fail-on", "never"])
    assert code == 0
    assert len(json.loads(out)["targets"]) == 30
    assert "polars" not in modules

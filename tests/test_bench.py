"""bench/run.py's data with units: seeded, valid, and rolled up as the floor rolls it up."""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_province_is_seeded(bench: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = bench.generate_units("province", tmp_path / "a", random.Random(bench.SEED))
    second = bench.generate_units("province", tmp_path / "b", random.Random(bench.SEED))
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    table, _, actuals = first
    assert len(table.read_text("utf-8").splitlines()) == 1 + 1 + 166
    rows = len(actuals.read_text("utf-8").splitlines()) - 1
    assert 0.99 * 166 * 30 * 4 <= rows < 166 * 30 * 4


def test_the_province_is_valid_and_rolls_up_as_the_floor_does(bench: ModuleType,
                                                              tmp_path: Path) -> None:
    table, plan, actuals = bench.generate_units("province", tmp_path, random.Random(bench.SEED))
    runner = CliRunner()
    valid = runner.invoke(app, ["validate", str(actuals), "--targets", str(plan)])
    assert valid.exit_code == 0, valid.output
    checked = runner.invoke(app, ["check", str(actuals), "--targets", str(plan), "--format",
                                  "json", "--fail-on", "never"])
    assert checked.exit_code == 0, checked.output
    targets = json.loads(checked.stdout)["targets"]
    assert len(targets) == 30
    rolled = [t for t in targets if t["coverage"]]  # all but the rollup: none
    assert len(rolled) == 27 and all(t["coverage"]["expected"] == 166 for t in rolled)
    floor = tmp_path / "f_units.py"
    floor.write_text(bench.F_UNITS, encoding="utf-8")
    out = subprocess.run([sys.executable, str(floor), str(plan), str(table), str(actuals)],
                         capture_output=True, text=True, check=True, timeout=60)
    compiled = {r["target"]: r["value"] for r in json.loads(out.stdout)
                if r["period"] == "2024-Q4"}
    for t in targets:
        assert t["actual"] == pytest.approx(compiled[t["id"]]), t["id"]

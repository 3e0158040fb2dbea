"""bench/months.py: the monthly province file is the size the issue asks (166 communes × 30
targets × 11 months, one row in 200 left out), and hauloc reads and judges all of it."""

from __future__ import annotations

import json
import random
from pathlib import Path

from typer.testing import CliRunner

from bench.data import SEED, generate_units
from bench.months import generate_monthly, per_row_ratio
from bench.timing import Cmd, Group, Run
from hauloc_cli.cli import app


def test_the_monthly_province_file(tmp_path: Path) -> None:
    _, plan, _ = generate_units("province", tmp_path, random.Random(SEED))
    monthly = generate_monthly(plan, tmp_path, random.Random(SEED))
    lines = monthly.read_text(encoding="utf-8").splitlines()[1:]
    # 166 × 30 × 11 = 54,780 rows, about one in 200 left out: between 54,300 and 54,780
    assert 54_300 < len(lines) <= 54_780
    assert {line.split(",")[2] for line in lines} == {f"2024-{m:02d}" for m in range(1, 12)}
    result = CliRunner().invoke(app, ["check", str(monthly), "--targets", str(plan), "-f",
                                      "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["period"] == "2024-11" and len(doc["targets"]) == 30


def test_time_per_row_is_the_ratio_of_times_over_the_ratio_of_rows() -> None:
    # 1.2 s for 55,000 rows against 0.8 s for 20,000: (1.2 / 0.8) × (20,000 / 55,000) = 0.545
    cmds = {k: Cmd(k, k, []) for k in ("monthly", "quarterly")}
    group = Group("months", cmds, {"monthly": [Run(1.2, 0, 0)], "quarterly": [Run(0.8, 0, 0)]})
    assert abs(per_row_ratio(group, {"monthly": 55_000, "quarterly": 20_000}) - 0.5455) < 1e-3

"""check with units: roll-up, coverage in every format, --fail-on-missing naming units."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.conftest import ASSETS

PLAN = """plan: {id: p, year: 2024}
units: units.yaml
targets:
  - {id: schools, name: Schools, kind: cumulative, target: 12, rollup: sum,
     assign: {d1: 6, d2: 6}}
  - {id: security, name: Security, kind: level, target: 100, unit: "%", rollup: share_meeting}
  - {id: growth, name: Growth, kind: annual, target: 12, unit: "%", rollup: none}
"""


def setup(tmp_path: Path) -> list[str]:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "units.yaml").write_text((ASSETS / "units.tree.yaml").read_text("utf-8"),
                                         encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "d1.csv").write_text(
        "target,period,value,unit\nschools,Q1,1,a\nsecurity,Q1,có,a\nschools,Q1,2,b\n"
        "security,Q1,có,b\nschools,Q1,1,c\nsecurity,Q1,không,c\n", encoding="utf-8")
    (reports / "d2.csv").write_text("target,period,value,unit\nschools,Q1,2,e\n"
                                    "security,Q1,có,e\nschools,Q1,3,f\n", encoding="utf-8")
    (reports / "p.csv").write_text("target,period,value\ngrowth,Q1,10\nschools,Q1,8\n",
                                   encoding="utf-8")
    return ["check", "--targets", str(tmp_path / "plan.yaml"), str(reports)]


def test_json_carries_coverage_and_units(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [*setup(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    schools, security, growth = json.loads(result.stdout)["targets"]
    # d1 = 1 + 2 + 1 = 4, d2 = 2 + 3 = 5: the compiled 9 against the district's own 8
    assert schools["actual"] == 8.0
    assert schools["coverage"] == {"rollup": "sum", "source": "own", "reported": 2,
                                   "expected": 2, "partial": False, "missing": [],
                                   "compiled": 9.0}
    assert schools["units"] == [
        {"unit": "d1", "actual": 4.0, "status": "on_track", "reported": True},  # 4 ≥ 6·¼
        {"unit": "d2", "actual": 5.0, "status": "on_track", "reported": True}]
    assert security["status"] == "no_data"
    assert security["reason"] == "1 of 5 communes have not reported"
    assert security["coverage"]["missing"] == ["f"]
    assert (growth["coverage"], growth["units"]) == (None, [])
    warnings = result.stderr.splitlines()
    assert warnings == [
        f"warning: {tmp_path / 'reports' / 'p.csv'}:3: [rollup-mismatch] schools of p in "
        "2024-Q1: its own figure 8 and the roll-up of its units 9 differ by more than 0.5% — "
        "the compiled figure does not add up; check it, or the units' figures"]


def test_fail_on_missing_names_the_units(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [*setup(tmp_path), "--fail-on-missing", "--format", "csv"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == [
        "missing: no figure for 2024-Q1 from 1 target(s): security",
        "missing: units that did not report for 2024-Q1: security: f"]
    header, schools, security, _ = result.stdout.splitlines()
    assert header.endswith(",reason,coverage,partial")
    assert schools.endswith(",2/2,no")
    assert security.endswith(",4/5,no")  # judged no data, not partial


def test_the_table_says_who_has_not_reported(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [*setup(tmp_path), "--lang", "vi"],
                                env={"COLUMNS": "80"})
    assert "? Security — 1/5 xã chưa báo cáo" in result.stdout


def test_json_with_units_follows_the_documented_schema(tmp_path: Path) -> None:
    import jsonschema

    from tests.conftest import ROOT

    schema = json.loads((ROOT / "docs" / "output.schema.json").read_text(encoding="utf-8"))
    result = CliRunner().invoke(app, [*setup(tmp_path), "--format", "json"])
    jsonschema.validate(json.loads(result.stdout), schema)

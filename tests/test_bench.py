"""bench/run.py: its data (seeded, valid, rolled up as the floor rolls it up), the seeded
faults, and how it reads what hauloc and the peers report."""

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
    out = subprocess.run([sys.executable, str(floor), "check", str(actuals), "--targets",
                          str(plan)], capture_output=True, text=True, check=True, timeout=60)
    compiled = {r["target"]: r["value"] for r in json.loads(out.stdout)
                if r["period"] == "2024-Q4"}
    for t in targets:
        assert t["actual"] == pytest.approx(compiled[t["id"]]), t["id"]


def test_the_faults_are_seeded_where_it_says(bench: ModuleType, tmp_path: Path) -> None:
    _, _, actuals = bench.generate_units("province", tmp_path, random.Random(bench.SEED))
    seeded = tmp_path / "actuals_seeded.csv"
    at = bench.seed_faults(actuals, seeded)
    before = actuals.read_text("utf-8").splitlines()
    after = seeded.read_text("utf-8").splitlines()
    n = len(before)
    assert len(after) == n
    assert at == {"duplicate": 3, "period-missing": n // 3, "period-format": n // 2,
                  "value-missing": 2 * n // 3, "value-number": n}
    changed = {i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b}
    assert changed == set(at.values())
    assert after[2] == ",".join(before[1].split(",")[:3] + ["7.77"])
    assert after[n // 3 - 1].split(",")[2] == ""
    assert after[n // 2 - 1].split(",")[2] == "2024-Q5"
    assert after[2 * n // 3 - 1].split(",")[3] == ""
    assert after[-1].split(",")[3] == "abc"


def test_hauloc_finds_the_seeded_faults_but_the_empty_value(bench: ModuleType,
                                                            tmp_path: Path) -> None:
    _, plan, actuals = bench.generate_units("province", tmp_path, random.Random(bench.SEED))
    seeded = tmp_path / "actuals_seeded.csv"
    at = bench.seed_faults(actuals, seeded)
    result = CliRunner().invoke(app, ["check", str(seeded), "--targets", str(plan),
                                      "--format", "json"])
    assert result.exit_code == 3
    found = bench.hauloc_found(result.stderr, str(seeded))
    assert sorted(found) == sorted([(3, "duplicate-row"), (at["period-missing"], "bad-period"),
                                    (at["period-format"], "bad-period"),
                                    (at["value-number"], "bad-number")])
    cells, others = bench.by_line(found, at)
    # an empty value is a figure not reported (README, Actuals): no fault for hauloc
    assert cells["value-missing"] == "—" and cells["duplicate"] == "`duplicate-row`"
    assert others == 0


SODA_OUTPUT = """[14:26:04] Soda Core 3.5.6
[14:26:04] Scan summary:
[14:26:04] 5/7 checks PASSED:
[14:26:04]     actuals in bench
[14:26:04]       missing_count(unit) = 0 [PASSED]
[14:26:04] 2/7 checks FAILED:
[14:26:04]     actuals in bench
[14:26:04]       duplicate_count(unit, target, period) = 0 [FAILED]
[14:26:04]         check_value: 2
[14:26:04]       invalid_count(value) = 0 [FAILED]
[14:26:04]         check_value: 1
[14:26:04] Oops! 2 failures. 0 warnings. 0 errors. 5 pass.
"""


def test_the_soda_summary_is_read(bench: ModuleType) -> None:
    assert bench.soda_found(SODA_OUTPUT) == {"duplicate_count(unit, target, period) = 0": "2",
                                             "invalid_count(value) = 0": "1"}
    cells, others = bench.soda_cells(SODA_OUTPUT)
    assert cells == {"duplicate": "`duplicate_count(unit, target, period)` = 2",
                     "period-missing": "—", "period-format": "—", "value-missing": "—",
                     "value-number": "`invalid_count(value)` = 1"}
    assert others == 0
    assert bench.soda_passed(SODA_OUTPUT) is not None
    assert bench.soda_passed("[14:26:04] 7/7 checks PASSED: ") is None


def test_the_peers_reports_are_read_by_line(bench: ModuleType) -> None:
    friction = json.dumps({"valid": False, "tasks": [{"stats": {"rows": 9}, "errors": [
        {"rowNumber": 3, "type": "primary-key"}, {"rowNumber": 9, "type": "type-error"},
        {"type": "blank-header"}]}]})
    assert bench.frictionless_found(friction) == [(3, "primary-key"), (9, "type-error"),
                                                  (0, "blank-header")]
    pandera = json.dumps({"rows": 9, "failures": [
        {"column": "unit", "check": "uniq", "line": 3}, {"column": "period", "check": "uniq",
                                                          "line": 3},
        {"column": "value", "check": "not_nullable", "line": 7}]})
    found = bench.pandera_found(pandera)
    assert sorted(found) == [(3, "period, unit: uniq"), (7, "value: not_nullable")]
    at = {"duplicate": 3, "period-missing": 4, "period-format": 5, "value-missing": 7,
          "value-number": 9}
    cells, others = bench.by_line(found + [(2, "uniq")], at)
    assert cells["duplicate"] == "`period, unit: uniq`" and cells["period-missing"] == "—"
    assert others == 1
    assert bench.frictionless_read(9)(friction) is not None  # not valid
    valid = json.dumps({"valid": True, "tasks": [{"stats": {"rows": 8}, "errors": []}]})
    assert bench.frictionless_read(8)(valid) is None
    assert bench.frictionless_read(9)(valid) == "valid True, 8 rows"


class _Dist:
    def __init__(self, extras: list[str], requires: list[str]) -> None:
        self.version = "9.9"
        self.requires = requires
        self.metadata = type("M", (), {"get_all": lambda _, key: extras})()


@pytest.mark.parametrize(("extras", "installed", "name", "says"), [
    ([], {}, "hauloc", "default install (it has no `fast` extra)"),
    ([], {"in pyproject": ""}, "hauloc", "defines a `fast` extra that this install predates"),
    (["fast"], {}, "hauloc", "its `fast` extra is not installed (missing: polars)"),
    (["fast"], {"polars": "1.2"}, "hauloc[fast]", "with its `fast` extra (polars 1.2)"),
])
def test_the_bench_says_which_install_it_runs(bench: ModuleType,
                                              monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path, extras: list[str],
                                              installed: dict[str, str], name: str,
                                              says: str) -> None:
    dist = _Dist(extras, ['pytest>=8; extra == "test"', 'polars>=1.0; extra == "fast"'])
    monkeypatch.setattr(bench.metadata, "distribution", lambda _: dist)

    def version(dist_name: str) -> str:
        if dist_name not in installed:
            raise bench.metadata.PackageNotFoundError(dist_name)
        return installed[dist_name]

    monkeypatch.setattr(bench.metadata, "version", version)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "hauloc"\n[project.optional-dependencies]\n'
                         + ('fast = ["polars>=1.0"]\n' if "in pyproject" in installed
                            else 'test = ["pytest"]\n'), encoding="utf-8")
    got = bench.hauloc_install(pyproject)
    assert got[0] == name and says in got[1]


def test_the_soda_checks_file_holds_every_check(bench: ModuleType, tmp_path: Path) -> None:
    import yaml

    paths = bench.write_programs(tmp_path)
    checks = yaml.safe_load(paths["checks.yml"].read_text("utf-8"))["checks for actuals"]
    names = [c if isinstance(c, str) else next(iter(c)) for c in checks]
    assert names == list(bench.SODA_CHECKS)
    assert {"invalid_count(period) = 0": {"valid regex": r"^\d{4}-Q[1-4]$"}} in checks
    assert {"invalid_count(value) = 0": {"valid format": "decimal"}} in checks
    config = yaml.safe_load(paths["home/.soda/config.yml"].read_text("utf-8"))
    assert config == {"send_anonymous_usage_stats": False}

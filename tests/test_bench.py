"""The bench (`python -m bench`): its data (seeded, valid, rolled up as the floor rolls it up),
the seeded faults, its floors, and how it reads what hauloc and the peers report."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench import checks, floors, peers, report
from bench.data import SEED, generate_units, seed_faults
from hauloc_cli.cli import app


def test_the_province_is_seeded(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = generate_units("province", tmp_path / "a", random.Random(SEED))
    second = generate_units("province", tmp_path / "b", random.Random(SEED))
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    table, _, actuals = first
    assert len(table.read_text("utf-8").splitlines()) == 1 + 1 + 166
    rows = len(actuals.read_text("utf-8").splitlines()) - 1
    assert 0.99 * 166 * 30 * 4 <= rows < 166 * 30 * 4


def test_the_province_is_valid_and_rolls_up_as_the_floor_does(tmp_path: Path) -> None:
    table, plan, actuals = generate_units("province", tmp_path, random.Random(SEED))
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
    floor = floors.write(tmp_path)["f_units.py"]
    out = subprocess.run([sys.executable, str(floor), "check", str(actuals), "--targets",
                          str(plan)], capture_output=True, text=True, check=True, timeout=60)
    compiled = {r["target"]: r["value"] for r in json.loads(out.stdout)
                if r["period"] == "2024-Q4"}
    for t in targets:
        assert t["actual"] == pytest.approx(compiled[t["id"]]), t["id"]


def test_the_faults_are_seeded_where_it_says(tmp_path: Path) -> None:
    _, _, actuals = generate_units("province", tmp_path, random.Random(SEED))
    seeded = tmp_path / "actuals_seeded.csv"
    at = seed_faults(actuals, seeded)
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


def test_hauloc_finds_the_seeded_faults_but_the_empty_value(tmp_path: Path) -> None:
    _, plan, actuals = generate_units("province", tmp_path, random.Random(SEED))
    seeded = tmp_path / "actuals_seeded.csv"
    at = seed_faults(actuals, seeded)
    result = CliRunner().invoke(app, ["check", str(seeded), "--targets", str(plan),
                                      "--format", "json"])
    assert result.exit_code == 3
    found = checks.hauloc_found(result.stderr, str(seeded))
    assert sorted(found) == sorted([(3, "duplicate-row"), (at["period-missing"], "bad-period"),
                                    (at["period-format"], "bad-period"),
                                    (at["value-number"], "bad-number")])
    cells, others = checks.by_line(found, at)
    # an empty value is a figure not reported (docs/actuals.md): no fault for hauloc
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


def test_the_soda_summary_is_read() -> None:
    assert checks.soda_found(SODA_OUTPUT) == {"duplicate_count(unit, target, period) = 0": "2",
                                             "invalid_count(value) = 0": "1"}
    cells, others = checks.soda_cells(SODA_OUTPUT)
    assert cells == {"duplicate": "`duplicate_count(unit, target, period)` = 2",
                     "period-missing": "—", "period-format": "—", "value-missing": "—",
                     "value-number": "`invalid_count(value)` = 1"}
    assert others == 0
    assert checks.soda_passed(SODA_OUTPUT) is not None
    assert checks.soda_passed("[14:26:04] 7/7 checks PASSED: ") is None


def test_the_peers_reports_are_read_by_line() -> None:
    friction = json.dumps({"valid": False, "tasks": [{"stats": {"rows": 9}, "errors": [
        {"rowNumber": 3, "type": "primary-key"}, {"rowNumber": 9, "type": "type-error"},
        {"type": "blank-header"}]}]})
    assert checks.frictionless_found(friction) == [(3, "primary-key"), (9, "type-error"),
                                                  (0, "blank-header")]
    pandera = json.dumps({"rows": 9, "failures": [
        {"column": "unit", "check": "uniq", "line": 3}, {"column": "period", "check": "uniq",
                                                          "line": 3},
        {"column": "value", "check": "not_nullable", "line": 7}]})
    found = checks.pandera_found(pandera)
    assert sorted(found) == [(3, "period, unit: uniq"), (7, "value: not_nullable")]
    at = {"duplicate": 3, "period-missing": 4, "period-format": 5, "value-missing": 7,
          "value-number": 9}
    cells, others = checks.by_line(found + [(2, "uniq")], at)
    assert cells["duplicate"] == "`period, unit: uniq`" and cells["period-missing"] == "—"
    assert others == 1
    assert checks.frictionless_read(9)(friction) is not None  # not valid
    valid = json.dumps({"valid": True, "tasks": [{"stats": {"rows": 8}, "errors": []}]})
    assert checks.frictionless_read(8)(valid) is None
    assert checks.frictionless_read(9)(valid) == "valid True, 8 rows"


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
def test_the_bench_says_which_install_it_runs(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path, extras: list[str],
                                              installed: dict[str, str], name: str,
                                              says: str) -> None:
    dist = _Dist(extras, ['pytest>=8; extra == "test"', 'polars>=1.0; extra == "fast"'])
    monkeypatch.setattr(report.metadata, "distribution", lambda _: dist)

    def version(dist_name: str) -> str:
        if dist_name not in installed:
            raise report.metadata.PackageNotFoundError(dist_name)
        return installed[dist_name]

    monkeypatch.setattr(report.metadata, "version", version)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "hauloc"\n[project.optional-dependencies]\n'
                         + ('fast = ["polars>=1.0"]\n' if "in pyproject" in installed
                            else 'test = ["pytest"]\n'), encoding="utf-8")
    got = report.hauloc_install(pyproject)
    assert got[0] == name and says in got[1]


def test_the_soda_checks_file_holds_every_check(tmp_path: Path) -> None:
    import yaml

    paths = peers.write(tmp_path)
    checks = yaml.safe_load(paths["checks.yml"].read_text("utf-8"))["checks for actuals"]
    names = [c if isinstance(c, str) else next(iter(c)) for c in checks]
    assert names == list(peers.SODA_CHECKS)
    assert {"invalid_count(period) = 0": {"valid regex": r"^\d{4}-Q[1-4]$"}} in checks
    assert {"invalid_count(value) = 0": {"valid format": "decimal"}} in checks
    config = yaml.safe_load(paths["home/.soda/config.yml"].read_text("utf-8"))
    assert config == {"send_anonymous_usage_stats": False}


# The bytes every run of the bench has made since issue 14 (the same seed, the same files):
# a change here changes every number in docs/performance.md.
DIGESTS = {
    "plan_1000.yaml": "027b465e9ea9793ed30f78b41d0a12af74ab38e9c4ee2557c2b9aa7f7f2e9fe1",
    "actuals_1000.csv": "5cce69019385dafee5302107623e5aa721994bc67133e54a2ca21f865ba7c912",
    "units_province.csv": "87b86c13501659d926624f815299cf965de2e83b000ce742b327fd0bc7e507f8",
    "plan_province.yaml": "ae2277fe6b62fa781e8dae70c1238bd0cfd98e0fa8dafe259e4eb8805a513e0d",
    "actuals_province.csv": "7bcf4f14c9081934f7cee8457775105412e1532170ff12d261820e209a99713f",
}


def test_the_seed_makes_the_same_bytes_as_ever(tmp_path: Path) -> None:
    import hashlib

    from bench.data import generate

    paths = [*generate(1_000, tmp_path, random.Random(SEED)),
             *generate_units("province", tmp_path, random.Random(SEED))]
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths} == DIGESTS


def test_f_table_is_f_json_with_a_table_for_output() -> None:
    """The two floors differ in their docstring, their output and nothing else (F-table keeps
    F-json's imports and result, unused, so that it does the same work before it prints)."""
    def body(name: str) -> list[str]:
        text = (floors.HERE / name).read_text("utf-8")
        text = text.split('"""', 2)[2]  # past the docstring
        head, rest = text.split("    # The output", 1)
        tail = rest.split("    # (End of the output.)", 1)[1]
        return [line.split("  # noqa")[0] for line in (head + tail).splitlines()]

    assert body("f_json.py") == body("f_table.py")

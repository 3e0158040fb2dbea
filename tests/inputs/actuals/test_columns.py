"""The columnar path (`inputs/actuals/columns.py`, the `fast` extra) says exactly what the row
path says: every output of `check`, byte for byte, with `HAULOC_COLUMNS=on` (columns at any
size) and `off` (the row checker alone), over generated files with units (good and broken),
the corpus of real files, and the bench's files.

Without polars both runs take the row path and the comparison proves nothing, so the tests
skip; `.ci/run` installs the extra and sets HAULOC_REQUIRE_FAST=1, which makes them fail
instead of skipping when polars is missing.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bench.data import SEED, generate_units
from hauloc_cli.cli import app
from hauloc_cli.inputs.actuals import columns
from hauloc_cli.inputs.actuals.read import read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.units_file import units_for_plan
from tests.conftest import ASSETS, PLAN_2024

if columns.engine() is None:
    if os.environ.get("HAULOC_REQUIRE_FAST") == "1":
        raise RuntimeError("HAULOC_REQUIRE_FAST=1 but polars is not installed: "
                           "pip install -e '.[fast]'")
    pytest.skip("polars is not installed (the fast extra)", allow_module_level=True)

FORMATS = (["--format", "json"], [], ["--format", "csv"], ["--by-unit"])

UNITS = """id,name,parent,kind,population
r,Tỉnh,,province,
d1,Huyện 1,r,district,
d2,Huyện 2,r,district,
x1,Xã 1,d1,commune,1000
x2,Xã 2,d1,commune,2000
x3,Xã 3,d2,commune,3000
x4,Xã 4,d2,commune,4000
"""
PLAN = """units: units.csv
plan:
  id: cols
  name: Columns
  year: 2024
targets:
  - {id: sum, name: S, kind: cumulative, direction: at_least, target: 400, unit: items,
     rollup: sum, min_coverage: 0.5}
  - {id: mean, name: M, kind: level, direction: at_least, target: 60, unit: "%",
     rollup: weighted_mean, weight: population, min_coverage: 0.5}
  - {id: share, name: H, kind: level, direction: at_least, target: 75, unit: "%",
     rollup: share_meeting, threshold: 50, min_coverage: 0.5}
  - {id: count, name: C, kind: cumulative, direction: at_least, target: 2, unit: items,
     rollup: count_meeting, threshold: 1}
  - {id: done, name: D, kind: milestone, deadline: 2024-12-31, rollup: share_meeting}
  - {id: mine, name: A, kind: cumulative, direction: at_least, target: 50, unit: items,
     rollup: sum, assign: {x1: 20, x2: 10, x3: 10, x4: 10}}
  - {id: lone, name: L, kind: annual, direction: at_least, target: 10, unit: items,
     compare_last_year: true}
"""

UNIT_CELLS = ["x1", "x2", "x3", "x4", "d1", "r", "", " x1", "X9", "x2 "]
# `S` names a target (a row the row path reads); months to date, a month alone and an
# estimate (issue 22) beside the quarters.
TARGET_CELLS = ["sum", "mean", "share", "count", "done", "mine", "lone", "sum ", "nope", "S"]
PERIOD_CELLS = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "Q2", "6 tháng", "2023-Q4",
                "2024-Q5", "", "Quý III/2024", "2024-10", "10 tháng", "tháng 11",
                "ước tháng 12", "2024-01"]
VALUE_CELLS = ["12", "12.5", "55", "95%", "1.234", "abc", "", "-1", "1e3", "0", "1", "100",
               "5000", " 7", "+3", "007", "12.345", "đạt"]
ROW = st.tuples(st.sampled_from(UNIT_CELLS), st.sampled_from(TARGET_CELLS),
                st.sampled_from(PERIOD_CELLS), st.sampled_from(VALUE_CELLS)).map(",".join)
ODD = st.sampled_from(["", '"x1",sum,2024-Q1,5', "x1,sum,2024-Q1,5,extra", "x1,sum",
                       "x3,count,2024-Q2,1,", ",,,", "x4,sum,2024-Q4,9\r"])
LINES = st.lists(st.one_of(ROW, ROW, ROW, ODD), min_size=1, max_size=25)


def _outputs(args: list[str]) -> list[tuple[int, str, str]]:
    """Every format's exit code, stdout and stderr, on each path."""
    found = []
    for setting in ("off", "on"):
        for fmt in FORMATS:
            result = CliRunner().invoke(app, [*args, *fmt, "--fail-on", "never"],
                                        env={"HAULOC_COLUMNS": setting, "NO_COLOR": "1",
                                             "COLUMNS": "100"})
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                result.exception)
            found.append((result.exit_code, result.stdout, result.stderr))
    return found


def assert_same(args: list[str]) -> None:
    found = _outputs(args)
    half = len(found) // 2
    assert found[:half] == found[half:]


def _folder(tmp: Path, lines: list[str], header: str = "unit,target,period,value") -> Path:
    (tmp / "units.csv").write_text(UNITS, encoding="utf-8")
    (tmp / "plan.yaml").write_text(PLAN, encoding="utf-8")
    actuals = tmp / "actuals.csv"
    actuals.write_bytes(("\n".join([header, *lines]) + "\n").encode("utf-8"))
    return actuals


@settings(max_examples=120, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(LINES)
@pytest.mark.slow
def test_generated_files_with_units_say_the_same_on_both_paths(
        tmp_path: Path, lines: list[str]) -> None:
    actuals = _folder(tmp_path, lines)
    assert_same(["check", str(actuals), "--targets", str(tmp_path / "plan.yaml")])


CASES = {
    "every row vouched for": ["x1,sum,2024-Q1,5", "x2,sum,2024-Q1,7", "x3,sum,2024-Q1,9",
                              "x1,share,2024-Q1,60", "x4,mean,2024-Q2,70"],
    "rows the row checker reads (6 tháng, 95%, a padded unit)": [
        "x1,sum,2024-Q1,5", "x2,sum,6 tháng,7", "x3,mean,2024-Q2,95%", " x4,sum,2024-Q2,3"],
    "a duplicate across the paths (95 and 95%)": ["x1,mean,2024-Q2,95", "x1,mean,Q2,95%"],
    "a duplicate in two spellings of a period": ["x1,sum,2024-Q2,5", "x1,sum,6 tháng,6"],
    "a duplicate of vouched rows": ["x1,sum,2024-Q2,5", "x2,sum,2024-Q2,5", "x1,sum,2024-Q2,6"],
    "problems on both kinds of row": ["x1,sum,2024-Q1,5", "X9,sum,2024-Q1,5",
                                      "x2,nope,2024-Q1,5", "x3,sum,2024-Q5,1"],
    "the plan unit's own figures and a typo": ["r,sum,2024-Q1,500", "x1,sum,2024-Q1,5",
                                               ",count,2024-Q1,1", "x2,mean,2024-Q1,1.234"],
    "an assignment of the unit's own, a milestone, last year": [
        "x1,mine,2024-Q1,5", "x2,mine,2024-Q1,6", "x1,done,2024-Q1,1", "r,lone,2023-Q4,4",
        "r,lone,2024-Q4,6"],
    "a blank line (line numbers: the row path)": ["x1,sum,2024-Q1,5", "", "x1,sum,2024-Q1,6"],
    "a quoted cell (the row path)": ['"x1",sum,2024-Q1,5', "x1,sum,2024-Q1,6"],
    "an extra field (the row path)": ["x1,sum,2024-Q1,5", "x1,sum,2024-Q2,6,7"],
    "months of one quarter, and a month twice": [
        "x1,sum,2024-10,5", "x1,sum,2024-11,6", "x2,sum,10 tháng,7", "x2,sum,2024-10,8"],
    # months alone, compiled after the rows: a state's month (hypothesis found it lost on the
    # columnar path) and a flow's months beside vouched rows
    "a state's month alone": ["x1,mean,tháng 11,12"],
    "a flow's months alone beside vouched rows": [
        "x1,sum,tháng 1,5", "x1,sum,tháng 2,6", "x2,sum,2024-02,9", "x3,mean,2024-02,70"],
    "short rows and empty values": ["x1,sum", "x2,sum,2024-Q1,", ",,,", "x3,sum,2024-Q1,4"],
}


@pytest.mark.parametrize("lines", list(CASES.values()), ids=list(CASES))
def test_crafted_files_say_the_same_on_both_paths(tmp_path: Path, lines: list[str]) -> None:
    actuals = _folder(tmp_path, lines)
    assert_same(["check", str(actuals), "--targets", str(tmp_path / "plan.yaml")])


def test_the_columns_vouch_for_the_clean_rows_and_hand_the_rest(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    """Not only the same answer: the columnar path did read the file (a row path that
    answered alone would pass the comparisons too)."""
    actuals = _folder(tmp_path, CASES["rows the row checker reads (6 tháng, 95%, a padded unit)"])
    plan = load_plan(tmp_path / "plan.yaml")
    units = units_for_plan(plan, tmp_path / "plan.yaml", None)
    handed: list[int] = []
    real = columns._hand

    def spy(checker: object, rows: list[tuple[object, ...]], *args: object) -> int:
        handed.extend(int(r[0]) for r in rows)  # type: ignore[call-overload]
        return real(checker, rows, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(columns, "_hand", spy)
    monkeypatch.setenv("HAULOC_COLUMNS", "on")
    from hauloc_cli.inputs.actuals.read import ReadOptions

    data = read_actuals(actuals, plan, ReadOptions(units=units))
    # 95% and ' x4' are the row checker's; 6 tháng is read once by the period reader and
    # vouched for in columns, as are the plain rows
    assert handed == [4, 5]
    assert data.by_unit["x1"].of("sum")[next(iter(data.by_unit["x1"].of("sum")))].line == 2
    assert data.rows == 4


CORPUS = sorted(p for p in ASSETS.iterdir() if p.suffix in (".csv", ".txt")
                and p.name.startswith("actuals."))


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_the_corpus_says_the_same_on_both_paths(path: Path) -> None:
    """The bad-file and producer corpus (plan-unit files: the gate sends them to the row
    path, which must stay exactly as it was), with the shipped plan and its units."""
    assert_same(["check", str(path), "--targets", str(PLAN_2024)])


@pytest.mark.parametrize("name", ["province", "linear"])
def test_the_bench_files_say_the_same_on_both_paths(tmp_path: Path, name: str) -> None:
    _, plan, actuals = generate_units(name, tmp_path, random.Random(SEED))
    assert_same(["check", str(actuals), "--targets", str(plan)])


@pytest.mark.slow
@pytest.mark.parametrize("name", ["national", "million"])
def test_the_big_bench_files_say_the_same_on_both_paths(tmp_path: Path, name: str) -> None:
    _, plan, actuals = generate_units(name, tmp_path, random.Random(SEED))
    found = []
    for setting in ("off", "on"):
        result = CliRunner().invoke(app, ["check", str(actuals), "--targets", str(plan),
                                          "--format", "json", "--fail-on", "never"],
                                    env={"HAULOC_COLUMNS": setting})
        found.append((result.exit_code, result.stdout, result.stderr))
    assert found[0] == found[1]

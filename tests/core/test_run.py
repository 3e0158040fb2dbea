"""The one pipeline (core/run.py): what every command renders comes from one `run`."""

from __future__ import annotations

from pathlib import Path

import pytest

from hauloc_cli.core.run import Request, run
from hauloc_cli.errors import Code, InputError, OptionError, UsageError
from hauloc_cli.model.periods import Period
from hauloc_cli.rules.status import Status
from tests.conftest import EXAMPLE, PLAN_2024

PLAN = """plan: {id: d, name: D, year: 2024}
units: units.yaml
targets:
  - {id: schools, name: Schools, kind: cumulative, target: 8, rollup: sum}
  - {id: water, name: Water, kind: level, target: 90, unit: '%', rollup: mean}
"""
UNITS = """units:
  - {id: d, name: District, kind: district}
  - {id: a, name: A, kind: commune, parent: d}
  - {id: b, name: B, kind: commune, parent: d}
"""


def files(tmp_path: Path, **texts: str) -> Path:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "units.yaml").write_text(UNITS, encoding="utf-8")
    for name, text in texts.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    return tmp_path / "plan.yaml"


def test_the_example_is_judged_at_its_latest_period() -> None:
    outcome = run(Request([EXAMPLE], PLAN_2024))
    assert outcome.period == outcome.data_end == Period.at_quarter(2024, 3)
    assert outcome.units is None
    assert outcome.at(Period.at_quarter(2024, 3)) is outcome.report
    # the brief's quarters are the outcome's own judgements
    assert outcome.brief.report is outcome.report


def test_earlier_periods_apply_min_coverage_too(tmp_path: Path) -> None:
    """Q1: a and b report 1 school each (sum 2, E = 2: achieved? no, 2 of 8, E = 8/4 = 2 → on
    track); Q2: only a reports (3): the roll-up of 1 of 2 communes is no data at Q2, in the
    report and in the brief's history alike (never Q1's figure carried: a count is a flow)."""
    plan = files(tmp_path, f="target,period,value,unit\nschools,Q1,1,a\nschools,Q1,1,b\n"
                             "schools,Q2,3,a\n")
    outcome = run(Request([tmp_path / "f.csv"], plan))
    assert outcome.period == Period.at_quarter(2024, 2)
    assert outcome.report.results[0].status is Status.NO_DATA
    assert outcome.at(Period.at_quarter(2024, 1)).results[0].status is Status.ON_TRACK
    history = outcome.brief.items[0].history
    assert [p.verdict for p in history] == ["on_track", "no_data"]
    assert outcome.missing_units() == {"schools": ("b",), "water": ("a", "b")}


def test_the_plan_units_own_row_counts_with_its_id_in_the_unit_cell(tmp_path: Path) -> None:
    plan = files(tmp_path, f="target,period,value,unit\nwater,Q1,88,d\nwater,Q1,80,a\n")
    outcome = run(Request([tmp_path / "f.csv"], plan))
    water = outcome.report.results[1]
    assert (water.actual, water.as_of) == (88.0, Period.at_quarter(2024, 1))
    assert outcome.units is not None and outcome.units.targets["water"].source == "own"


def test_a_revision_across_two_files_is_kept(tmp_path: Path) -> None:
    plan = files(tmp_path, e="target,period,value,unit,status\nwater,Q1,85,,ước\n",
                 o="target,period,value,unit,status\nwater,Q1,86,,chính thức\n")
    outcome = run(Request([tmp_path / "e.csv", tmp_path / "o.csv"], plan))
    assert outcome.report.results[1].actual == 86.0
    [before] = outcome.report.figures.replaced("water", Period.at_quarter(2024, 1))
    assert (before.value, before.file) == (85.0, str(tmp_path / "e.csv"))


def test_two_equal_figures_in_two_files_are_a_duplicate_naming_both(tmp_path: Path) -> None:
    plan = files(tmp_path, e="target,period,value\nwater,Q1,85\n",
                 o="target,period,value\nwater,Q1,86\n")
    with pytest.raises(InputError) as info:
        run(Request([tmp_path / "e.csv", tmp_path / "o.csv"], plan))
    [problem] = info.value.problems
    assert problem.code is Code.DUPLICATE_ROW
    assert str(tmp_path / "e.csv") in str(problem.message) and problem.file.endswith("o.csv")


def test_a_period_after_the_data_is_warned_and_judged_without_older_flows(
        tmp_path: Path) -> None:
    plan = files(tmp_path, f="target,period,value,unit\nschools,Q1,1,a\nschools,Q1,1,b\n")
    outcome = run(Request([tmp_path / "f.csv"], plan, "2024-Q3"))
    assert [w.code for w in outcome.warnings] == [Code.PERIOD_AFTER_DATA]
    schools = outcome.report.results[0]
    assert (schools.status, schools.actual, schools.as_of) == (
        Status.NO_DATA, 2.0, Period.at_quarter(2024, 1))


def test_bad_options_are_option_errors(tmp_path: Path) -> None:
    plan = files(tmp_path, f="target,period,value\nwater,Q1,85\n")
    with pytest.raises(OptionError) as info:
        run(Request([tmp_path / "f.csv"], plan, "2023-Q1"))
    assert info.value.param == "--period"
    with pytest.raises(OptionError):
        run(Request([tmp_path / "f.csv"], plan), {"HAULOC_DECIMAL": "dot"})
    outcome = run(Request([tmp_path / "f.csv"], plan))
    with pytest.raises(UsageError, match="no unit 'c'"):
        outcome.for_unit("c")
    assert outcome.for_unit("d") is outcome.report

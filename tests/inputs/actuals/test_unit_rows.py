"""The unit column of actuals: units' figures apart from the plan unit's, unknown units."""

from __future__ import annotations

from pathlib import Path

import pytest

from hauloc_cli.errors import InputError
from hauloc_cli.inputs.actuals.read import ReadOptions, read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.units_file import load_units
from hauloc_cli.model.periods import Period
from tests.conftest import ASSETS

PLAN = ("plan: {id: p, year: 2024, unit: d1}\n"
        "targets:\n"
        "  - {id: schools, name: S, kind: cumulative, target: 12, rollup: sum}\n"
        "  - {id: security, name: A, kind: level, target: 100, unit: '%',"
        " rollup: share_meeting}\n")


def read(tmp_path: Path, text: str, name: str = "a.csv"):  # type: ignore[no-untyped-def]
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(PLAN, encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    units = load_units(ASSETS / "units.tree.yaml")
    return read_actuals(path, load_plan(plan_path), ReadOptions(units=units))


def test_rows_with_and_without_a_unit(tmp_path: Path) -> None:
    data = read(tmp_path, "target,period,value,Đơn vị\n"
                          "schools,2024-Q1,3,\n"
                          "schools,2024-Q1,1,a\n"
                          "schools,2024-Q2,5,d1\n"
                          "security,2024-Q1,có,a\n"
                          "security,2024-Q2,không,b\n")
    assert data.figures.values() == {"schools": {1: 3.0, 2: 5.0}}  # d1: the plan unit
    assert data.warnings == ()
    assert {u: f.values() for u, f in data.by_unit.items()} == {
        "a": {"schools": {1: 1.0}, "security": {1: True}},
        "b": {"security": {2: False}},
    }
    (figure,) = data.by_unit["a"].of("schools").values()
    assert (figure.target, figure.unit, figure.line) == ("schools", "a", 3)
    assert figure.period == Period.at_quarter(2024, 1)


def test_an_unknown_unit_and_a_duplicate(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read(tmp_path, "target,period,value,xã\n"
                       "schools,2024-Q1,1,aa\n"
                       "schools,2024-Q1,1,Xã B\n"
                       "schools,2024-Q1,1,a\n"
                       "schools,2024-Q1,2,a\n"
                       "security,2024-Q1,12,a\n")
    name = tmp_path / "a.csv"
    assert [str(p) for p in info.value.problems] == [
        f"{name}:2:4: [unknown-unit] no unit 'aa' in the units file — did you mean 'a' (Xã A)?",
        f"{name}:3:4: [unknown-unit] no unit 'Xã B' in the units file — did you mean 'b' (Xã B)?",
        f"{name}:5: [duplicate-row] a second figure for schools of a in 2024-Q1 (the first is on "
        "line 4) — keep one row per target, unit and quarter",
        f"{name}:6:3: [bad-value] '12' is not yes or no — write yes/no, done/not done, "
        "true/false, 1/0, có/không, đạt/chưa đạt or hoàn thành/chưa hoàn thành",
    ]


def test_without_units_the_unit_column_is_a_reference(tmp_path: Path) -> None:
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(PLAN, encoding="utf-8")
    path = tmp_path / "a.csv"
    path.write_text("target,period,value,unit\nschools,2024-Q1,3,schools\n", encoding="utf-8")
    data = read_actuals(path, load_plan(plan_path))
    assert data.figures.values() == {"schools": {1: 3.0}}
    assert data.by_unit == {}


# A share of units meeting a standard, with no threshold: a unit with an assignment reports a
# number (its own target, 50 for b), the others yes or no (docs/units.md).
WATER = ("  - {id: water, name: W, kind: level, target: 100, unit: '%', rollup: share_meeting,"
         " assign: {b: 50}}\n")


def read_water(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(PLAN + WATER, encoding="utf-8")
    path = tmp_path / "a.csv"
    path.write_text(text, encoding="utf-8")
    units = load_units(ASSETS / "units.tree.yaml")
    return read_actuals(path, load_plan(plan_path), ReadOptions(units=units))


def test_each_unit_reads_the_target_as_its_assignment_makes_it(tmp_path: Path) -> None:
    data = read_water(tmp_path, "unit,target,period,value\n"
                                "a,water,2024-Q1,có\n"     # no assignment: done or not
                                "b,water,2024-Q1,60\n"     # b's own target 50: a number
                                "c,water,2024-Q1,không\n"
                                "d1,water,2024-Q1,99.5\n")  # the plan unit: the plan's level
    assert {u: f.values() for u, f in data.by_unit.items()} == {
        "a": {"water": {1: True}}, "b": {"water": {1: 60.0}}, "c": {"water": {1: False}}}
    assert data.figures.values() == {"water": {1: 99.5}}


def test_a_view_made_for_one_unit_is_not_another_units(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_water(tmp_path, "unit,target,period,value\n"
                             "b,water,2024-Q1,60\n"
                             "a,water,2024-Q1,60\n"     # a reports yes or no
                             "a,water,2024-Q2,có\n"
                             "b,water,2024-Q2,có\n"     # b reports a number
                             "d1,water,2024-Q1,150\n")  # a level in %: at most 100
    found = [(p.where, p.code, str(p.message)) for p in info.value.problems]
    assert found == [
        ("3:4", "bad-value", "'60' is not yes or no"),
        ("5:4", "bad-number", "'có' is not a number"),
        ("6:4", "out-of-range", "150 is not a percentage between 0 and 100"),
    ]


def test_a_unit_written_two_ways_is_one_unit(tmp_path: Path) -> None:
    data = read(tmp_path, "target,period,value,unit\n"
                          "schools,2024-Q1,1,a\n"
                          " schools ,2024-Q2,2, a\n"
                          "schools,2024-Q3,4,a \n")
    assert {u: f.values() for u, f in data.by_unit.items()} == {
        "a": {"schools": {1: 1.0, 2: 2.0, 3: 4.0}}}
    with pytest.raises(InputError) as info:
        read(tmp_path, "target,period,value,unit\nschools,2024-Q1,1,a\nschools,2024-Q1,2, a\n")
    (problem,) = info.value.problems
    assert (problem.where, problem.code) == ("3", "duplicate-row")
    assert str(problem.message) == ("a second figure for schools of a in 2024-Q1 (the first is on "
                               "line 2)")


def test_a_units_figure_out_of_range_names_the_units_row(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read(tmp_path, "target,period,value,unit\nschools,2024-Q1,-5,b\nschools,2024-Q1,-5,\n")
    first, second = info.value.problems
    assert (first.where, first.code, second.where, second.code) == (
        "2:3", "out-of-range", "3:3", "out-of-range")
    assert str(first.message) == "-5 is below 0; schools of b counts up from 0 each year"
    assert str(second.message) == "-5 is below 0; schools counts up from 0 each year"


def test_a_target_cell_holding_the_row_checkers_separator(tmp_path: Path) -> None:
    """A control character in a target cell is an unknown target, with or without units."""
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(PLAN, encoding="utf-8")
    path = tmp_path / "a.csv"
    path.write_text("target,period,value\nschools\x1fb,2024-Q1,5\n", encoding="utf-8")
    with pytest.raises(InputError) as info:  # no units tree: was an assert, a traceback
        read_actuals(path, load_plan(plan_path))
    assert [p.code for p in info.value.problems] == ["unknown-target"]
    with pytest.raises(InputError) as info:  # with one: no unit 'b' column, the same
        read(tmp_path, "target,period,value\nschools\x1fb,2024-Q1,5\n")
    assert [p.code for p in info.value.problems] == ["unknown-target"]


def test_a_units_figure_revised_by_a_later_report(tmp_path: Path) -> None:
    text = ("target,period,value,unit,status,reported\n"
            "schools,2024-Q1,1,a,ước,2024-03-25\n"
            "schools,2024-Q1,2,a,chính thức,2024-04-10\n"
            "schools,2024-Q1,5,,ước,2024-03-25\n")
    data = read(tmp_path, text)
    assert data.by_unit["a"].values() == {"schools": {1: 2.0}}
    assert data.figures.values() == {"schools": {1: 5.0}}
    with pytest.raises(InputError) as info:
        read(tmp_path, text + "schools,2024-Q1,3,a,chính thức,2024-04-10\n")
    (problem,) = info.value.problems
    assert (problem.where, problem.code) == ("5", "duplicate-row")
    assert str(problem.message).startswith("a second figure for schools of a in 2024-Q1 (the first "
                                      "is on line 3)")

"""The unit column of actuals: units' figures apart from the plan unit's, unknown units."""

from __future__ import annotations

from pathlib import Path

import pytest

from hauloc_cli.errors import InputError
from hauloc_cli.inputs.actuals import ReadOptions, read_actuals
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
    assert figure.period == Period(2024, 1)


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
        f"{name}:2:4: [unknown-unit] no unit 'aa' in the units file — did you mean 'a'?",
        f"{name}:3:4: [unknown-unit] no unit 'Xã B' in the units file — did you mean 'b'?",
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

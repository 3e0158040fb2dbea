"""The units tree: ids unique, parents known, no cycles; children, leaves, descendants."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from hauloc_cli.inputs.units_file import load_units
from hauloc_cli.model.plan import Target, unit_target
from hauloc_cli.model.units import Units
from tests.conftest import ASSETS


def tree() -> Units:
    return load_units(ASSETS / "units.tree.yaml")


def test_children_leaves_and_descendants() -> None:
    units = tree()
    assert units.children(None) == ("p",)
    assert units.children("p") == ("d1", "d2")
    assert units.children("a") == ()
    assert units.leaves("p") == ("a", "b", "c", "e", "f")
    assert units.leaves("d2") == ("e", "f")
    assert units.leaves("a") == ()
    assert units.descendants("p") == ("d1", "a", "b", "c", "d2", "e", "f")
    assert units.weight("b", "rural_population") == 120
    assert units.weight("d1", "population") == 500  # its communes' 100 + 300 + 100
    assert units.weight("p", "population") == 550  # d1's 500 and d2's own 50
    assert units.weight("p", "households") is None


@pytest.mark.parametrize(("units", "message"), [
    ([], "at least one unit"),
    ([{"id": "a", "name": "A", "kind": "commune"}] * 2, "unit id 'a' is used twice"),
    ([{"id": "a", "name": "A", "kind": "commune", "parent": "x"}], "parent 'x' is not a unit"),
    ([{"id": "a", "name": "A", "kind": "commune", "parent": "b"},
      {"id": "b", "name": "B", "kind": "district", "parent": "a"}], "its own ancestor"),
    ([{"id": "a", "name": "A", "kind": "village"}], "'district'"),
    ([{"id": "a", "name": "A", "kind": "commune", "weights": {"population": -1}}],
     "greater than or equal to 0"),
])
def test_broken_trees_are_refused(units: list[dict[str, object]], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Units.model_validate({"units": units})


def _target(**extra: object) -> Target:
    return Target.model_validate({"id": "t", "name": "T", "kind": "level", "target": 100,
                                  "unit": "%", **extra})


def test_unit_target_for_each_rule() -> None:
    share = unit_target(_target(rollup="share_meeting"), "a")
    assert (share.kind, share.target, share.measure) == ("milestone", None, None)
    with_threshold = unit_target(_target(rollup="count_meeting", threshold=90), "a")
    assert (with_threshold.kind, with_threshold.target) == ("annual", 90)
    per_unit = _target(rollup="count_meeting", threshold=90, assign={"a": 80})
    assert unit_target(per_unit, "a").target == 80
    assert unit_target(per_unit, "b").target == 90
    assigned = _target(rollup="sum", assign={"a": 30})
    assert unit_target(assigned, "a").target == 30
    assert unit_target(assigned, "b").target == 100
    every = _target(rollup="mean", assign=95)
    assert unit_target(every, "b").target == 95


@pytest.mark.parametrize(("extra", "message"), [
    ({"rollup": "weighted_mean"}, "'weight' is required"),
    ({"rollup": "sum", "weight": "population"}, "'weight' is required"),
    ({"rollup": "sum", "threshold": 3}, "'threshold' applies"),
    ({"rollup": "share_meeting", "min_coverage": 1.5}, "less than or equal to 1"),
    ({"rollup": "median"}, "'share_meeting'"),
])
def test_rollup_keys_are_checked(extra: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _target(**extra)


def test_a_milestone_rolls_up_only_by_meeting() -> None:
    with pytest.raises(ValidationError, match="only by share_meeting"):
        Target.model_validate({"id": "m", "name": "M", "kind": "milestone", "rollup": "sum"})
    with pytest.raises(ValidationError, match="no threshold"):
        Target.model_validate({"id": "m", "name": "M", "kind": "milestone",
                               "rollup": "count_meeting", "threshold": 1})

"""The data-entry template for units: a unit's rows together, as it reports each target."""

from __future__ import annotations

from datetime import date

from hauloc_cli.inputs.units_file import load_units
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from hauloc_cli.views.template import unit_template_rows
from tests.conftest import ASSETS

PLAN = Plan.model_validate({"plan": {"id": "p", "year": 2024}, "targets": [
    {"id": "schools", "name": "S", "kind": "cumulative", "target": 12, "rollup": "sum",
     "assign": {"a": 2}},
    {"id": "security", "name": "A", "kind": "level", "target": 100, "unit": "%",
     "rollup": "share_meeting"},
    {"id": "growth", "name": "G", "kind": "annual", "target": 12, "unit": "%"},
]})


def test_rows_per_leaf_then_the_plan_units_own() -> None:
    units = load_units(ASSETS / "units.tree.yaml")
    rows = unit_template_rows(PLAN, units, "d1", [Period.at_quarter(2024, 1)])
    assert [(r.unit, r.target.id, r.target.kind, r.plan_target) for r in rows] == [
        ("a", "schools", "cumulative", 2.0),       # a's assignment
        ("a", "security", "milestone", date(2024, 12, 31)),  # yes/no: meets the standard
        ("b", "schools", "cumulative", None),      # no assignment: no target of its own
        ("b", "security", "milestone", date(2024, 12, 31)),
        ("c", "schools", "cumulative", None),
        ("c", "security", "milestone", date(2024, 12, 31)),
        ("d1", "growth", "annual", 12.0),          # not rolled up: the plan unit's own
    ]
    assert rows[0].unit_name == "Xã A"
    assert len(unit_template_rows(PLAN, units, "p")) == (5 * 2 + 1) * 4  # 5 leaves, 4 quarters

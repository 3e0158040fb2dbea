"""Target.whole and its default, counts_whole (issue 19, item 8)."""

from __future__ import annotations

from typing import Any

import pytest

from hauloc_cli.model.plan import Target, is_measure


def target(**fields: Any) -> Target:
    return Target.model_validate({"id": "t", "name": "T", "kind": "cumulative", **fields})


@pytest.mark.parametrize(("fields", "whole"), [
    ({"target": 6, "unit": "products"}, True),
    ({"target": 2, "unit": "xã"}, True),
    ({"target": 12, "unit": "trường"}, True),
    ({"target": 6.5, "unit": "products"}, False),          # not a whole number
    ({"target": 12, "unit": "%"}, False),                  # a measure
    ({"target": 69, "unit": "million VND/person/year"}, False),  # a rate, and money
    ({"target": 69, "unit": "triệu đồng/người/năm"}, False),
    ({"target": 500, "unit": "tỷ đồng"}, False),
    ({"target": 100, "unit": "ha"}, False),
    ({"target": 100, "unit": "Tấn"}, False),               # any case
    ({"target": 100, "unit": "kWh"}, False),
    ({"target": 6}, False),                                # no unit: not taken for a count
    ({"target": 6, "unit": "ha", "whole": True}, True),     # the plan says so
    ({"target": 6, "unit": "products", "whole": False}, False),
    ({"kind": "level", "target": 15, "baseline": 10, "unit": "xã"}, True),
    ({"kind": "level", "target": 15, "baseline": 10.5, "unit": "xã"}, False),  # baseline
])
def test_counts_whole(fields: dict[str, Any], whole: bool) -> None:
    assert target(**fields).counts_whole is whole


def test_a_milestone_counts_nothing() -> None:
    assert not Target.model_validate({"id": "m", "name": "M", "kind": "milestone"}).counts_whole


def test_whole_is_strictly_a_boolean() -> None:
    with pytest.raises(ValueError, match="whole"):
        target(target=6, unit="products", whole="yes")


@pytest.mark.parametrize(("unit", "measure"), [
    ("%", True), ("km2", True), ("người/vạn dân", True), ("lượt người", False),
    ("hộ", False), ("sản phẩm", False), ("USD", True),
])
def test_is_measure(unit: str, measure: bool) -> None:
    assert is_measure(unit) is measure

"""render/cells.py and the rounding of derived figures (issue 9)."""

from __future__ import annotations

import pytest

from hauloc_cli.model.periods import Period
from hauloc_cli.render.cells import period_name
from hauloc_cli.render.json import significant


@pytest.mark.parametrize(("x", "rounded"), [
    (2.4 / 3, 0.8),                  # 0.7999999999999999
    (4 / 4.5, 0.888889),
    (4 / 0.75, 5.33333),
    (99.99 / 100, 0.9999),
    (-2.5 / 12, -0.208333),
    (12.0, 12.0),
    (123456789.0, 123457000.0),
    (None, None),
])
def test_significant(x: float | None, rounded: float | None) -> None:
    assert significant(x) == rounded


@pytest.mark.parametrize(("quarter", "vi", "en"), [
    (1, "quý I 2024", "2024-Q1"), (3, "9 tháng 2024", "2024-Q3"), (4, "cả năm 2024", "2024-Q4")])
def test_period_name(quarter: int, vi: str, en: str) -> None:
    period = Period(2024, quarter)
    assert (period_name(period, "vi"), period_name(period, "en")) == (vi, en)
    # at the start of a line (the summary line) the Vietnamese words take a capital
    assert period_name(period, "vi", start=True) == vi[0].upper() + vi[1:]
    assert period_name(period, "en", start=True) == en

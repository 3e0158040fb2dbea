"""render/rounding.py: a ratio beside a status is never rounded across a band edge, and what a
count needs is whole, rounded the honest way (issue 19, items 7 and 8). Expected values worked
by hand."""

from __future__ import annotations

from typing import Any

import pytest

from hauloc_cli.model.plan import StatusBands, Target
from hauloc_cli.render.rounding import (
    band_percent,
    edges,
    expected,
    needed,
    shown_percent,
    sides_of,
    whole,
)

EDGES = edges(StatusBands())  # 0.80, 0.95, 1.00


def test_the_edges_are_the_bands_and_one() -> None:
    assert EDGES == (0.8, 0.95, 1.0)
    assert edges(StatusBands(on_track=0.9, at_risk=0.9)) == (0.9, 1.0)


@pytest.mark.parametrize(("r", "en", "vi"), [
    (0.949, "94.9%", "94,9%"),      # 95 % would say on track beside "at risk"
    (0.9499, "94.99%", "94,99%"),   # 95,0 % too: two decimals are needed
    (0.94999, "94.99%", "94,99%"),  # past two decimals: cut toward its side, not 95,00
    (0.95, "95%", "95%"),           # the edge itself is on track: 95 %
    (0.95 * (1 - 1e-12), "95%", "95%"),  # `same` as 0.95: judged on track, shown so
    (0.9500001, "95%", "95%"),      # above the edge: rounding down to it stays on its side
    (0.8, "80%", "80%"),
    (0.7996, "79.96%", "79,96%"),   # 80 % and 80,0 % would cross the at-risk edge
    (0.79, "79%", "79%"),
    (0.999, "99.9%", "99,9%"),      # not met: never 100 %
    (0.9996, "99.96%", "99,96%"),
    (1.0, "100%", "100%"),
    (1.004, "100%", "100%"),        # above 1 and shown at 1: the same side
    (0.889, "89%", "89%"),          # far from an edge: whole percent as before
    (0.9083, "91%", "91%"),
    (1.333, "133%", "133%"),
    (0.0, "0%", "0%"),
    (-0.5, "-50%", "-50%"),
])
def test_band_percent(r: float, en: str, vi: str) -> None:
    assert band_percent(r, EDGES, "en") == en
    assert band_percent(r, EDGES, "vi") == vi


def test_band_percent_with_the_plans_own_bands() -> None:
    # a plan's on_track of 0.9: 0.899 would read 90 % beside at risk; 0.949 is far from it
    bands = edges(StatusBands(on_track=0.9, at_risk=0.7))
    assert band_percent(0.899, bands, "en") == "89.9%"
    assert band_percent(0.949, bands, "en") == "95%"


@pytest.mark.parametrize(("share", "shown", "decimals"), [
    (0.9083333, 90.8, 1),   # as the annex wrote it
    (0.94999, 94.99, 2),    # 95,0 would cross
    (0.99996, 99.99, 2),    # 100,0 would cross 1 (a target not met); cut at 99,99
    (1.0, 100.0, 1),
])
def test_shown_percent_from_one_decimal(share: float, shown: float, decimals: int) -> None:
    assert shown_percent(share, sides_of(EDGES), decimals=1) == (pytest.approx(shown), decimals)


@pytest.mark.parametrize(("x", "up", "shown"), [
    (2.25, True, 3.0),           # 2,25 products needed: 3
    (2.25, False, 2.0),          # 2,25 allowed: 2
    (2.75, False, 2.0),
    (2.0, True, 2.0),            # whole stays whole, either way
    (2.0, False, 2.0),
    (2.000000001, True, 2.0),    # `same` as 2 (rel_tol 1e-9): 2, not 3
    (1.999999999, False, 2.0),   # `same` as 2: 2, not 1
    (2.00001, True, 3.0),        # not the same as 2: a need of more than 2 is 3
    (1.99999, False, 1.0),
    (0.0, True, 0.0),
    (4.5, True, 5.0),            # 6 products × 0.75
    (0.25, True, 1.0),           # 1 commune × 0.25
])
def test_whole(x: float, up: bool, shown: float) -> None:
    assert whole(x, up=up) == shown


def target(**fields: Any) -> Target:
    return Target.model_validate({"id": "t", "name": "T", **fields})


OCOP = target(kind="cumulative", target=6, unit="products")
ACCIDENTS = target(kind="cumulative", direction="at_most", target=5, unit="vụ")
GROWTH = target(kind="annual", target=12, unit="%")


def test_expected_and_needed_of_a_count() -> None:
    assert expected(OCOP, 4.5) == 5           # at least: up
    assert expected(ACCIDENTS, 3.75) == 3     # at most: what is allowed, down
    assert needed(OCOP, 2.25) == 3
    assert needed(ACCIDENTS, 1.25, allowance=True) == 1


def test_a_measure_is_left_as_it_is() -> None:
    assert expected(GROWTH, 11.25) == 11.25
    assert needed(GROWTH, 1.1) == 1.1

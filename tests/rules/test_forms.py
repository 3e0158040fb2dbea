"""The target forms as resolutions write them (issue 23): a range, about, strict comparisons,
a change from last year's figure, other plan values, and the year-end class exceeded.

Every expected value below was worked out by hand from docs/status.md:
f = q/4; bands on_track 0.95, at_risk 0.80; a range [low, high] is met at its near end (low
for at_least, high for at_most) and exceeded beyond its far end; about: v is the range
v·(1 ∓ tolerance) judged against v; a change is judged, as an annual figure is, against the
level it asks of this year: L·(1 + x/100) for a growth of x %, L + x for x points.
"""

from __future__ import annotations

from typing import Any

import pytest

from hauloc_cli.model.figures import Figure
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import StatusBands, Target
from hauloc_cli.rules.compare import other_shares, plan_share
from hauloc_cli.rules.status import (
    LACKS_GROWTH_BASE,
    LACKS_LAST_YEAR,
    Result,
    Status,
    judge,
    meets,
    verdict,
)

A, OK, R, X, M, N = (Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK,
                    Status.MISSED, Status.NO_DATA)
BANDS = StatusBands()


def target(kind: str, direction: str = "at_least", **fields: Any) -> Target:
    return Target.model_validate({"id": "t", "name": "T", "kind": kind, "direction": direction,
                                  **fields})


def figures(values: dict[int, float], last_year: dict[int, float] | None = None
            ) -> dict[Period, Figure]:
    """This year's (2024) and last year's (2023) figures by quarter."""
    found = {Period.at_quarter(2024, q): Figure("t", Period.at_quarter(2024, q), v)
             for q, v in values.items()}
    for q, v in (last_year or {}).items():
        found[Period.at_quarter(2023, q)] = Figure("t", Period.at_quarter(2023, q), v)
    return found


def judged(t: Target, values: dict[int, float], q: int,
           last_year: dict[int, float] | None = None) -> Result:
    return judge(t, figures(values, last_year), Period.at_quarter(2024, q), BANDS)


RANGE_UP = target("annual", target=[10, 10.5])  # tăng trưởng 10–10,5%
RANGE_COUNT = target("cumulative", target=[10, 12])
ABOUT = target("cumulative", about=8.5)  # khoảng 8,5: 8,075–8,925 with 5 %
ABOUT_10 = target("cumulative", about=8.5, tolerance=0.1)  # 7,65–9,35
ABOUT_DOWN = target("level", "at_most", about=4.5)  # CPI khoảng 4,5%: 4,275–4,725
ABOVE = target("level", target=80, strict=True)  # trên 80%
BELOW = target("level", "at_most", target=4, strict=True)  # dưới 4%
BELOW_COUNT = target("cumulative", "at_most", target=5, strict=True)  # dưới 5 vụ
GROWTH = target("cumulative", target=7, change="percent")  # tăng từ 7% trở lên
GROWTH_BASE = target("annual", target=7, change="percent", base=100)
# tỷ lệ hộ nghèo giảm 1–1,5 điểm % from 3,0: the level asked is 2,0, exceeded below 1,5
POINTS_DOWN = target("level", "at_most", target=[-1.5, -1], change="points", base=3.0)
POINTS = target("level", target=2, change="points")

# (name, target, this year's figures, quarter, last year's, status, E, R, year-end class)
CASES: list[tuple[str, Target, dict[int, float], int, dict[int, float] | None, Status,
                  float | None, float | None, str]] = [
    ("range met at its near end", RANGE_UP, {4: 10}, 4, None, A, 10, 1.0, "met"),
    ("range within", RANGE_UP, {4: 10.3}, 4, None, A, 10, 1.03, "met"),
    ("range at its far end: met", RANGE_UP, {4: 10.5}, 4, None, A, 10, 1.05, "met"),
    ("range beyond its far end: exceeded", RANGE_UP, {4: 10.6}, 4, None, A, 10, 1.06,
     "exceeded"),
    ("range below its near end: missed", RANGE_UP, {4: 9.9}, 4, None, M, 10, 0.99, "missed"),
    ("range before the end, R = 0.96", RANGE_UP, {2: 9.6}, 2, None, OK, 10, 0.96, "on_track"),
    ("range before the end, met", RANGE_UP, {2: 10.2}, 2, None, OK, 10, 1.02, "on_track"),
    ("range of a count paced at its near end", RANGE_COUNT, {2: 4.5}, 2, None, R, 5, 0.9,
     "at_risk"),
    ("range of a count reached early, kept", RANGE_COUNT, {1: 10}, 4, None, A, 10, 1.0, "met"),
    ("range of a count beyond", RANGE_COUNT, {4: 13}, 4, None, A, 10, 1.3, "exceeded"),
    ("about at its near end", ABOUT, {4: 8.075}, 4, None, A, 8.5, 8.075 / 8.5, "met"),
    ("about within", ABOUT, {4: 8.1}, 4, None, A, 8.5, 8.1 / 8.5, "met"),
    ("about at its far end", ABOUT, {4: 8.925}, 4, None, A, 8.5, 1.05, "met"),
    ("about beyond", ABOUT, {4: 9}, 4, None, A, 8.5, 9 / 8.5, "exceeded"),
    ("about below", ABOUT, {4: 8}, 4, None, M, 8.5, 8 / 8.5, "missed"),
    ("about paced against its value", ABOUT, {2: 4}, 2, None, R, 4.25, 4 / 4.25, "at_risk"),
    ("about with its own tolerance", ABOUT_10, {4: 7.7}, 4, None, A, 8.5, 7.7 / 8.5, "met"),
    ("about a ceiling, within", ABOUT_DOWN, {4: 4.7}, 4, None, A, 4.5, 4.5 / 4.7, "met"),
    ("about a ceiling, beyond", ABOUT_DOWN, {4: 4.2}, 4, None, A, 4.5, 4.5 / 4.2, "exceeded"),
    ("about a ceiling, over", ABOUT_DOWN, {4: 4.8}, 4, None, M, 4.5, 4.5 / 4.8, "missed"),
    ("above: equal does not meet", ABOVE, {4: 80}, 4, None, M, 80, 1.0, "missed"),
    ("above: beyond meets and exceeds", ABOVE, {4: 80.1}, 4, None, A, 80, 80.1 / 80,
     "exceeded"),
    ("above: equal before the end, R = 1", ABOVE, {2: 80}, 2, None, OK, 80, 1.0, "on_track"),
    ("below: equal does not meet", BELOW, {4: 4}, 4, None, M, 4, 1.0, "missed"),
    ("below: under meets", BELOW, {4: 3.9}, 4, None, A, 4, 4 / 3.9, "exceeded"),
    ("below a count: equal is over it", BELOW_COUNT, {2: 5}, 2, None, M, 2.5, 0.5, "missed"),
    ("below a count: under, paced", BELOW_COUNT, {2: 4}, 2, None, X, 2.5, 0.625, "off_track"),
    ("growth met before the end", GROWTH, {2: 107}, 2, {2: 100}, OK, 107, 1.0, "on_track"),
    ("growth R = 106/107", GROWTH, {2: 106}, 2, {2: 100}, OK, 107, 106 / 107, "on_track"),
    ("growth at risk", GROWTH, {2: 101}, 2, {2: 100}, R, 107, 101 / 107, "at_risk"),
    ("growth of the year met", GROWTH, {4: 214}, 4, {2: 100, 4: 200}, A, 214, 1.0, "met"),
    ("growth of the year exceeded", GROWTH, {4: 220}, 4, {4: 200}, A, 214, 220 / 214,
     "exceeded"),
    ("growth of the year missed", GROWTH, {4: 210}, 4, {4: 200}, M, 214, 210 / 214, "missed"),
    ("growth from base, not the actuals", GROWTH_BASE, {4: 107}, 4, {4: 200}, A, 107, 1.0,
     "met"),
    ("points: a fall to the level asked", POINTS_DOWN, {4: 2.0}, 4, None, A, 2.0, 1.0, "met"),
    ("points: a fall to the far end", POINTS_DOWN, {4: 1.5}, 4, None, A, 2.0, 2 / 1.5, "met"),
    ("points: beyond the far end", POINTS_DOWN, {4: 1.4}, 4, None, A, 2.0, 2 / 1.4,
     "exceeded"),
    ("points: not down enough", POINTS_DOWN, {4: 2.1}, 4, None, M, 2.0, 2 / 2.1, "missed"),
    ("points: at risk", POINTS_DOWN, {2: 2.3}, 2, None, R, 2.0, 2 / 2.3, "at_risk"),
    ("points: R = 0.8 is at risk", POINTS_DOWN, {2: 2.5}, 2, None, R, 2.0, 0.8, "at_risk"),
    ("points: off track", POINTS_DOWN, {2: 2.6}, 2, None, X, 2.0, 2 / 2.6, "off_track"),
    ("points from last year's 0", POINTS, {4: 2}, 4, {4: 0}, A, 2, 1.0, "met"),
]


@pytest.mark.parametrize(("name", "t", "values", "q", "last", "status", "expected", "ratio",
                          "year_end"), CASES, ids=[c[0] for c in CASES])
def test_forms(name: str, t: Target, values: dict[int, float], q: int,
               last: dict[int, float] | None, status: Status, expected: float | None,
               ratio: float | None, year_end: str) -> None:
    result = judged(t, values, q, last)
    assert result.status is status
    assert result.expected == pytest.approx(expected)
    assert result.ratio == pytest.approx(ratio, rel=1e-9)
    assert verdict(result, Period.at_quarter(2024, q)) == year_end


def test_a_change_keeps_the_base_it_was_measured_from() -> None:
    assert judged(GROWTH, {2: 107}, 2, {2: 100}).base == 100
    assert judged(GROWTH_BASE, {2: 107}, 2).base == 100
    assert judged(POINTS_DOWN, {2: 2.3}, 2).base == 3.0
    assert judged(RANGE_UP, {2: 9.6}, 2).base is None


def test_a_change_without_last_years_figure_is_no_data_never_against_zero() -> None:
    result = judged(GROWTH, {2: 107}, 2, {1: 90})  # last year's Q1, not Q2
    assert (result.status, result.actual, result.as_of, result.lacks, result.base) == (
        N, 107, Period.at_quarter(2024, 2), LACKS_LAST_YEAR, None)
    assert result.expected is None and result.ratio is None


@pytest.mark.parametrize("last", [0, -5])
def test_a_growth_in_percent_from_zero_or_below_is_no_data(last: float) -> None:
    result = judged(GROWTH, {4: 10}, 4, {4: last})
    assert (result.status, result.lacks, result.base) == (N, LACKS_GROWTH_BASE, last)
    assert verdict(result, Period.at_quarter(2024, 4)) == "no_data"


def test_a_change_of_a_count_is_not_carried_nor_decided() -> None:
    # Q1 met its level (107 against 100·1.07) but a change is judged as an annual figure:
    # it decides nothing, and a count so far does not stand in for Q2.
    result = judged(GROWTH, {1: 107}, 2, {1: 100, 2: 200})
    assert (result.status, result.actual, result.as_of) == (N, 107, Period.at_quarter(2024, 1))


@pytest.mark.parametrize(("t", "a", "met"), [
    (RANGE_UP, 10, True), (RANGE_UP, 9.99, False),
    (ABOVE, 80, False), (ABOVE, 80.01, True), (BELOW, 4, False), (BELOW, 3.99, True),
    (ABOUT, 8.075, True), (ABOUT, 8.07, False), (ABOUT_DOWN, 4.725, True),
    (ABOUT_DOWN, 4.73, False),
    (target("annual", "at_most", target=[1, 2]), 2, True),
    (target("annual", "at_most", target=[1, 2]), 2.01, False),
])
def test_meets(t: Target, a: float, met: bool) -> None:
    assert meets(t, a) is met


def test_ends() -> None:
    assert RANGE_UP.ends() == (10, 10.5)
    assert target("annual", "at_most", target=[1, 2]).ends() == (2, 1)
    assert ABOUT_10.ends() == pytest.approx((7.65, 9.35))
    assert ABOUT_DOWN.ends() == pytest.approx((4.725, 4.275))
    assert ABOVE.ends() == (80, 80)


def test_other_plans_each_get_their_ratio() -> None:
    # thu ngân sách 1.357 against the commune's 1.000 and the province's 428: 135,7 % and 317 %
    t = target("cumulative", target=1000, set_by="KH xã giao",
               other_plans=[{"by": "KH tỉnh giao", "target": 428}])
    assert plan_share(t, 1357) == pytest.approx(1.357)
    assert other_shares(t, 1357) == pytest.approx((1357 / 428,))
    assert round(1357 / 428, 2) == 3.17
    assert other_shares(t, None) == (None,)
    assert other_shares(t, True) == (None,)
    assert other_shares(target("cumulative", target=3), 2) == ()

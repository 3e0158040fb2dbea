"""The term rules (rules/term.py), every kind and boundary, with values worked by hand.

The plan: base year 2025, term 2026–2030 (N = 5 years), bands on_track 0.95, at_risk 0.80.
"""

from __future__ import annotations

from typing import Any

import pytest

from hauloc_cli.model.figures import Figure, FigureStatus
from hauloc_cli.model.periods import Period
from hauloc_cli.model.term import TermPlan
from hauloc_cli.rules.status import Status
from hauloc_cli.rules.term import (
    below_term,
    elapsed,
    evaluate_term,
    judge_term,
    required_rate,
    term_share,
)

A = pytest.approx


def plan(**target: Any) -> TermPlan:
    return TermPlan.model_validate({
        "plan": {"id": "t", "term": "2026-2030"},
        "targets": [{"id": "x", "name": "X", **target}]})


def fig(year: int, value: float | bool, quarter: int = 4, est: bool = False) -> Figure:
    return Figure("x", Period.at_quarter(year, quarter), value,
                  status=FigureStatus.ESTIMATE if est else None)


def judged(p: TermPlan, *figures: Figure) -> Any:
    return judge_term(p, p.targets[0], {f.period.year: f for f in figures})


def test_the_required_rate_worked_on_paper() -> None:
    # 1.1² = 1.21, 1.1³ = 1.331, 1.1⁴ = 1.4641, 1.1⁵ = 1.61051: from 100 to 161.051 in five
    # years is 10 % a year, (161.051 / 100)^(1/5) − 1 = 1.1 − 1 = 0.1.
    assert required_rate(161.051, 100, 5) == A(0.1)
    # Thanh Hóa's GRDP per person, 3,505 USD (2025) to 7,900 USD (2030): 7900 / 3505 =
    # 2.25392; 1.176⁵ = 2.2478 and 1.177⁵ = 2.2574 bracket it, so the rate is 17.6 %
    # to one decimal (the "cần tăng bình quân 17,6%/năm").
    rate = required_rate(7900, 3505, 5)
    assert rate is not None and 0.176 < rate < 0.177
    assert required_rate(100, 100, 0) is None  # no time left


def test_time_is_counted_from_the_end_of_the_base_year() -> None:
    assert elapsed(fig(2027, 1), 2025) == 2  # the whole of 2026 and 2027
    assert elapsed(fig(2026, 1, quarter=3), 2025) == 0.75  # nine months of 2026
    assert elapsed(fig(2026, 1, quarter=2), 2025) == 0.5


LEVEL = {"kind": "level", "target": 161.051, "base": 100}


@pytest.mark.parametrize(("figures", "status", "achieved", "ratio"), [
    # 121 at t = 2: (1.21)^(1/2) − 1 = 0.1, against r* = 0.1: ratio 1
    ([fig(2027, 121)], Status.ON_TRACK, 0.1, 1.0),
    # 109.5 at t = 1: 0.095 / 0.1 = 0.95, the on_track boundary (inclusive)
    ([fig(2026, 109.5)], Status.ON_TRACK, 0.095, 0.95),
    # 109 at t = 1: 0.09 / 0.1 = 0.9: at risk
    ([fig(2026, 109)], Status.AT_RISK, 0.09, 0.9),
    # 108 at t = 1: 0.08 / 0.1 = 0.8, the at_risk boundary (inclusive)
    ([fig(2026, 108)], Status.AT_RISK, 0.08, 0.8),
    # 105 at t = 1: 0.05 / 0.1 = 0.5: off track
    ([fig(2026, 105)], Status.OFF_TRACK, 0.05, 0.5),
    # six months of 2026 (t = 0.5) at 105: 1.05² − 1 = 0.1025, ratio 1.025
    ([fig(2026, 105, quarter=2, est=True)], Status.ON_TRACK, 0.1025, 1.025),
    # the target reached before its year: achieved
    ([fig(2026, 110), fig(2028, 161.051)], Status.ACHIEVED, None, None),
    # the whole of 2030 below the target: missed (150 at t = 5: 1.5^(1/5) − 1)
    ([fig(2030, 150)], Status.MISSED, 1.5 ** 0.2 - 1, (1.5 ** 0.2 - 1) / 0.1),
    # nine months of 2030 below it: not yet over, judged in the bands: t = 4.75,
    # ln 1.5 = 0.4055, / 4.75 = 0.0854, e^0.0854 = 1.0891: 0.0891 / 0.1 = 0.891, at risk
    ([fig(2030, 150, quarter=3)], Status.AT_RISK, 1.5 ** (1 / 4.75) - 1,
     (1.5 ** (1 / 4.75) - 1) / 0.1),
])
def test_a_level_is_judged_on_the_compound_path(figures: list[Figure], status: Status,
                                                achieved: float | None,
                                                ratio: float | None) -> None:
    r = judged(plan(**LEVEL), *figures)
    assert r.status is status
    assert r.required == A(0.1)
    if achieved is not None:
        assert r.achieved == A(achieved)
        assert r.ratio == A(ratio)


def test_a_level_says_the_rate_the_rest_of_the_term_needs() -> None:
    # 121 in 2027: 161.051 / 121 = 1.331 = 1.1³ over the three years left: 10 %
    assert judged(plan(**LEVEL), fig(2027, 121)).needed == A(0.1)
    # no figure yet: the whole path from the base, 10 % a year
    none = judged(plan(**LEVEL))
    assert (none.status, none.needed, none.required) == (Status.NO_DATA, A(0.1), A(0.1))


def test_a_level_by_an_earlier_year_and_at_most() -> None:
    # from 100 down to 81 by 2027: 0.81^(1/2) − 1 = −0.1 a year
    down = {"kind": "level", "direction": "at_most", "target": 81, "base": 100, "by": 2027}
    on = judged(plan(**down), fig(2026, 90))  # −0.1 / −0.1 = 1
    assert (on.status, on.required, on.achieved, on.ratio) == (
        Status.ON_TRACK, A(-0.1), A(-0.1), A(1.0))
    assert on.needed == A(-0.1)  # 81 / 90 = 0.9 in the one year left
    assert judged(plan(**down), fig(2026, 95)).status is Status.OFF_TRACK  # −0.05 / −0.1
    assert judged(plan(**down), fig(2026, 80)).status is Status.ACHIEVED
    assert judged(plan(**down), fig(2027, 85)).status is Status.MISSED  # 2027 is over


GROWTH = {"kind": "average_growth", "target": 10, "figures": "rate"}


@pytest.mark.parametrize(("rates", "status", "achieved"), [
    ([10, 10], Status.ON_TRACK, 0.1),  # (1.1 × 1.1)^(1/2) − 1 = 0.1
    ([44, 0], Status.ON_TRACK, 0.2),  # (1.44 × 1)^(1/2) − 1 = 0.2 (compound, not 22)
    ([9.5], Status.ON_TRACK, 0.095),  # 0.095 / 0.1 = 0.95, the boundary
    ([8.5], Status.AT_RISK, 0.085),
    ([8], Status.AT_RISK, 0.08),  # 0.8, the at_risk boundary
    ([7], Status.OFF_TRACK, 0.07),
    ([10, 10, 10, 10, 10], Status.ACHIEVED, 0.1),  # the whole term at 10 %
    ([9, 9, 9, 9, 9], Status.MISSED, 0.09),
])
def test_an_average_growth_is_judged_on_the_compound_average(
        rates: list[float], status: Status, achieved: float) -> None:
    r = judged(plan(**GROWTH), *(fig(2026 + i, g) for i, g in enumerate(rates)))
    assert r.status is status
    assert r.achieved == A(achieved)
    assert r.ratio == A(achieved / 0.1)


def test_an_average_growth_says_the_rate_still_needed() -> None:
    # 1.1⁵ / (1.1 × 1.1) = 1.1³ over three years: 10 %
    assert judged(plan(**GROWTH), fig(2026, 10), fig(2027, 10)).needed == A(0.1)
    # 0 % in 2026: 1.61051 over four years, 1.61051^(1/4) − 1
    assert judged(plan(**GROWTH), fig(2026, 0)).needed == A(1.61051 ** 0.25 - 1)
    none = judged(plan(**GROWTH))
    assert (none.status, none.needed) == (Status.NO_DATA, A(0.1))


def test_an_average_growth_from_levels() -> None:
    # GRDP 100 in 2025, 121 in 2027: (1.21)^(1/2) − 1 = 0.1; still needed:
    # (1.1⁵ × 100 / 121)^(1/3) − 1 = (1.331)^(1/3) − 1 = 0.1
    r = judged(plan(kind="average_growth", target=10, base=100), fig(2027, 121))
    assert (r.status, r.achieved, r.needed, r.elapsed) == (Status.ON_TRACK, A(0.1), A(0.1), 2)


TOTAL = {"kind": "total", "target": 10, "unit": "thôn"}


@pytest.mark.parametrize(("figures", "status", "total", "expected", "needed"), [
    # 2 in 2026: expected 10 × 1/5 = 2, ratio 1; 8 left over 4 years: 2 a year
    ([fig(2026, 2)], Status.ON_TRACK, 2, 2, 2),
    # 2 + 1 by mid-2027 (t = 1.5): expected 3; 7 left over 3.5 years: 2 a year
    ([fig(2026, 2), fig(2027, 1, quarter=2)], Status.ON_TRACK, 3, 3, 2),
    ([fig(2026, 1.6)], Status.AT_RISK, 1.6, 2, 2.1),  # ratio 0.8, the boundary
    ([fig(2026, 1.5)], Status.OFF_TRACK, 1.5, 2, 2.125),  # ratio 0.75; 8.5 / 4
    ([fig(2026, 6), fig(2027, 4)], Status.ACHIEVED, 10, 4, 0),  # reached early
    ([fig(2026, 2), fig(2030, 7)], Status.MISSED, 9, 10, None),  # the term is over
])
def test_a_total_sums_the_years(figures: list[Figure], status: Status, total: float,
                                expected: float, needed: float | None) -> None:
    r = judged(plan(**TOTAL), *figures)
    assert (r.status, r.total, r.expected) == (status, A(total), A(expected))
    assert r.needed == (None if needed is None else A(needed))


def test_a_total_with_no_figure_yet_needs_its_yearly_share() -> None:
    r = judged(plan(**TOTAL))  # 10 over five years, nothing reported: 2 a year
    assert (r.status, r.needed) == (Status.NO_DATA, A(2))


@pytest.mark.parametrize(("figures", "status"), [
    ([fig(2026, 1)], Status.ON_TRACK),  # allowed 1 by now (5 × 1/5): ratio 1
    ([fig(2026, 2)], Status.OFF_TRACK),  # 1 / 2 = 0.5
    ([fig(2026, 0)], Status.ON_TRACK),  # nothing used
    ([fig(2026, 3), fig(2027, 3)], Status.MISSED),  # 6 > 5: passed already
    ([fig(2026, 1), fig(2030, 4)], Status.ACHIEVED),  # 5 at the end: within the ceiling
])
def test_a_total_with_a_ceiling(figures: list[Figure], status: Status) -> None:
    assert judged(plan(kind="total", target=5, direction="at_most"), *figures).status \
        is status


MILESTONE = {"kind": "milestone", "deadline": "2028-06-30"}


@pytest.mark.parametrize(("figures", "status"), [
    ([fig(2026, False), fig(2027, True)], Status.ACHIEVED),
    ([fig(2026, False)], Status.ON_TRACK),  # 31/12/2027 is before the deadline
    ([fig(2027, False)], Status.AT_RISK),  # the deadline falls within the next year
    ([fig(2028, False)], Status.OFF_TRACK),  # overdue, the term not over
    ([fig(2030, False)], Status.MISSED),  # the term is over
    ([], Status.NO_DATA),
])
def test_a_milestone(figures: list[Figure], status: Status) -> None:
    assert judged(plan(**MILESTONE), *figures).status is status


def test_the_report_counts_and_dates_the_term() -> None:
    p = TermPlan.model_validate({
        "plan": {"id": "t", "from": 2026, "to": 2030},
        "targets": [{"id": "x", **LEVEL, "name": "X"}, {"id": "y", "name": "Y", **TOTAL}]})
    report = evaluate_term(p, {"x": {2026: fig(2026, 105)},
                               "y": {2027: Figure("y", Period.at_quarter(2027, 2), 5.0)}})
    assert [r.status for r in report.results] == [Status.OFF_TRACK, Status.ON_TRACK]
    assert report.counts[Status.OFF_TRACK] == 1
    assert report.as_of is not None and report.as_of.period == Period.at_quarter(2027, 2)
    assert report.results[1].estimated  # six months of 2027: the year is not over


@pytest.mark.parametrize(("target", "year", "yearly", "floor"), [
    # a growth's yearly average: 8 % a year is below 10 %
    (GROWTH, 2027, 8, 10), (GROWTH, 2027, 10, None), (GROWTH, 2027, 12, None),
    # a growth of levels from 100: 100 × 1.1² = 121 at the end of 2027
    ({"kind": "average_growth", "target": 10, "base": 100}, 2027, 120, 121),
    # a level from 100 to 161.051 by 2030: the path is 100 × 1.1^(y − 2025): 110 in 2026,
    # 133.1 in 2028
    (LEVEL, 2026, 109, 110), (LEVEL, 2028, 133.1, None), (LEVEL, 2028, 140, None),
    # down from 100 to 81 by 2027: 90 in 2026; at most 95 is above the path
    ({"kind": "level", "direction": "at_most", "target": 81, "base": 100, "by": 2027}, 2026,
     95, 90),
    ({"kind": "level", "target": 121, "base": 100, "by": 2027}, 2028, 100, None),  # after by
    # a total of 10 over five years: 2 a year
    (TOTAL, 2026, 1, 2), (TOTAL, 2026, 2, None),
    (MILESTONE, 2026, 0, None),
])
def test_what_the_term_needs_of_a_year(target: dict[str, Any], year: int, yearly: float,
                                       floor: float | None) -> None:
    p = plan(**target)
    found = below_term(p, p.targets[0], year, yearly)
    assert found == (None if floor is None else A(floor))


@pytest.mark.parametrize(("target", "value", "share"), [
    (LEVEL, 80.5255, 0.5),  # 80.5255 / 161.051, half of it
    (TOTAL, 3, 0.3),  # a year's 3 of the term's 10
    (GROWTH, 5, 0.5),  # 5 % this year against 10 % a year on average
    ({"kind": "average_growth", "target": 10, "base": 100}, 120, None),  # levels: no share
    ({"kind": "total", "target": 0, "direction": "at_most"}, 1, None),  # a target of 0
    (MILESTONE, 1, None),  # a milestone has no target figure
])
def test_a_years_share_of_the_term(target: dict[str, Any], value: float,
                                   share: float | None) -> None:
    found = term_share(plan(**target).targets[0], value)
    assert found == (None if share is None else A(share))

"""The brief month by month (issue 22, item 3): when a run is monthly, what a target still
needs per remaining month, the pace of 12 shares, the year judged on its estimate. Values
worked by hand in the comments."""

from __future__ import annotations

from typing import Any

import pytest

from hauloc_cli.errors import InputError
from hauloc_cli.model.figures import Figure, Figures, FigureStatus
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from hauloc_cli.rules.status import Status, evaluate
from hauloc_cli.views.brief import Need, build_brief, is_monthly

MONTHLY_PACE = [0.0, 0.0, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0]


def _plan(*targets: dict[str, Any]) -> Plan:
    return Plan.model_validate({"plan": {"id": "t", "year": 2026}, "targets": list(targets)})


ROADS = {"id": "roads", "name": "Roads", "kind": "cumulative", "target": 12}


def test_a_run_is_monthly_by_its_plan_its_period_or_its_figures() -> None:
    quarterly = _plan(ROADS)
    at_q3 = Figures([Figure("roads", Period(2026, 6), 5.0), Figure("roads", Period(2026, 9), 7)])
    assert not is_monthly(quarterly, at_q3, Period(2026, 9))
    assert is_monthly(quarterly, at_q3, Period(2026, 10))  # a month inside a quarter
    with_august = Figures([*at_q3, Figure("roads", Period(2026, 8), 6.0)])
    assert is_monthly(quarterly, with_august, Period(2026, 9))
    paced = _plan({**ROADS, "pace": MONTHLY_PACE})
    assert is_monthly(paced, at_q3, Period(2026, 9))
    # last year's months do not make this year's run monthly
    last_year = Figures([*at_q3, Figure("roads", Period(2025, 8), 6.0)])
    assert not is_monthly(quarterly, last_year, Period(2026, 9))


def test_what_is_still_needed_per_remaining_month() -> None:
    # October: 6 of 12, expected 12 × 10/12 = 10, ratio 0.6 off track; 2 months left:
    # (12 − 6) / 2 = 3 a month
    plan = _plan(ROADS)
    figures = Figures([Figure("roads", Period(2026, 10), 6.0)])
    brief = build_brief(plan, figures, Period(2026, 10))
    item = brief.attention[0]
    assert item.result.status is Status.OFF_TRACK
    assert item.result.expected == pytest.approx(10.0)
    assert item.need == Need("per_month", pytest.approx(3.0))
    # the same figure at the third quarter's end, in a quarterly run: expected 9,
    # ratio 6 / 9 = 0.667 off track; 1 quarter left: 6 in it
    q3 = Figures([Figure("roads", Period(2026, 9), 6.0)])
    assert build_brief(plan, q3, Period(2026, 9)).attention[0].need == Need(
        "per_quarter", pytest.approx(6.0))


def test_a_monthly_run_steps_back_one_month() -> None:
    plan = _plan(ROADS)
    figures = Figures([Figure("roads", Period(2026, m), float(m)) for m in range(1, 11)])
    brief = build_brief(plan, figures, Period(2026, 10))
    assert brief.monthly and brief.previous == Period(2026, 9)
    assert [p.period for p in brief.items[0].history] == [Period(2026, m) for m in range(1, 11)]


def test_a_pace_of_twelve_shares() -> None:
    # May's share is 0.2: expected 12 × 0.2 = 2.4; 2.4 done is on pace
    plan = _plan({**ROADS, "pace": MONTHLY_PACE})
    report = evaluate(plan, Figures([Figure("roads", Period(2026, 5), 2.4)]), Period(2026, 5))
    assert report.results[0].expected == pytest.approx(2.4)
    assert report.results[0].status is Status.ON_TRACK


@pytest.mark.parametrize(("pace", "message"), [
    ([0.1, 0.2, 0.5, 0.8, 1.0], "pace takes 4 quarterly or 12 monthly shares, not 5"),
    ([0.1] * 11 + [0.9], "the last pace fraction must be 1.0"),
    ([0.5, 0.4] + [1.0] * 10, "pace must be twelve non-decreasing fractions"),
])
def test_a_pace_of_another_length_or_shape_is_refused(pace: list[float], message: str) -> None:
    with pytest.raises((InputError, ValueError)) as info:
        _plan({**ROADS, "pace": pace})
    assert message in str(info.value)


def test_the_year_judged_on_its_estimate_says_so() -> None:
    # 11 tháng: 10 of 12; ước cả năm: 12, an estimate; the year is met on it
    plan = _plan(ROADS)
    figures = Figures([Figure("roads", Period(2026, 11), 10.0),
                       Figure("roads", Period(2026, 12), 12.0,
                              status=FigureStatus.ESTIMATE)])
    brief = build_brief(plan, figures, Period(2026, 12))
    assert brief.estimated and brief.final
    assert brief.items[0].verdict == "met"
    assert not build_brief(plan, figures, Period(2026, 11)).estimated

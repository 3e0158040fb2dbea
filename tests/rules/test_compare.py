"""Share of the year's plan, the same period last year, and revisions: values by hand.

plan share = a / T; against last year: change = a − L, and for targets not in % with L > 0
ratio = a / L, growth = a / L − 1.
"""

from __future__ import annotations

from typing import Any

import pytest

from hauloc_cli.model.figures import Figure, Figures, FigureStatus
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, Target
from hauloc_cli.rules.compare import facts, plan_share, revisions, vs_last_year
from hauloc_cli.rules.status import Status, evaluate

Q2, Q3 = Period.at_quarter(2024, 2), Period.at_quarter(2024, 3)
LAST_Q3 = Period.at_quarter(2023, 3)


def target(**fields: Any) -> Target:
    return Target.model_validate({"id": "t", "name": "T", **fields})


COUNT = target(kind="cumulative", target=6, unit="products")
RATE = target(kind="annual", target=12, unit="%")
LIMIT = target(kind="level", direction="at_most", target=2.5, unit="%")
MILESTONE = target(kind="milestone")


@pytest.mark.parametrize(("t", "actual", "share"), [
    (COUNT, 4.0, 4 / 6),  # 66.7 % of the year's plan
    (COUNT, 6.0, 1.0),
    (COUNT, 7.5, 1.25),  # beyond the plan
    (RATE, 10.9, 10.9 / 12),  # 90.8 %: the rate itself against the planned rate
    (LIMIT, 2.0, 0.8),  # at_most: 80 % of the limit used
    (LIMIT, 3.0, 1.2),  # over the limit
    (target(kind="cumulative", direction="at_most", target=0), 1.0, None),  # T = 0
    (MILESTONE, True, None),
    (COUNT, None, None),
])
def test_plan_share(t: Target, actual: float | bool | None, share: float | None) -> None:
    assert plan_share(t, actual) == (None if share is None else pytest.approx(share))


def test_a_count_against_last_year_is_a_ratio_and_a_growth() -> None:
    v = vs_last_year(target(kind="annual", target=200), 107.2, 100)
    assert (v.last_year, v.change, v.points) == (100, pytest.approx(7.2), False)
    assert v.ratio == pytest.approx(1.072)  # "bằng 107,2% so cùng kỳ"
    assert v.growth == pytest.approx(0.072)  # "tăng 7,2%"


def test_income_against_2023() -> None:
    # 67.5 / 59.27: 59.27 × 1.1 = 65.197, and 2.303 / 59.27 = 0.03886 → 1.13886
    v = vs_last_year(target(kind="annual", target=69), 67.5, 59.27)
    assert v.ratio == pytest.approx(1.13886, abs=1e-5)
    assert v.change == pytest.approx(8.23)


def test_a_fall_is_a_negative_growth() -> None:
    v = vs_last_year(COUNT, 3, 4)
    assert (v.ratio, v.growth, v.change) == (0.75, -0.25, -1)


def test_a_rate_against_last_year_is_in_percentage_points() -> None:
    v = vs_last_year(RATE, 10.9, 4.07)  # growth 10.9 % this year, 4.07 % last year
    assert v.points and v.ratio is None and v.growth is None
    assert v.change == pytest.approx(6.83)  # "tăng 6,83 điểm %"


@pytest.mark.parametrize("last", [0.0, -2.0])
def test_a_last_year_of_zero_or_below_gives_only_the_change(last: float) -> None:
    v = vs_last_year(COUNT, 3, last)
    assert v.ratio is None and v.growth is None
    assert v.change == 3 - last


def plan_of(*targets: dict[str, Any]) -> Plan:
    return Plan.model_validate({"plan": {"id": "p", "year": 2024}, "targets": list(targets)})


INCOME = {"id": "income", "name": "Thu nhập", "kind": "annual", "target": 69}


def test_facts_of_a_target_with_last_year() -> None:
    plan = plan_of(INCOME)
    figures = Figures([Figure("income", Q3, 67.5, status=FigureStatus.ESTIMATE),
                       Figure("income", LAST_Q3, 59.27)])
    found = facts(evaluate(plan, figures, Q3).results[0], figures)
    assert found.figure is not None and found.figure.status is FigureStatus.ESTIMATE
    assert found.last_year == Figure("income", LAST_Q3, 59.27)
    assert found.vs_last_year is not None and found.vs_last_year.change == pytest.approx(8.23)
    assert found.plan_share == pytest.approx(67.5 / 69)  # 0.978
    assert found.revised == ()


def test_facts_compare_the_quarter_of_the_figure_judged() -> None:
    # judged at Q3 with only a Q2 figure: Q2 is compared with 2023-Q2, not 2023-Q3
    plan = plan_of(INCOME)
    figures = Figures([Figure("income", Q2, 66.0), Figure("income", Period.at_quarter(2023, 2),
                                                          60.0),
                       Figure("income", LAST_Q3, 59.0)])
    found = facts(evaluate(plan, figures, Q3).results[0], figures)
    assert found.vs_last_year is not None and found.vs_last_year.ratio == pytest.approx(1.1)


def test_facts_without_last_year_or_without_a_figure() -> None:
    plan = plan_of(INCOME)
    figures = Figures([Figure("income", Q3, 67.5)])
    found = facts(evaluate(plan, figures, Q3).results[0], figures)
    assert found.last_year is None and found.vs_last_year is None
    none = facts(evaluate(plan, Figures(), Q3).results[0], Figures())
    assert none == type(none)(None, (), None, None, None)


def test_a_milestone_has_no_comparison() -> None:
    plan = plan_of({"id": "m", "name": "M", "kind": "milestone"})
    figures = Figures([Figure("m", Q3, False), Figure("m", LAST_Q3, True)])
    found = facts(evaluate(plan, figures, Q3).results[0], figures)
    assert found.vs_last_year is None and found.plan_share is None


def test_a_revision_that_changes_a_status() -> None:
    # annual at_least 69 at Q2: 66.8 / 69 = 0.968 ≥ 0.95 → on track;
    # revised to 64: 64 / 69 = 0.928 < 0.95 (≥ 0.80) → at risk
    plan = plan_of(INCOME)
    estimate = Figure("income", Q2, 66.8, status=FigureStatus.ESTIMATE, line=2)
    official = Figure("income", Q2, 64.0, status=FigureStatus.OFFICIAL, line=5)
    figures = Figures.indexed({"income": {Q2: official, Q3: Figure("income", Q3, 67.5)}},
                              {("income", Q2): (estimate,)})
    found = revisions(plan, figures, Q3)
    assert [(r.before.value, r.after.value, r.status_before, r.status_after) for r in found] == [
        (66.8, 64.0, Status.ON_TRACK, Status.AT_RISK)]
    assert revisions(plan, figures, Period.at_quarter(2024, 1)) == ()  # Q2 is after Q1: not yet


def test_a_figure_revised_twice_gives_two_revisions() -> None:
    # cumulative 6 at Q2, f = 0.5, E = 3: 2 → 0.667 off track; 3 → 1.0 on track; 2.7 → 0.9 at risk
    plan = plan_of({"id": "ocop", "name": "OCOP", "kind": "cumulative", "target": 6})
    chain = [Figure("ocop", Q2, v) for v in (2.0, 3.0, 2.7)]
    figures = Figures.indexed({"ocop": {Q2: chain[2]}}, {("ocop", Q2): tuple(chain[:2])})
    found = revisions(plan, figures, Q2)
    assert [(r.before.value, r.after.value, r.status_before, r.status_after) for r in found] == [
        (2.0, 3.0, Status.OFF_TRACK, Status.ON_TRACK), (3.0, 2.7, Status.ON_TRACK, Status.AT_RISK)]

"""The status rules, branch by branch and boundary by boundary.

Every expected value below was worked out by hand from the rules in the core issue:
f = q/4 unless a pace is given; bands on_track 0.95, at_risk 0.80.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from hauloc_cli.inputs.actuals.read import read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.figures import Figure
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import StatusBands, Target
from hauloc_cli.rules.status import (
    Status,
    days_to_deadline,
    evaluate,
    judge,
    latest,
    progress,
    verdict,
)
from tests.conftest import EXAMPLE, PLAN_2024, at, on

A, OK, R, X, M, N = (Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK,
                    Status.MISSED, Status.NO_DATA)
BANDS = StatusBands()


def target(kind: str, direction: str | None = "at_least", **fields: Any) -> Target:
    data: dict[str, Any] = {"id": "t", "name": "T", "kind": kind, **fields}
    if direction is not None:
        data["direction"] = direction
    return Target.model_validate(data)


CUM_UP = target("cumulative", target=6)
CUM_UP_100 = target("cumulative", target=100)
CUM_UP_SLOW = target("cumulative", target=6, pace=[0, 0.5, 0.75, 1])
CUM_UP_PACE = target("cumulative", target=6, pace=[0.1, 0.2, 0.5, 1])
CUM_DOWN = target("cumulative", "at_most", target=10)
CUM_DOWN_19 = target("cumulative", "at_most", target=19)
CUM_DOWN_LATE = target("cumulative", "at_most", target=10, pace=[0, 0.5, 0.75, 1])
LEVEL_UP = target("level", target=100)
LEVEL_UP_B = target("level", target=100, baseline=80)
LEVEL_UP_B_LATE = target("level", target=100, baseline=80, pace=[0, 0.5, 0.75, 1])
LEVEL_DOWN = target("level", "at_most", target=5)
LEVEL_DOWN_B = target("level", "at_most", target=5, baseline=10)
LEVEL_DOWN_B_LATE = target("level", "at_most", target=5, baseline=10, pace=[0, 0.5, 0.75, 1])
ANNUAL_UP = target("annual", target=12)
ANNUAL_UP_08 = target("annual", target=0.8)
ANNUAL_DOWN = target("annual", "at_most", target=3)

# (name, target, {quarter: value}, quarter judged, status, expected E, ratio R)
CASES = [
    # rule 1: nothing at or before q
    ("no rows", CUM_UP, {}, 2, N, None, None),
    ("only a later quarter", CUM_UP, {3: 5}, 2, N, None, None),
    # cumulative, at_least: met → achieved; E = 0 → on track; else bands; final → off track
    ("cum up met exactly", CUM_UP, {2: 6}, 2, A, 3, 2),
    ("cum up met at Q1", CUM_UP, {1: 7}, 1, A, 1.5, 7 / 1.5),
    ("cum up E=0 with pace", CUM_UP_SLOW, {1: 0}, 1, OK, 0, None),
    ("cum up R=0.95 on track", CUM_UP_100, {2: 47.5}, 2, OK, 50, 0.95),
    ("cum up R just below 0.95", CUM_UP_100, {2: 47.49}, 2, R, 50, 0.9498),
    ("cum up R=0.80 at risk", CUM_UP_100, {2: 40}, 2, R, 50, 0.8),
    ("cum up R just below 0.80", CUM_UP_100, {2: 39.99}, 2, X, 50, 0.7998),
    ("cum up nothing yet at Q2", CUM_UP, {2: 0}, 2, X, 3, 0),
    ("cum up final missed", CUM_UP, {4: 5.999}, 4, M, 6, 5.999 / 6),
    ("cum up final R above bands still missed", CUM_UP_100, {4: 99}, 4, M, 100, 0.99),
    # a count so far is a flow: an earlier figure does not stand in (rule 2)
    ("cum up stale Q1 figure judged at Q3", CUM_UP, {1: 2}, 3, N, None, None),
    ("cum up latest of several", CUM_UP, {1: 1, 2: 3, 4: 6}, 3, N, None, None),
    ("cum up custom pace", CUM_UP_PACE, {2: 1.2}, 2, OK, 1.2, 1),
    # cumulative, at_most: over → missed; final and within → achieved; a = 0 → on track
    ("cum down over the limit at Q1", CUM_DOWN, {1: 10.5}, 1, M, 2.5, 2.5 / 10.5),
    ("cum down exactly the limit at Q4", CUM_DOWN, {4: 10}, 4, A, 10, 1),
    ("cum down over the limit at Q4", CUM_DOWN, {4: 10.01}, 4, M, 10, 10 / 10.01),
    ("cum down nothing used", CUM_DOWN, {2: 0}, 2, OK, 5, None),
    ("cum down on pace", CUM_DOWN, {2: 5}, 2, OK, 5, 1),
    ("cum down R=0.95", CUM_DOWN_19, {1: 5}, 1, OK, 4.75, 0.95),
    ("cum down R=5/6 at risk", CUM_DOWN, {2: 6}, 2, R, 5, 5 / 6),
    ("cum down R=5/7 off track", CUM_DOWN, {2: 7}, 2, X, 5, 5 / 7),
    ("cum down nothing allowed yet", CUM_DOWN_LATE, {1: 1}, 1, X, 0, 0),
    # level, at_least, no baseline: E = T, R = a / T
    ("level up met", LEVEL_UP, {1: 100}, 1, A, 100, 1),
    ("level up R=0.95", LEVEL_UP, {2: 95}, 2, OK, 100, 0.95),
    ("level up at risk", LEVEL_UP, {2: 85}, 2, R, 100, 0.85),
    ("level up off track", LEVEL_UP, {2: 79.9}, 2, X, 100, 0.799),
    ("level up final missed", LEVEL_UP, {4: 99}, 4, M, 100, 0.99),
    # level, at_least, baseline 80: E = 80 + 20 f, R = (a - 80) / (E - 80)
    ("level up B on pace", LEVEL_UP_B, {2: 90}, 2, OK, 90, 1),
    ("level up B R=0.95", LEVEL_UP_B, {2: 89.5}, 2, OK, 90, 0.95),
    ("level up B R=0.80", LEVEL_UP_B, {2: 88}, 2, R, 90, 0.8),
    ("level up B below 0.80", LEVEL_UP_B, {2: 87.9}, 2, X, 90, 0.79),
    ("level up B met", LEVEL_UP_B, {3: 100}, 3, A, 95, 20 / 15),
    ("level up B E=B with pace", LEVEL_UP_B_LATE, {1: 75}, 1, OK, 80, None),
    # level, at_most, no baseline: E = T, R = T / a
    ("level down met", LEVEL_DOWN, {2: 5}, 2, A, 5, 1),
    ("level down R=0.96", LEVEL_DOWN, {2: 5.2}, 2, OK, 5, 5 / 5.2),
    ("level down at risk", LEVEL_DOWN, {2: 6}, 2, R, 5, 5 / 6),
    ("level down off track", LEVEL_DOWN, {2: 6.5}, 2, X, 5, 5 / 6.5),
    ("level down final missed", LEVEL_DOWN, {4: 5.1}, 4, M, 5, 5 / 5.1),
    # level, at_most, baseline 10: E = 10 - 5 f, R = (10 - a) / (10 - E)
    ("level down B on pace", LEVEL_DOWN_B, {2: 7.5}, 2, OK, 7.5, 1),
    ("level down B R=0.80", LEVEL_DOWN_B, {2: 8}, 2, R, 7.5, 0.8),
    ("level down B below 0.80", LEVEL_DOWN_B, {2: 8.1}, 2, X, 7.5, 0.76),
    ("level down B met", LEVEL_DOWN_B, {1: 5}, 1, A, 8.75, 5 / 1.25),
    ("level down B E=B with pace", LEVEL_DOWN_B_LATE, {1: 11}, 1, OK, 10, None),
    # annual, at_least: met → on track before Q4, achieved at Q4
    ("annual up met mid-year", ANNUAL_UP, {2: 12}, 2, OK, 12, 1),
    ("annual up met at Q4", ANNUAL_UP, {4: 12}, 4, A, 12, 1),
    ("annual up met by float sum", ANNUAL_UP_08, {4: 0.1 + 0.7}, 4, A, 0.8, 1),
    ("annual up R=0.95", ANNUAL_UP, {2: 11.4}, 2, OK, 12, 0.95),
    ("annual up R=0.80 via isclose", ANNUAL_UP, {2: 9.6}, 2, R, 12, 0.8),
    ("annual up off track", ANNUAL_UP, {2: 9.5}, 2, X, 12, 9.5 / 12),
    ("annual up final missed", ANNUAL_UP, {4: 11.9}, 4, M, 12, 11.9 / 12),
    ("annual up negative growth", ANNUAL_UP, {1: -1}, 1, X, 12, -1 / 12),
    # annual, at_most
    ("annual down met mid-year", ANNUAL_DOWN, {2: 3}, 2, OK, 3, 1),
    ("annual down met at Q4", ANNUAL_DOWN, {4: 2.5}, 4, A, 3, 1.2),
    ("annual down R=0.95", ANNUAL_DOWN, {2: 3.15}, 2, OK, 3, 3 / 3.15),
    ("annual down at risk", ANNUAL_DOWN, {2: 3.75}, 2, R, 3, 0.8),
    ("annual down off track", ANNUAL_DOWN, {2: 4}, 2, X, 3, 0.75),
    ("annual down final missed", ANNUAL_DOWN, {4: 3.1}, 4, M, 3, 3 / 3.1),
]


@pytest.mark.parametrize(("name", "t", "figures", "q", "status", "expected", "ratio"), CASES,
                         ids=[c[0] for c in CASES])
def test_numeric_rules(name: str, t: Target, figures: dict[int, float], q: int, status: Status,
                       expected: float | None, ratio: float | None) -> None:
    result = judge(t, *on(figures, q), BANDS)
    assert result.status is status
    if expected is None:
        assert result.expected is None
    else:
        assert result.expected == pytest.approx(expected)
    if ratio is None:
        assert result.ratio is None
    else:
        assert result.ratio == pytest.approx(ratio, rel=1e-9)


def test_bands_come_from_the_plan() -> None:
    # R = 0.5 is off track with the default bands, on track with on_track: 0.5.
    loose = StatusBands(on_track=0.5, at_risk=0.4)
    assert judge(CUM_UP_100, *on({2: 25}, 2), BANDS).status is X
    assert judge(CUM_UP_100, *on({2: 25}, 2), loose).status is OK
    assert judge(CUM_UP_100, *on({2: 20}, 2), loose).status is R


def test_as_of_is_the_quarter_of_the_figure_used() -> None:
    result = judge(CUM_UP, *on({1: 2, 3: 4}, 2), BANDS)
    assert (result.actual, result.as_of) == (2, Period.at_quarter(2024, 1))
    assert judge(CUM_UP, *on({}, 2), BANDS).as_of is None


MAY_31 = date(2024, 5, 31)
MILESTONE = target("milestone", None)

# (name, {quarter: done}, quarter, deadline, status)
MILESTONES = [
    ("done at Q1", {1: True}, 1, MAY_31, A),
    ("done, judged at Q4", {2: True}, 4, MAY_31, A),
    ("not done, deadline within next quarter", {1: False}, 1, MAY_31, R),
    ("not done, deadline passed", {2: False}, 2, MAY_31, X),
    ("stale 'not done' from Q1 judged at Q2", {1: False}, 2, MAY_31, X),
    ("latest figure wins", {1: True, 2: False}, 2, MAY_31, X),
    ("year-end deadline, Q1", {1: False}, 1, date(2024, 12, 31), OK),
    ("year-end deadline, Q3", {3: False}, 3, date(2024, 12, 31), R),
    ("year-end deadline, Q4", {4: False}, 4, date(2024, 12, 31), M),
    ("deadline passed, judged at Q4", {4: False}, 4, MAY_31, M),
    ("deadline on the quarter's last day", {2: False}, 2, date(2024, 6, 30), X),
    ("deadline on the next quarter's last day", {1: False}, 1, date(2024, 6, 30), R),
    ("deadline the day after the quarter", {2: False}, 2, date(2024, 7, 1), R),
    ("deadline two quarters away", {1: False}, 1, date(2024, 7, 1), OK),
    ("deadline early next year, judged at Q4", {4: False}, 4, date(2025, 2, 1), R),
    ("no figure", {}, 2, MAY_31, N),
]


@pytest.mark.parametrize(("name", "figures", "q", "deadline", "status"), MILESTONES,
                         ids=[m[0] for m in MILESTONES])
def test_milestone_rules(name: str, figures: dict[int, bool], q: int, deadline: date,
                         status: Status) -> None:
    result = judge(MILESTONE, *on(figures, q), BANDS, deadline)
    assert result.status is status
    assert (result.expected, result.ratio, result.projected) == (None, None, None)
    assert result.deadline == deadline


@pytest.mark.parametrize(("t", "figures", "q", "projected"), [
    (CUM_UP, {2: 3}, 2, 6),  # a / f = 3 / 0.5
    (CUM_UP, {3: 3}, 3, 4),  # 3 / 0.75
    (CUM_UP_SLOW, {1: 0}, 1, None),  # f = 0
    (LEVEL_UP_B, {2: 90}, 2, 100),  # 80 + 10 / 0.5
    (LEVEL_UP_B_LATE, {1: 75}, 1, None),
    (LEVEL_DOWN_B, {2: 8}, 2, 6),  # 10 + (8 - 10) / 0.5
    (LEVEL_UP, {2: 97}, 2, 97),
    (ANNUAL_UP, {1: 10.5}, 1, 10.5),
])
def test_projected(t: Target, figures: dict[int, float], q: int,
                   projected: float | None) -> None:
    assert judge(t, *on(figures, q), BANDS).projected == projected


@pytest.mark.parametrize(("t", "a", "q", "done", "due"), [
    (CUM_UP, 3, 2, 0.5, 0.5),
    (CUM_UP_PACE, 3, 2, 0.5, 0.2),
    (LEVEL_UP_B, 90, 2, 0.5, 0.5),  # (90 - 80) / (100 - 80), mark at f
    (LEVEL_DOWN_B, 8, 3, 0.4, 0.75),  # (8 - 10) / (5 - 10)
    (LEVEL_UP, 95, 2, 0.95, 1.0),  # no baseline: the mark is at the end
    (ANNUAL_UP, 6, 1, 0.5, 1.0),
    (CUM_DOWN, 4, 2, 0.4, 0.5),  # at_most: share of the allowance used
    (target("level", "at_most", target=0), 1, 2, None, 1.0),  # no way to go
])
def test_progress(t: Target, a: float, q: int, done: float | None, due: float) -> None:
    got_done, got_due = progress(t, a, Period.at_quarter(2024, q))
    assert got_done == (None if done is None else pytest.approx(done))
    assert got_due == pytest.approx(due)


def test_days_to_deadline_counts_from_the_end_of_the_quarter() -> None:
    assert days_to_deadline(MAY_31, Period.at_quarter(2024, 1)) == 61  # 31 March → 31 May: 30 + 31
    assert days_to_deadline(MAY_31, Period.at_quarter(2024, 2)) == -30  # 30 June is 30 days late
    assert days_to_deadline(date(2024, 12, 31), Period.at_quarter(2024, 4)) == 0


def test_latest_takes_the_last_quarter_at_or_before() -> None:
    figures, q2 = on({1: 1.0, 3: 3.0}, 2)
    assert latest(figures, q2) == Figure("t", Period.at_quarter(2024, 1), 1.0)
    assert latest(figures, Period.at_quarter(2024, 4)) == Figure("t", Period.at_quarter(2024, 3),
                                                                 3.0)
    assert latest(*on({3: 3.0}, 2)) is None
    # Another year's figure is never the latest of this one.
    assert latest({Period.at_quarter(2023, 4): Figure("t", Period.at_quarter(2023, 4), 9.0)},
                  Period.at_quarter(2024, 1)) is None


@pytest.mark.parametrize(("quarter", "counts"), [
    # Worked out by hand from examples/actuals_2024.csv and data/targets_2024.yaml.
    # Q2: growth 10.4/12 = 0.87 at risk; income 66.8/69 = 0.97 on track; model commune done;
    # advanced 1 of E 1 on track; OCOP 3 of E 3 on track; schools 5 of E 6 = 0.83 at risk;
    # security no data; water 99.1 on track; district not done after 31 May off track.
    (2, {A: 1, OK: 4, R: 2, X: 1, M: 0, N: 1}),
    # Q3: growth 0.91 at risk; income 0.98 on track; advanced 1 of 1.5 = 0.67 off track;
    # OCOP 4 of 4.5 = 0.89 at risk; schools 9 of 9 on track; water 0.993 on track.
    (3, {A: 1, OK: 3, R: 2, X: 2, M: 0, N: 1}),
])
def test_example_plan_counts(quarter: int, counts: dict[Status, int]) -> None:
    plan = load_plan(PLAN_2024)
    report = evaluate(plan, *at(plan, read_actuals(EXAMPLE, plan).figures.values(), quarter))
    assert report.counts == counts
    assert report.period == Period.at_quarter(2024, quarter)
    assert [r.target.id for r in report.results] == [t.id for t in plan.targets]


# Rule 2, older figures: (name, target, {quarter: value}, quarter judged, latest period of the
# data (None: no limit), status, whether the earlier figure stands in (False: no data, the
# figure kept for reference only).
Q = Period.at_quarter(2024, 1)
OLDER = [
    # a state (level, milestone) stands in before the final period, up to the data's end
    ("level at Q1 stands in at Q2", LEVEL_UP, {1: 85}, 2, None, R, True),
    ("level at Q2 stands in at Q3, data to Q3", LEVEL_UP, {2: 85}, 3, Period.at_quarter(2024, 3),
     R, True),
    ("level not after the data", LEVEL_UP, {2: 85}, 3, Period.at_quarter(2024, 2), N, False),
    ("level not at the final period", LEVEL_UP, {3: 99}, 4, None, N, False),
    ("level met earlier, not at the final period", LEVEL_UP, {3: 100}, 4, None, N, False),
    # a flow (cumulative) does not, unless it already decides the target
    ("count below target at Q2, judged Q3", CUM_UP, {2: 3}, 3, None, N, False),
    ("count met at Q2 decides it", CUM_UP, {2: 6}, 3, None, A, True),
    ("count met at Q3 decides the year", CUM_UP, {3: 6}, 4, None, A, True),
    ("ceiling passed at Q2 decides it", CUM_DOWN, {2: 11}, 3, None, M, True),
    ("ceiling passed at Q3 decides the year", CUM_DOWN, {3: 11}, 4, None, M, True),
    ("ceiling within at Q3 is no data at Q4", CUM_DOWN, {3: 9}, 4, None, N, False),
    ("annual figure not carried", ANNUAL_UP, {2: 12}, 3, None, N, False),
    ("annual at Q3 is no data at Q4", ANNUAL_UP, {3: 13}, 4, Period.at_quarter(2024, 3), N, False),
    # asked in the plan: carry_forward
    ("carry_forward on a count", target("cumulative", target=6, carry_forward=True),
     {2: 3}, 3, None, X, True),
    ("carry_forward off on a level", target("level", target=100, carry_forward=False),
     {1: 85}, 2, None, N, False),
]


@pytest.mark.parametrize(("name", "t", "figures", "q", "end", "status", "stands"), OLDER,
                         ids=[c[0] for c in OLDER])
def test_older_figures(name: str, t: Target, figures: dict[int, float], q: int,
                       end: Period | None, status: Status, stands: bool) -> None:
    result = judge(t, *on(figures, q), BANDS, None, end)
    older = max(figures)
    assert result.status is status
    assert (result.actual, result.as_of) == (figures[older], Period.at_quarter(2024, older))
    assert (result.expected is not None) is stands


def test_older_milestones() -> None:
    """Done earlier decides it, even at the final period; not done earlier stands in before
    the final period only."""
    assert judge(MILESTONE, *on({1: True}, 4), BANDS, MAY_31).status is A
    assert judge(MILESTONE, *on({1: False}, 2), BANDS, MAY_31).status is X
    found = judge(MILESTONE, *on({3: False}, 4), BANDS, date(2024, 12, 31))
    assert (found.status, found.actual, found.as_of) == (N, False, Period.at_quarter(2024, 3))


def test_the_year_end_verdicts() -> None:
    """At the final period: exceeded beyond the target, met at it, missed otherwise; before it,
    the status itself."""
    q4 = Period.at_quarter(2024, 4)
    assert verdict(judge(ANNUAL_UP, *on({4: 12.5}, 4), BANDS), q4) == "exceeded"
    assert verdict(judge(ANNUAL_UP, *on({4: 12}, 4), BANDS), q4) == "met"
    assert verdict(judge(ANNUAL_DOWN, *on({4: 2.9}, 4), BANDS), q4) == "exceeded"
    assert verdict(judge(ANNUAL_UP, *on({4: 11}, 4), BANDS), q4) == "missed"
    assert verdict(judge(ANNUAL_UP, *on({}, 4), BANDS), q4) == "no_data"
    assert verdict(judge(MILESTONE, *on({4: True}, 4), BANDS, MAY_31), q4) == "met"
    assert verdict(judge(ANNUAL_UP, *on({2: 11.5}, 2), BANDS), Period.at_quarter(2024,
                                                                                 2)) == "on_track"

"""The status rules: pure functions from a plan and its figures to one result per target.

No I/O, no printing. Every branch here is pinned by tests/test_status.py.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from hauloc_cli.periods import format_period, quarter_end
from hauloc_cli.plan import Plan, StatusBands, Target
from hauloc_cli.reasons import explain

Value = float | bool


class Status(str, Enum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"


@dataclass(frozen=True, slots=True)
class Result:
    target: Target
    status: Status
    actual: Value | None = None
    as_of: int | None = None  # the quarter the actual was reported for
    expected: float | None = None
    ratio: float | None = None
    projected: float | None = None
    deadline: date | None = None
    reason: str = ""


@dataclass(frozen=True)
class Report:
    plan: Plan
    quarter: int
    results: tuple[Result, ...]

    @property
    def period(self) -> str:
        return format_period(self.plan.plan.year, self.quarter)

    @property
    def counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for r in self.results:
            counts[r.status] += 1
        return counts


def same(x: float, y: float) -> bool:
    """Two numbers count as equal (rule 6): an actual equal to its target is met."""
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


def _at_least(x: float, y: float) -> bool:
    return x > y or same(x, y)


def evaluate(plan: Plan, series: Mapping[str, Mapping[int, Value]], quarter: int) -> Report:
    """Judge every target of `plan` at the end of `quarter` from its year-to-date figures."""
    empty: Mapping[int, Value] = {}
    results = tuple(
        judge(t, series.get(t.id, empty), quarter, plan.plan.year, plan.status_bands,
              plan.deadline_of(t) if t.kind == "milestone" else None)
        for t in plan.targets
    )
    return Report(plan, quarter, results)


def latest(figures: Mapping[int, Value], quarter: int) -> tuple[int, Value] | None:
    """The figure of the latest quarter at or before `quarter` (rule 2)."""
    for k in range(quarter, 0, -1):
        if k in figures:
            return k, figures[k]
    return None


def judge(target: Target, figures: Mapping[int, Value], quarter: int, year: int,
          bands: StatusBands, deadline: date | None = None) -> Result:
    """The status of one target at the end of `quarter` of `year`."""
    found = latest(figures, quarter)
    if found is None:
        return Result(target, Status.NO_DATA, deadline=deadline,
                      reason=explain(target, Status.NO_DATA, quarter, "en"))
    as_of, actual = found
    if target.kind == "milestone":
        assert deadline is not None
        return _milestone(target, bool(actual), as_of, quarter, year, deadline)
    return _numeric(target, float(actual), as_of, quarter, bands)


def _milestone(target: Target, done: bool, as_of: int, quarter: int, year: int,
               deadline: date) -> Result:
    end = quarter_end(year, quarter)
    if done:
        status = Status.ACHIEVED
    elif end >= deadline:
        status = Status.OFF_TRACK
    elif _next_quarter_end(year, quarter) >= deadline:
        status = Status.AT_RISK
    else:
        status = Status.ON_TRACK
    why = explain(target, status, quarter, "en", actual=done, as_of=as_of, deadline=deadline)
    return Result(target, status, done, as_of, deadline=deadline, reason=why)


def _next_quarter_end(year: int, quarter: int) -> date:
    return quarter_end(year, quarter + 1) if quarter < 4 else quarter_end(year + 1, 1)


def expected_and_ratio(target: Target, a: float, f: float) -> tuple[float, float | None]:
    """E, the value expected by now, and R, the ratio of actual to expected progress."""
    t = target.target
    b = target.baseline
    assert t is not None
    up = target.direction == "at_least"
    if target.kind == "cumulative":
        e = t * f
        num, den = (a, e) if up else (e, a)
    elif target.kind == "level" and b is not None:
        e = b + (t - b) * f
        num, den = (a - b, e - b) if up else (b - a, b - e)
    else:  # annual, or level without a baseline
        e = t
        num, den = (a, t) if up else (t, a)
    return e, (None if same(den, 0) else num / den)


def projected(target: Target, a: float, f: float) -> float | None:
    """The year-end value if progress goes on at the pace seen so far."""
    if target.kind == "cumulative":
        return None if same(f, 0) else a / f
    if target.kind == "level" and target.baseline is not None:
        b = target.baseline
        return None if same(f, 0) else b + (a - b) / f
    return a


def _numeric(target: Target, a: float, as_of: int, quarter: int, bands: StatusBands) -> Result:
    t = target.target
    assert t is not None
    f = target.pace_at(quarter)
    final = quarter == 4
    up = target.direction == "at_least"
    met = _at_least(a, t) if up else _at_least(t, a)
    e, r = expected_and_ratio(target, a, f)

    status: Status | None = None  # decided early (rule 4), else by the bands (rule 5)
    if target.kind == "cumulative" and up:
        if met:
            status = Status.ACHIEVED
        elif same(e, 0):
            status = Status.ON_TRACK
    elif target.kind == "cumulative":
        if not met:
            status = Status.OFF_TRACK
        elif final:
            status = Status.ACHIEVED
        elif same(a, 0):
            status = Status.ON_TRACK
    elif target.kind == "level":
        if met:
            status = Status.ACHIEVED
        elif target.baseline is not None and same(e, target.baseline):
            status = Status.ON_TRACK
    elif met:  # annual
        status = Status.ACHIEVED if final else Status.ON_TRACK
    if status is None:
        if final:
            status = Status.OFF_TRACK
        elif r is not None and _at_least(r, bands.on_track):
            status = Status.ON_TRACK
        elif r is not None and _at_least(r, bands.at_risk):
            status = Status.AT_RISK
        else:
            status = Status.OFF_TRACK
    why = explain(target, status, quarter, "en", actual=a, as_of=as_of, expected=e, ratio=r)
    return Result(target, status, a, as_of, e, r, projected(target, a, f), reason=why)


def progress(target: Target, a: float, quarter: int) -> tuple[float | None, float]:
    """How far the actual has come from the start toward the target, and where it should be.

    Both are shares of the way from the starting point (the baseline, else 0) to the target;
    for at_most targets without a baseline, the share of the allowance used. The first is None
    where the way has no length.
    """
    t = target.target
    assert t is not None
    b = target.baseline if target.baseline is not None else 0.0
    due = target.pace_at(quarter) if (target.kind == "cumulative"
                                      or target.baseline is not None) else 1.0
    return (None if same(t, b) else (a - b) / (t - b)), due


def days_to_deadline(deadline: date, year: int, quarter: int) -> int:
    """Days from the last day of `quarter` to `deadline`; negative when overdue."""
    return (deadline - quarter_end(year, quarter)) // timedelta(days=1)

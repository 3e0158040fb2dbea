"""The status rules: pure functions from a plan and its figures to one result per target.

No I/O, no printing, no words (the renderers write the reasons from these numbers). Every
branch here is pinned by tests/rules/test_status.py.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import Enum

from hauloc_cli.model.figures import Figure, Figures, Value
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, StatusBands, Target


class Status(str, Enum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    # Decided: the target can no longer be met this year (a ceiling already passed; at the
    # final period, every target not met).
    MISSED = "missed"
    NO_DATA = "no_data"


# The year-end classes (the words at the final period): exceeded, met, missed, no data.
YEAR_END: tuple[str, ...] = ("exceeded", "met", Status.MISSED.value, Status.NO_DATA.value)


@dataclass(frozen=True, slots=True)
class Result:
    target: Target
    status: Status
    actual: Value | None = None
    # The period the actual was reported for; with status no_data, the latest earlier figure
    # shown for reference only (it may not stand in: see `judge`).
    as_of: Period | None = None
    expected: float | None = None
    ratio: float | None = None
    projected: float | None = None
    deadline: date | None = None
    # A change from last year (`change:`): last year's figure it was measured from; or, with
    # status no_data, what was missing to judge it (`LACKS_LAST_YEAR`, `LACKS_GROWTH_BASE`).
    base: float | None = None
    lacks: str | None = None


# Why a change from last year could not be judged: no figure of last year's same period (and
# no `base:`), or one of 0 or below, from which no growth in % can be measured.
LACKS_LAST_YEAR = "last_year"
LACKS_GROWTH_BASE = "growth_base"


@dataclass(frozen=True)
class Judgement:
    """The plan judged at one period: every target's result, the one truth every output
    renders (named apart from `hauloc report`, the official document made from it)."""

    plan: Plan
    period: Period
    results: tuple[Result, ...]
    # The figures judged, for what reports say beside the status (rules/compare.py).
    figures: Figures = field(default_factory=Figures, compare=False, repr=False)

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


def meets(target: Target, a: float) -> bool:
    """The figure meets the target: at or beyond its near end (`Target.ends`) in its
    direction; for a strict target (trên / dưới) beyond it, never equal."""
    near = target.ends()[0]
    beyond = a > near if target.direction == "at_least" else a < near
    if target.strict:
        return beyond and not same(a, near)
    return beyond or same(a, near)


def evaluate(plan: Plan, figures: Figures, period: Period,
             data_end: Period | None = None) -> Judgement:
    """Judge every target of `plan` at the end of `period` from its year-to-date figures;
    `data_end` is the latest period of the run's data (None: no limit, see `judge`)."""
    results = tuple(
        judge(t, figures.of(t.id), period, plan.status_bands,
              plan.deadline_of(t) if t.kind == "milestone" else None, data_end)
        for t in plan.targets
    )
    return Judgement(plan, period, results, figures)


def latest(figures: Mapping[Period, Figure], period: Period) -> Figure | None:
    """The figure of the latest period of the year at or before `period` (rule 2)."""
    for p in reversed(period.year_so_far(monthly=True)):
        found = figures.get(p)
        if found is not None:
            return found
    return None


def judge(target: Target, figures: Mapping[Period, Figure], period: Period,
          bands: StatusBands, deadline: date | None = None,
          data_end: Period | None = None) -> Result:
    """The status of one target at the end of `period` (rule 2).

    Its figure for `period` is judged. Without one, its latest earlier figure stands in only
    when it already decides the target (`decided`), or when the target is a state
    (`Target.carries`) and `period` is neither the final one nor after `data_end`, the latest
    period of the run's data. Otherwise the target is no data, with that figure kept for
    reference.
    """
    found = figures.get(period)
    if found is not None:
        return _judged(target, found, period, bands, deadline, figures)
    found = latest(figures, period)
    if found is None:
        return Result(target, Status.NO_DATA, deadline=deadline)
    result = _judged(target, found, period, bands, deadline, figures)
    if decided(result) or (target.carries and not period.final
                           and (data_end is None or period <= data_end)):
        return result
    return Result(target, Status.NO_DATA, found.value, found.period, deadline=deadline)


def _judged(target: Target, found: Figure, period: Period, bands: StatusBands,
            deadline: date | None, figures: Mapping[Period, Figure]) -> Result:
    if target.kind == "milestone":
        assert deadline is not None
        return _milestone(target, bool(found.value), found.period, period, deadline)
    if target.change is None:
        return _numeric(target, float(found.value), found.period, period, bands)
    last = target.base
    if last is None:
        figure = figures.get(found.period.same_last_year())
        last = None if figure is None or isinstance(figure.value, bool) else float(figure.value)
    a = float(found.value)
    if last is None:
        return Result(target, Status.NO_DATA, a, found.period, lacks=LACKS_LAST_YEAR)
    if target.change == "percent" and (last < 0 or same(last, 0)):
        return Result(target, Status.NO_DATA, a, found.period, base=last,
                      lacks=LACKS_GROWTH_BASE)
    result = _numeric(level_target(target, last), a, found.period, period, bands)
    return replace(result, base=last)


def level_target(target: Target, last: float) -> Target:
    """A change from last year (`change:`) as the level it asks of this year's figure, from
    last year's figure `last`: L·(1 + x/100) for a growth of x %, L + x for x points; judged
    as an annual figure is (docs/status.md)."""
    def level(x: float) -> float:
        return last * (1 + x / 100) if target.change == "percent" else last + x

    assert target.target is not None
    near, far = (level(x) for x in target.ends())
    return target.model_copy(update={
        "kind": "annual", "target": level(target.target), "about": None, "tolerance": None,
        "target_range": None if same(near, far) else (min(near, far), max(near, far)),
        "change": None, "base": None})


def decided(result: Result) -> bool:
    """No later figure can change the result: a milestone done, a count that has reached its
    target (counts only grow), a ceiling on a count already passed."""
    kind, up = result.target.kind, result.target.direction == "at_least"
    if result.status is Status.ACHIEVED:
        return kind == "milestone" or (kind == "cumulative" and up)
    return result.status is Status.MISSED and kind == "cumulative" and not up


def verdict(result: Result, period: Period) -> str:
    """The status word key before the final period; at it, the year-end class (`YEAR_END`).

    Exceeded: achieved and beyond the target's far end (`Target.ends`: the target itself, a
    range's far end), above it for at_least, below it for at_most; met: achieved otherwise, or
    a milestone done; missed: the year ended without it. A class of the one status, never a
    status of its own: every output derives it here.
    """
    if not period.final or result.status is Status.NO_DATA:
        return result.status.value
    if result.status is not Status.ACHIEVED:
        return Status.MISSED.value
    if result.target.target is None or isinstance(result.actual, bool) \
            or result.actual is None:
        return "met"
    a, far = float(result.actual), result.target.ends()[1]
    beyond = a > far if result.target.direction == "at_least" else a < far
    return "exceeded" if beyond and not same(a, far) else "met"


def _milestone(target: Target, done: bool, as_of: Period, period: Period,
               deadline: date) -> Result:
    if done:
        status = Status.ACHIEVED
    elif period.end >= deadline:
        status = Status.MISSED if period.final else Status.OFF_TRACK
    elif period.next().end >= deadline:
        status = Status.AT_RISK
    else:
        status = Status.ON_TRACK
    return Result(target, status, done, as_of, deadline=deadline)


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


def _numeric(target: Target, a: float, as_of: Period, period: Period, bands: StatusBands
             ) -> Result:
    t = target.target
    assert t is not None
    f = target.pace_at(period)
    final = period.final
    up = target.direction == "at_least"
    met = meets(target, a)
    e, r = expected_and_ratio(target, a, f)

    status: Status | None = None  # decided early (rule 4), else by the bands (rule 5)
    if target.kind == "cumulative" and up:
        if met:
            status = Status.ACHIEVED
        elif same(e, 0):
            status = Status.ON_TRACK
    elif target.kind == "cumulative":
        if not met:  # over the ceiling: no later figure can mend it
            status = Status.MISSED
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
            status = Status.MISSED
        elif r is not None and _at_least(r, bands.on_track):
            status = Status.ON_TRACK
        elif r is not None and _at_least(r, bands.at_risk):
            status = Status.AT_RISK
        else:
            status = Status.OFF_TRACK
    return Result(target, status, a, as_of, e, r, projected(target, a, f))


def progress(target: Target, a: float, period: Period) -> tuple[float | None, float]:
    """How far the actual has come from the start toward the target, and where it should be.

    Both are shares of the way from the starting point (the baseline, else 0) to the target;
    for at_most targets without a baseline, the share of the allowance used. The first is None
    where the way has no length.
    """
    t = target.target
    assert t is not None
    b = target.baseline if target.baseline is not None else 0.0
    due = target.pace_at(period) if (target.kind == "cumulative"
                                      or target.baseline is not None) else 1.0
    return (None if same(t, b) else (a - b) / (t - b)), due


def days_to_deadline(deadline: date, period: Period) -> int:
    """Days from the last day of `period` to `deadline`; negative when overdue."""
    return (deadline - period.end) // timedelta(days=1)

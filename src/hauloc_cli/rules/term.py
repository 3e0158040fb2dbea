"""The term rules: pure functions from a term plan and the years' figures to one result per
target (docs/term.md). No I/O, no words; every branch is pinned by
tests/rules/test_term.py.

Time is counted in years from the base year: a figure for the year to date at the end of
month m of year y stands at t = (y − base − 1) + m / 12 (the whole of 2027 from a 2025 base is
t = 2; nine months of 2026 is t = 0.75).

- average growth: the compound average of the years so far, g = (Π (1 + gᵢ))^(1/n) − 1 from
  the years' growth rates, or (L / B)^(1/t) − 1 from the latest level L and the base B; its
  ratio to the target T in the plan's status bands; the rate the rest of the term now needs
  ((1 + T)^N / Π (1 + gᵢ))^(1/(N − n)) − 1 (levels: ((1 + T)^N · B / L)^(1/(N − t)) − 1).
- a level to reach by a year (Open SDG's progress measure): required rate
  r* = (T / B)^(1/(by − base)) − 1, observed r = (L / B)^(1/t) − 1, their ratio r / r* in the
  bands; reached when L meets T; the rate now needed (T / L)^(1/(by − base − t)) − 1.
- a total over the term: the years' figures summed, S; expected by now T · t / N; their ratio
  in the bands as a cumulative target's; reached (or, for a ceiling, passed) at once.
- a milestone: done, or its deadline against the date of the latest figure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from hauloc_cli.model.figures import Figure, FigureStatus
from hauloc_cli.model.plan import StatusBands
from hauloc_cli.model.term import TermPlan, TermTarget
from hauloc_cli.rules.status import Status, same

# Figures by target id, then year: the latest figure of each year (inputs/actuals/years.py).
YearFigures = Mapping[str, Mapping[int, Figure]]


@dataclass(frozen=True, slots=True)
class TermResult:
    target: TermTarget
    status: Status
    years: tuple[Figure, ...] = ()  # the figure of each year used, first year first
    elapsed: float | None = None  # t: years from the base year to the latest figure
    achieved: float | None = None  # the yearly rate so far (growth, level)
    required: float | None = None  # the yearly rate from the base to the target (level)
    needed: float | None = None  # the yearly rate (growth, level) or amount a year (total)
    # that the rest of the term now needs; None when no time is left or nothing is needed
    ratio: float | None = None  # achieved against required, in the bands
    total: float | None = None  # a total: the years' figures summed
    expected: float | None = None  # a total: expected by now

    @property
    def latest(self) -> Figure | None:
        return self.years[-1] if self.years else None

    @property
    def estimated(self) -> bool:
        """The latest figure is an estimate: marked so, or a year not yet over."""
        latest = self.latest
        return latest is not None and is_estimate(latest)


@dataclass(frozen=True)
class TermReport:
    plan: TermPlan
    results: tuple[TermResult, ...]
    figures: YearFigures = field(default_factory=dict, compare=False, repr=False)

    @property
    def counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for r in self.results:
            counts[r.status] += 1
        return counts

    @property
    def as_of(self) -> Figure | None:
        """The latest figure of the run (its period is the date the term is judged at)."""
        found = [r.latest for r in self.results if r.latest is not None]
        return max(found, key=lambda f: f.period, default=None)


def is_estimate(figure: Figure) -> bool:
    """A year's figure is an estimate when marked so, or when its year is not over."""
    return figure.status is FigureStatus.ESTIMATE or not figure.period.final


def elapsed(figure: Figure, base: int) -> float:
    """t: years from the end of the base year to the end of the figure's period."""
    end = figure.period.end
    return (end.year - base - 1) + end.month / 12


def evaluate_term(plan: TermPlan, figures: YearFigures) -> TermReport:
    """Judge every target of the term plan from its years' figures."""
    return TermReport(plan, tuple(judge_term(plan, t, figures.get(t.id, {}))
                                  for t in plan.targets), figures)


def judge_term(plan: TermPlan, target: TermTarget, by_year: Mapping[int, Figure]
               ) -> TermResult:
    """The status of one term target from the latest figure of each year it has."""
    years = tuple(by_year[y] for y in sorted(by_year))
    bands = plan.status_bands
    if target.kind == "milestone":
        return _milestone(plan, target, years)
    if target.kind == "level":
        return _level(plan, target, years, bands)
    if target.kind == "total":
        return _total(plan, target, years, bands)
    return _growth(plan, target, years, bands)


def _over(plan: TermPlan, figure: Figure, last: int) -> bool:
    """The figure closes the time given: the whole of year `last` (or later)."""
    return figure.period.final and figure.period.year >= last


def _banded(ratio: float | None, bands: StatusBands) -> Status:
    if ratio is not None and (ratio > bands.on_track or same(ratio, bands.on_track)):
        return Status.ON_TRACK
    if ratio is not None and (ratio > bands.at_risk or same(ratio, bands.at_risk)):
        return Status.AT_RISK
    return Status.OFF_TRACK


def rate(ratio: float, years: float) -> float | None:
    """The yearly rate that multiplies by `ratio` in `years` years: ratio^(1/years) − 1;
    None when no time is left or the ratio is not above 0."""
    if years <= 0 or same(years, 0) or ratio <= 0:
        return None
    return float(ratio ** (1 / years)) - 1


def required_rate(target: float, base: float, years: float) -> float | None:
    """Open SDG's required rate: (target / base)^(1 / years) − 1."""
    return rate(target / base, years)


def _growth(plan: TermPlan, target: TermTarget, years: tuple[Figure, ...],
            bands: StatusBands) -> TermResult:
    t = target.target
    assert t is not None
    n_term = plan.years
    whole = (1 + t / 100) ** n_term  # what the term's growth multiplies by
    if not years:
        return TermResult(target, Status.NO_DATA, needed=t / 100)
    latest = years[-1]
    if target.figures == "rate":
        n: float = len(years)
        grown = math.prod(1 + float(f.value) / 100 for f in years)
    else:
        assert target.base is not None
        n = elapsed(latest, plan.plan.base)
        grown = float(latest.value) / target.base
    achieved = rate(grown, n)
    needed = rate(whole / grown, n_term - n) if grown > 0 else None
    ratio = None if achieved is None else achieved * 100 / t
    if _over(plan, latest, plan.plan.last):
        met = achieved is not None and (achieved * 100 > t or same(achieved * 100, t))
        status = Status.ACHIEVED if met else Status.MISSED
    else:
        status = _banded(ratio, bands)
    return TermResult(target, status, years, n, achieved, t / 100, needed, ratio)


def _level(plan: TermPlan, target: TermTarget, years: tuple[Figure, ...],
           bands: StatusBands) -> TermResult:
    t, b = target.target, target.base
    assert t is not None and b is not None
    by = target.reach_year(plan.plan)
    span = by - plan.plan.base
    required = required_rate(t, b, span)
    if not years:
        return TermResult(target, Status.NO_DATA, required=required, needed=required)
    latest = years[-1]
    a = float(latest.value)
    up = target.direction == "at_least"
    met = (a > t if up else a < t) or same(a, t)
    n = elapsed(latest, plan.plan.base)
    achieved = rate(a / b, n)
    needed = None if met else rate(t / a, span - n)
    ratio = None if achieved is None or required is None else achieved / required
    if met:
        status = Status.ACHIEVED
    elif _over(plan, latest, by):
        status = Status.MISSED
    else:
        status = _banded(ratio, bands)
    return TermResult(target, status, years, n, achieved, required, needed, ratio)


def _total(plan: TermPlan, target: TermTarget, years: tuple[Figure, ...],
           bands: StatusBands) -> TermResult:
    t = target.target
    assert t is not None
    n_term = plan.years
    if not years:
        return TermResult(target, Status.NO_DATA, needed=t / n_term)
    latest = years[-1]
    s = sum(float(f.value) for f in years)
    n = elapsed(latest, plan.plan.base)
    e = t * n / n_term
    up = target.direction == "at_least"
    left = n_term - n
    per_year = None if left <= 0 or same(left, 0) else max(t - s, 0.0) / left
    over = _over(plan, latest, plan.plan.last)
    if up:
        ratio = None if same(e, 0) else s / e
        if s > t or same(s, t):
            status = Status.ACHIEVED
        elif over:
            status = Status.MISSED
        else:
            status = Status.ON_TRACK if same(e, 0) else _banded(ratio, bands)
    else:
        ratio = None if same(s, 0) else e / s
        if s > t and not same(s, t):
            status = Status.MISSED
        elif over:
            status = Status.ACHIEVED
        else:
            status = Status.ON_TRACK if same(s, 0) else _banded(ratio, bands)
    return TermResult(target, status, years, n, needed=per_year, ratio=ratio, total=s,
                      expected=e)


def _milestone(plan: TermPlan, target: TermTarget, years: tuple[Figure, ...]) -> TermResult:
    deadline = target.deadline
    assert deadline is not None
    if not years:
        return TermResult(target, Status.NO_DATA)
    latest = years[-1]
    end = latest.period.end
    if any(bool(f.value) for f in years):
        status = Status.ACHIEVED
    elif end >= deadline:
        status = Status.MISSED if _over(plan, latest, plan.plan.last) else Status.OFF_TRACK
    elif date(end.year + 1, end.month, min(end.day, 28 if end.month == 2 else end.day)
              ) >= deadline:
        status = Status.AT_RISK
    else:
        status = Status.ON_TRACK
    return TermResult(target, status, years, elapsed(latest, plan.plan.base))


def term_floor(plan: TermPlan, target: TermTarget, year: int) -> float | None:
    """What the term needs of `year`'s target, in the yearly target's terms: a growth's
    yearly average T (its figures rates), or the level on the compound path at the end of
    `year` (a growth's levels: base · (1 + T)^(year − base); a level's base · (T / base)^(
    (year − base) / (by − base))), a total's yearly share T / N; None for a milestone and a
    level's year after `by`."""
    t, b, base = target.target, target.base, plan.plan.base
    if t is None or target.kind == "milestone":
        return None
    if target.kind == "average_growth":
        return t if b is None or target.figures == "rate" else b * (1 + t / 100) ** (year - base)
    if target.kind == "total":
        return t / plan.years
    assert b is not None
    by = target.reach_year(plan.plan)
    return None if year > by else b * (t / b) ** ((year - base) / (by - base))


def below_term(plan: TermPlan, target: TermTarget, year: int, yearly: float) -> float | None:
    """The term's floor (ceiling, for at_most) for `year` when the year's target `yearly`
    falls short of it; None when it does not."""
    floor = term_floor(plan, target, year)
    if floor is None or same(yearly, floor):
        return None
    short = yearly < floor if target.direction != "at_most" else yearly > floor
    return floor if short else None


def term_share(target: TermTarget, value: float) -> float | None:
    """A year's figure against the term's target (value / target): a level's, a total's (the
    year's part of it), a growth's yearly average (its figures rates); None for a milestone,
    a growth of levels and a target of 0."""
    t = target.target
    if t is None or same(t, 0) or (target.kind == "average_growth" and target.figures != "rate"):
        return None
    return value / t

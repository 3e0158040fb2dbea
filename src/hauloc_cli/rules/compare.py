"""What reports say beside the status: the share of the year's plan, the same period last
year, and the figures a later report revised.

Pure: numbers in, numbers out, no words. For a figure a and its target T:

- share of the year's plan (`% KH năm`): a / T, for at_least and at_most targets alike (for
  at_most it is the share of the limit used: above 1 is over it); None for milestones, without
  a figure, or when T = 0.
- against the same period last year, L the figure of the period a is reported for, one year
  earlier: change = a − L (in percentage points when the target is in %); for targets not in %
  and L > 0 also ratio = a / L (`bằng 107,2% so cùng kỳ`) and growth = a / L − 1
  (`tăng 7,2%`). With L ≤ 0 or a target in % only the change is given.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import NamedTuple

from hauloc_cli.model.figures import Figure, Figures
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, Target
from hauloc_cli.rules.status import Result, Status, judge, same


@dataclass(frozen=True, slots=True)
class VsLastYear:
    last_year: float  # L
    change: float  # a − L, in the target's unit (percentage points for %)
    ratio: float | None  # a / L; None when L <= 0 or the target is in %
    points: bool  # the target is in %: the change is in percentage points

    @property
    def growth(self) -> float | None:
        """a / L − 1: `tăng 7,2%` is a growth of 0.072."""
        return None if self.ratio is None else self.ratio - 1


class Facts(NamedTuple):
    """What a report says about the figure judged, beside its status (a NamedTuple: one is
    made per target of every report, and it is cheap to make)."""

    figure: Figure | None  # the figure judged (None: no data)
    revised: tuple[Figure, ...]  # the figures it replaced, earliest first
    last_year: Figure | None  # the figure of the same period last year
    vs_last_year: VsLastYear | None
    plan_share: float | None
    # a / P for each of the target's other plan values (`other_plans:`), in the plan's order.
    other_shares: tuple[float | None, ...] = ()


_NO_FACTS = Facts(None, (), None, None, None)


def other_shares(target: Target, actual: float | bool | None) -> tuple[float | None, ...]:
    """a / P for each other plan value P of the target (`135,7% KH xã giao, 317% KH tỉnh
    giao`); None without a figure."""
    if actual is None or isinstance(actual, bool):
        return tuple(None for _ in target.other_plans)
    return tuple(actual / other.target for other in target.other_plans)


def plan_share(target: Target, actual: float | bool | None) -> float | None:
    """a / T: the share of the year's plan reached (of the limit used, for at_most)."""
    t = target.target
    if target.kind == "milestone" or actual is None or isinstance(actual, bool) or t is None:
        return None
    return None if abs(t) <= 1e-12 else actual / t  # T = 0 as `same` has it


def vs_last_year(target: Target, actual: float, last: float) -> VsLastYear:
    """The figure against the same period last year, as reports word it."""
    points = (target.measure or "").strip() == "%"
    ratio = None if points or last <= 0 or same(last, 0) else actual / last
    return VsLastYear(last, actual - last, ratio, points)


def facts(result: Result, figures: Figures) -> Facts:
    """The figure judged for `result`, what it revised, last year's figure and the comparisons."""
    as_of = result.as_of
    if as_of is None or result.actual is None:
        return _NO_FACTS
    target = result.target
    by_period = figures.of(target.id)
    figure = by_period.get(as_of)
    last = by_period.get(as_of.same_last_year()) if len(by_period) > 1 else None
    compared = None
    if last is not None and not isinstance(last.value, bool) \
            and not isinstance(result.actual, bool):
        compared = vs_last_year(target, float(result.actual), float(last.value))
    # A figure shown for reference only (no data) is not a share of the plan reached.
    if result.status is Status.NO_DATA:
        return Facts(figure, figures.replaced(target.id, as_of), last, compared, None,
                     other_shares(target, None))
    return Facts(figure, figures.replaced(target.id, as_of), last, compared,
                 plan_share(target, result.actual), other_shares(target, result.actual))


@dataclass(frozen=True, slots=True)
class Revision:
    """A figure a later report replaced, the figure that replaced it, and the status of the
    target at that figure's quarter with each."""

    target: Target
    before: Figure
    after: Figure
    status_before: Status
    status_after: Status


def revisions(plan: Plan, figures: Figures, period: Period) -> tuple[Revision, ...]:
    """Every revision of a figure of `period`'s year up to `period`, in plan order, then by
    quarter; a figure revised twice gives two (the first against the second, the second
    against the one used)."""
    found = []
    for target in plan.targets:
        by_period = figures.of(target.id)
        deadline = plan.deadline_of(target) if target.kind == "milestone" else None
        for p in period.year_so_far(monthly=True):
            kept = by_period.get(p)
            if kept is None:
                continue
            chain = (*figures.replaced(target.id, p), kept)
            for before, after in itertools.pairwise(chain):
                statuses = [judge(target, {**by_period, p: f}, p, plan.status_bands,
                                  deadline).status for f in (before, after)]
                found.append(Revision(target, before, after, *statuses))
    return tuple(found)

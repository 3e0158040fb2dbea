"""The roll-up rules: a unit's figure from its units' figures, completeness, per-unit status.

Pure functions, no I/O and no words. For each target with a `rollup` and each period, every
unit of the tree gets a figure: its own when it reported one (the own figure wins), else the
roll-up of its children's figures for that same period (recursively up the tree), when enough
of them reported (`min_coverage`). docs/units.md gives each formula; every
branch is pinned by tests/rules/test_rollup.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from hauloc_cli.model.figures import Figure, Figures, Value
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import MEETING_RULES, Plan, Target, unit_target
from hauloc_cli.model.units import Units
from hauloc_cli.rules.status import (
    Judgement,
    Result,
    Status,
    decided,
    evaluate,
    judge,
    latest,
    same,
)

_EMPTY = Figures()


@dataclass(frozen=True)
class Coverage:
    """Which of a unit's children have a figure for the period: `reported` of `expected`.
    Under share_meeting and count_meeting a unit's earlier figure (its state) stands in when it
    has none for the period: such units are `carried`, neither reported nor missing."""

    reported: tuple[str, ...]
    missing: tuple[str, ...]
    carried: tuple[str, ...] = ()

    @property
    def counted(self) -> tuple[str, ...]:
        """The units whose figures the roll-up is over: those reported and those carried."""
        return (*self.reported, *self.carried)

    @property
    def expected(self) -> int:
        return len(self.reported) + len(self.missing) + len(self.carried)

    @property
    def partial(self) -> bool:
        return bool(self.missing)

    @property
    def not_reported(self) -> tuple[str, ...]:
        """The units without a figure for the period: missing, then carried."""
        return (*self.missing, *self.carried)


@dataclass(frozen=True)
class Mismatch:
    """A unit's own figure and the roll-up of its children differ by more than the tolerance."""

    target: str
    unit: str
    period: Period
    own: float
    compiled: float
    own_figure: Figure


@dataclass(frozen=True)
class UnitResult:
    unit: str
    actual: Value | None  # the unit's figure for the period judged (own or rolled up)
    reported: bool  # the unit has a figure for the period judged
    result: Result | None  # judged against its assignment; None: no assignment
    as_of: Period | None = None  # the period of `actual` (earlier: a state that stands in)
    revisions: tuple[Figure, ...] = ()  # the figures `actual` replaced, earliest first


@dataclass(frozen=True)
class TargetUnits:
    target: str
    rollup: str
    coverage: Coverage
    compiled: float | None  # the plan unit's roll-up for the period judged
    short: bool  # too few units reported (below min_coverage): judged no data
    source: str | None  # "own": the plan unit's own figure, "rollup": its units', None: neither
    units: tuple[UnitResult, ...]  # the plan unit's children, in file order


@dataclass(frozen=True)
class UnitsReport:
    report: Judgement  # the plan unit's results, roll-ups included
    plan_unit: str
    targets: Mapping[str, TargetUnits]
    mismatches: tuple[Mismatch, ...]
    rolled: Mapping[str, Figures]  # every unit's figures, own and rolled up
    units: Units  # the tree
    data_end: Period | None = None  # the latest period of the run's data

    def at(self, period: Period) -> Judgement:
        """The plan unit's report at another `period`, by the same rules."""
        if period == self.report.period:
            return self.report
        plan, units, root, rolled = self.report.plan, self.units, self.plan_unit, self.rolled
        return judge_rolled(plan, root, rolled, period, self.data_end,
                            coverages(plan, units, root, rolled, period, self.data_end))

    def not_reported(self) -> dict[str, Coverage]:
        """Per rolled-up target, in plan order, its coverage when a unit has no figure for the
        period judged (missing, or its earlier state carried): every "not reported" list."""
        return {t.id: cover for t in self.report.plan.targets
                if (found := self.targets.get(t.id)) is not None
                and ((cover := found.coverage).missing or cover.carried)}


def meets(target: Target, unit: str, value: Value) -> bool:
    """A unit's figure meets the standard: a milestone done, or a number at or beyond the
    unit's threshold (its assignment, else the target's `threshold`). The same as judging it
    by `unit_target`, without building it for every figure."""
    assigned = target.assigned(unit)
    threshold = assigned if assigned is not None else target.threshold
    if threshold is None or target.kind == "milestone":
        return bool(value)
    x = float(value)
    if target.direction == "at_least":
        return x > threshold or same(x, threshold)
    return x < threshold or same(x, threshold)


def combine(target: Target, values: Sequence[tuple[str, Value]], units: Units,
            weight: Callable[[str, str], float | None] | None = None) -> float | None:
    """The roll-up of the children's figures `(unit, value)` by the target's rule; None when
    there is nothing to roll up (no figures, no weight, or rule `none`). `weight` is
    `units.weight`, or the same remembered."""
    rule = target.rollup
    if not values or rule in (None, "none"):
        return None
    if rule in MEETING_RULES:
        count = _meeting(target, values)
        return float(count) if rule == "count_meeting" else 100.0 * count / len(values)
    xs = [float(v) for _, v in values]
    # Sums exact (math.fsum): the same bytes on every Python (3.12's sum() compensates).
    if rule == "sum":
        return math.fsum(xs)
    if rule == "mean":
        return math.fsum(xs) / len(xs)
    if rule == "min":
        return min(xs)
    if rule == "max":
        return max(xs)
    assert rule == "weighted_mean" and target.weight is not None
    of = weight or units.weight
    found = [of(u, target.weight) for u, _ in values]
    weights = [w for w in found if w is not None]
    total = math.fsum(weights)
    if len(weights) < len(found) or same(total, 0.0):
        return None
    return math.fsum(w * x for w, x in zip(weights, xs, strict=True)) / total


def _meeting(target: Target, values: Sequence[tuple[str, Value]]) -> int:
    """How many of the figures `(unit, value)` meet the standard (`meets`); with one threshold
    for every unit (no assignment by unit), without looking it up for each."""
    if isinstance(target.assign, dict):
        return sum(meets(target, u, v) for u, v in values)
    threshold = target.assign if target.assign is not None else target.threshold
    if threshold is None or target.kind == "milestone":
        return sum(bool(v) for _, v in values)
    if target.direction == "at_least":
        return sum(x > threshold or same(x, threshold) for x in map(float, (v for _, v in values)))
    return sum(x < threshold or same(x, threshold) for x in map(float, (v for _, v in values)))


def mismatch(own: float, compiled: float, tolerance: float) -> bool:
    """Own and compiled differ by more than `tolerance`, a share of the larger in size."""
    return abs(own - compiled) > tolerance * max(abs(own), abs(compiled)) and not same(
        own, compiled)


def members(units: Units, unit: str, target: Target) -> tuple[str, ...]:
    """The units a roll-up is over: the leaves under `unit` (the units that report whether
    they meet the standard) for share_meeting and count_meeting, else its children."""
    return units.leaves(unit) if target.rollup in MEETING_RULES else units.children(unit)


def state(figures: Mapping[Period, Figure], period: Period, data_end: Period | None
          ) -> Figure | None:
    """A unit's figure for `period`, else under share_meeting/count_meeting its latest earlier
    one of the year (whether it meets the standard is a state), up to `data_end`."""
    found = figures.get(period)
    if found is None and (data_end is None or period <= data_end):
        return latest(figures, period)
    return found


def coverage(rolled: Mapping[str, Figures], children: Sequence[str], target: Target,
             period: Period, data_end: Period | None = None) -> Coverage:
    """Who of `children` has a figure of `target` for `period` (or, under the meeting rules,
    a state that stands in)."""
    has: list[str] = []
    missing: list[str] = []
    carried: list[str] = []
    meeting = target.rollup in MEETING_RULES
    for c in children:
        theirs = rolled.get(c, _EMPTY).of(target.id)
        if period in theirs:
            has.append(c)
        elif meeting and state(theirs, period, data_end) is not None:
            carried.append(c)
        else:
            missing.append(c)
    return Coverage(tuple(has), tuple(missing), tuple(carried))


def short(target: Target, reported: int, expected: int) -> bool:
    """Too few units reported for a roll-up: a share below `min_coverage`."""
    share = reported / expected if expected else 1.0
    return share < target.min_coverage and not same(share, target.min_coverage)


def roll_up(plan: Plan, units: Units, root: str, own: Mapping[str, Figures],
            data_end: Period | None = None) -> tuple[dict[str, Figures], list[Mismatch]]:
    """Every unit's figures under `root` (itself included): its own, and for each target with
    a roll-up and each period, the roll-up of its children where it has no figure of its own.
    A unit without units of its own keeps its figures as they are (nothing is added to them).
    `data_end` is the latest period of the run's data (None: the latest here)."""
    periods = sorted({p for figures in own.values() for p in figures.periods})
    if data_end is None and periods:
        data_end = periods[-1]
    rolled: dict[str, Figures] = {}
    mismatches: list[Mismatch] = []
    weights: dict[tuple[str, str], float | None] = {}

    def weight(unit: str, name: str) -> float | None:
        if (unit, name) not in weights:
            weights[unit, name] = units.weight(unit, name)
        return weights[unit, name]

    # Under share_meeting and count_meeting, per (unit, target, period): how many of the
    # leaves under the unit meet the standard, how many have a state, how many there are;
    # a unit's counts are its leaf children's and the sums of its other children's counts.
    tallies: dict[tuple[str, str, Period], tuple[int, int, int]] = {}
    for unit in reversed((root, *units.descendants(root))):  # children before parents
        mine, children = own.get(unit), units.children(unit)
        if not children:
            rolled[unit] = mine or Figures()
            continue
        figures = mine.copy() if mine else Figures()  # revisions kept
        for target in plan.targets:
            if target.rollup in (None, "none"):
                continue
            if target.rollup in MEETING_RULES:
                leaves = [(c, rolled[c].of(target.id)) for c in children
                          if not units.children(c)]
                inner = [c for c in children if units.children(c)]
                for period in periods:
                    met, counted, expected = _tally(target, leaves, (period, data_end))
                    for c in inner:
                        m, n, e = tallies[c, target.id, period]
                        met, counted, expected = met + m, counted + n, expected + e
                    tallies[unit, target.id, period] = (met, counted, expected)
                    _keep(plan, figures, unit, target, period,
                          _counted(target, met, counted, expected), mismatches)
                continue
            kids = [(c, rolled[c].of(target.id)) for c in children]
            for period in periods:
                values = [(c, f.value) for c, theirs in kids
                          if (f := theirs.get(period)) is not None]
                compiled = None if short(target, len(values), len(kids)) else combine(
                    target, values, units, weight)
                # (a milestone rolls up only by share_meeting or count_meeting: model/plan.py)
                _keep(plan, figures, unit, target, period,
                      None if compiled is None else (compiled, compiled), mismatches)
        rolled[unit] = figures
    return rolled, mismatches


def _tally(target: Target, leaves: Sequence[tuple[str, Mapping[Period, Figure]]],
           when: tuple[Period, Period | None]) -> tuple[int, int, int]:
    """Of `leaves` (units that report, with their figures of the target): how many meet the
    standard at the period, how many have a state there (`state`), how many there are."""
    values = [(c, f.value) for c, theirs in leaves if (f := state(theirs, *when)) is not None]
    return _meeting(target, values), len(values), len(leaves)


def _counted(target: Target, met: int, counted: int, expected: int
             ) -> tuple[float, Value] | None:
    """The roll-up under share_meeting or count_meeting from the counts of the leaves (`met`
    of the `counted` with a state, of `expected`), as `combine` gives it from their figures;
    and the figure (a milestone: done when every leaf is done). None: short or nothing."""
    if counted == 0 or short(target, counted, expected):
        return None
    compiled = float(met) if target.rollup == "count_meeting" else 100.0 * met / counted
    if target.kind == "milestone":
        return compiled, counted == expected and met == counted
    return compiled, compiled


def _keep(plan: Plan, figures: Figures, unit: str, target: Target, period: Period,
          rolled: tuple[float, Value] | None, mismatches: list[Mismatch]) -> None:
    """A roll-up (`compiled`, the figure) is the unit's figure where it has none of its own;
    where it has, a mismatch when they differ by more than the tolerance."""
    if rolled is None:
        return
    compiled, value = rolled
    found = figures.of(target.id).get(period)
    if found is None:
        figures.add(Figure(target.id, period, value, unit))
    elif not isinstance(found.value, bool) and mismatch(float(found.value), compiled,
                                                        plan.rollup_tolerance):
        mismatches.append(Mismatch(target.id, unit, period, float(found.value), compiled,
                                   found))


def evaluate_units(plan: Plan, units: Units, root: str, own: Figures,
                   by_unit: Mapping[str, Figures], period: Period,
                   data_end: Period | None = None) -> UnitsReport:
    """Judge the plan unit `root` from its own figures and its units' (rolled up), and each of
    its children against its assignment; a roll-up below `min_coverage` is no data."""
    if data_end is None:
        data_end = max(filter(None, (f.latest for f in (own, *by_unit.values()))), default=None)
    rolled, mismatches = roll_up(plan, units, root, {**by_unit, root: own}, data_end)
    covers = coverages(plan, units, root, rolled, period, data_end)
    report = judge_rolled(plan, root, rolled, period, data_end, covers)
    targets: dict[str, TargetUnits] = {}
    for target in plan.targets:
        if target.id not in covers or not covers[target.id].expected:
            continue
        views: dict[float | None, Target] = {}
        cover = covers[target.id]
        found = rolled[root].of(target.id).get(period)
        compiled = combine(target, [(c, f.value) for c in cover.counted if (f := state(
            rolled[c].of(target.id), period, data_end)) is not None], units)
        is_short = (found is None or found.unit == root) and short(
            target, len(cover.counted), cover.expected)
        source = None if is_short or found is None else "rollup" if found.unit == root \
            else "own"
        targets[target.id] = TargetUnits(
            target.id, target.rollup or "none", cover, compiled, is_short, source,
            tuple(unit_result(plan, target, c, rolled.get(c, _EMPTY), period,
                              not units.children(c), views, data_end)
                  for c in units.children(root)))
    return UnitsReport(report, root, targets, tuple(mismatches), rolled, units, data_end)


def coverages(plan: Plan, units: Units, root: str, rolled: Mapping[str, Figures],
              period: Period, data_end: Period | None) -> dict[str, Coverage]:
    """Per rolled-up target, which of `root`'s units have a figure for `period`."""
    return {t.id: coverage(rolled, members(units, root, t), t, period, data_end)
            for t in plan.targets if t.rollup not in (None, "none")}


def judge_rolled(plan: Plan, root: str, rolled: Mapping[str, Figures], period: Period,
                 data_end: Period | None, covers: Mapping[str, Coverage]) -> Judgement:
    """The plan unit's report at `period` from the rolled-up figures: a target whose figure
    would be a roll-up of too few units (`min_coverage`, by `covers`) is no data, unless an
    earlier figure already decided it."""
    report = evaluate(plan, rolled[root], period, data_end)
    results = list(report.results)
    for i, (target, result) in enumerate(zip(plan.targets, report.results, strict=True)):
        if target.rollup in (None, "none") or result.status is Status.NO_DATA \
                or (result.as_of != period and decided(result)):
            continue
        found = rolled[root].of(target.id).get(period)
        if found is not None and found.unit != root:  # the plan unit's own figure
            continue
        cover = covers[target.id]
        if short(target, len(cover.counted), cover.expected):
            results[i] = Result(target, Status.NO_DATA, result.actual, result.as_of,
                                deadline=result.deadline)
    return replace(report, results=tuple(results))


def unit_result(plan: Plan, target: Target, unit: str, figures: Figures, period: Period,
                leaf: bool = True, views: dict[float | None, Target] | None = None,
                data_end: Period | None = None) -> UnitResult:
    """One unit's figure for `period` (under share_meeting and count_meeting, a unit that
    reports shows its state: `state`) and, when it has an assignment (or, under those rules,
    when it is a unit that reports), its status. `views` keeps the target as units see it,
    by assignment, for the next units."""
    views = {} if views is None else views
    mine = figures.of(target.id)
    reported = period in mine
    meeting = target.rollup in MEETING_RULES
    found = state(mine, period, data_end) if meeting and leaf else mine.get(period)
    assigned = target.assigns(unit)
    result = None
    if meeting:
        assigned = leaf
    if assigned:
        own = target.assigned(unit)
        seen = views.get(own)
        if seen is None:
            seen = views[own] = unit_target(target, unit)
        # under the meeting rules, judged on the state the roll-up counts, nothing else
        judged = ({} if found is None else {found.period: found}) if meeting else mine
        result = judge(seen, judged, period, plan.status_bands,
                       plan.deadline_of(seen) if seen.kind == "milestone" else None, data_end)
    if found is None and result is not None and result.as_of is not None:
        found = mine[result.as_of]  # the earlier figure judged, or shown for reference
    if found is None:
        return UnitResult(unit, None, reported, result)
    return UnitResult(unit, found.value, reported, result, found.period,
                      figures.replaced(target.id, found.period))


def unused(plan: Plan, by_unit: Mapping[str, Figures]) -> list[tuple[Figure, int]]:
    """The units' figures no output can use: of a target that does not roll up (`rollup:`
    none or absent) and that gives the unit no target of its own (`assign:`). Per such target,
    in plan order, the first unit's earliest figure and how many units sent such figures: each
    is named in a warning, never dropped without a word."""
    found = []
    for target in plan.targets:
        if target.rollup not in (None, "none"):
            continue
        units = [mine for unit, figures in by_unit.items()
                 if (mine := figures.of(target.id)) and not target.assigns(unit)]
        if units:
            found.append((units[0][min(units[0])], len(units)))
    return found


def unit_plan(plan: Plan, units: Units, unit: str) -> Plan | None:
    """The plan as one unit below the plan's own is judged by it: the targets it has an
    assignment for, each against it, and under share_meeting/count_meeting whether it meets
    the standard (a unit that reports) or the share or count of its own units (one above).
    None when no target applies to it."""
    leaf = not units.children(unit)
    targets = []
    for t in plan.targets:
        if t.rollup in MEETING_RULES:
            targets.append(unit_target(t, unit) if leaf else t)
        elif t.assigns(unit):
            targets.append(unit_target(t, unit))
    if not targets:
        return None
    return Plan.model_validate({**plan.model_dump(), "targets": [t.model_dump() for t in targets]})

"""The roll-up rules: a unit's figure from its units' figures, completeness, per-unit status.

Pure functions, no I/O and no words. For each target with a `rollup` and each period, every
unit of the tree gets a figure: its own when it reported one (the own figure wins), else the
roll-up of its children's figures for that same period (recursively up the tree), when enough
of them reported (`min_coverage`). README, "Units and roll-up", gives each formula; every
branch is pinned by tests/rules/test_rollup.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from hauloc_cli.model.figures import Figure, Figures, Value
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import MEETING_RULES, Plan, Target, unit_target
from hauloc_cli.model.units import Units
from hauloc_cli.rules.status import Report, Result, Status, evaluate, judge, same

_EMPTY = Figures()


@dataclass(frozen=True)
class Coverage:
    """Which of a unit's children have a figure for the period: `reported` of `expected`."""

    reported: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def expected(self) -> int:
        return len(self.reported) + len(self.missing)

    @property
    def share(self) -> float:
        return len(self.reported) / self.expected if self.expected else 1.0

    @property
    def partial(self) -> bool:
        return bool(self.missing)


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
    report: Report  # the plan unit's results, roll-ups included
    plan_unit: str
    targets: Mapping[str, TargetUnits]
    mismatches: tuple[Mismatch, ...]
    rolled: Mapping[str, Figures]  # every unit's figures, own and rolled up
    units: Units  # the tree


def meets(target: Target, unit: str, value: Value) -> bool:
    """A unit's figure meets the standard: a milestone done, or a number at or beyond the
    unit's threshold (its assignment, else the target's `threshold`). The same as judging it
    by `unit_target`, without building it for every figure."""
    assigned = target.assign.get(unit) if isinstance(target.assign, dict) else target.assign
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
    if rule == "sum":
        return sum(xs)
    if rule == "mean":
        return sum(xs) / len(xs)
    if rule == "min":
        return min(xs)
    if rule == "max":
        return max(xs)
    assert rule == "weighted_mean" and target.weight is not None
    of = weight or units.weight
    found = [of(u, target.weight) for u, _ in values]
    weights = [w for w in found if w is not None]
    if len(weights) < len(found) or same(sum(weights), 0.0):
        return None
    return sum(w * x for w, x in zip(weights, xs, strict=True)) / sum(weights)


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


def coverage(rolled: Mapping[str, Figures], children: Sequence[str], target: str,
             period: Period) -> Coverage:
    has: list[str] = []
    missing: list[str] = []
    for c in children:
        (has if period in rolled.get(c, _EMPTY).of(target) else missing).append(c)
    return Coverage(tuple(has), tuple(missing))


def roll_up(plan: Plan, units: Units, root: str, own: Mapping[str, Figures]
            ) -> tuple[dict[str, Figures], list[Mismatch]]:
    """Every unit's figures under `root` (itself included): its own, and for each target with
    a roll-up and each period, the roll-up of its children where it has no figure of its own.
    A unit without units of its own keeps its figures as they are (nothing is added to them),
    unless figures were revised."""
    periods = sorted({p for figures in own.values() for p in figures.periods})
    rolled: dict[str, Figures] = {}
    mismatches: list[Mismatch] = []
    weights: dict[tuple[str, str], float | None] = {}
    leaves: dict[str, tuple[str, ...]] = {}  # units.leaves(unit), made once per unit

    def weight(unit: str, name: str) -> float | None:
        if (unit, name) not in weights:
            weights[unit, name] = units.weight(unit, name)
        return weights[unit, name]

    for unit in reversed((root, *units.descendants(root))):  # children before parents
        mine, leaf = own.get(unit), not units.children(unit)
        if leaf and (mine is None or not mine.revised):
            rolled[unit] = mine or Figures()
            continue
        figures = Figures(mine or ())  # a copy, without the figures revised
        for target in plan.targets:
            if leaf or target.rollup in (None, "none"):
                continue
            if target.rollup in MEETING_RULES and unit not in leaves:
                leaves[unit] = units.leaves(unit)
            over = leaves[unit] if target.rollup in MEETING_RULES else units.children(unit)
            kids = [(c, rolled[c].of(target.id)) for c in over]  # as members() gives them
            for period in periods:
                _roll_one(plan, (units, weight), figures, unit, target, period, kids,
                          mismatches)
        rolled[unit] = figures
    return rolled, mismatches


def _roll_one(plan: Plan, tree: tuple[Units, Callable[[str, str], float | None]],
              figures: Figures, unit: str, target: Target, period: Period,
              kids: Sequence[tuple[str, Mapping[Period, Figure]]],
              mismatches: list[Mismatch]) -> None:
    """The roll-up of one target and period for `unit`, from `kids`, its members and their
    figures of the target."""
    values = [(c, f.value) for c, theirs in kids if (f := theirs.get(period)) is not None]
    cover = Coverage(tuple(c for c, _ in values), () if len(values) == len(kids) else tuple(
        c for c, theirs in kids if period not in theirs))
    if cover.share < target.min_coverage and not same(cover.share, target.min_coverage):
        return
    compiled = combine(target, values, *tree)
    if compiled is None:
        return
    compiled_value: Value = compiled
    if target.kind == "milestone":  # done when every child is done
        compiled_value = not cover.partial and all(meets(target, u, v) for u, v in values)
    found = figures.of(target.id).get(period)
    if found is None:
        figures.add(Figure(target.id, period, compiled_value, unit))
    elif not isinstance(found.value, bool) and mismatch(float(found.value), compiled,
                                                        plan.rollup_tolerance):
        mismatches.append(Mismatch(target.id, unit, period, float(found.value), compiled,
                                   found))


def evaluate_units(plan: Plan, units: Units, root: str, own: Figures,
                   by_unit: Mapping[str, Figures], period: Period) -> UnitsReport:
    """Judge the plan unit `root` from its own figures and its units' (rolled up), and each of
    its children against its assignment; a roll-up below `min_coverage` is no data."""
    rolled, mismatches = roll_up(plan, units, root, {**by_unit, root: own})
    report = evaluate(plan, rolled[root], period)
    targets: dict[str, TargetUnits] = {}
    results = list(report.results)
    for i, target in enumerate(plan.targets):
        kids = members(units, root, target)
        if target.rollup in (None, "none") or not kids:
            continue
        views: dict[float | None, Target] = {}
        cover = coverage(rolled, kids, target.id, period)
        found = rolled[root].of(target.id).get(period)
        compiled = combine(target, [(c, rolled[c].of(target.id)[period].value)
                                    for c in cover.reported], units)
        short = (found is None or found.unit == root) and cover.share < target.min_coverage \
            and not same(cover.share, target.min_coverage)
        if short:
            results[i] = Result(target, Status.NO_DATA, deadline=results[i].deadline)
        source = None if short or found is None else "rollup" if found.unit == root else "own"
        targets[target.id] = TargetUnits(
            target.id, target.rollup or "none", cover, compiled, short, source,
            tuple(unit_result(plan, target, c, rolled.get(c, _EMPTY), period,
                              not units.children(c), views) for c in units.children(root)))
    return UnitsReport(replace(report, results=tuple(results)), root, targets,
                       tuple(mismatches), rolled, units)


def unit_result(plan: Plan, target: Target, unit: str, figures: Figures, period: Period,
                leaf: bool = True, views: dict[float | None, Target] | None = None
                ) -> UnitResult:
    """One unit's figure for `period` and, when it has an assignment (or, under
    share_meeting and count_meeting, when it is a unit that reports), its status. `views`
    keeps the target as units see it, by assignment, for the next units."""
    views = {} if views is None else views
    mine = figures.of(target.id)
    found = mine.get(period)
    assigned = target.assign is not None and (
        not isinstance(target.assign, dict) or unit in target.assign)
    result = None
    if target.rollup in MEETING_RULES and not leaf:
        assigned = False
    elif target.rollup in MEETING_RULES:
        assigned = True
    if assigned:
        own = target.assign.get(unit) if isinstance(target.assign, dict) else target.assign
        seen = views.get(own)
        if seen is None:
            seen = views[own] = unit_target(target, unit)
        result = judge(seen, mine, period, plan.status_bands,
                       plan.deadline_of(seen) if seen.kind == "milestone" else None)
    return UnitResult(unit, None if found is None else found.value, found is not None, result)


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
        elif t.assign is not None and (not isinstance(t.assign, dict) or unit in t.assign):
            targets.append(unit_target(t, unit))
    if not targets:
        return None
    return Plan.model_validate({**plan.model_dump(), "targets": [t.model_dump() for t in targets]})

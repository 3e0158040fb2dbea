"""The meeting brief: what a quarterly meeting needs to see, computed from the status rules.

Pure: a plan, its figures and a quarter in, a `Brief` out. No I/O, no rich, no words of any
language (the renderers in `render/brief_*.py` choose those). The rules themselves stay in
`rules/status.py`; every quarter shown here is judged by `status.evaluate`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from hauloc_cli.model.figures import Figure, Figures, FigureStatus, Value
from hauloc_cli.model.periods import MONTHS_PER_YEAR, Period
from hauloc_cli.model.plan import Plan, Target
from hauloc_cli.rules.compare import Revision, revisions
from hauloc_cli.rules.rollup import UnitsReport
from hauloc_cli.rules.status import (
    YEAR_END,
    Judgement,
    Result,
    Status,
    days_to_deadline,
    evaluate,
    progress,
    same,
    verdict,
)

# Sections in the order Vietnamese reports use (a plan's declared groups first, Plan.group_order);
# targets without a group come last.
OTHER = "other"

# What the brief calls each result: the status before the final quarter, the year-end class at it.
STATUS_VERDICTS: tuple[str, ...] = tuple(s.value for s in Status)
YEAR_END_VERDICTS: tuple[str, ...] = YEAR_END


@dataclass(frozen=True, slots=True)
class Bar:
    """A progress bar: `fill` and `mark` are shares of its length (0 to 1).

    `over` is set when an at_most target without a baseline has used more than its allowance.
    """

    fill: float
    mark: float
    over: bool = False


@dataclass(frozen=True, slots=True)
class Point:
    """One quarter of a target's history: the figure reported for it (None when none was) and
    the verdict at that quarter by the same rules."""

    period: Period
    value: Value | None
    fill: float | None
    verdict: str


@dataclass(frozen=True, slots=True)
class Need:
    """What a target still needs. `kind` is one of:

    per_quarter or per_month (amount per remaining quarter or month: `is_monthly`), missed_by,
    allowed_per_quarter or allowed_per_month, over_by,
    gap (amount still to go up), reduce (amount still to come down), days_left, days_overdue.
    """

    kind: str
    amount: float
    points: bool = False  # the amount is in percentage points (the unit is %)


@dataclass(frozen=True, slots=True)
class Item:
    result: Result
    verdict: str
    bar: Bar | None
    history: tuple[Point, ...]
    days: int | None = None  # milestones: days from the end of the quarter to the deadline
    need: Need | None = None

    @property
    def target(self) -> Target:
        return self.result.target


@dataclass(frozen=True, slots=True)
class Section:
    group: str  # one of the plan's group_order, or OTHER
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Change:
    item: Item
    before: Status
    now: Status


@dataclass(frozen=True)
class Brief:
    report: Judgement
    sections: tuple[Section, ...]
    attention: tuple[Item, ...]
    changes: tuple[Change, ...] | None  # None at the first quarter: nothing to compare with
    no_data: tuple[Item, ...]
    # Figures a later report replaced (rules/compare.py), and whether the quarter before was
    # judged with a revised figure: "changed since last quarter" then says so.
    revisions: tuple[Revision, ...] = ()
    changes_revised: bool = False
    # The units' side (who is behind, who has not reported), when a units tree is in effect.
    units: UnitsReport | None = None
    # The run steps month by month (`is_monthly`), else quarter by quarter.
    monthly: bool = False

    @property
    def period(self) -> Period:
        return self.report.period

    @property
    def final(self) -> bool:
        return self.report.period.final

    @property
    def estimated(self) -> bool:
        """The final period judged on estimates (`ước cả năm`, made before December): some
        target's figure of it is an estimate."""
        period, figures = self.report.period, self.report.figures
        return period.final and any(
            (f := figures.of(r.target.id).get(period)) is not None
            and f.status is FigureStatus.ESTIMATE for r in self.report.results)

    @property
    def previous(self) -> Period:
        """The period before, at the run's step: last month, or last quarter."""
        return self.report.period.previous(self.monthly)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)

    @property
    def verdicts(self) -> tuple[str, ...]:
        """The verdicts this brief speaks in, in the order the headline counts them."""
        return YEAR_END_VERDICTS if self.final else STATUS_VERDICTS

    @property
    def counts(self) -> dict[str, int]:
        """How many targets have each verdict; before the final period, missed (a ceiling
        already passed) only when there is one."""
        counts = self._count(self.items)
        if not self.final and not counts[Status.MISSED.value]:
            del counts[Status.MISSED.value]
        return counts

    @property
    def from_above(self) -> tuple[Item, ...]:
        """The targets the level above assigned (`from_above:`, chỉ tiêu tỉnh giao), which
        the year-end count gives again on their own line."""
        return tuple(i for i in self.items if i.target.from_above)

    def _count(self, items: tuple[Item, ...]) -> dict[str, int]:
        counts = dict.fromkeys(self.verdicts, 0)
        for item in items:
            counts[item.verdict] += 1
        return counts

    @property
    def from_above_counts(self) -> dict[str, int]:
        """`counts` of the targets assigned from above (every verdict, none left out)."""
        return self._count(self.from_above)

    @property
    def defined(self) -> int:
        return len(self.report.plan.targets)

    @property
    def declared(self) -> int | None:
        return self.report.plan.plan.declared_targets


def build_brief(plan: Plan, figures: Figures, period: Period,
                at: Callable[[Period], Judgement] | None = None,
                units: UnitsReport | None = None) -> Brief:
    """The brief for the end of `period`: every quarter up to it judged by `at` (the run's
    own judgement, core/run.py `Outcome.at`; without it, the plain rules on `figures`)."""
    monthly = is_monthly(plan, figures, period)
    so_far = period.year_so_far(monthly)
    judged = at or (lambda p: evaluate(plan, figures, p))
    reports = {p: judged(p) for p in so_far}
    report = reports[period]
    items = [
        _item(result, [reports[p].results[i] for p in so_far],
              figures.of(result.target.id), period, monthly)
        for i, result in enumerate(report.results)
    ]
    sections = tuple(
        Section(group, tuple(i for i in items if (i.target.group or OTHER) == group))
        for group in (*plan.group_order, OTHER)
        if any((i.target.group or OTHER) == group for i in items)
    )
    changes = None
    if not period.first(monthly):
        before = reports[period.previous(monthly)].results
        changes = tuple(Change(item, before[n].status, item.result.status)
                        for n, item in enumerate(items)
                        if before[n].status is not item.result.status)
    revised = revisions(plan, figures, period)
    return Brief(
        report=report,
        sections=sections,
        attention=needs_attention(items),
        changes=changes,
        no_data=tuple(i for i in items if i.result.status is Status.NO_DATA),
        revisions=revised,
        changes_revised=changes is not None and any(
            r.before.period <= period.previous(monthly) for r in revised),
        units=units,
        monthly=monthly,
    )


def is_monthly(plan: Plan, figures: Figures, period: Period) -> bool:
    """A run is monthly when the plan paces a target by month (12 shares), the period judged
    is a month inside a quarter, or a figure of its year is; else it steps by quarter, as
    plans and files of quarters always have."""
    if period.quarter is None or any(t.pace is not None and len(t.pace) == MONTHS_PER_YEAR
                                     for t in plan.targets):
        return True
    return any(p.year == period.year and p.quarter is None for p in figures.periods)


def needs_attention(items: list[Item]) -> tuple[Item, ...]:
    """Missed, off-track then at-risk targets, lowest ratio first; no ratio last, then plan
    order."""
    rank = {Status.MISSED: 0, Status.OFF_TRACK: 1, Status.AT_RISK: 2}
    chosen = [(n, i) for n, i in enumerate(items) if i.result.status in rank]
    chosen.sort(key=lambda ni: (rank[ni[1].result.status], ni[1].result.ratio is None,
                                ni[1].result.ratio or 0.0, ni[0]))
    return tuple(i for _, i in chosen)


def bar(target: Target, a: float, period: Period) -> Bar:
    """fill = clamp((a − B) / (T − B), 0, 1), B the baseline (else 0); the mark where the
    target should be by now (cumulative, level with a baseline) or at the end (annual, level
    without a baseline). For at_most targets without a baseline the fill is the share of the
    allowance used."""
    done, due = progress(target, a, period)
    t = target.target
    assert t is not None
    over = (target.direction == "at_most" and target.baseline is None
            and a > t and not same(a, t))
    if done is None:  # a way of no length: an allowance of 0, all used as soon as a > 0;
        done, due = (1.0 if over else 0.0), 1.0  # the mark at the end: nothing is allowed
    return Bar(min(max(done, 0.0), 1.0), min(max(due, 0.0), 1.0), over)


def need(result: Result, period: Period, monthly: bool = False) -> Need | None:
    """What a target still needs, for the targets that need attention (None for the others).

    cumulative at_least: (T − a) / (quarters left) per remaining quarter, or missed by T − a at
    the end;
    cumulative at_most: the most still allowed per remaining quarter, or how far over the limit;
    level and annual: the gap to the target; milestones: days to the deadline, from the end of
    the quarter (negative: overdue).
    """
    if result.status not in (Status.AT_RISK, Status.OFF_TRACK, Status.MISSED):
        return None
    target = result.target
    if target.kind == "milestone":
        assert result.deadline is not None
        days = days_to_deadline(result.deadline, period)
        return Need("days_left", days) if days >= 0 else Need("days_overdue", -days)
    assert target.target is not None and result.actual is not None
    t, a = target.target, float(result.actual)
    points = target.measure == "%"
    left = period.left(monthly)
    each = "month" if monthly else "quarter"
    if target.kind == "cumulative" and target.direction == "at_least":
        if period.final:
            return Need("missed_by", t - a, points)
        return Need(f"per_{each}", (t - a) / left, points)
    if target.kind == "cumulative":
        if a > t and not same(a, t):
            return Need("over_by", a - t, points)
        return Need(f"allowed_per_{each}", (t - a) / max(left, 1), points)
    if target.direction == "at_least":
        return Need("missed_by" if period.final else "gap", t - a, points)
    return Need("missed_by" if period.final else "reduce", a - t, points)


def _item(result: Result, by_period: list[Result], figures: Mapping[Period, Figure],
          period: Period, monthly: bool) -> Item:
    target = result.target
    history = tuple(_point(target, figures.get(r_period), r, r_period)
                    for r_period, r in zip(period.year_so_far(monthly), by_period, strict=True))
    shown_bar = None
    days = None
    if target.kind == "milestone":
        assert result.deadline is not None
        days = days_to_deadline(result.deadline, period)
    elif result.actual is not None:
        shown_bar = bar(target, float(result.actual), period)
    return Item(result, verdict(result, period), shown_bar, history, days,
                need(result, period, monthly))


def _point(target: Target, figure: Figure | None, result: Result, period: Period) -> Point:
    value = None if figure is None else figure.value
    fill = None
    if value is not None:
        fill = (1.0 if value else 0.0) if isinstance(value, bool) else \
            bar(target, float(value), period).fill
    return Point(period, value, fill, verdict(result, period))

"""The official report's annex table: one line per target, grouped as the plan groups them, with
the year's plan, the same period last year, the figure of the period judged, the comparisons
and the assessment; and, with units, one line per target and unit.

Pure: the meeting brief (views/brief.py), the figures and the units' roll-up in, an `Annex` out.
No words of any language: the writers (`render/report_*.py`) choose them, and the column
headings of `vocab/annex_columns.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from hauloc_cli.model.figures import Figures, FigureStatus, Value
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, Target, unit_target
from hauloc_cli.model.term import TermPlan
from hauloc_cli.model.units import Unit
from hauloc_cli.rules.compare import VsLastYear, facts, vs_last_year
from hauloc_cli.rules.rollup import UnitsReport
from hauloc_cli.rules.status import Result, verdict
from hauloc_cli.rules.term import term_share
from hauloc_cli.views.brief import Brief

# The verdict of a unit's line when it sent no figure for the period (and no earlier state
# stands in): said as such, so that the table names who has not reported.
NOT_REPORTED = "not_reported"


@dataclass(frozen=True, slots=True)
class Line:
    """One row of the annex table: a target (of a unit, on the sheet by unit).

    `plan` is the year's target T (the unit's assignment on the sheet by unit; None for a
    milestone, or a unit with no assignment); `value` the figure judged, reported for `as_of`
    (older than the period judged when no later figure came); `of_plan` is a / T and
    `vs_last_year` the comparison with the same period last year (rules/compare.py);
    `verdict` the brief's word key (rules/status.verdict), NOT_REPORTED for a unit that sent
    no figure, None for a unit with no assignment.
    """

    number: int  # 1, 2, … within the group (the sheet by unit: within the whole sheet)
    target: Target
    plan: float | None
    value: Value | None
    as_of: Period | None
    figure_status: FigureStatus | None
    last_year: Value | None
    of_plan: float | None
    vs_last_year: VsLastYear | None
    verdict: str | None
    result: Result | None
    unit: Unit | None = None  # the reporting unit (the sheet by unit only)
    # What the office wrote beside the figure judged (inputs: `nguyên nhân`, `giải pháp`).
    cause: str = ""
    solution: str = ""
    # In a monthly annex, the month's own figure: a flow's total to date less the total to
    # the month before; None for a state, or when either is missing.
    month: Value | None = None
    # The year's figure against the term's target, when the term also holds the target (the
    # year's end of a plan naming its term plan): value / the term's target.
    term_goal: float | None = None
    # report --next-plan: next year's target, and it against the year's figure.
    next_plan: float | None = None
    next_vs: VsLastYear | None = None


@dataclass(frozen=True, slots=True)
class Group:
    group: str  # a group of the plan's group_order, or views.brief.OTHER
    number: int  # 1, 2, … (written I, II, …)
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Annex:
    brief: Brief
    groups: tuple[Group, ...]
    by_unit: tuple[Line, ...]  # empty without units
    issued: date | None  # the date line of the document; None: left blank for the clerk
    # How final the figures judged are: every one an estimate ("all": the value column is
    # headed Ước thực hiện…), some marked differently ("mixed": a column says each one's
    # status), or none an estimate ("none").
    estimates: str
    # The units' roll-up (coverage, compiled figures, names); None without units.
    units: UnitsReport | None = None
    number: str | None = None  # the report's number in the register; None: left blank
    # Whether the table has the term's column (a plan naming its term plan, at the year's
    # end) and next year's plan's columns (report --next-plan).
    term_goal: bool = False
    next_plan: bool = False

    @property
    def monthly(self) -> bool:
        """The monthly layout: the month's own figure beside the total to date."""
        return self.brief.monthly

    @property
    def plan(self) -> Plan:
        return self.brief.report.plan

    @property
    def period(self) -> Period:
        return self.brief.period

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for g in self.groups for line in g.lines)


def build_annex(brief: Brief, units: UnitsReport | None, issued: date | None,
                number: str | None = None, term: TermPlan | None = None,
                next_plan: Plan | None = None) -> Annex:
    """The annex of `brief`'s period; `units` (the units' roll-up) adds the lines by unit;
    `issued` and `number` are the report's date and number (None: blank for the clerk);
    `term`, the term plan the year carries out, adds at the year's end the column against the
    term's targets; `next_plan`, next year's plan, its targets and their growth."""
    figures = brief.report.figures
    period = brief.period
    term = term if period.final else None
    groups = tuple(
        Group(section.group, n, tuple(
            _beside(_line(i, item.result, figures, period), term, next_plan)
            for i, item in enumerate(section.items, 1)))
        for n, section in enumerate(brief.sections, 1))
    by_unit = () if units is None else _by_unit(brief.report.plan, units, period)
    lines = [line for g in groups for line in g.lines] + list(by_unit)
    return Annex(brief, groups, by_unit, issued, _estimates(lines), units, number,
                 term is not None, next_plan is not None)


def _beside(line: Line, term: TermPlan | None, next_plan: Plan | None) -> Line:
    """The line with the term's target and next year's plan beside it, where they hold it."""
    value = None if isinstance(line.value, bool) else line.value
    held = None if term is None else term.by_id.get(line.target.id)
    goal = None if held is None or value is None else term_share(held, value)
    ahead = None if next_plan is None else next_plan.by_id.get(line.target.id)
    plan = None if ahead is None or ahead.kind == "milestone" else ahead.target
    vs = None if plan is None or value is None else vs_last_year(line.target, plan, value)
    if goal is None and plan is None:
        return line
    return replace(line, term_goal=goal, next_plan=plan, next_vs=vs)


def _line(number: int, result: Result, figures: Figures, period: Period,
          target: Target | None = None, unit: Unit | None = None) -> Line:
    """The line of `result` (a unit's, when `unit` is given: `target` is then what the unit is
    judged against). Last year's figure is that of the period judged a year earlier, whatever
    the quarter of the latest figure; it is compared with the figure only when that figure is
    of the period judged."""
    found = facts(result, figures)
    figure = found.figure
    shown = target or result.target
    by_period = figures.of(result.target.id)
    last = by_period.get(period.same_last_year())
    month = None
    if shown.kind == "cumulative" and result.as_of == period and figure is not None \
            and not isinstance(figure.value, bool):
        before = by_period.get(period.previous(monthly=True)) if period.month > 1 else None
        if period.month == 1:
            month = figure.value
        elif before is not None and not isinstance(before.value, bool):
            month = float(figure.value) - float(before.value)
    return Line(number, shown, shown.target if shown.kind != "milestone" else None,
                result.actual, result.as_of, None if figure is None else figure.status,
                None if last is None else last.value, found.plan_share,
                found.vs_last_year if result.as_of == period else None,
                verdict(result, period), result, unit,
                "" if figure is None else figure.cause, "" if figure is None else figure.solution,
                month)


def _by_unit(plan: Plan, units: UnitsReport, period: Period) -> tuple[Line, ...]:
    """Per target in plan order, each of the plan unit's units in the units file's order."""
    tree = {u.id: u for u in units.units.units}
    lines: list[Line] = []
    for target in plan.targets:
        rolled = units.targets.get(target.id)
        if rolled is None:
            continue
        for unit_result in rolled.units:
            unit = tree[unit_result.unit]
            own = unit_target(target, unit.id)
            figures = units.rolled.get(unit.id, Figures())
            number = len(lines) + 1
            if unit_result.result is None:  # no assignment: the figure, nothing to judge by
                figure = figures.of(target.id).get(unit_result.as_of or period)
                lines.append(Line(number, own, None, unit_result.actual, unit_result.as_of,
                                  None if figure is None else figure.status, None, None, None,
                                  None if unit_result.reported or unit_result.actual is not None
                                  else NOT_REPORTED, None, unit,
                                  "" if figure is None else figure.cause,
                                  "" if figure is None else figure.solution))
            else:
                line = _line(number, unit_result.result, figures, period, own, unit)
                if not unit_result.reported and unit_result.actual is None:
                    line = replace(line, verdict=NOT_REPORTED)
                lines.append(line)
    return tuple(lines)


def _estimates(lines: list[Line]) -> str:
    """'all' when every figure shown is an estimate, 'none' when none is marked, else 'mixed'
    (official figures are marked too, so that the table read back gives the same figures)."""
    statuses = {line.figure_status for line in lines if line.value is not None}
    if statuses == {FigureStatus.ESTIMATE}:
        return "all"
    return "none" if statuses <= {None} else "mixed"

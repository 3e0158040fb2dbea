"""Data-entry templates: one row per target and period, ready for an office to fill in.

Pure: which rows a template has. `render/template/` writes them as CSV or a workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import MEETING_RULES, Plan, Target, unit_target
from hauloc_cli.model.units import Units


@dataclass(frozen=True)
class TemplateRow:
    target: Target
    period: Period
    plan_target: float | date | None  # the target's figure, a milestone's deadline, or none
    unit: str | None = None  # the reporting unit (a template for units)
    unit_name: str = ""


def template_rows(plan: Plan, periods: Sequence[Period] | None = None) -> list[TemplateRow]:
    """Every target of the plan, in plan order, once for each period asked (default: every
    quarter of the plan's year)."""
    if periods is None:
        periods = Period.of_year(plan.plan.year)
    rows: list[TemplateRow] = []
    for t in plan.targets:
        goal: float | date
        if t.kind == "milestone":
            goal = plan.deadline_of(t)
        else:
            assert t.target is not None
            goal = t.target
        rows.extend(TemplateRow(t, p, goal) for p in periods)
    return rows


def unit_template_rows(plan: Plan, units: Units, root: str,
                       periods: Sequence[Period] | None = None) -> list[TemplateRow]:
    """A template for units: for each unit that reports (the leaves under the plan unit
    `root`), every target that rolls up, as that unit reports it (yes/no under share_meeting
    and count_meeting), with its assignment as its target; then the plan unit's own rows for
    the targets that do not roll up. Rows are by unit, so that a unit's rows are together."""
    if periods is None:
        periods = Period.of_year(plan.plan.year)
    rows: list[TemplateRow] = []
    for unit in (*units.leaves(root), root):
        name = units.by_id[unit].name
        for t in plan.targets:
            if (unit == root) != (t.rollup in (None, "none")):
                continue
            seen = unit_target(t, unit) if unit != root else t
            assigned = unit == root or t.rollup in MEETING_RULES or t.assigns(unit)
            goal: float | date | None = seen.target if assigned else None
            if seen.kind == "milestone":
                goal = plan.deadline_of(seen)
            rows.extend(TemplateRow(seen, p, goal, unit, name) for p in periods)
    return rows

"""Data-entry templates: one row per target and period, ready for an office to fill in.

Pure: which rows a template has. `render/template.py` writes them as CSV or a workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, Target


@dataclass(frozen=True)
class TemplateRow:
    target: Target
    period: Period
    plan_target: float | date  # the target's figure, or a milestone's deadline


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

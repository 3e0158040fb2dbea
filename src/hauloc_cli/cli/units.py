"""Judging with units: the roll-up in effect when a units tree is, its warnings, who is missing.

Not a command: the steps `check` and `summary` take when the figures come from units.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hauloc_cli.errors import Code, Problem

if TYPE_CHECKING:
    from hauloc_cli.inputs.actuals import Actuals
    from hauloc_cli.model.periods import Period
    from hauloc_cli.model.plan import Plan
    from hauloc_cli.rules.rollup import Mismatch, UnitsReport
    from hauloc_cli.rules.status import Report


def judge(plan: Plan, data: Actuals, period: Period) -> tuple[Report, UnitsReport | None]:
    """The plan unit's report (its units rolled up when there is a units tree), and the units'
    side of it; the roll-up's mismatches are said on stderr as warnings."""
    from hauloc_cli.rules.status import evaluate

    if data.units is None:
        return evaluate(plan, data.figures, period), None
    from hauloc_cli.cli.common import warn
    from hauloc_cli.inputs.units_file import plan_unit
    from hauloc_cli.rules.rollup import evaluate_units

    root = plan_unit(plan, data.units)
    found = evaluate_units(plan, data.units, root, data.figures, data.by_unit, period)
    warn(tuple(mismatch_warning(m, plan.rollup_tolerance) for m in found.mismatches))
    return found.report, found


def mismatch_warning(m: Mismatch, tolerance: float) -> Problem:
    figure = m.own_figure
    return Problem(figure.file, str(figure.line or ""), Code.ROLLUP_MISMATCH,
                   f"{m.target} of {m.unit} in {m.period}: its own figure {m.own:g} and the "
                   f"roll-up of its units {m.compiled:g} differ by more than {tolerance:.1%}",
                   "the compiled figure does not add up; check it, or the units' figures",
                   figure.line)


def missing_units(units: UnitsReport) -> list[str]:
    """Per rolled-up target, the units that did not report for the period judged."""
    return [f"{tid}: {', '.join(t.coverage.missing)}" for tid, t in units.targets.items()
            if t.coverage.missing]


def exit_code(code: int, units: UnitsReport | None, fail_on_missing: bool) -> int:
    """With --fail-on-missing, a unit that did not report fails the run too."""
    from hauloc_cli.errors import EXIT_FAIL_ON

    if fail_on_missing and units is not None and missing_units(units):
        return max(code, EXIT_FAIL_ON)
    return code

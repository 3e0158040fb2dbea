"""Judging with units: the roll-up in effect when a units tree is, its warnings, who is missing.

Not a command: the steps `check` and `summary` take when the figures come from units.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hauloc_cli.errors import Code, Problem

if TYPE_CHECKING:
    from hauloc_cli.inputs.actuals import Actuals
    from hauloc_cli.model.periods import Period
    from hauloc_cli.model.plan import Plan
    from hauloc_cli.rules.rollup import Mismatch, UnitsReport
    from hauloc_cli.rules.status import Report
    from hauloc_cli.views.template import TemplateRow


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


def for_unit(plan: Plan, units: UnitsReport | None, unit: str, period: Period) -> Report:
    """`--unit ID`: that unit's own report, judged against its assignments."""
    from hauloc_cli.errors import UsageError
    from hauloc_cli.inputs.unit_rows import did_you_mean_unit
    from hauloc_cli.model.figures import Figures
    from hauloc_cli.rules.rollup import unit_plan
    from hauloc_cli.rules.status import evaluate

    if units is None:
        raise UsageError("--unit needs a units file: --units FILE, or units: in the plan")
    if unit not in units.units.by_id:
        raise UsageError(f"--unit: no unit '{unit}' in the units file; "
                         + did_you_mean_unit(unit, units.units))
    if unit == units.plan_unit:
        return units.report
    own = unit_plan(plan, units.units, unit)
    if own is None:
        raise UsageError(f"--unit: the plan assigns unit '{unit}' no target (assign:)")
    return evaluate(own, units.rolled.get(unit, Figures()), period)


def matrix(units: UnitsReport | None, fmt: str, lang: str, width: int) -> str:
    """`--by-unit`: the targets × units matrix in `fmt`."""
    from hauloc_cli.errors import UsageError
    from hauloc_cli.render.units_matrix import render_text

    if units is None:
        raise UsageError("--by-unit needs a units file: --units FILE, or units: in the plan")
    return render_text(units, fmt, lang, width)


def template_rows(plan: Plan, plan_path: Path | None, units_file: Path | None,
                  periods: Sequence[Period] | None) -> list[TemplateRow]:
    """The template's rows: per unit when a units tree is in effect, else per target."""
    from hauloc_cli.inputs.plan_file import default_plan_path
    from hauloc_cli.inputs.units_file import plan_unit, units_for_plan
    from hauloc_cli.views.template import template_rows as plain_rows
    from hauloc_cli.views.template import unit_template_rows

    units = units_for_plan(plan, plan_path or default_plan_path(), units_file)
    if units is None:
        return plain_rows(plan, periods)
    return unit_template_rows(plan, units, plan_unit(plan, units), periods)


def write_split(rows: Sequence[TemplateRow], folder: Path, fmt: str, force: bool = False
                ) -> None:
    """`template --split DIR`: one file per unit, DIR/UNIT.csv (or .xlsx), written atomically.
    A file that is there already (an office may have filled it in) is written over only with
    `force`; without it nothing is written and the files are named (exit 2). All the files
    are written, or none (`output.write_all`)."""
    from hauloc_cli.cli.output import write_all
    from hauloc_cli.errors import UsageError
    from hauloc_cli.render.template import template_csv, template_xlsx

    if not rows or rows[0].unit is None:
        raise UsageError("--split needs a units file: --units FILE, or units: in the plan")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--split: cannot make the folder {folder} ({exc.strerror})") from None
    by_unit: dict[str, list[TemplateRow]] = {}
    for row in rows:
        by_unit.setdefault(row.unit or "", []).append(row)
    try:
        write_all({folder / f"{unit}.{fmt}": template_xlsx(mine) if fmt == "xlsx"
                   else ("\ufeff" + template_csv(mine)).encode()
                   for unit, mine in by_unit.items()}, replace=force)
    except UsageError as exc:
        raise UsageError(f"--split: {exc}") from None

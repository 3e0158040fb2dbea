"""`check --by-unit`: the targets × units matrix, one row per unit, one column per target, in
the formats of `render.MATRIX_FORMATS` (one module each: table, markdown, csv, json); what they
share is here.

Pure functions from a `UnitsReport` to text. The table numbers the targets (a legend under
it names them) and, when the columns do not fit the width, splits them into pages, so that 22
units × 9 targets reads at 80 columns. A cell is the unit's figure, after the status symbol
(at the final quarter, of its year-end class: ★ exceeded) when the unit is judged for that
target (its assignment, or a unit that reports under
share_meeting/count_meeting), with the period of an earlier figure that stands in (a unit's
state); `—` when the unit did not report; empty for a target that does not roll up. Under the
matrix, one line per unit that did not report names it and the targets.
"""

from __future__ import annotations

from typing import Any

from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Target
from hauloc_cli.render.cells import number
from hauloc_cli.rules.rollup import UnitResult, UnitsReport
from hauloc_cli.rules.status import verdict
from hauloc_cli.vocab import milestone, periods
from hauloc_cli.vocab.i18n import SYMBOLS, label

GAP = "  "


def unit_ids(units: UnitsReport) -> tuple[str, ...]:
    return units.units.children(units.plan_unit)


def rolled(units: UnitsReport) -> list[Target]:
    return [t for t in units.report.plan.targets if t.id in units.targets]


def _cell(found: UnitResult | None, target: Target, period: Period, lang: str) -> str:
    if found is None:
        return ""
    if found.actual is None:
        return "—"
    if isinstance(found.actual, bool):
        shown = milestone.written(found.actual, lang)
    else:
        shown = number(float(found.actual), target.measure, lang)
    if not found.reported and found.as_of is not None:  # an earlier state stands in
        shown = f"{shown} ({periods.words(found.as_of, lang)})"
    return shown if found.result is None else f"{SYMBOLS[verdict(found.result, period)]} {shown}"


def grid(units: UnitsReport, lang: str) -> tuple[list[Target], list[tuple[str, list[str]]]]:
    """The rolled-up targets, and per unit its name and one cell per target."""
    targets = rolled(units)
    rows = []
    for unit in unit_ids(units):
        by_target = {t.id: {u.unit: u for u in units.targets[t.id].units} for t in targets}
        name = units.units.by_id[unit].name
        rows.append((name, [_cell(by_target[t.id].get(unit), t, units.report.period, lang)
                            for t in targets]))
    return targets, rows


def silent(units: UnitsReport, lang: str) -> list[str]:
    """One line per unit that did not report a rolled-up target, with the targets' numbers:
    those with no figure at all, then those whose earlier figure stands in."""
    targets = rolled(units)
    covers = units.not_reported()
    lines = []
    for key in ("missing", "carried"):
        for unit in units.units.units:  # the units rolled up over: children, or leaves
            ids = [str(i + 1) for i, t in enumerate(targets)
                   if t.id in covers and unit.id in getattr(covers[t.id], key)]
            if ids:
                lines.append(label(lang, f"matrix.{key}", unit=unit.name, ids=", ".join(ids),
                                   period=periods.name(units.report.period, lang)))
    return lines


def coverage_line(units: UnitsReport, lang: str) -> str:
    parts = [f"{i + 1} {len(t.coverage.reported)}/{t.coverage.expected}"
             for i, t in enumerate(units.targets[x.id] for x in rolled(units))]
    return (f"{periods.name(units.report.period, lang)}: {label(lang, 'matrix.reported')} "
            + ", ".join(parts))


def records(units: UnitsReport) -> list[dict[str, Any]]:
    """One record per unit and rolled-up target, for CSV and JSON."""
    out = []
    for t in rolled(units):
        for u in units.targets[t.id].units:
            out.append({"period": str(units.report.period), "unit": u.unit,
                        "name": units.units.by_id[u.unit].name, "target": t.id,
                        "actual": u.actual, "reported": u.reported,
                        "as_of": None if u.as_of is None else str(u.as_of),
                        "status": None if u.result is None else u.result.status.value,
                        "verdict": None if u.result is None
                        else verdict(u.result, units.report.period)})
    return out

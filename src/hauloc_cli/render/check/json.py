"""The machine-readable report: stable field names, null where a field does not apply."""

from __future__ import annotations

import json
from typing import Any

from hauloc_cli.errors import Problem
from hauloc_cli.model.figures import Figures
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import StatusBands, Target
from hauloc_cli.render import CheckOptions
from hauloc_cli.render.check.units import revision_fields, target_units
from hauloc_cli.render.reasons import explain_result
from hauloc_cli.rules.compare import Facts, facts
from hauloc_cli.rules.rollup import UnitsReport
from hauloc_cli.rules.status import Judgement, Result, verdict

SCHEMA_VERSION = 2  # 2: the status missed, the field verdict


def plan_header(report: Judgement) -> dict[str, Any]:
    info = report.plan.plan
    return {
        "id": info.id,
        "name": info.name,
        "year": info.year,
        "declared_targets": info.declared_targets,
        "defined_targets": len(report.plan.targets),
    }


SIGNIFICANT_DIGITS = 6


def significant(x: float | None) -> float | None:
    """A derived figure rounded to 6 significant digits, so that no float noise shows
    (2.4 / 3 is 0.8, not 0.7999999999999999); None stays None."""
    return None if x is None else float(f"{x:.{SIGNIFICANT_DIGITS}g}")


def result_fields(result: Result, period: Period, bands: StatusBands,
                  figures: Figures | None = None) -> dict[str, Any]:
    """One target's fields; the reason is always in English (see the README)."""
    return {**_result_fields(result, period, bands),
            **_figure_fields(facts(result, Figures() if figures is None else figures),
                             result.target)}


def _form_fields(result: Result) -> dict[str, Any]:
    """The target forms' fields (issue 23), only where the target has them: its range's ends
    (a range, about, or a range of changes as levels), strict, the base of a change from last
    year, and what a change not judged lacks."""
    t, fields = result.target, dict[str, Any]()
    if t.kind != "milestone" and t.target is not None and len(set(t.ends())) == 2:
        fields["target_range"] = sorted(significant(x) for x in t.ends())
    if t.strict:
        fields["strict"] = True
    if result.base is not None or result.lacks is not None:
        fields["base"], fields["lacks"] = result.base, result.lacks
    return fields


def _figure_fields(f: Facts, target: Target) -> dict[str, Any]:
    """What reports say beside the status (issue 12; docs/output.schema.json)."""
    v = f.vs_last_year
    return {
        "figure_status": None if f.figure is None or f.figure.status is None
        else f.figure.status.value,
        "revisions": revision_fields(f.revised),
        "last_year": None if f.last_year is None else f.last_year.value,
        "vs_last_year": None if v is None else {
            "ratio": significant(v.ratio), "growth": significant(v.growth),
            "change": significant(v.change), "points": v.points},
        "plan_share": significant(f.plan_share),
        # the target's other plan values (`other_plans:`), only where it has some
        **({"other_plans": [{"by": o.by, "target": o.target, "share": significant(x)}
                            for o, x in zip(target.other_plans, f.other_shares, strict=True)]}
           if f.other_shares else {}),
    }


def _result_fields(result: Result, period: Period, bands: StatusBands) -> dict[str, Any]:
    t = result.target
    return {
        "id": t.id,
        "name": t.name,
        "group": t.group,
        "kind": t.kind,
        "direction": t.direction,
        "unit": t.measure,
        "target": t.target,
        **_form_fields(result),
        "actual": result.actual,
        "as_of": None if result.as_of is None else str(result.as_of),
        "expected": significant(result.expected),
        "ratio": significant(result.ratio),
        "projected": significant(result.projected),
        "deadline": None if result.deadline is None else result.deadline.isoformat(),
        "status": result.status.value,
        "verdict": verdict(result, period),
        "reason": explain_result(result, period, "en", bands),
    }


def warning_fields(w: Problem) -> dict[str, Any]:
    return {"code": w.code, "message": str(w.message), "file": w.file, "line": w.line}


def render_json(report: Judgement, warnings: tuple[Problem, ...] = (),
                units: UnitsReport | None = None) -> str:
    """The report as JSON: the header fields first, then one target (one warning) per line.

    One line per target keeps the file easy to read and to grep, and lets each object go
    through json's C encoder (`indent=` would use the much slower Python one). The text is
    joined once, from its pieces, so that a large report is not copied again and again.
    """
    head = {
        "schema_version": SCHEMA_VERSION,
        "plan": plan_header(report),
        "period": str(report.period),
        "summary": {s.value: n for s, n in report.counts.items()},
    }
    pieces = ["{\n"]
    pieces += [f'  "{key}": {_dumps(value)},\n' for key, value in head.items()]
    bands = report.plan.status_bands
    pieces += _array("targets", [_dumps({**result_fields(r, report.period, bands, report.figures),
                                         **target_units(units, r, report.period, bands)})
                                 for r in report.results], last=False)
    pieces += _array("warnings", [_dumps(warning_fields(w)) for w in warnings], last=True)
    pieces.append("}\n")
    return "".join(pieces)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _array(key: str, items: list[str], last: bool) -> list[str]:
    """`"key": [` and one item per line; the items stay separate pieces (no join here)."""
    end = "\n" if last else ",\n"
    if not items:
        return [f'  "{key}": []{end}']
    pieces = [f'  "{key}": [\n    ']
    for i, item in enumerate(items):
        pieces += (",\n    ", item) if i else (item,)
    return [*pieces, f"\n  ]{end}"]


def render(report: Judgement, options: CheckOptions) -> str:
    return render_json(report, options.warnings, options.units)

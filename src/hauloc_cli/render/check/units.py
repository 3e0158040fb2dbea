"""The units' side of a target in machine-readable output: coverage and each unit's figure.

Present only when a units tree is in effect (`--units`, or `units:` in the plan).
"""

from __future__ import annotations

from typing import Any

from hauloc_cli.model.figures import Figure
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import StatusBands
from hauloc_cli.render.reasons import explain_result
from hauloc_cli.rules.rollup import TargetUnits, UnitsReport
from hauloc_cli.rules.status import Result, verdict


def coverage_fields(t: TargetUnits) -> dict[str, Any]:
    cover = t.coverage
    return {"rollup": t.rollup, "source": t.source, "reported": len(cover.reported),
            "expected": cover.expected, "partial": cover.partial and t.source == "rollup",
            "missing": list(cover.missing), "carried": list(cover.carried),
            "compiled": t.compiled}


def revision_fields(revised: tuple[Figure, ...]) -> list[dict[str, Any]]:
    """The figures a figure replaced, earliest first, as JSON names them."""
    return [{"value": r.value, "status": None if r.status is None else r.status.value,
             "reported": None if r.reported is None else r.reported.isoformat(),
             "file": r.file, "line": r.line} for r in revised]


def unit_rows(t: TargetUnits, period: Period) -> list[dict[str, Any]]:
    return [{"unit": u.unit, "actual": u.actual,
             "status": None if u.result is None else u.result.status.value,
             "verdict": None if u.result is None else verdict(u.result, period),
             "reported": u.reported,
             "as_of": None if u.as_of is None else str(u.as_of),
             "revisions": revision_fields(u.revisions)} for u in t.units]


def target_units(units: UnitsReport | None, result: Result, period: Period,
                 bands: StatusBands) -> dict[str, Any]:
    """`coverage` and `units` of one target ({} without units; null and [] when the target is
    not rolled up)."""
    if units is None:
        return {}
    found = units.targets.get(result.target.id)
    if found is None:
        return {"coverage": None, "units": []}
    return {"reason": explain(result, period, "en", units, bands),
            "coverage": coverage_fields(found), "units": unit_rows(found, period)}


_BASIC = ("commune", "town", "ward")


def _kind(units: UnitsReport, ids: tuple[str, ...], lang: str) -> str:
    """What the units are called: communes (xã) when all are communes, towns or wards."""
    tree = units.units
    basic = all(tree.by_id[u].kind in _BASIC for u in ids)
    if lang == "vi":
        return "xã" if basic else "đơn vị"
    return "communes" if basic else "units"


def explain(result: Result, period: Period, lang: str, units: UnitsReport | None,
            bands: StatusBands) -> str:
    """The reason of a result, with what the units' coverage says about it."""
    found = None if units is None else units.targets.get(result.target.id)
    if found is None or units is None:
        return explain_result(result, period, lang, bands)
    cover = found.coverage
    everyone = (*cover.reported, *cover.missing)
    word = _kind(units, everyone, lang)
    if found.short:
        if lang == "vi":
            return f"{len(cover.missing)}/{cover.expected} {word} chưa báo cáo"
        return f"{len(cover.missing)} of {cover.expected} {word} have not reported"
    text = explain_result(result, period, lang, bands)
    if not cover.partial or found.source != "rollup":
        return text
    if lang == "vi":
        return f"{text}; {len(cover.reported)}/{cover.expected} {word} đã báo cáo (chưa đủ)"
    return f"{text}; {len(cover.reported)}/{cover.expected} {word} reported (partial)"


def coverage_cell(units: UnitsReport | None, target: str) -> dict[str, Any]:
    """CSV: `coverage` as `18/22`, `partial` (empty without a roll-up)."""
    if units is None:
        return {}
    found = units.targets.get(target)
    if found is None:
        return {"coverage": None, "partial": None}
    cover = found.coverage
    return {"coverage": f"{len(cover.reported)}/{cover.expected}",
            "partial": cover.partial and found.source == "rollup"}

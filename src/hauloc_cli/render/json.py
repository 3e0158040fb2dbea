"""The machine-readable report: stable field names, null where a field does not apply."""

from __future__ import annotations

import json
from typing import Any

from hauloc_cli.errors import Problem
from hauloc_cli.periods import format_period
from hauloc_cli.status import Report, Result

SCHEMA_VERSION = 1


def plan_header(report: Report) -> dict[str, Any]:
    info = report.plan.plan
    return {
        "id": info.id,
        "name": info.name,
        "year": info.year,
        "declared_targets": info.declared_targets,
        "defined_targets": len(report.plan.targets),
    }


def result_fields(result: Result, year: int) -> dict[str, Any]:
    t = result.target
    return {
        "id": t.id,
        "name": t.name,
        "group": t.group,
        "kind": t.kind,
        "direction": t.direction,
        "unit": t.unit,
        "target": t.target,
        "actual": result.actual,
        "as_of": None if result.as_of is None else format_period(year, result.as_of),
        "expected": result.expected,
        "ratio": result.ratio,
        "projected": result.projected,
        "deadline": None if result.deadline is None else result.deadline.isoformat(),
        "status": result.status.value,
        "reason": result.reason,
    }


def warning_fields(w: Problem) -> dict[str, Any]:
    return {"code": w.code, "message": w.message, "file": w.file, "line": w.line}


def render_json(report: Report, warnings: tuple[Problem, ...] = ()) -> str:
    year = report.plan.plan.year
    doc = {
        "schema_version": SCHEMA_VERSION,
        "plan": plan_header(report),
        "period": report.period,
        "summary": {s.value: n for s, n in report.counts.items()},
        "targets": [result_fields(r, year) for r in report.results],
        "warnings": [warning_fields(w) for w in warnings],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

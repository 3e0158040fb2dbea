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
    """The report as JSON: the header fields first, then one target (one warning) per line.

    One line per target keeps the file easy to read and to grep, and lets each object go
    through json's C encoder (`indent=` would use the much slower Python one).
    """
    year = report.plan.plan.year
    fields = [
        ("schema_version", _dumps(SCHEMA_VERSION)),
        ("plan", _dumps(plan_header(report))),
        ("period", _dumps(report.period)),
        ("summary", _dumps({s.value: n for s, n in report.counts.items()})),
        ("targets", _array([_dumps(result_fields(r, year)) for r in report.results])),
        ("warnings", _array([_dumps(warning_fields(w)) for w in warnings])),
    ]
    return "{\n" + ",\n".join(f'  "{key}": {value}' for key, value in fields) + "\n}\n"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _array(items: list[str]) -> str:
    return "[\n    " + ",\n    ".join(items) + "\n  ]" if items else "[]"

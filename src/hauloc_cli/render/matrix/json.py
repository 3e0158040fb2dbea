"""The matrix in JSON: a record per unit and rolled-up target."""

from __future__ import annotations

import json

from hauloc_cli.render import Options
from hauloc_cli.render.matrix import records
from hauloc_cli.rules.rollup import UnitsReport


def render(units: UnitsReport, options: Options) -> str:
    body = {"schema_version": 1, "period": str(units.report.period),
            "plan_unit": units.plan_unit, "units": records(units)}
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"

"""The data-entry template's columns and cells, which each format writes: csv.py, or
xlsx.py, a workbook with checks on the value cells (openpyxl is imported only there)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from hauloc_cli.views.template import TemplateRow
from hauloc_cli.vocab import columns

MILESTONE_WORDS = ("có", "không")
SHEET_TITLE = "actuals"


def _cells(row: TemplateRow) -> dict[str, Any]:
    t = row.target
    goal = row.plan_target
    return {
        "target": t.id,
        "period": str(row.period),
        "value": "",
        "note": "",
        "source": "",
        "name": t.name,
        "unit": "/".join(MILESTONE_WORDS) if t.kind == "milestone" else (t.measure or ""),
        "plan_target": (f"{MILESTONE_WORDS[0]}, hạn {goal.isoformat()}"
                        if isinstance(goal, date) else "" if goal is None else goal),
    }


def row_cells(row: TemplateRow) -> dict[str, Any]:
    """The cells of a row; a units template has the reporting unit in `unit` (its name in
    `unit_name`) and the unit of measure in `measure`."""
    cells = _cells(row)
    if row.unit is None:
        return cells
    measure = cells.pop("unit")
    return {"target": cells.pop("target"), "period": cells.pop("period"), "unit": row.unit,
            **cells, "unit_name": row.unit_name, "measure": measure}


def header(rows: Sequence[TemplateRow]) -> tuple[str, ...]:
    return tuple(row_cells(rows[0])) if rows and rows[0].unit is not None else columns.TEMPLATE


def tidy(x: float) -> int | float:
    """12.0 → 12, so that a whole number is written without a decimal point."""
    return int(x) if x.is_integer() else x

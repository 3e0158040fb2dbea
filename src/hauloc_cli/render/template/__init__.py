"""The data-entry template's columns and cells, which each format writes: csv.py, or
xlsx.py, a workbook with checks on the value cells (openpyxl is imported only there)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from hauloc_cli.views.template import TemplateRow
from hauloc_cli.vocab import columns

MILESTONE_WORDS = ("có", "không")


def _cells(row: TemplateRow, lang: str) -> dict[str, Any]:
    t = row.target
    goal = row.plan_target
    milestone = "/".join(MILESTONE_WORDS)
    if lang == "vi":
        from hauloc_cli.vocab.i18n import unit_label
        from hauloc_cli.vocab.periods import long_words

        return {
            "target": t.id, "period": long_words(row.period, lang), "value": "", "note": "",
            "source": "", "name": t.name,
            "unit": milestone if t.kind == "milestone" else unit_label(lang, t.measure),
            "plan_target": plan_words(row, lang),
        }
    return {
        "target": t.id,
        "period": str(row.period),
        "value": "",
        "note": "",
        "source": "",
        "name": t.name,
        "unit": milestone if t.kind == "milestone" else (t.measure or ""),
        "plan_target": (f"{MILESTONE_WORDS[0]}, hạn {goal.isoformat()}"
                        if isinstance(goal, date) else "" if goal is None else goal),
    }


def plan_words(row: TemplateRow, lang: str) -> str:
    """The plan as a resolution words it, by the words of the reports (vocab/plan_words.py,
    render/report/words.py): `6 sản phẩm` (a count to reach), `≥ 69 triệu đồng/người/năm`,
    `≥ 12%`, `≤ 5%`, `10%–10,5%`, `Hoàn thành trước tháng 6/2024`; empty without one."""
    from hauloc_cli.render.report.words import complete_by
    from hauloc_cli.vocab.i18n import quantity
    from hauloc_cli.vocab.plan_words import is_form, written

    t, goal = row.target, row.plan_target
    if isinstance(goal, date):
        return complete_by(goal, lang)
    if goal is None:
        return ""
    if is_form(t):
        return written(t, lang, sign=True)
    shown = quantity(goal, t.measure, lang)
    if t.kind == "cumulative" and t.direction == "at_least":
        return shown
    return f"{'≥' if t.direction == 'at_least' else '≤'} {shown}"


def row_cells(row: TemplateRow, lang: str = "en") -> dict[str, Any]:
    """The cells of a row, by column; a units template has the reporting unit in `unit` (its
    name in `unit_name`) and the unit of measure in `measure`."""
    cells = _cells(row, lang)
    if row.unit is None:
        return cells
    measure = cells.pop("unit")
    return {"target": cells.pop("target"), "period": cells.pop("period"), "unit": row.unit,
            **cells, "unit_name": row.unit_name, "measure": measure}


def header(rows: Sequence[TemplateRow]) -> tuple[str, ...]:
    """The template's columns (their keys: `written` gives the names shown)."""
    return tuple(row_cells(rows[0])) if rows and rows[0].unit is not None else columns.TEMPLATE


def written(names: Sequence[str], units: bool, lang: str) -> list[str]:
    """The header as the template writes it in `lang` (vocab/columns.py `WRITTEN`): names
    every reader of actuals reads back as the same columns."""
    shown = columns.WRITTEN[lang]
    return [columns.WRITTEN_UNIT[lang] if units and n == "unit" else shown.get(n, n)
            for n in names]


def guide(names: Sequence[str], units: bool, lang: str) -> list[tuple[str, str]]:
    """The guide sheet's lines: each column's name, and what to write in it."""
    from hauloc_cli.vocab.messages import text

    return [(heading, text(f"template.guide.{'unit_id' if units and n == 'unit' else n}"
                           ).render(lang))
            for n, heading in zip(names, written(names, units, lang), strict=True)]


def tidy(x: float) -> int | float:
    """12.0 → 12, so that a whole number is written without a decimal point."""
    return int(x) if x.is_integer() else x

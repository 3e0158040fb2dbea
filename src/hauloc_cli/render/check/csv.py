"""The report as CSV: one row per target, the JSON fields plus `period`, safe to open in Excel."""

from __future__ import annotations

import csv
import io
from typing import Any

from hauloc_cli.render import CheckOptions
from hauloc_cli.render.check.json import result_fields
from hauloc_cli.render.check.units import coverage_cell
from hauloc_cli.rules.rollup import UnitsReport
from hauloc_cli.rules.status import Judgement

# A text cell starting with one of these is read by spreadsheets as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """`'` before text a spreadsheet would take for a formula (CSV injection)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell(value: Any) -> str:
    """null → empty; a milestone's done/not done → yes/no; numbers as they are; text made safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return repr(value)
    return safe_text(str(value))


def flat(fields: dict[str, Any]) -> dict[str, Any]:
    """The JSON fields in cells: `revisions` as `revised_from` (the earlier values, earliest
    first, joined by '; '), `vs_last_year` as `vs_last_year_ratio`, `_growth`, `_change`."""
    out = {k: v for k, v in fields.items() if k not in ("revisions", "vs_last_year")}
    out["revised_from"] = "; ".join(repr(r["value"]) if not isinstance(r["value"], bool)
                                    else cell(r["value"]) for r in fields["revisions"]) or None
    v = fields["vs_last_year"] or {}
    for key in ("ratio", "growth", "change"):
        out[f"vs_last_year_{key}"] = v.get(key)
    if "target_range" in out:
        out["target_range"] = "; ".join(map(repr, out["target_range"]))
    if "other_plans" in out:
        out["other_plans"] = "; ".join(f"{o['by']}: {o['share']!r}" for o in out["other_plans"])
    return out


def render_csv(report: Judgement, units: UnitsReport | None = None) -> str:
    """A header row, then one row per target in plan order (no summary line: it is data)."""
    period = report.period
    bands = report.plan.status_bands
    rows = [{"period": str(period), **flat(result_fields(r, period, bands, report.figures)),
             **coverage_cell(units, r.target.id)} for r in report.results]
    # The target forms' fields only some targets have (issue 23): a column when any has it.
    columns = list(dict.fromkeys(k for row in rows for k in row))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if rows:
        writer.writerow(columns)
    writer.writerows([cell(row.get(k)) for k in columns] for row in rows)
    return buffer.getvalue()


def render(report: Judgement, options: CheckOptions) -> str:
    return render_csv(report, options.units)

"""`check --by-unit`: the targets × units matrix, one row per unit, one column per target.

Pure functions from a `UnitsReport` to text. The table numbers the targets (a legend under
it names them) and, when the columns do not fit the width, splits them into pages, so that 22
units × 9 targets reads at 80 columns. A cell is the unit's figure, after the status symbol
when the unit is judged for that target (its assignment, or a unit that reports under
share_meeting/count_meeting), with the period of an earlier figure that stands in (a unit's
state); `—` when the unit did not report; empty for a target that does not roll up. Under the
matrix, one line per unit that did not report names it and the targets.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from typing import Any

from hauloc_cli.model.plan import Target
from hauloc_cli.render.cells import number, period_name, target_name
from hauloc_cli.render.i18n import SYMBOLS, label
from hauloc_cli.render.markdown import escape
from hauloc_cli.rules.rollup import UnitResult, UnitsReport

GAP = "  "
# The matrix's own words (kept here, beside the only renderer that speaks them).
WORDS = {"en": {"unit": "Unit", "reported": "units reported per target:",
                "missing": "{unit}: not reported for {period} (targets {ids})",
                "carried": "{unit}: not reported for {period}; its earlier figure stands in "
                           "(targets {ids})"},
         "vi": {"unit": "Đơn vị", "reported": "số đơn vị đã báo cáo theo chỉ tiêu:",
                "missing": "{unit}: chưa báo cáo {period} (chỉ tiêu {ids})",
                "carried": "{unit}: chưa báo cáo {period}, dùng số liệu kỳ trước (chỉ tiêu "
                           "{ids})"}}


def _unit_ids(units: UnitsReport) -> tuple[str, ...]:
    return units.units.children(units.plan_unit)


def _rolled(units: UnitsReport) -> list[Target]:
    return [t for t in units.report.plan.targets if t.id in units.targets]


def _cell(found: UnitResult | None, target: Target, lang: str) -> str:
    if found is None:
        return ""
    if found.actual is None:
        return "—"
    if isinstance(found.actual, bool):
        shown = label(lang, "done" if found.actual else "not_done")
    else:
        shown = number(float(found.actual), target.unit, lang)
    if not found.reported and found.as_of is not None:  # an earlier state stands in
        shown = f"{shown} ({found.as_of.words(lang)})"
    return shown if found.result is None else f"{SYMBOLS[found.result.status.value]} {shown}"


def grid(units: UnitsReport, lang: str) -> tuple[list[Target], list[tuple[str, list[str]]]]:
    """The rolled-up targets, and per unit its name and one cell per target."""
    targets = _rolled(units)
    rows = []
    for unit in _unit_ids(units):
        by_target = {t.id: {u.unit: u for u in units.targets[t.id].units} for t in targets}
        name = units.units.by_id[unit].name
        rows.append((name, [_cell(by_target[t.id].get(unit), t, lang) for t in targets]))
    return targets, rows


def render_table(units: UnitsReport, lang: str, width: int) -> str:
    targets, rows = grid(units, lang)
    name_width = max([len(WORDS[lang]["unit"])] + [len(n) for n, _ in rows])
    widths = [max([len(str(i + 1))] + [len(cells[i]) for _, cells in rows])
              for i in range(len(targets))]
    pages: list[list[int]] = [[]]
    used = name_width
    for i, w in enumerate(widths):
        if pages[-1] and used + len(GAP) + w > width:
            pages.append([])
            used = name_width
        pages[-1].append(i)
        used += len(GAP) + w
    out: list[str] = []
    for page in pages:
        head = [WORDS[lang]["unit"].ljust(name_width)]
        head += [str(i + 1).rjust(widths[i]) for i in page]
        out.append(GAP.join(head).rstrip())
        out.append("─" * min(width, len(out[-1])))
        for name, cells in rows:
            line = [name.ljust(name_width)] + [cells[i].rjust(widths[i]) for i in page]
            out.append(GAP.join(line).rstrip())
        out.append("")
    out += [f"{i + 1} {target_name(t, lang)}" for i, t in enumerate(targets)]
    out += ["", textwrap.fill(_coverage_line(units, lang), width, break_on_hyphens=False)]
    out += [textwrap.fill(line, width, break_on_hyphens=False) for line in silent(units, lang)]
    return "\n".join(out) + "\n"


def silent(units: UnitsReport, lang: str) -> list[str]:
    """One line per unit that did not report a rolled-up target, with the targets' numbers:
    those with no figure at all, then those whose earlier figure stands in."""
    targets = _rolled(units)
    lines = []
    for key in ("missing", "carried"):
        for unit in units.units.units:  # the units rolled up over: children, or leaves
            ids = [str(i + 1) for i, t in enumerate(targets)
                   if unit.id in getattr(units.targets[t.id].coverage, key)]
            if ids:
                lines.append(WORDS[lang][key].format(
                    unit=unit.name, ids=", ".join(ids),
                    period=period_name(units.report.period, lang)))
    return lines


def _coverage_line(units: UnitsReport, lang: str) -> str:
    parts = [f"{i + 1} {len(t.coverage.reported)}/{t.coverage.expected}"
             for i, t in enumerate(units.targets[x.id] for x in _rolled(units))]
    return f"{units.report.period}: {WORDS[lang]['reported']} " + ", ".join(parts)


def render_text(units: UnitsReport, fmt: str, lang: str, width: int) -> str:
    """The matrix in `fmt`: table, markdown, csv or json."""
    if fmt == "markdown":
        return render_markdown(units, lang)
    if fmt == "csv":
        return render_csv(units)
    if fmt == "json":
        return render_json(units)
    return render_table(units, lang, width)


def render_markdown(units: UnitsReport, lang: str) -> str:
    targets, rows = grid(units, lang)
    head = [WORDS[lang]["unit"], *(escape(target_name(t, lang)) for t in targets)]
    lines = ["| " + " | ".join(head) + " |", "|---" + "|---:" * len(targets) + "|"]
    lines += ["| " + " | ".join([escape(n), *(escape(c) for c in cells)]) + " |"
              for n, cells in rows]
    notes = "".join(f"\n{escape(line)}  " for line in silent(units, lang))
    return "\n".join(lines) + "\n\n" + _coverage_line(units, lang) + "  " + notes + "\n"


def records(units: UnitsReport) -> list[dict[str, Any]]:
    """One record per unit and rolled-up target, for CSV and JSON."""
    out = []
    for t in _rolled(units):
        for u in units.targets[t.id].units:
            out.append({"period": str(units.report.period), "unit": u.unit,
                        "name": units.units.by_id[u.unit].name, "target": t.id,
                        "actual": u.actual, "reported": u.reported,
                        "as_of": None if u.as_of is None else str(u.as_of),
                        "status": None if u.result is None else u.result.status.value})
    return out


def render_csv(units: UnitsReport) -> str:
    from hauloc_cli.render.csv import cell

    rows = records(units)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["period", "unit", "name", "target", "actual", "reported", "as_of",
                     "status"])
    writer.writerows([cell(v) for v in row.values()] for row in rows)
    return buffer.getvalue()


def render_json(units: UnitsReport) -> str:
    body = {"schema_version": 1, "period": str(units.report.period),
            "plan_unit": units.plan_unit, "units": records(units)}
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"

"""The term's status as JSON: numbers as numbers (rates as fractions: 0.176 is 17.6 %/year),
the figure of each year with its place, the mid-term count, the warnings, and the brief in
the language asked."""

from __future__ import annotations

import json
from typing import Any

from hauloc_cli.model.figures import Figure
from hauloc_cli.render import TermOptions
from hauloc_cli.render.check.json import warning_fields
from hauloc_cli.render.term import words
from hauloc_cli.rules.term import is_estimate
from hauloc_cli.views.term import TermLine, TermView


def _figure(figure: Figure) -> dict[str, Any]:
    return {"year": figure.period.year, "period": str(figure.period), "value": figure.value,
            "estimate": is_estimate(figure),
            "status": None if figure.status is None else figure.status.value,
            "file": figure.file, "line": figure.line}


def _target(line: TermLine, view: TermView, lang: str) -> dict[str, Any]:
    r = line.result
    t = r.target
    return {
        "id": t.id, "name": words.name(t, lang), "kind": t.kind, "direction": t.direction,
        "unit": t.measure, "target": t.target, "base": t.base,
        "by": line.reach_year if t.kind == "level" else None,
        "deadline": None if t.deadline is None else t.deadline.isoformat(),
        "figures": t.figures, "source": t.source, "status": r.status.value,
        "latest": None if r.latest is None else _figure(r.latest),
        "years": [_figure(f) for f in r.years], "elapsed_years": r.elapsed,
        "achieved_rate": r.achieved, "required_rate": r.required,
        "needed": r.needed, "needed_over": None if line.rest is None else list(line.rest),
        "ratio": r.ratio, "total": r.total, "expected": r.expected,
        "brief": words.brief_line(line, view, lang)}


def render(view: TermView, options: TermOptions) -> str:
    info = view.plan.plan
    latest = view.report.as_of
    data = {
        "plan": {"id": info.id, "name": view.plan.title(options.lang), "from": info.first,
                 "to": info.last, "base_year": info.base, "years": view.plan.years},
        "as_of": None if latest is None else str(latest.period),
        "counts": view.counts,
        "count": words.count_line(view, options.lang),
        "targets": [_target(line, view, options.lang) for line in view.lines],
        "warnings": [warning_fields(w) for w in options.warnings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

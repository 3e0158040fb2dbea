"""The words and numbers of one report row, shared by every format (no rich here)."""

from __future__ import annotations

from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, Target
from hauloc_cli.render.compare_words import mark
from hauloc_cli.render.i18n import SYMBOLS, format_number, label
from hauloc_cli.rules.status import Report, Result, progress


def number(x: float | None, unit: str | None, lang: str) -> str:
    if x is None:
        return "—"
    return format_number(x, lang) + ("%" if unit == "%" else "")


def target_name(target: Target, lang: str) -> str:
    """`name` in Vietnamese, `name_en` in English (falling back to `name`)."""
    return target.name_en if lang == "en" and target.name_en else target.name


def status_word(r: Result, lang: str) -> str:
    return f"{SYMBOLS[r.status.value]} {label(lang, r.status.value)}"


def row_cells(r: Result, report: Report, lang: str) -> list[str]:
    """Name, plan, actual (with its quarter when older), expected now, done/due, status."""
    t = r.target
    if t.kind == "milestone":
        plan_cell = label(lang, "done")
        expected = f"{label(lang, 'by')} {r.deadline}"
    else:
        plan_cell = number(t.target, t.unit, lang)
        expected = number(r.expected, t.unit, lang)
    return [target_name(t, lang), plan_cell, _actual(r, report, lang), expected,
            _progress(r, report.period), status_word(r, lang)]


def _actual(r: Result, report: Report, lang: str) -> str:
    if r.actual is None:
        return "—"
    if isinstance(r.actual, bool):
        shown = label(lang, "done" if r.actual else "not_done")
    else:
        shown = number(r.actual, r.target.unit, lang)
    shown += _estimate_mark(r, report, lang)
    if r.as_of is None or r.as_of == report.period:
        return shown
    return f"{shown} (Q{r.as_of.quarter})"


def _estimate_mark(r: Result, report: Report, lang: str) -> str:
    """' (ước)' / ' (est.)' when the figure shown is an estimate (issue 12)."""
    figure = report.figures.of(r.target.id).get(r.as_of) if r.as_of else None
    return "" if figure is None else mark(figure.status, lang)


def _progress(r: Result, period: Period) -> str:
    if r.target.kind == "milestone" or r.actual is None:
        return "—"
    done, due = progress(r.target, float(r.actual), period)
    if done is None:
        return "—"
    return f"{format_number(done * 100, decimals=0)}%/{format_number(due * 100, decimals=0)}%"


def scope(plan: Plan, lang: str) -> str:
    """`9 of 27 declared targets defined`, or `9 targets defined` when none are declared."""
    defined = len(plan.targets)
    declared = plan.plan.declared_targets
    return (label(lang, "defined", defined=defined, declared=declared) if declared
            else label(lang, "defined_all", defined=defined))


def summary_line(report: Report, lang: str) -> str:
    counts = ", ".join(f"{n} {label(lang, s.value).lower()}" for s, n in report.counts.items())
    return f"{report.period}: {counts} — {scope(report.plan, lang)}"

"""The words and numbers of one report row, shared by every format (no rich here)."""

from __future__ import annotations

import math

from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, Target
from hauloc_cli.render import i18n
from hauloc_cli.render.compare_words import mark
from hauloc_cli.render.i18n import SYMBOLS, format_date, format_number, format_value, label
from hauloc_cli.rules.status import YEAR_END, Report, Result, Status, progress, verdict


def number(x: float | None, unit: str | None, lang: str) -> str:
    if x is None:
        return "—"
    return format_value(x, unit, lang)


def target_name(target: Target, lang: str) -> str:
    """`name` in Vietnamese, `name_en` in English (falling back to `name`)."""
    return target.name_en if lang == "en" and target.name_en else target.name


def status_word(r: Result, period: Period, lang: str) -> str:
    """The symbol and word of a result: its status, or at the final period its year-end
    class (rules/status.py `verdict`), as every output says it."""
    key = verdict(r, period)
    return f"{SYMBOLS[key]} {label(lang, key)}"


def row_cells(r: Result, report: Report, lang: str) -> list[str]:
    """Name, plan, actual (with its quarter when older), expected now, done/due, status."""
    t = r.target
    if t.kind == "milestone":
        assert r.deadline is not None
        plan_cell = label(lang, "done")
        expected = f"{label(lang, 'by')} {format_date(r.deadline, lang)}"
    else:
        plan_cell = number(t.target, t.unit, lang)
        if t.direction == "at_most":  # a ceiling reads as one
            plan_cell = f"≤ {plan_cell}"
        expected = number(r.expected, t.unit, lang)
    return [target_name(t, lang), plan_cell, _actual(r, report, lang), expected,
            _progress(r, report.period), status_word(r, report.period, lang)]


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
    return f"{shown} ({r.as_of.words(lang)})"


def _estimate_mark(r: Result, report: Report, lang: str) -> str:
    """' (ước)' / ' (est.)' when the figure shown is an estimate (issue 12)."""
    figure = report.figures.of(r.target.id).get(r.as_of) if r.as_of else None
    return "" if figure is None else mark(figure.status, lang)


def _progress(r: Result, period: Period) -> str:
    if r.target.kind == "milestone" or r.actual is None or r.status is Status.NO_DATA:
        return "—"
    done, due = progress(r.target, float(r.actual), period)
    if done is None:
        return "—"
    return f"{percent(done)}/{percent(due)}"


def percent(share: float) -> str:
    """A share as a whole percentage; a share short of 1 never rounds up to 100%."""
    whole = round(share * 100)
    if whole >= 100 > share * 100 and not math.isclose(share, 1, rel_tol=1e-9):
        whole = 99
    return f"{format_number(whole, decimals=0)}%"


def with_unit(name: str, target: Target, lang: str) -> str:
    """`name (communes)`: the name with its unit (not %), in the language asked."""
    unit = target.unit
    return f"{name} ({i18n.unit_label(lang, unit)})" if unit and unit != "%" else name


def period_name(period: Period, lang: str, *, start: bool = False) -> str:
    """`2024-Q3` in English, `9 tháng 2024` in Vietnamese (`Quý I 2024` at the `start` of a
    line)."""
    if lang == "en":
        return str(period)
    return f"{period.heading(lang) if start else period.words(lang)} {period.year}"


def scope(plan: Plan, lang: str, words: str = "") -> str:
    """`9 of 27 declared targets defined`, or `9 targets defined` when none are declared;
    `words="brief."` says it the way the brief does."""
    defined = len(plan.targets)
    declared = plan.plan.declared_targets
    return (label(lang, f"{words}defined", defined=defined, declared=declared) if declared
            else label(lang, f"{words}defined_all", defined=defined))


def summary_line(report: Report, lang: str) -> str:
    """`2024-Q3: 1 achieved, 3 on track, …` (missed only when there is one); at the final
    period, the year-end classes."""
    found = dict.fromkeys(YEAR_END if report.period.final else (s.value for s in Status), 0)
    for r in report.results:
        found[verdict(r, report.period)] += 1
    counts = ", ".join(f"{n} {label(lang, key).lower()}" for key, n in found.items()
                       if n or key != Status.MISSED.value or report.period.final)
    return f"{period_name(report.period, lang, start=True)}: {counts} — {scope(report.plan, lang)}"


def missing_note(report: Report, ids: list[str], lang: str) -> str:
    """The --fail-on-missing note: which targets have no figure for the period judged."""
    return label(lang, "missing", period=period_name(report.period, lang), n=len(ids),
                 ids=", ".join(ids))

"""The words and numbers of one report row, shared by every format (no rich here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, StatusBands, Target
from hauloc_cli.model.units import Units
from hauloc_cli.render import rounding
from hauloc_cli.render.compare_words import mark
from hauloc_cli.rules.status import YEAR_END, Judgement, Result, Status, verdict
from hauloc_cli.views.brief import Brief
from hauloc_cli.vocab import milestone, periods, plan_words
from hauloc_cli.vocab.i18n import SYMBOLS, format_date, format_value, label, unit_label
from hauloc_cli.vocab.messages import text


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


def row_cells(r: Result, report: Judgement, lang: str) -> list[str]:
    """Name, plan, actual (with its quarter when older), expected now, pace, status."""
    t = r.target
    if t.kind == "milestone":
        assert r.deadline is not None
        plan_cell = milestone.written(True, lang)
        expected = f"{label(lang, 'by')} {format_date(r.deadline, lang)}"
    else:
        plan_cell = plan_words.written(t, lang)
        expected = number(None if r.expected is None else rounding.expected(t, r.expected),
                          t.measure, lang)
        if t.direction == "at_most":  # a ceiling, and what it allows by now, read as one
            expected = expected if r.expected is None else f"≤ {expected}"
    return [target_name(t, lang), plan_cell, _actual(r, report, lang), expected,
            pace(r, report.plan.status_bands, lang), status_word(r, report.period, lang)]


def expected_key(targets: Iterable[Target]) -> str:
    """The heading of the expected column for these targets: `Cần đạt` / `Expected` (needs),
    `Tối đa đến nay` / `Allowed so far` (ceilings only), `Cần đạt / tối đa` when both; a
    ceiling's cell says `≤` either way."""
    directions = {t.direction for t in targets if t.kind != "milestone"}
    if directions == {"at_most"}:
        return "col.allowed"
    return "col.expected_allowed" if "at_most" in directions else "col.expected"


def expected_word(target: Target) -> str:
    """The expected column's heading for one row (a row said in words: `Tối đa đến nay 3`)."""
    return "col.allowed" if target.direction == "at_most" else "col.expected"


def _actual(r: Result, report: Judgement, lang: str) -> str:
    if r.actual is None:
        return "—"
    if isinstance(r.actual, bool):
        shown = milestone.written(r.actual, lang)
    else:
        shown = number(r.actual, r.target.measure, lang)
    shown += _estimate_mark(r, report, lang)
    if r.as_of is None or r.as_of == report.period:
        return shown
    return f"{shown} ({periods.words(r.as_of, lang)})"


def _estimate_mark(r: Result, report: Judgement, lang: str) -> str:
    """' (ước)' / ' (est.)' when the figure shown is an estimate (issue 12)."""
    figure = report.figures.of(r.target.id).get(r.as_of) if r.as_of else None
    return "" if figure is None else mark(figure.status, lang)


def pace(r: Result, bands: StatusBands, lang: str) -> str:
    """Tiến độ / Pace: R, the ratio the status is judged on (docs/status.md),
    one meaning for every kind and direction: 100% is exactly the pace expected by now, more is
    ahead of it (for a ceiling: further under what it allows), and the status bands (95%, 80%)
    apply to it. Never rounded across a band edge (0.949 → 94,9%); `—` without a ratio."""
    if r.target.kind == "milestone" or r.ratio is None:
        return "—"
    return rounding.band_percent(r.ratio, rounding.edges(bands), lang)


def with_unit(name: str, target: Target, lang: str) -> str:
    """`name (communes)`: the name with its unit (not %), in the language asked."""
    unit = target.measure
    return f"{name} ({unit_label(lang, unit)})" if unit and unit != "%" else name


def scope(plan: Plan, lang: str, words: str = "") -> str:
    """`9 of 27 declared targets defined`, or `9 targets defined` when none are declared;
    `words="brief."` says it the way the brief does."""
    defined = len(plan.targets)
    declared = plan.plan.declared_targets
    return (label(lang, f"{words}defined", defined=defined, declared=declared) if declared
            else label(lang, f"{words}defined_all", defined=defined))


def summary_line(report: Judgement, lang: str) -> str:
    """`2024-Q3: 1 achieved, 3 on track, …` (missed only when there is one); at the final
    period, the year-end classes."""
    found = dict.fromkeys(YEAR_END if report.period.final else (s.value for s in Status), 0)
    for r in report.results:
        found[verdict(r, report.period)] += 1
    counts = ", ".join(f"{n} {label(lang, key).lower()}" for key, n in found.items()
                       if n or key != Status.MISSED.value or report.period.final)
    return f"{periods.name(report.period, lang, start=True)}: {counts} — {scope(report.plan, lang)}"


def missing_note(report: Judgement, ids: list[str], lang: str) -> str:
    """The --fail-on-missing note: which targets have no figure for the period judged, by id
    in English (what scripts read), by name and id in Vietnamese (what the office reads)."""
    shown = ids if lang == "en" else [f"{target_name(report.plan.by_id[i], lang)} ({i})"
                                      for i in ids]
    return label(lang, "missing", period=periods.name(report.period, lang), n=len(ids),
                 ids=", ".join(shown))


def missing_units_notes(plan: Plan, units: Units, missing: Mapping[str, Iterable[str]],
                        period: Period, lang: str) -> list[str]:
    """The --fail-on-missing lines about units: one line per unit that did not report for
    `period`, with its name (and id, which --unit takes) and the targets it did not report:
    by id in English, by name in Vietnamese (as `missing_note`)."""
    by_unit: dict[str, list[str]] = {}
    for tid, who in missing.items():
        for unit in who:
            by_unit.setdefault(unit, []).append(tid)
    order = {u.id: i for i, u in enumerate(units.units)}
    lines = []
    for unit, tids in sorted(by_unit.items(), key=lambda kv: order.get(kv[0], len(order))):
        known = units.by_id.get(unit)
        named = unit if known is None or known.name == unit else f"{known.name} ({unit})"
        shown = tids if lang == "en" else [target_name(plan.by_id[t], lang) for t in tids]
        lines.append(text("missing.unit", unit=named, period=periods.name(period, lang),
                          n=len(tids), targets=", ".join(shown)).render(lang))
    return lines


def from_above_line(brief: Brief, lang: str) -> str | None:
    """The targets assigned from above counted on their own line: at the final period as
    reports do ('Về chỉ tiêu cấp trên giao, 7/8 chỉ tiêu đạt và vượt, trong đó 2 vượt'), before
    it by status ('Về 2 chỉ tiêu cấp trên giao: 1 đúng tiến độ, 1 có nguy cơ'). None when the
    plan marks none."""
    if not brief.from_above:
        return None
    c = brief.from_above_counts
    if brief.final:
        return label(lang, "brief.year_end_above", good=c["exceeded"] + c["met"],
                     total=len(brief.from_above), exceeded=c["exceeded"])
    counts = ", ".join(f"{n} {label(lang, key).lower()}" for key, n in c.items() if n)
    return label(lang, "brief.above", total=len(brief.from_above), counts=counts)

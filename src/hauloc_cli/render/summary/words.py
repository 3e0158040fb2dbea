"""The words of the brief in one language, shared by its terminal, Markdown and HTML renderings.

Plain strings only (no rich, no markup): each renderer escapes and styles them its own way.
"""

from __future__ import annotations

import math

from hauloc_cli.model.figures import Figure
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import StatusBands, Target
from hauloc_cli.render import cells, compare_words, rounding
from hauloc_cli.rules.compare import Revision, facts
from hauloc_cli.views.brief import Bar, Brief, Item, Need, Point
from hauloc_cli.vocab import milestone, periods, plan_words
from hauloc_cli.vocab.i18n import (
    SYMBOLS,
    format_date,
    format_number,
    format_value,
    label,
    quantity,
    unit_label,
)

SPARKS = "▁▂▃▄▅▆▇█"
UNREPORTED = "·"
FILLED, EMPTY, MARK = "█", "░", "│"


def verdict_with_symbol(verdict: str, lang: str) -> str:
    return f"{SYMBOLS[verdict]} {label(lang, verdict)}"


def period_words(brief: Brief, lang: str) -> str:
    """'9 tháng đầu năm 2024' / 'nine months of 2024'."""
    return periods.long_words(brief.period, lang, estimate=brief.estimated)


def inline_period(period: Period, lang: str) -> str:
    """The period's heading inside a sentence: 'quý I', '6 tháng' / 'Q1', 'first half'."""
    word = periods.heading(period, lang)
    return word[0].lower() + word[1:] if lang == "vi" else word


def changed_heading(brief: Brief, lang: str) -> str:
    """'Changed since last quarter (first half → nine months)'; no periods at the first."""
    head = label(lang, "brief.changed_month" if brief.monthly else "brief.changed")
    if brief.changes is None:
        return head
    before = periods.heading(brief.previous, lang)
    if brief.changes_revised:  # the quarter before is judged with its figures as revised
        before = label(lang, "brief.changes_revised", before=before)
    return f"{head} ({before} → {periods.heading(brief.period, lang)})"


def changed_first(brief: Brief, lang: str) -> str:
    """'First quarter: nothing to compare with yet.' (or month, in a monthly run)."""
    return label(lang, "brief.changed_first_month" if brief.monthly else "brief.changed_first")


def changed_none(brief: Brief, lang: str) -> str:
    """'No target changed status since first half.'"""
    return label(lang, "brief.changed_none", before=periods.heading(brief.previous, lang))


def amount(x: float, unit: str | None, lang: str) -> str:
    """A number with its unit: '12,1%', '4 sản phẩm', '67.5 million VND/person/year'."""
    return quantity(x, unit, lang)


def counts(brief: Brief, lang: str) -> list[tuple[str, str, int]]:
    """(verdict, 'symbol word', count) for each verdict the brief speaks in."""
    return [(v, verdict_with_symbol(v, lang), n) for v, n in brief.counts.items()]


def scope(brief: Brief, lang: str) -> str:
    """How many of the declared targets the plan defines."""
    return cells.scope(brief.report.plan, lang, words="brief.")


def year_end(brief: Brief, lang: str) -> str | None:
    """At the final quarter, the sentence reports use: '7/9 chỉ tiêu đạt và vượt kế hoạch,
    trong đó 3 vượt'. None before it."""
    if not brief.final:
        return None
    c = brief.counts
    return label(lang, "brief.year_end", good=c["exceeded"] + c["met"], total=brief.defined,
                 exceeded=c["exceeded"])


def figures(item: Item, brief: Brief, lang: str) -> str:
    """Actual against target and what is expected by now, in a line.

    '4/6 sản phẩm · cần đạt 4,5' — a milestone: 'chưa đạt · hạn 31/05/2024 · quá hạn 122 ngày'.
    """
    r = item.result
    t = item.target
    if t.kind == "milestone":
        assert r.deadline is not None
        parts = [label(lang, "brief.deadline", date=format_date(r.deadline, lang))]
        if r.actual is not None:
            shown = milestone.written(bool(r.actual), lang)
            if r.as_of is not None and r.as_of != brief.period:
                shown += f" ({label(lang, 'brief.as_of', period=inline_period(r.as_of, lang))})"
            parts.insert(0, shown)
        if not r.actual and item.days is not None:
            parts.append(days(item.days, lang))
        return " · ".join(parts)
    assert t.target is not None
    if plan_words.is_form(t):  # '10%–10,5%', '≈ 8,5 tỷ đồng', '> 80%', '≥ 7% so cùng kỳ'
        goal = plan_words.written(t, lang)
        if t.measure not in (None, "%") and not t.change:
            goal += f" {unit_label(lang, t.measure, t.target)}"
    else:
        goal = amount(t.target, t.measure, lang)
    if t.direction == "at_most" and not plan_words.is_form(t):
        goal = f"{label(lang, 'brief.limit')} {goal}"
    if r.actual is None:
        return f"{label(lang, 'brief.target')} {goal}"
    actual = format_value(float(r.actual), t.measure, lang)
    figure = brief.report.figures.of(t.id).get(r.as_of) if r.as_of else None
    if figure is not None:
        actual += compare_words.mark(figure.status, lang)
    text = f"{actual} / {goal}"
    if r.as_of is not None and r.as_of != brief.period:
        text += f" ({label(lang, 'brief.as_of', period=inline_period(r.as_of, lang))})"
    if r.expected is not None and not brief.final:
        expected = format_value(rounding.expected(t, r.expected), t.measure, lang)
        word = "brief.allowed" if t.direction == "at_most" else "brief.expected"
        text += f" · {label(lang, word)} {expected}"
    return text


def days(n: int, lang: str) -> str:
    if n == 0:
        return label(lang, "brief.due_today")
    if n > 0:
        return label(lang, "brief.days_left", days=n)
    return label(lang, "brief.days_overdue", days=-n)


# What a count's need says as a whole number, and which way it is rounded (rounding.py):
# what is still needed up, what is still allowed down; the others are facts, said as they are.
NEEDS_UP = frozenset({"per_quarter", "per_month", "gap", "reduce"})
ALLOWANCES = frozenset({"allowed_per_quarter", "allowed_per_month"})


def need(item: Item, lang: str) -> str:
    """What the target still needs, in words ('mỗi quý còn lại cần 2 sản phẩm'); for a count
    a whole number ('cần 3 sản phẩm', not 2,25)."""
    n: Need | None = item.need
    if n is None:
        return ""
    t = item.target
    if n.kind in ("days_left", "days_overdue"):
        assert item.result.deadline is not None
        return label(lang, f"need.{n.kind}", days=format_number(n.amount, lang),
                     date=format_date(item.result.deadline, lang))
    x = n.amount
    if n.kind in NEEDS_UP or n.kind in ALLOWANCES:
        x = rounding.needed(t, x, allowance=n.kind in ALLOWANCES)
    if n.points:
        shown = f"{format_number(x, lang)} {label(lang, 'unit.points')}"
    else:
        shown = amount(x, t.measure, lang)
    return label(lang, f"need.{n.kind}", amount=shown)


def history_value(point: Point, target: Target, lang: str) -> str:
    """The figure of one quarter as a table cell shows it."""
    if point.value is None:
        return UNREPORTED
    if isinstance(point.value, bool):
        return milestone.written(point.value, lang)
    return format_value(float(point.value), target.measure, lang)


def spark(point: Point) -> str:
    """One character of a sparkline: the quarter's progress toward the target, or a dot."""
    if point.fill is None:
        return UNREPORTED
    if isinstance(point.value, bool):
        return "●" if point.value else "○"
    level = round(point.fill * (len(SPARKS) - 1))
    if point.fill < 1:  # the full block is kept for a figure that reached its target
        level = min(level, len(SPARKS) - 2)
    return SPARKS[level]


def bar_string(bar: Bar, cells: int) -> str:
    """`cells` cells filled in proportion, and a mark between two cells where the target should
    be by now: '█████████████░░│░░░░░'."""
    filled = round(bar.fill * cells)
    if 0 < bar.fill < 1:  # a bar short of its end never looks full, nor one begun empty
        filled = min(max(filled, 1), cells - 1)
    mark = round(bar.mark * cells)
    body = FILLED * filled + EMPTY * (cells - filled)
    return body[:mark] + MARK + body[mark:]


def share(item: Item, lang: str, bands: StatusBands) -> str:
    """The bar's fill as a percentage, '67%', never rounded across an edge where the status
    changes (rounding.py): the end of the bar (100%), and where the ratio the status is judged
    on, R, crosses a band: R = fill / mark for a bar of progress, mark / fill for the share of
    a ceiling used (at_most without a baseline; over the ceiling it shows the share used,
    '123%'). ('' without a bar.)"""
    bar = item.bar
    if bar is None:
        return ""
    t = item.target
    x = bar.fill
    cuts = rounding.edges(bands)
    used = t.direction == "at_most" and t.baseline is None
    if used and bar.over and t.target and item.result.actual is not None:
        x = float(item.result.actual) / t.target

    def ratio(v: float) -> float | None:
        if bar.mark <= 0:
            return None
        if used:
            return math.inf if v <= 0 else bar.mark / v
        return v / bar.mark

    def sides(v: float) -> tuple[bool, ...]:
        r = ratio(v)
        on_bands = () if r is None else tuple(rounding.at_or_above(r, e) for e in cuts)
        return (*on_bands, rounding.at_or_above(v, 1.0))

    return rounding.percent_on_sides(x, sides, lang)


def history_line(item: Item, lang: str) -> str:
    """'9,5% → 10,4% → 10,9%': the figure reported for each quarter so far ('' if none)."""
    if all(p.value is None for p in item.history):
        return ""
    return " → ".join(history_value(p, item.target, lang) for p in item.history)


def comparisons(item: Item, brief: Brief, lang: str) -> str:
    """The share of the year's plan and the same period last year, for a target that has a
    last-year figure ('' for the others: their bar already shows how far they have come)."""
    found = facts(item.result, brief.report.figures)
    if found.vs_last_year is None:
        return ""
    bands = brief.report.plan.status_bands
    return " · ".join((compare_words.plan_share(found, item.target, lang, bands),
                       compare_words.last_year(found.vs_last_year, item.target, lang)))


def revision(rev: Revision, lang: str) -> str:
    """'6 tháng: 10,4% (ước) → 10,6% (sơ bộ)', and how the status of that quarter changed
    because of it: '· đánh giá ● Đúng tiến độ → ▲ Có nguy cơ' (nothing when it did not)."""
    t = rev.target

    def shown(f: Figure) -> str:
        return compare_words.value_text(f.value, t, lang) + compare_words.mark(
            f.status, lang, every=True)

    text = f"{periods.heading(rev.before.period, lang)}: {shown(rev.before)} → {shown(rev.after)}"
    if rev.status_before is rev.status_after:  # the status is said only when it changed
        return text
    return text + " · " + label(lang, "brief.revised_status",
                                before=verdict_with_symbol(rev.status_before.value, lang),
                                now=verdict_with_symbol(rev.status_after.value, lang))

"""The words of what reports say beside a status, in either language: the estimate mark, the
revision, the share of the year's plan and the same period last year (rules/compare.py).

Plain strings (no rich, no markup), shared by the table, Markdown and the brief.
"""

from __future__ import annotations

from hauloc_cli.model.figures import FigureStatus, Value
from hauloc_cli.model.plan import StatusBands, Target
from hauloc_cli.render import rounding
from hauloc_cli.rules.compare import Facts, VsLastYear
from hauloc_cli.rules.status import same
from hauloc_cli.vocab import figure_status, milestone
from hauloc_cli.vocab.i18n import difference, format_number, label


def value_text(value: Value, target: Target, lang: str) -> str:
    """A figure as a cell shows it: '10,9%', '4', 'chưa đạt'."""
    if isinstance(value, bool):
        return milestone.written(value, lang)
    return format_number(float(value), lang) + ("%" if target.measure == "%" else "")


def mark(status: FigureStatus | None, lang: str, *, every: bool = False) -> str:
    """' (ước)' / ' (est.)' after an estimate; with `every`, after any marked figure."""
    if status is None or not (every or status is FigureStatus.ESTIMATE):
        return ""
    return f" ({figure_status.mark(status, lang)})"


def _percent(x: float, lang: str) -> str:
    return format_number(x * 100, lang, decimals=1) + "%"


def revised(facts: Facts, target: Target, lang: str) -> str:
    """'revised from 10.4% (est.)': the figure the one judged replaced last."""
    if not facts.revised:
        return ""
    before = facts.revised[-1]
    return label(lang, "cmp.revised", before=value_text(before.value, target, lang)
                 + mark(before.status, lang, every=True))


def plan_share(facts: Facts, target: Target, lang: str, bands: StatusBands) -> str:
    """'90.8% of the year's plan' / 'đạt 90,8% KH năm'; for a ceiling (at_most), never a share
    of a plan fulfilled: '80% of the maximum' / 'bằng 80% mức tối đa' within it, 'over the
    maximum by 0.35 pp' / 'vượt mức tối đa 0,35 điểm %' over it (see `ceiling`). With who set
    the plan and the target's other plan values: 'đạt 135,7% KH xã giao, 317,1% KH tỉnh
    giao'."""
    others = other_shares(target, facts.other_shares, lang)
    if target.direction == "at_most":
        first = ceiling(facts, target, lang)
    elif facts.plan_share is None:
        first = ""
    else:
        share = rounding.band_percent(facts.plan_share, share_edges(target, bands), lang,
                                      decimals=SHARE_DECIMALS)
        by = _by(target.set_by, target.set_by_en, lang)
        first = (label(lang, "cmp.plan_share_by", share=share, by=by) if by
                 else label(lang, "cmp.plan_share", share=share))
    return ", ".join(p for p in (first, *others) if p)


def other_shares(target: Target, shares: tuple[float | None, ...], lang: str) -> list[str]:
    """'317,1% KH tỉnh giao': the figure against each of the target's other plan values."""
    return [label(lang, "cmp.other_share", share=_percent(x, lang), by=_by(o.by, o.by_en, lang))
            for x, o in zip(shares, target.other_plans, strict=True) if x is not None]


def _by(by: str | None, by_en: str | None, lang: str) -> str | None:
    """Who set a plan value, in the language asked (English falls back to the plan's words)."""
    return by_en if lang == "en" and by_en else by


SHARE_DECIMALS = 1  # 90,8%


def share_edges(target: Target, bands: StatusBands) -> tuple[float, ...]:
    """The edges a / T must not be rounded across: 1 (the target met), and the status bands
    where a / T is the ratio the status is judged on (an annual figure, a level without a
    baseline)."""
    if target.kind == "annual" or (target.kind == "level" and target.baseline is None):
        return rounding.edges(bands)
    return (1.0,)


def ceiling(facts: Facts, target: Target, lang: str) -> str:
    """How the figure judged stands against its ceiling (see `against_ceiling`)."""
    value = None if facts.figure is None else facts.figure.value
    return against_ceiling(target, value, facts.plan_share, lang)


def against_ceiling(target: Target, value: Value | None, share: float | None, lang: str
                    ) -> str:
    """How a figure a stands against its ceiling T: 'bằng 80% mức tối đa' (a ≤ T; `share` is
    a / T), 'vượt mức tối đa 0,35 điểm %' (a > T; in the target's unit, points for %); '' with
    no figure, or for a figure within a ceiling of 0."""
    t = target.target
    if t is None or value is None or isinstance(value, bool):
        return ""
    a = float(value)
    if a <= t or same(a, t):
        if share is None:
            return ""
        # within the ceiling never reads as over it (1.0000001 · T is T)
        return label(lang, "cmp.of_max", share=_percent(min(share, 1.0), lang))
    return label(lang, "cmp.over_max", amount=difference(a - t, target.measure, lang))


def last_year(v: VsLastYear | None, target: Target, lang: str) -> str:
    """'113.9% of the same period last year (59.27), up 13.9%'; for %: 'up 6.83 pp on the
    same period last year (4.07%)'; with a last year of 0: 'up 3 on the same period…'."""
    if v is None:
        return ""
    last = value_text(v.last_year, target, lang)
    if v.ratio is not None and v.growth is not None:
        ratio = label(lang, "cmp.ratio", ratio=_percent(v.ratio, lang), last=last)
        if round(v.growth * 1000) == 0:
            return ratio
        key = "cmp.up" if v.growth > 0 else "cmp.down"
        return f"{ratio}, {label(lang, key, amount=_percent(abs(v.growth), lang))}"
    if format_number(v.change, lang) in ("0", "-0"):
        return label(lang, "cmp.same", last=last)
    amount = format_number(abs(v.change), lang)
    amount += f" {label(lang, 'unit.points')}" if v.points else ""
    move = label(lang, "cmp.up" if v.change > 0 else "cmp.down", amount=amount)
    return label(lang, "cmp.change", move=move, last=last)


def compared(facts: Facts, target: Target, lang: str, bands: StatusBands) -> str:
    """Everything beside the status in one line, parts joined by ' · ' ('' when none)."""
    parts = (revised(facts, target, lang), plan_share(facts, target, lang, bands),
             last_year(facts.vs_last_year, target, lang))
    return " · ".join(p for p in parts if p)

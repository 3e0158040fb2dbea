"""The one line that says why a target has its status, in either language.

Pure: built from the same numbers the rules computed. JSON carries the English line; tables
and Markdown show the line in the language asked.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from hauloc_cli.render import rounding
from hauloc_cli.rules.status import same
from hauloc_cli.vocab import milestone, periods
from hauloc_cli.vocab.i18n import difference, format_date, format_value, label, unit_label

if TYPE_CHECKING:
    from hauloc_cli.model.periods import Period
    from hauloc_cli.model.plan import StatusBands, Target
    from hauloc_cli.rules.status import Result, Status


def explain(target: Target, status: Status, period: Period, lang: str, *,
            bands: StatusBands, actual: float | bool | None = None,
            as_of: Period | None = None, expected: float | None = None,
            ratio: float | None = None, deadline: date | None = None,
            lacks: str | None = None, base: float | None = None) -> str:
    """Where the figure stands, what was expected by the end of `period`, and the verdict;
    for a change from last year not judged, what it `lacks` (rules/status.py)."""
    if actual is None or as_of is None:
        line = label(lang, "why.no_data", period=periods.words(period, lang))
    elif lacks is not None:
        line = label(lang, f"why.{lacks}", a=format_value(float(actual), target.measure, lang),
                     when=_when(as_of, period, lang),
                     base="" if base is None else format_value(base, target.measure, lang))
    elif status.value == "no_data":  # an older figure, shown for reference only
        shown = (milestone.written(actual, lang) if isinstance(actual, bool)
                 else format_value(actual, target.measure, lang))
        line = label(lang, "why.no_data_older", period=periods.words(period, lang),
                     older=periods.words(as_of, lang), a=shown)
    elif target.kind == "milestone":
        assert deadline is not None
        line = _milestone(status.value, bool(actual), _when(as_of, period, lang),
                          format_date(deadline, lang), lang)
    else:
        assert expected is not None
        line = _numeric(target, status.value, float(actual), expected, ratio,
                        _when(as_of, period, lang), period.final, lang, bands)
    return line[0].upper() + line[1:] if lang == "vi" else line


def _when(as_of: Period, period: Period, lang: str) -> str:
    """`by 9 tháng`, or `as of quý I` when the latest figure is older than the period judged."""
    key = "why.when" if as_of == period else "why.when_old"
    return label(lang, key, period=periods.words(as_of, lang))


def explain_result(result: Result, period: Period, lang: str, bands: StatusBands) -> str:
    """The reason of `result`; `bands` are the plan's (the share shown keeps to their side)."""
    r = result
    return explain(r.target, r.status, period, lang, bands=bands, actual=r.actual,
                   as_of=r.as_of, expected=r.expected, ratio=r.ratio, deadline=r.deadline,
                   lacks=r.lacks, base=r.base)


def _milestone(status: str, done: bool, when: str, deadline: str, lang: str) -> str:
    if done:
        return label(lang, "why.done", when=when)
    key = {"off_track": "why.passed", "missed": "why.passed",
           "at_risk": "why.next"}.get(status, "why.pending")
    return label(lang, key, when=when, deadline=deadline)


def _numeric(target: Target, status: str, a: float, e: float, r: float | None, when: str,
             final: bool, lang: str, bands: StatusBands) -> str:
    def num(x: float) -> str:
        return format_value(x, target.measure, lang)

    t = target.target
    assert t is not None
    shown = unit_label(lang, target.measure, t)
    unit = f" {shown}" if target.measure and target.measure != "%" else ""
    if target.direction == "at_most":
        what = label(lang, "why.limit", a=num(a), t=num(t), unit=unit)
    elif target.kind == "cumulative":
        what = label(lang, "why.of", a=num(a), t=num(t), unit=unit)
    else:
        what = label(lang, "why.against", a=num(a), t=num(t), unit=unit)
    parts = [label(lang, "why.head", what=what, when=when)]
    if status == "achieved":
        parts.append(label(lang, "why.met"))
    elif final:
        parts.append(label(lang, "why.missed"))
    elif target.kind == "cumulative" and target.direction == "at_most" and a > t \
            and not same(a, t):  # a ceiling for the year already broken: no pace to speak of
        parts.append(label(lang, "why.over_limit"))
    else:
        e_shown = rounding.expected(target, e)  # a count's expectation is whole (rounding.py)
        paced = target.kind == "cumulative" or target.baseline is not None  # else E = T
        if paced:
            word = "why.allowed" if target.direction == "at_most" else "why.expected"
            parts.append(label(lang, word, e=num(e_shown)))
        verdict = label(lang, f"why.{status}")
        if status != "on_track":
            verdict += _how_far(target, a, e_shown, r, paced, lang, bands)
        parts.append(verdict)
    return "; ".join(parts)


def _how_far(target: Target, a: float, shown: float, r: float | None, paced: bool, lang: str,
             bands: StatusBands) -> str:
    """' (89% of pace)' after the verdict: the ratio the status was judged on, never rounded
    across a band edge; for a ceiling how far over what is allowed (a ratio of a ceiling reads
    as a share of a plan fulfilled), ' (over the maximum by 0.35 pp)'."""
    if target.direction == "at_most":
        if a <= shown or same(a, shown):
            return ""
        key = "why.over_allowed" if paced else "why.over_max"
        return " " + label(lang, key, amount=difference(a - shown, target.measure, lang))
    if r is None:
        return ""
    return " " + label(lang, "why.share",
                       r=rounding.band_percent(r, rounding.edges(bands), lang))

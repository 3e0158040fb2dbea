"""A number target's plan as hauloc writes it, and the check that a written plan reads back.

Two forms of the same words: the terminal's (`check`, `targets`), short — `≥ 12%`, `≤ 5`,
`> 80%`, `10%–10,5%`, `≈ 8,5` —, and the resolution's, for the report an official signs —
`trên 80`, `10–10,5`, `khoảng 8,5`, the unit in its own column. A change from last year
says so in both (`≥ 7% so cùng kỳ`). The annex reader takes either back (`reads_back`), so a
plan cell hauloc wrote is never a `plan-mismatch`.
"""

from __future__ import annotations

from hauloc_cli.model.plan import Target
from hauloc_cli.vocab.i18n import LANGUAGES, format_value, label


def is_form(t: Target) -> bool:
    """The target is not a plain number: a range, `about:`, strict, or a change on last year
    — its plan is said in words, not as one figure."""
    return t.about is not None or t.target_range is not None or t.strict or bool(t.change)


def written(t: Target, lang: str, *, sign: bool = False, resolution: bool = False,
            measure: bool = True) -> str:
    """`t`'s plan: the terminal's words, or with `resolution` the report's (`khoảng`, `trên`,
    `dưới` in words). `sign` writes `≥` before a plain floor; `measure=False` leaves out the
    `%` of a target in % (the report's ĐVT column says it)."""
    assert t.target is not None
    unit = "%" if t.change == "percent" else None if t.change or not measure else t.measure

    def num(x: float) -> str:
        shown = format_value(x, unit, lang)
        return f"{shown} {label(lang, 'unit.points')}" if t.change == "points" else shown

    if t.about is not None:
        shown = (label(lang, "plan.about", value=num(t.about)) if resolution
                 else f"≈ {num(t.about)}")
    elif t.target_range is not None:
        low, high = t.target_range
        shown = f"{format_value(low, unit, lang)}–{num(high)}"
    else:
        shown = num(t.target)
        up = t.direction == "at_least"
        if t.strict and resolution:
            shown = label(lang, "plan.above" if up else "plan.below", value=shown)
        elif t.strict:
            shown = f"{'>' if up else '<'} {shown}"
        elif t.direction == "at_most" or sign:
            shown = f"{'≥' if up else '≤'} {shown}"
    return f"{shown} {label(lang, 'plan.vs_last_year')}" if t.change else shown


def reads_back(text: str, t: Target) -> bool:
    """`text` is `t`'s plan as hauloc writes it in a report or a table, in either language,
    with or without the `%`: a plan cell that agrees with the plan file."""
    said = " ".join(text.split())
    return t.target is not None and any(
        said == written(t, lang, resolution=resolution, measure=measure)
        for lang in LANGUAGES for resolution in (True, False) for measure in (True, False))

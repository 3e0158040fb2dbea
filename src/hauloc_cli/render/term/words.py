"""The words of the term's status, shared by every format: the cells of a target's line (base,
latest, target, rate so far, now needed, status), its sentence in the brief, and the mid-term
count. Words come from the one catalogue (`vocab/i18n.py`, keys `term.*`)."""

from __future__ import annotations

from hauloc_cli.model.figures import Figure
from hauloc_cli.model.term import TermTarget
from hauloc_cli.rules.term import is_estimate
from hauloc_cli.views.term import COUNT_CLASSES, TermLine, TermView
from hauloc_cli.vocab import periods
from hauloc_cli.vocab.i18n import SYMBOLS, format_date, format_number, label, quantity

NONE = "—"
COLUMNS = ("col.target", "term.col.base", "term.col.latest", "term.col.target",
           "term.col.so_far", "term.col.needed", "col.status")


def name(target: TermTarget, lang: str) -> str:
    return target.name_en if lang == "en" and target.name_en else target.name


def percent(rate: float, lang: str) -> str:
    """A yearly rate (0.176) as reports write it: 17,6%."""
    return format_number(rate * 100, lang, decimals=1) + "%"


def amount(x: float, target: TermTarget, lang: str) -> str:
    return quantity(x, target.measure, lang)


def span(first: int, last: int, lang: str) -> str:
    """`2027–2030`, or `năm 2030` for one year."""
    return f"{first}–{last}" if first != last else label(lang, "term.rest_one", year=last)


def when(figure: Figure, lang: str) -> str:
    """`2026`, `9 tháng 2027` / `Q3 2027`: the period of a year's figure."""
    period = figure.period
    return str(period.year) if period.final else f"{periods.words(period, lang)} {period.year}"


def status_word(line: TermLine, lang: str) -> str:
    status = line.result.status.value
    return f"{SYMBOLS[status]} {label(lang, f'term.status.{status}')}"


def base_cell(line: TermLine, lang: str) -> str:
    t = line.result.target
    return NONE if t.base is None else amount(t.base, t, lang)


def heading(key: str, view: TermView, lang: str) -> str:
    """A column's heading; the base's names its year (`Năm gốc 2025`)."""
    return label(lang, key, year=view.plan.plan.base) if key == "term.col.base" \
        else label(lang, key)


def latest_cell(line: TermLine, lang: str) -> str:
    """The latest figure with its year, an estimate marked: `4.100 USD (ước 2026)`."""
    latest = line.result.latest
    t = line.result.target
    if latest is None:
        return NONE
    if t.kind == "milestone":
        shown = label(lang, "done" if latest.value else "not_done")
    elif t.kind == "average_growth" and t.figures == "rate":
        shown = format_number(float(latest.value), lang, 1) + "%"
    else:
        shown = amount(float(latest.value), t, lang)
    return f"{shown} ({year_of(latest, lang)})"


def year_of(figure: Figure, lang: str) -> str:
    """`2026`, `ước 9 tháng 2027`: the period of a year's figure, an estimate marked."""
    year = when(figure, lang)
    return label(lang, "term.year_est", year=year) if is_estimate(figure) else year


def target_cell(line: TermLine, view: TermView, lang: str) -> str:
    t = line.result.target
    if t.kind == "milestone":
        assert t.deadline is not None
        return label(lang, "term.deadline", date=format_date(t.deadline, lang))
    assert t.target is not None
    if t.kind == "average_growth":
        return label(lang, "term.average", rate=format_number(t.target, lang, 2) + "%")
    if t.kind == "level":
        shown = amount(t.target, t, lang)
        return label(lang, "term.by_year", amount=("≤ " if t.direction == "at_most" else "")
                     + shown, year=line.reach_year)
    shown = ("≤ " if t.direction == "at_most" else "") + amount(t.target, t, lang)
    return label(lang, "term.over_term", amount=shown, span=view.plan.plan.span)


def so_far_cell(line: TermLine, lang: str) -> str:
    """The yearly rate achieved (growth, level), the sum so far (total)."""
    r = line.result
    if r.target.kind == "total" and r.total is not None:
        return amount(r.total, r.target, lang)
    if r.achieved is None:
        return NONE
    return label(lang, "term.per_year", rate=percent(r.achieved, lang))


def needed_cell(line: TermLine, lang: str) -> str:
    r = line.result
    if r.needed is None or line.rest is None or r.status.value in ("achieved", "missed"):
        return NONE
    if r.target.kind == "total":
        return label(lang, "term.per_year", rate=amount(r.needed, r.target, lang))
    return label(lang, "term.per_year", rate=percent(r.needed, lang))


def cells(line: TermLine, view: TermView, lang: str) -> list[str]:
    return [name(line.result.target, lang), base_cell(line, lang), latest_cell(line, lang),
            target_cell(line, view, lang), so_far_cell(line, lang), needed_cell(line, lang),
            status_word(line, lang)]


def need_sentence(line: TermLine, view: TermView, lang: str) -> str:
    """What the rest of the term needs: "cần tăng bình quân 17,6%/năm trong 2026–2030 để đạt
    7.900 USD năm 2030"; or that the target is met, missed, done or pending."""
    r = line.result
    t = r.target
    status = r.status.value
    if status == "achieved":
        return label(lang, "term.done" if t.kind == "milestone" else "term.met")
    if status == "missed":
        return label(lang, "term.missed")
    if t.kind == "milestone":
        assert t.deadline is not None
        return label(lang, "term.pending", date=format_date(t.deadline, lang))
    if r.needed is None or line.rest is None:
        return ""
    rest = span(*line.rest, lang)
    if t.kind == "level":
        assert t.target is not None
        key = "term.need.level_up" if r.needed >= 0 else "term.need.level_down"
        return label(lang, key, rate=percent(abs(r.needed), lang), span=rest,
                     amount=amount(t.target, t, lang), year=line.reach_year)
    if t.kind == "average_growth":
        assert t.target is not None
        return label(lang, "term.need.growth", rate=percent(r.needed, lang), span=rest,
                     target=format_number(t.target, lang, 2) + "%", term=view.plan.plan.span)
    assert t.target is not None
    key = "term.need.total" if t.direction == "at_least" else "term.need.total_max"
    return label(lang, key, amount=amount(r.needed, t, lang), span=rest,
                 target=amount(t.target, t, lang), term=view.plan.plan.span)


def brief_line(line: TermLine, view: TermView, lang: str) -> str:
    """`✖ GRDP per person (Unlikely): 2025: 3,505 USD; 3,950 USD (2026 est.); 12.7%/year on
    average so far (17.6%/year needed from 2025); needs …`."""
    r = line.result
    t = r.target
    parts = []
    if t.base is not None:
        parts.append(label(lang, "term.base", year=view.plan.plan.base,
                           amount=base_cell(line, lang)))
    parts.append(latest_cell(line, lang) if r.latest is not None
                 else label(lang, "term.no_figure"))
    if r.achieved is not None:
        so_far = label(lang, "term.so_far", rate=percent(r.achieved, lang))
        if t.kind == "level" and r.required is not None:
            so_far += " (" + label(lang, "term.required", rate=percent(r.required, lang),
                                   year=view.plan.plan.base) + ")"
        parts.append(so_far)
    elif r.total is not None:
        parts.append(amount(r.total, t, lang))
    need = need_sentence(line, view, lang)
    if need:
        parts.append(need)
    status = r.status.value
    return (f"{SYMBOLS[status]} {name(t, lang)} ({label(lang, f'term.status.{status}')}): "
            + "; ".join(parts))


def count_line(view: TermView, lang: str) -> str:
    """"3/5 chỉ tiêu đạt, 1 có khả năng đạt, 1 khó đạt" (then missed and no data, if any)."""
    c = view.counts
    text = label(lang, "term.count", achieved=c["achieved"], total=sum(c.values()),
                 likely=c["likely"], unlikely=c["unlikely"])
    more = [label(lang, f"term.count.{k}", n=c[k]) for k in COUNT_CLASSES[3:] if c[k]]
    return ", ".join((text, *more))


def as_of_line(view: TermView, lang: str) -> str:
    latest = view.report.as_of
    return label(lang, "term.as_of", when=NONE if latest is None else when(latest, lang))


def title(view: TermView, lang: str) -> str:
    return f"{view.plan.title(lang)} ({view.plan.plan.span})"

"""The plan as a terminal table (`hauloc targets`)."""

from __future__ import annotations

from rich import box
from rich.table import Table

from hauloc_cli.model.plan import Plan
from hauloc_cli.render import Options
from hauloc_cli.render.cells import scope, target_name
from hauloc_cli.render.check.table import to_text
from hauloc_cli.vocab import plan_words
from hauloc_cli.vocab.i18n import format_date, label, unit_label
from hauloc_cli.vocab.messages import text


def render_plan(plan: Plan, *, lang: str = "en", width: int = 80, color: bool = False) -> str:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(label(lang, "col.id"), no_wrap=True)
    table.add_column(label(lang, "col.target"), overflow="fold")
    table.add_column(label(lang, "col.kind"), no_wrap=True)
    table.add_column(label(lang, "col.plan"), justify="right", no_wrap=True)
    table.add_column(label(lang, "col.unit"), overflow="fold")
    for t in plan.targets:
        if t.kind == "milestone":
            goal = f"{label(lang, 'by')} {format_date(plan.deadline_of(t), lang)}"
        else:
            goal = plan_words.written(t, lang, sign=True)
        unit = unit_label(lang, t.measure) if t.measure and t.measure != "%" else ""
        table.add_row(t.id, target_name(t, lang), text("target_kind." + t.kind).render(lang),
                      goal, unit)
    head = plan.title(lang)
    if str(plan.plan.year) not in head:  # the year once
        head = f"{head} ({plan.plan.year})"
    return to_text([head, table, scope(plan, lang)], width=width, color=color)


def render(plan: Plan, options: Options) -> str:
    return render_plan(plan, lang=options.lang, width=options.width, color=options.color)

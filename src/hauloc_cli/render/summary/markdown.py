"""The brief as plain Markdown, to paste into a document or a chat."""

from __future__ import annotations

from hauloc_cli.render import BriefOptions, cells
from hauloc_cli.render.cells import target_name
from hauloc_cli.render.check.markdown import escape
from hauloc_cli.render.summary import words
from hauloc_cli.rules.status import Status
from hauloc_cli.views.brief import Brief, Item
from hauloc_cli.vocab import groups
from hauloc_cli.vocab.i18n import SYMBOLS, label

BAR_CELLS = 10


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _progress(item: Item, brief: Brief, lang: str) -> str:
    if item.bar is None:
        return ""
    shown = words.share(item, lang, brief.report.plan.status_bands)
    return f"`{words.bar_string(item.bar, BAR_CELLS)}` {shown}"


def _history(item: Item, lang: str) -> str:
    values = words.history_line(item, lang)
    if not values:
        return "—"
    return f"{''.join(words.spark(p) for p in item.history)} {escape(values)}"


def _section(brief: Brief, items: tuple[Item, ...], lang: str) -> list[str]:
    head = [label(lang, k) for k in ("col.target", "col.status", "col.actual", "brief.progress",
                                      "brief.history")]
    lines = [_row(head), _row(["---"] * len(head))]
    for item in items:
        lines.append(_row([
            escape(target_name(item.target, lang)),
            words.verdict_with_symbol(item.verdict, lang),
            escape(" · ".join(filter(None, (words.figures(item, brief, lang),
                                             words.comparisons(item, brief, lang))))),
            _progress(item, brief, lang),
            _history(item, lang),
        ]))
    return lines


def _attention(brief: Brief, lang: str) -> list[str]:
    if not brief.attention:
        return [label(lang, "brief.attention_none")]
    return [f"- {SYMBOLS[i.verdict]} **{escape(target_name(i.target, lang))}**: "
            f"{escape(words.need(i, lang))}" for i in brief.attention]


def _changes(brief: Brief, lang: str) -> list[str]:
    if brief.changes is None:
        return [words.changed_first(brief, lang)]
    if not brief.changes:
        return [words.changed_none(brief, lang)]
    return [f"- {escape(target_name(c.item.target, lang))}: "
            + label(lang, "brief.changed_from",
                    before=words.verdict_with_symbol(c.before.value, lang),
                    now=words.verdict_with_symbol(c.item.verdict, lang))
            for c in brief.changes]


def render_brief_markdown(brief: Brief, *, lang: str = "en") -> str:
    """The same content as the terminal brief, as Markdown headings, tables and lists."""
    lines = [f"# {escape(brief.report.plan.title(lang))}", "",
             f"**{words.period_words(brief, lang)}** · {words.scope(brief, lang)}", ""]
    for sentence in (words.year_end(brief, lang), cells.from_above_line(brief, lang)):
        if sentence:
            lines += [f"**{sentence}**", ""]
    lines += [" · ".join(f"{shown}: {n}" for _, shown, n in words.counts(brief, lang)), ""]
    for section in brief.sections:
        lines += [f"## {groups.name(section.group, lang, brief.report.plan)}", ""]
        lines += _section(brief, section.items, lang) + [""]
    lines += [f"## {label(lang, 'brief.attention')}", ""] + _attention(brief, lang) + [""]
    lines += [f"## {words.changed_heading(brief, lang)}", ""] + _changes(brief, lang) + [""]
    if brief.revisions:
        lines += [f"## {label(lang, 'brief.revised')}", ""]
        lines += [f"- {escape(target_name(r.target, lang))}: {escape(words.revision(r, lang))}"
                  for r in brief.revisions] + [""]
    lines += [f"## {label(lang, 'brief.no_data')}", ""]
    if brief.no_data:
        lines += [label(lang, "brief.no_data_ask"), ""]
        lines += [f"- {SYMBOLS[Status.NO_DATA.value]} {escape(target_name(i.target, lang))}"
                  for i in brief.no_data]
    else:
        lines.append(label(lang, "brief.no_data_none"))
    return "\n".join(lines) + "\n"


def render(brief: Brief, options: BriefOptions) -> str:
    """The brief, then the units' sections when it has them."""
    text = render_brief_markdown(brief, lang=options.lang)
    if brief.units is None:
        return text
    from hauloc_cli.render.summary.units import as_markdown

    return text + as_markdown(brief.units, options.lang)

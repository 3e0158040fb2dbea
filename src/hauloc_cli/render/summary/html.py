"""The brief as one self-contained HTML page: inline CSS, charts as inline SVG, no script.

It prints on one A4 page for the bundled example (print CSS, no page break inside a group) and
shows Vietnamese with a font stack that has its diacritics. Every text that comes from a file
(plan and target names, units, sources) goes through `html.escape`.
"""

from __future__ import annotations

from html import escape

from hauloc_cli.render import BriefOptions, cells
from hauloc_cli.render.cells import target_name
from hauloc_cli.render.summary import words
from hauloc_cli.rules.status import Status
from hauloc_cli.views.brief import Bar, Brief, Item
from hauloc_cli.vocab import groups
from hauloc_cli.vocab.i18n import SYMBOLS, label

# One colour per verdict; the word and the symbol always say the same without it.
COLORS = {
    "achieved": "#166534",
    "exceeded": "#14532d",
    "met": "#166534",
    "on_track": "#16a34a",
    "at_risk": "#d97706",
    "off_track": "#dc2626",
    "missed": "#dc2626",
    "no_data": "#9ca3af",
}
TINTS = {
    "achieved": "#dcfce7",
    "exceeded": "#bbf7d0",
    "met": "#dcfce7",
    "on_track": "#ecfdf5",
    "at_risk": "#fef3c7",
    "off_track": "#fee2e2",
    "missed": "#fee2e2",
    "no_data": "#f3f4f6",
}
BAR_WIDTH, BAR_HEIGHT = 100, 14
SLOT, SPARK_HEIGHT = 12, 22

CSS = """
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#fff;color:#111827;
 font-family:"Noto Sans","Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",
 "DejaVu Sans",sans-serif;font-size:12pt;line-height:1.35}
.page{max-width:1000px;margin:0 auto;padding:24px 28px}
h1{font-size:1.5em;margin:0 0 2pt}
.period{margin:0 0 6pt;color:#374151}
.period strong{color:#111827}
.year-end{font-size:1.15em;font-weight:700;margin:0 0 6pt}
.counts{list-style:none;margin:0 0 8pt;padding:0;display:flex;flex-wrap:wrap;gap:4pt}
.chip{display:inline-block;white-space:nowrap;border-radius:9pt;padding:0 7pt;
 font-weight:600;border:1px solid currentColor}
section.group{break-inside:avoid;page-break-inside:avoid;margin:0 0 7pt}
h2{font-size:1.05em;margin:0 0 3pt;padding-bottom:2pt;border-bottom:2px solid #1f2937;
 text-transform:uppercase;letter-spacing:.02em}
table{width:100%;border-collapse:collapse;table-layout:fixed}
th{font-size:.8em;font-weight:600;color:#6b7280;text-align:left;padding:1pt 4pt}
td{padding:3pt 4pt;border-top:1px solid #e5e7eb;vertical-align:middle}
col.name{width:47%}col.status{width:19%}col.bar{width:17%}col.hist{width:17%}
td.name .fig{display:block;font-size:.85em;color:#4b5563}
td.bar{padding-right:10pt}
td.bar .share{font-size:.8em;color:#374151}
td.hist .values{display:block;font-size:.72em;color:#6b7280}
svg{display:block}
.notes{columns:2;column-gap:14pt}
.notes section{margin-bottom:6pt}
.notes li{break-inside:avoid}
.notes h2{break-inside:avoid;break-after:avoid}
.notes h2{font-size:1em}
.notes ul{margin:0;padding:0;list-style:none}
.notes li{padding:2pt 0;border-top:1px solid #e5e7eb;font-size:.9em}
.notes .what{display:block;color:#374151}
.notes p{margin:2pt 0;font-size:.9em}
footer{margin-top:8pt;font-size:.7em;color:#6b7280;overflow-wrap:anywhere}
@page{size:A4;margin:10mm 12mm}
@media print{body{font-size:9.5pt}.page{max-width:none;padding:0}td{padding:2pt 4pt}}
"""


def _chip(verdict: str, lang: str, count: int | None = None) -> str:
    text = escape(words.verdict_with_symbol(verdict, lang))
    if count is not None:
        text += f" <b>{count}</b>"
    return (f'<span class="chip v-{verdict}" style="color:{COLORS[verdict]};'
            f'background:{TINTS[verdict]}">{text}</span>')


def bar_svg(bar: Bar, verdict: str) -> str:
    """The progress bar: the fill, and a mark where the target should be by now."""
    fill = round(bar.fill * BAR_WIDTH, 1)
    mark = round(min(max(bar.mark * BAR_WIDTH, 1), BAR_WIDTH - 1), 1)
    color = COLORS["off_track"] if bar.over else COLORS[verdict]
    return (f'<svg class="bar" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" '
            f'viewBox="0 0 {BAR_WIDTH} {BAR_HEIGHT}" aria-hidden="true">'
            f'<rect x="0" y="3" width="{BAR_WIDTH}" height="8" rx="2" fill="#e5e7eb"/>'
            f'<rect x="0" y="3" width="{fill}" height="8" rx="2" fill="{color}"/>'
            f'<line x1="{mark}" y1="0" x2="{mark}" y2="{BAR_HEIGHT}" stroke="#111827" '
            f'stroke-width="2"/></svg>')


def history_svg(item: Item, monthly: bool = False) -> str:
    """Small bars, one per period of the year (quarter, or month when `monthly`): height for
    progress, colour for the verdict then; a grey dot for a period without a figure, nothing
    for periods to come."""
    parts = []
    for slot, point in enumerate(item.history):
        x = slot * SLOT + 1
        color = COLORS[point.verdict]
        if point.fill is None:
            parts.append(f'<circle cx="{x + 4}" cy="{SPARK_HEIGHT - 2}" r="1.5" fill="#9ca3af"/>')
        elif isinstance(point.value, bool):
            fill = color if point.value else "#fff"
            parts.append(f'<circle cx="{x + 4}" cy="{SPARK_HEIGHT - 6}" r="4" fill="{fill}" '
                         f'stroke="{color}" stroke-width="1.5"/>')
        else:
            h = max(round(point.fill * (SPARK_HEIGHT - 2), 1), 1.0)
            parts.append(f'<rect x="{x}" y="{SPARK_HEIGHT - h}" width="8" height="{h}" '
                         f'fill="{color}"/>')
    width = (12 if monthly else 4) * SLOT
    return (f'<svg class="spark" width="{width}" height="{SPARK_HEIGHT}" '
            f'viewBox="0 0 {width} {SPARK_HEIGHT}" aria-hidden="true">'
            f'<line x1="0" y1="{SPARK_HEIGHT - 0.5}" x2="{width}" y2="{SPARK_HEIGHT - 0.5}" '
            f'stroke="#d1d5db"/>{"".join(parts)}</svg>')


def _row(item: Item, brief: Brief, lang: str) -> str:
    bar = ""
    if item.bar is not None:
        shown = words.share(item, lang, brief.report.plan.status_bands)
        bar = bar_svg(item.bar, item.verdict) + f'<span class="share">{escape(shown)}</span>'
    # a milestone's circles say done or not done; its words would only repeat them
    values = "" if item.target.kind == "milestone" else words.history_line(item, lang)
    compared = words.comparisons(item, brief, lang)
    return (f'<tr class="v-{item.verdict}"><td class="name">'
            f'{escape(target_name(item.target, lang))}'
            f'<span class="fig">{escape(words.figures(item, brief, lang))}</span>'
            + (f'<span class="fig">{escape(compared)}</span>' if compared else "")
            + '</td>'
            f'<td class="status">{_chip(item.verdict, lang)}</td>'
            f'<td class="bar">{bar}</td>'
            f'<td class="hist">{history_svg(item, brief.monthly)}'
            f'<span class="values">{escape(values)}</span></td></tr>')


def _group(brief: Brief, group: str, items: tuple[Item, ...], lang: str) -> str:
    heads = "".join(f"<th>{escape(label(lang, k))}</th>" for k in (
        "col.target", "col.status", "brief.progress", "brief.history"))
    rows = "".join(_row(i, brief, lang) for i in items)
    return (f'<section class="group"><h2>{escape(groups.name(group, lang, brief.report.plan))}</h2>'
            '<table><colgroup><col class="name"><col class="status"><col class="bar">'
            '<col class="hist"></colgroup>'
            f"<thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></section>")


def _attention(brief: Brief, lang: str) -> str:
    if not brief.attention:
        body = f"<p>{escape(label(lang, 'brief.attention_none'))}</p>"
    else:
        body = "<ul>" + "".join(
            f'<li><span style="color:{COLORS[i.verdict]}">{SYMBOLS[i.verdict]}</span> '
            f"<b>{escape(target_name(i.target, lang))}</b>"
            f'<span class="what">{escape(words.need(i, lang))}</span></li>'
            for i in brief.attention) + "</ul>"
    return (f'<section class="attention"><h2>{escape(label(lang, "brief.attention"))}</h2>'
            f"{body}</section>")


def _changes(brief: Brief, lang: str) -> str:
    head = words.changed_heading(brief, lang)
    if brief.changes is None:
        body = f"<p>{escape(words.changed_first(brief, lang))}</p>"
    elif not brief.changes:
        body = "<p>" + escape(words.changed_none(brief, lang)) + "</p>"
    else:
        body = "<ul>" + "".join(
            f"<li>{escape(target_name(c.item.target, lang))} "
            f"{_chip(c.before.value, lang)} → {_chip(c.item.verdict, lang)}</li>"
            for c in brief.changes) + "</ul>"
    return f"<section><h2>{escape(head)}</h2>{body}</section>"


def _revisions(brief: Brief, lang: str) -> str:
    if not brief.revisions:
        return ""
    items = "".join(f"<li><b>{escape(target_name(r.target, lang))}</b>"
                    f'<span class="what">{escape(words.revision(r, lang))}</span></li>'
                    for r in brief.revisions)
    return f"<section><h2>{escape(label(lang, 'brief.revised'))}</h2><ul>{items}</ul></section>"


def _no_data(brief: Brief, lang: str) -> str:
    if brief.no_data:
        body = (f"<p>{escape(label(lang, 'brief.no_data_ask'))}</p><ul>" + "".join(
            f"<li>{SYMBOLS[Status.NO_DATA.value]} {escape(target_name(i.target, lang))}</li>"
            for i in brief.no_data) + "</ul>")
    else:
        body = f"<p>{escape(label(lang, 'brief.no_data_none'))}</p>"
    return f"<section><h2>{escape(label(lang, 'brief.no_data'))}</h2>{body}</section>"


def render_brief_html(brief: Brief, *, lang: str = "en", source_file: str | None = None) -> str:
    """One page: headline, a table per group, then needs attention, changes and missing data."""
    info = brief.report.plan.plan
    title = brief.report.plan.title(lang)
    period = words.period_words(brief, lang)
    sentence = words.year_end(brief, lang)
    above = cells.from_above_line(brief, lang)
    counts = "".join(f"<li>{_chip(v, lang, n)}</li>" for v, _, n in words.counts(brief, lang))
    groups = "".join(_group(brief, s.group, s.items, lang) for s in brief.sections)
    foot = []
    if info.source:
        foot.append(f"{escape(label(lang, 'brief.source'))}: {escape(info.source)}")
    if source_file:
        foot.append(escape(label(lang, "brief.made_by", file=source_file)))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} · {escape(period)}</title>\n<style>{CSS}</style>\n</head>\n"
        f'<body>\n<main class="page">\n<header><h1>{escape(title)}</h1>'
        f'<p class="period"><strong>{escape(period)}</strong> · '
        f"{escape(words.scope(brief, lang))}</p>"
        + (f'<p class="year-end">{escape(sentence)}</p>' if sentence else "")
        + (f'<p class="year-end">{escape(above)}</p>' if above else "")
        + f'<ul class="counts">{counts}</ul></header>\n{groups}\n'
        f'<div class="notes">{_attention(brief, lang)}{_changes(brief, lang)}'
        f"{_revisions(brief, lang)}{_no_data(brief, lang)}</div>\n"
        + (f"<footer>{'<br>'.join(foot)}</footer>\n" if foot else "")
        + _units(brief, lang) + "</main>\n</body>\n</html>\n"
    )


def _units(brief: Brief, lang: str) -> str:
    """The units' sections, inside the page after the brief's own, when it has them."""
    if brief.units is None:
        return ""
    from hauloc_cli.render.summary.units import as_html

    return as_html(brief.units, lang) + "\n"


def render(brief: Brief, options: BriefOptions) -> str:
    return render_brief_html(brief, lang=options.lang, source_file=options.source_file)

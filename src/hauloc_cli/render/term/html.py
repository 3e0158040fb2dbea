"""The term's status as an official report on one printable HTML page: the letterhead,
title, signature and "Nơi nhận:" of the yearly report (`render/report/letterhead.py`, laid out
by `render/report/html.py`), a body of the mid-term count and one paragraph per target, and the
table as the annex. Every text from a file goes through `html.escape`."""

from __future__ import annotations

from html import escape

from hauloc_cli.render import TermOptions
from hauloc_cli.render.report import html as report_html
from hauloc_cli.render.report.letterhead import (
    BLANK,
    Letter,
    Para,
    date_line,
    issuer_of,
    kind_of,
    recipient_lines,
    signer_block,
    upper,
    word,
)
from hauloc_cli.render.term import words
from hauloc_cli.views.term import TermView
from hauloc_cli.vocab.i18n import format_date, label

# Width in % of each column but the name's, which takes the rest.
WIDTHS = (5, 0, 11, 13, 13, 11, 11, 12)
CSS = "td.figure{text-align:right}"


def letter(view: TermView, lang: str) -> Letter:
    """Every text of the document but the table, in `lang`."""
    info = view.plan.plan
    subject = label(lang, "term.report.subject", span=info.span)
    kind = kind_of(info.issuer)
    as_of = words.as_of_line(view, lang)
    intro = label(lang, "term.report.intro", span=info.span,
                  as_of=as_of[:1].lower() + as_of[1:], count=words.count_line(view, lang))
    body = (Para(intro), *(Para(f"- {words.brief_line(line, view, lang)}.", "item")
                           for line in view.lines),
            *(Para(text) for text in info.letter.results), Para(word(lang, "see_annex")))
    issued = view.issued
    return Letter(
        issuer=issuer_of(info.issuer, view.plan.title(lang)),
        motto=(word(lang, "motto"), word(lang, "motto2")),
        number=word(lang, "number", number=BLANK, kind=kind),
        dated=date_line(issued, info.place, lang, None if issued else info.last),
        title=word(lang, "title"), subject=subject, body=body,
        signature=signer_block(info.signer, lang),
        recipients=recipient_lines(info.recipients, lang),
        annex_title=word(lang, "annex"),
        annex_subject=upper(label(lang, "term.report.annex", span=info.span)),
        annex_note=word(lang, "annex_note", number=BLANK, kind=kind,
                        date=BLANK if issued is None else format_date(issued, lang)),
        by_unit_title="")


def _table(view: TermView, lang: str) -> str:
    fixed = sum(WIDTHS)
    cols = "".join(f'<col style="width:{w or 100 - fixed}%">' for w in WIDTHS)
    keys = ("term.col.number", *words.COLUMNS)
    heads = "".join(f"<th>{escape(words.heading(k, view, lang))}</th>" for k in keys)
    rows = []
    for n, line in enumerate(view.lines, 1):
        cells = words.cells(line, view, lang)
        tds = "".join(f'<td class="{"figure" if 0 < i < len(cells) - 1 else "text"}">'
                      f"{escape(c)}</td>" for i, c in enumerate(cells))
        rows.append(f'<tr><td class="number">{n}</td>{tds}</tr>')
    return (f"<table><colgroup>{cols}</colgroup><thead><tr>{heads}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def render_html(view: TermView, lang: str) -> str:
    text = letter(view, lang)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(text.title)} · {escape(text.subject)}</title>\n"
        f"<style>{report_html.CSS}{CSS}</style>\n</head>\n<body>\n<main class=\"doc\">\n"
        f"{report_html._head(text)}\n{report_html._letter(text)}\n"
        f"{report_html._signature(text)}\n"
        f'<section class="annex"><h2>{escape(text.annex_title)}'
        f"<span>{escape(text.annex_subject)}</span></h2>"
        f'<p class="note">{escape(text.annex_note)}</p>\n'
        f"{_table(view, lang)}\n</section>\n</main>\n</body>\n</html>\n")


def render(view: TermView, options: TermOptions) -> str:
    return render_html(view, options.lang)

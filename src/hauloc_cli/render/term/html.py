"""The term's status as an official report on one printable HTML page: the letter
(`letter.py`), laid out by `render/report/html.py`, then the table as the annex. Every text
from a file goes through `html.escape`."""

from __future__ import annotations

from html import escape

from hauloc_cli.render import TermOptions
from hauloc_cli.render.report import html as report_html
from hauloc_cli.render.term import words
from hauloc_cli.render.term.letter import letter
from hauloc_cli.views.term import TermView

# Width in % of each column but the name's, which takes the rest.
WIDTHS = (5, 0, 11, 13, 13, 11, 11, 12)
CSS = "td.figure{text-align:right}"


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

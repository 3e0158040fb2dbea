"""The term's status as an official report in Word: the letter (`letter.py`) on A4 portrait
as the yearly report lays it out (`render/report/docx.py`), then the status table as the
annex on A4 landscape."""

from __future__ import annotations

from hauloc_cli.render import TermOptions
from hauloc_cli.render.report import docx as report_docx
from hauloc_cli.render.term import words
from hauloc_cli.render.term.letter import letter, stamp
from hauloc_cli.views.term import TermView

# mm: STT, then the target's name takes what the six figure columns leave of the 252 mm
FIGURES = (26, 40, 36, 28, 30, 32)


def render(view: TermView, options: TermOptions) -> bytes:
    lang = options.lang
    text = letter(view, lang)
    document = report_docx.letter_document(text, lang)
    report_docx.annex_page(document, text)
    headings = [words.heading(k, view, lang) for k in ("term.col.number", *words.COLUMNS)]
    rows = [[str(n), *words.cells(line, view, lang)] for n, line in enumerate(view.lines, 1)]
    name = report_docx.LANDSCAPE_WIDTH - report_docx.WIDTHS["number"] - sum(FIGURES)
    report_docx.grid(document, headings, rows, (report_docx.WIDTHS["number"], name, *FIGURES),
                     right=frozenset(range(2, len(headings) - 1)))
    return report_docx.saved(document, text, stamp(view), lang)


"""The official report's annex as Markdown: the issuing body, the title naming the period,
the table with its group rows (`I` · `KINH TẾ`) and, with units, the table by unit.

The columns line up, so that the text reads as a table where Markdown is not rendered too. An
estimate is marked beside its figure, `10,9 (ước)` (every status when the figures' status
differ: `10,6 (sơ bộ)`); when every figure is one, the value heading says `Ước thực hiện…`.
"""

from __future__ import annotations

from hauloc_cli.model.annex import Column
from hauloc_cli.render import RenderOptions
from hauloc_cli.render import annex_words as words
from hauloc_cli.render.markdown import escape
from hauloc_cli.views.annex import Annex, Line

# Columns of words are left-aligned, of numbers right-aligned.
_LEFT = frozenset({"unit", "name", "measure", "assessment", "note"})


def _cells(line: Line, annex: Annex, lang: str, cols: tuple[Column, ...]) -> list[str]:
    return [escape(text) for text in words.texts(line, annex, lang, cols)]


def _table(head: list[str], rows: list[list[str]], cols: tuple[Column, ...]) -> list[str]:
    """A pipe table whose columns line up."""
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    widths = [max(w, 3) for w in widths]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) if cols[i].key in _LEFT or cells is head
                                 else c.rjust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths, strict=True))
                                 ) + " |"

    rule = "| " + " | ".join("-" * w if c.key in _LEFT else "-" * (w - 1) + ":"
                             for c, w in zip(cols, widths, strict=True)) + " |"
    return [line(head), rule, *(line(r) for r in rows)]


def _annex_rows(annex: Annex, lang: str, cols: tuple[Column, ...]) -> list[list[str]]:
    rows: list[list[str]] = []
    shown = iter(words.table_texts(annex.lines, annex, lang, cols))
    for group in annex.groups:
        name = f"**{escape(words.group_name(group.group, lang))}**"
        rows.append([f"**{words.numeral(group.number)}**", name, *[""] * (len(cols) - 2)])
        rows += [[escape(t) for t in next(shown)] for _ in group.lines]
    return rows


def render_markdown(annex: Annex, lang: str) -> str:
    lines = [f"**{escape(line.upper())}**  " for line in annex.plan.plan.issuer or ()]
    if lines:
        lines[-1] = lines[-1].rstrip()
        lines.append("")
    lines += [f"# {escape(words.title(annex, lang))}", "",
              f"*{escape(annex.plan.title(lang))}*  ",
              f"*{escape(words.issued_note(annex, lang))}*", ""]
    cols = words.columns(annex, workbook=False)
    head = [escape(words.heading_of(c, annex, lang)) for c in cols]
    lines += _table(head, _annex_rows(annex, lang, cols), cols)
    if annex.by_unit:
        cols = words.columns(annex, by_unit=True, workbook=False)
        head = [escape(words.heading_of(c, annex, lang)) for c in cols]
        lines += ["", f"## {escape(words.SHEET_NAMES[lang][1])}", ""]
        lines += _table(head, [_cells(line, annex, lang, cols) for line in annex.by_unit],
                        cols)
    return "\n".join(lines) + "\n"


def render(annex: Annex, options: RenderOptions) -> str:
    return render_markdown(annex, options.lang)

"""The official report's annex as Markdown: the issuing body, the title naming the period,
the table with its group rows (`I` · `KINH TẾ`) and, with units, the table by unit.

The columns line up, so that the text reads as a table where Markdown is not rendered too. An
estimate is marked beside its figure, `10,9 (ước)` (every status when the figures' status
differ: `10,6 (sơ bộ)`); when every figure is one, the value heading says `Ước thực hiện…`.
"""

from __future__ import annotations

from hauloc_cli.render import Options
from hauloc_cli.render.check.markdown import escape
from hauloc_cli.render.report import words
from hauloc_cli.render.report.cells import UnitTable, unit_numeric, unit_table
from hauloc_cli.render.report.letterhead import Letter, letter
from hauloc_cli.views.annex import Annex, Line
from hauloc_cli.vocab.annex_columns import Column

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
        name = f"**{escape(words.group_name(group.group, lang, annex.plan))}**"
        rows.append([f"**{words.numeral(group.number)}**", name, *[""] * (len(cols) - 2)])
        rows += [[escape(t) for t in next(shown)] for _ in group.lines]
    return rows


def _letter(text: Letter) -> list[str]:
    """The letter: the issuer, number, motto and date line, the title, the body (headings
    bold, items as list items), the recipients and the signature."""
    lines = [f"**{escape(line)}**  " for line in text.issuer]
    lines += [f"{escape(text.number)}", "",
              f"**{escape(text.motto[0])}**  ", f"**{escape(text.motto[1])}**  ",
              f"*{escape(text.dated)}*", "",
              f"# {escape(text.title)}", "", f"**{escape(text.subject)}**", ""]
    for para in text.body:
        if para.lead:
            lines += [f"**{escape(para.lead)}** {escape(para.text)}", ""]
        elif para.kind == "heading":
            lines += [f"**{escape(para.text)}**", ""]
        elif para.kind == "item":
            lines += [f"- {escape(para.text.removeprefix('- '))}", ""]
        else:
            lines += [escape(para.text), ""]
    signed = text.signature
    for line in (signed.on_behalf, signed.title):
        if line:
            lines.append(f"**{escape(line)}**  ")
    lines += ["", "", f"**{escape(signed.name)}**" if signed.name else "", ""]
    lines += [f"*{escape(text.recipients[0])}*  ",
              *(f"{escape(r)}  " for r in text.recipients[1:]), ""]
    return lines


def render_markdown(annex: Annex, lang: str) -> str:
    text = letter(annex, lang)
    lines = [*_letter(text), "---", "",
             f"## {escape(text.annex_title)}", "", f"**{escape(text.annex_subject)}**  ",
             f"*{escape(text.annex_note)}*", ""]
    cols = words.columns(annex, workbook=False)
    head = [escape(words.heading_of(c, annex, lang)) for c in cols]
    lines += _table(head, _annex_rows(annex, lang, cols), cols)
    units = unit_table(annex, lang)
    if units is not None:
        lines += ["", f"### {escape(text.by_unit_title)}", ""]
        lines += _grid(units)
    return "\n".join(lines) + "\n"


def _grid(table: UnitTable) -> list[str]:
    """The table by unit as a pipe table, its total rows bold, the columns lined up."""
    rows = [[escape(c) for c in table.headings]] + [
        [f"**{escape(c)}**" if row.group and c else escape(c) for c in row.cells]
        for row in table.rows]
    widths = [max(max(len(r[i]) for r in rows), 3) for i in range(len(table.keys))]

    def line(cells: list[str], head: bool = False) -> str:
        return "| " + " | ".join(
            c.rjust(w) if unit_numeric(k) and not head else c.ljust(w)
            for c, w, k in zip(cells, widths, table.keys, strict=True)) + " |"

    rule = "| " + " | ".join("-" * (w - 1) + ":" if unit_numeric(k) else "-" * w
                             for k, w in zip(table.keys, widths, strict=True)) + " |"
    return [line(rows[0], head=True), rule, *(line(r) for r in rows[1:])]


def render(annex: Annex, options: Options) -> str:
    return render_markdown(annex, options.lang)

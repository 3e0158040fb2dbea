"""The term's status for a terminal or a cron mail: the table (status as a symbol and a word),
then the brief, one line per target, and the mid-term count."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from hauloc_cli.render import TermOptions
from hauloc_cli.render.check.table import STYLES, to_text
from hauloc_cli.render.term import words
from hauloc_cli.views.term import TermView
from hauloc_cli.vocab.i18n import label

# Below this width the base and the rate so far are said in the brief only, so that the
# status word is never cut.
WIDE = 120
NARROW = (0, 2, 3, 5, 6)  # the columns kept: target, latest, target, now needed, status


def render_table(view: TermView, *, lang: str, width: int, color: bool) -> str:
    """The table (every column from WIDE columns, else NARROW ones), the brief under it, and
    the mid-term count; the status column never wraps."""
    shown = range(len(words.COLUMNS)) if width >= WIDE else NARROW
    rows = [words.cells(line, view, lang) for line in view.lines]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for i in shown:
        head = words.heading(words.COLUMNS[i], view, lang)
        if i == 0:
            table.add_column(head, overflow="fold", ratio=3, min_width=12)
        elif i == len(words.COLUMNS) - 1:
            table.add_column(head, no_wrap=True, min_width=max(
                [cell_len(head), *(cell_len(row[i]) for row in rows)]))
        else:
            table.add_column(head, justify="right", overflow="fold", ratio=2)
    brief = Table.grid(padding=(0, 1))
    brief.add_column(overflow="fold")
    for line, row in zip(view.lines, rows, strict=True):
        style = STYLES[line.result.status]
        table.add_row(*(row[i] if i < len(row) - 1 else Text(row[i], style=style)
                        for i in shown))
        brief.add_row(Text(words.brief_line(line, view, lang)))
    parts: list[object] = [Text(words.title(view, lang), style="bold"),
                           words.as_of_line(view, lang), "", table, "",
                           Text(label(lang, "term.brief"), style="bold"), brief, "",
                           words.count_line(view, lang)]
    return to_text(parts, width=width, color=color)


def render(view: TermView, options: TermOptions) -> str:
    return render_table(view, lang=options.lang, width=options.width, color=options.color)

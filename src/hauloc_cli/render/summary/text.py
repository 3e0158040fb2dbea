"""The brief on a terminal: one screen for the bundled example, readable without colour."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from hauloc_cli.render import BriefOptions
from hauloc_cli.render.cells import from_above_line, target_name
from hauloc_cli.render.check.table import STYLES, to_text
from hauloc_cli.render.summary import words
from hauloc_cli.rules.status import Status
from hauloc_cli.views.brief import Bar, Brief, Item
from hauloc_cli.vocab import groups
from hauloc_cli.vocab.i18n import SYMBOLS, label

# The year-end classes look like the statuses they come from.
VERDICT_STYLES: dict[str, str] = {
    **{s.value: style for s, style in STYLES.items()},
    "exceeded": "bold green",
    "met": "green",
    "missed": "bold red",
}


# A word that is a figure ("69", "12%", "1,5", "(ước)" is not): never the first word of a
# wrapped line, so that no number stands alone under the words that say what it is; and a
# separator "·" starts the line it leads into rather than ending one.
_FIGURE = re.compile(r"[-+]?\d[\d.,]*%?$")

# How far a wrapped name's second line is indented: under the name itself, past the figures
# line's two cells, so that it never starts at column 0, where it would look like a new target.
NAME_INDENT = 4


def wrap_hanging(text: Text, width: int, indent: int) -> list[Text]:
    """`text` in lines of at most `width` cells, broken between words (a word longer than a
    line is folded), the lines after the first indented by `indent`; a figure is kept on the
    line of the word before it unless the two are longer than a line."""
    plain = text.plain
    spans = [[m.start(), m.end()] for m in re.finditer(r"\S+", plain)]
    glued: list[list[int]] = []
    for span in spans:  # a figure goes with the word before it, a separator with the next
        word = plain[span[0]:span[1]]
        if glued and (_FIGURE.match(word) or plain[glued[-1][0]:glued[-1][1]] == "·"):
            glued[-1][1] = span[1]
        else:
            glued.append(span)
    words = [m.span() for m in re.finditer(r"\S+", plain)]
    units: list[tuple[int, int]] = []
    for s, e in glued:  # a group too long for any line is broken after all, between words
        if cell_len(plain[s:e]) > width - indent:
            units += [w for w in words if s <= w[0] < e]
        else:
            units.append((s, e))
    lines: list[tuple[int, int]] = []
    start = end = -1
    for s, e in units:
        room = width - (indent if lines else 0)
        if start < 0:
            start, end = s, e
        elif cell_len(plain[start:e]) <= room:
            end = e
        else:
            lines.append((start, end))
            start, end = s, e
        room = width - (indent if lines else 0)
        while cell_len(plain[start:end]) > room > 0:  # fold a word longer than a line
            cut = start + 1
            while cell_len(plain[start:cut + 1]) <= room:
                cut += 1
            lines.append((start, cut))
            start = cut
            room = width - indent
    if start >= 0:
        lines.append((start, end))
    out = [text[s:e] for s, e in lines] or [Text()]
    return [out[0]] + [Text(" " * indent) + line for line in out[1:]]


class Hanging:
    """A text wrapped with a hanging indent at whatever width it is given (a grid cell)."""

    def __init__(self, text: Text, indent: int) -> None:
        self.text, self.indent = text, indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        lines = wrap_hanging(self.text, options.max_width, self.indent)
        yield Text("\n").join(lines)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(w) for w in self.text.plain.split()), default=0)
        return Measurement(min(longest + self.indent, options.max_width),
                           min(self.text.cell_len, options.max_width))


def bar_width(width: int) -> int:
    """Half of what is left after the text, between 10 and 40 cells."""
    return max(10, min(40, (width - 40) // 2))


def bar_text(bar: Bar, cells: int, verdict: str) -> Text:
    """`cells` cells filled in proportion, and a mark between two cells where it should be."""
    styles = {
        words.FILLED: "bold red" if bar.over else VERDICT_STYLES[verdict],
        words.EMPTY: "dim",
        words.MARK: "bold",
    }
    text = Text()
    for char in words.bar_string(bar, cells):
        text.append(char, style=styles[char])
    return text


def verdict_text(verdict: str, lang: str) -> Text:
    return Text(words.verdict_with_symbol(verdict, lang), style=VERDICT_STYLES[verdict])


def _heading(text: str) -> Text:
    return Text(text.upper(), style="bold")


def _history(item: Item) -> Text:
    text = Text()
    for point in item.history:
        text.append(words.spark(point), style=VERDICT_STYLES[point.verdict])
    return text


def _grid() -> Table:
    grid = Table.grid(expand=True, padding=(0, 0, 0, 1))
    grid.add_column(ratio=1, overflow="fold")
    grid.add_column(no_wrap=True, justify="right")
    return grid


def _section(brief: Brief, items: tuple[Item, ...], lang: str, cells: int) -> list[object]:
    """Two rows a target (name and status; figures, bar and history), and under a target
    compared with last year a line of its own, the whole width."""
    out: list[object] = [_grid()]
    for item in items:
        grid = out[-1]
        assert isinstance(grid, Table)
        grid.add_row(Hanging(Text(target_name(item.target, lang)), NAME_INDENT),
                     verdict_text(item.verdict, lang))
        right = Text()
        if item.bar is not None:
            right.append_text(bar_text(item.bar, cells, item.verdict))
            right.append(" ")
        right.append_text(_history(item))
        grid.add_row(Padding(Hanging(Text(words.figures(item, brief, lang)), 2), (0, 0, 0, 2)),
                     right)
        compared = words.comparisons(item, brief, lang)
        if compared:
            out += [Padding(Hanging(Text(compared), 2), (0, 0, 0, 2)), _grid()]
    return [part for part in out if not isinstance(part, Table) or part.row_count]


def _pairs(rows: list[tuple[Text, Text]], width: int) -> list[object]:
    """Rows of (what, about it): in two aligned columns when every row fits on one line,
    else each on two lines, the second indented, so that nothing is ever cut; a `what` too
    long for a line goes on under itself, indented less than the second line."""
    left = max(r[0].cell_len for r in rows)
    right = max(r[1].cell_len for r in rows)
    if left + 1 + right <= width:
        gap = 2 if left + 2 + right <= width else 1
        grid = Table.grid(padding=(0, gap, 0, 0))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        for row in rows:
            grid.add_row(*row)
        return [grid]
    out: list[object] = []
    for what, about in rows:
        out += [Hanging(what, 2), Padding(Hanging(about, 2), (0, 0, 0, 4))]
    return out


def _attention(brief: Brief, lang: str, width: int) -> list[object]:
    if not brief.attention:
        return [Text(label(lang, "brief.attention_none"))]
    rows = []
    for item in brief.attention:
        what = Text(SYMBOLS[item.verdict], style=VERDICT_STYLES[item.verdict])
        what.append(" " + target_name(item.target, lang))
        rows.append((what, Text(words.need(item, lang))))
    return _pairs(rows, width)


def _changes(brief: Brief, lang: str, width: int) -> list[object]:
    if brief.changes is None:
        return [Text(words.changed_first(brief, lang))]
    if not brief.changes:
        return [Text(words.changed_none(brief, lang))]
    rows = []
    for change in brief.changes:
        move = verdict_text(change.before.value, lang)
        move.append(" → ")
        move.append_text(verdict_text(change.item.verdict, lang))
        rows.append((Text(target_name(change.item.target, lang)), move))
    return _pairs(rows, width)


def _revisions(brief: Brief, lang: str, width: int) -> list[object]:
    """One line a revision ('name — 6 tháng: 10,4% (ước) → 10,6% (sơ bộ)'), or two when
    that does not fit, the second indented."""
    out: list[object] = []
    for rev in brief.revisions:
        name, about = target_name(rev.target, lang), words.revision(rev, lang)
        if cell_len(name) + 3 + cell_len(about) <= width:
            out.append(Text(f"{name} — {about}"))
        else:
            out += [Hanging(Text(name), 2), Padding(Hanging(Text(about), 2), (0, 0, 0, 4))]
    return out


def _counts(brief: Brief, lang: str, width: int) -> list[Text]:
    """'✔ Đạt 1 · ● Đúng tiến độ 3 · …', broken between counts, never inside one."""
    lines = [Text()]
    for verdict, shown, count in words.counts(brief, lang):
        chunk = Text(f"{shown} {count}", style=VERDICT_STYLES[verdict])
        if lines[-1].cell_len and lines[-1].cell_len + 3 + chunk.cell_len > width:
            lines.append(Text())
        if lines[-1].cell_len:
            lines[-1].append(" · ")
        lines[-1].append_text(chunk)
    return lines


def render_brief_text(brief: Brief, *, lang: str = "en", width: int = 80,
                      color: bool = False) -> str:
    """Headline, one section per group, then what needs attention, what changed, what is
    missing. Fits `width` columns without cutting a number or a status."""
    out: list[object] = [
        Text(brief.report.plan.title(lang), style="bold"),
        Text(f"{words.period_words(brief, lang)} · {words.scope(brief, lang)}"),
    ]
    for sentence in (words.year_end(brief, lang), from_above_line(brief, lang)):
        if sentence:
            out.append(Text(sentence, style="bold"))
    out += _counts(brief, lang, width)
    cells = bar_width(width)
    for section in brief.sections:
        out += ["", _heading(groups.name(section.group, lang, brief.report.plan)),
                *_section(brief, section.items, lang, cells)]
    out += ["", _heading(label(lang, "brief.attention")), *_attention(brief, lang, width)]
    out += ["", _heading(words.changed_heading(brief, lang)), *_changes(brief, lang, width)]
    if brief.revisions:
        out += ["", _heading(label(lang, "brief.revised")), *_revisions(brief, lang, width)]
    out += ["", _heading(label(lang, "brief.no_data"))]
    if brief.no_data:
        out += [Hanging(Text(f"{SYMBOLS[Status.NO_DATA.value]} {target_name(i.target, lang)}",
                             style=VERDICT_STYLES[Status.NO_DATA.value]), 2)
                for i in brief.no_data]
    else:
        out.append(Text(label(lang, "brief.no_data_none")))
    return to_text(out, width=width, color=color)


def render(brief: Brief, options: BriefOptions) -> str:
    """The brief, then the units' sections when it has them."""
    text = render_brief_text(brief, lang=options.lang, width=options.width,
                             color=options.color)
    if brief.units is None:
        return text
    from hauloc_cli.render.summary.units import as_text

    return text + as_text(brief.units, options.lang, options.width)

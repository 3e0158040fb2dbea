"""The terminal table: status as a symbol and a word (colour only repeats it)."""

from __future__ import annotations

import io

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from hauloc_cli.model.figures import FigureStatus
from hauloc_cli.model.periods import Period
from hauloc_cli.render import CheckOptions
from hauloc_cli.render.cells import (
    expected_key,
    expected_word,
    row_cells,
    status_word,
    summary_line,
    target_name,
)
from hauloc_cli.render.check.units import explain
from hauloc_cli.render.compare_words import compared, mark
from hauloc_cli.rules.compare import facts
from hauloc_cli.rules.rollup import UnitsReport
from hauloc_cli.rules.status import Judgement, Result, Status
from hauloc_cli.vocab.i18n import SYMBOLS, label

# By the status's value, so that every status has one, `missed` (a ceiling already broken, the
# year-end miss) included.
_STYLE_OF = {"achieved": "bold green", "on_track": "green", "at_risk": "yellow",
             "off_track": "bold red", "missed": "bold red", "no_data": "dim"}
STYLES = {s: _STYLE_OF[s.value] for s in Status}


def to_text(renderables: list[object], *, width: int, color: bool) -> str:
    """Print rich renderables into a string, coloured or not, fitted to `width`."""
    console = Console(file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False,
                      emoji=False, legacy_windows=False)
    for item in renderables:
        console.print(item)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.split("\n"))


def status_text(r: Result, period: Period, lang: str) -> Text:
    """The status word (`status_word`: the year-end class at the final period), coloured."""
    return Text(status_word(r, period, lang), style=STYLES[r.status])


# Below this width the reasons move out of the table into a list under it, so that
# names and reasons are not squeezed into columns a few letters wide.
WIDE = 120
# The name column keeps at least this many characters when it can: the columns after the
# actual (expected, then done/due) move under the row, into its reason line, rather than squeeze.
NAME_WIDTH = 24
GAP = 3  # between two columns: padding, the rule's blank, padding
NUMBER_KEYS = ("col.plan", "col.actual", "col.expected", "col.progress")


def _shown_columns(rows: list[list[str]], headers: list[str], width: int) -> int:
    """How many of the number columns (plan, actual, expected, pace) stay in the table."""
    widths = [max(cell_len(c) for c in column)
              for column in zip(headers, *(row[1:] for row in rows), strict=True)]
    status = widths.pop()
    for shown in (4, 3, 2):
        if width - sum(widths[:shown]) - status - GAP * (shown + 1) >= NAME_WIDTH:
            return shown
    return 2


def _reason(r: Result, report: Judgement, lang: str, moved: list[tuple[str, str]],
            units: UnitsReport | None) -> Text:
    """`Name — reason`, then the cells moved out of the table: `(Pace 67%)`; the expected
    cell under its row's own word (`Allowed so far 3`, without the column's `≤`)."""
    line = Text(target_name(r.target, lang), style="bold")
    line.append(" — ")
    reason = explain(r, report.period, lang, units, report.plan.status_bands)
    line.append(reason)
    said = {"col.expected"} if r.target.kind == "milestone" else set()  # the deadline is said
    words = {"col.expected": expected_word(r.target)}
    extra = [f"{label(lang, words.get(key, key))} {cell.removeprefix('≤ ')}"
             for key, cell in moved if cell != "—" and key not in said
             and not (key == "col.progress" and f"({cell} " in reason)]  # '(89% of pace)'
    if extra:
        line.append(f" ({'; '.join(extra)})")
    return line


def render_table(report: Judgement, *, lang: str = "en", width: int = 80, color: bool = False,
                 only: frozenset[Status] | None = None, units: UnitsReport | None = None
                 ) -> str:
    """One row per target in plan order, then the summary line.

    `only` keeps just the targets with those statuses (the summary line still counts all).
    Status words are never cut: the status column never wraps, and below `WIDE` columns the
    columns the name cannot spare move under the row.
    """
    wide = width >= WIDE
    results = [r for r in report.results if only is None or r.status in only]
    bands = report.plan.status_bands
    notes = [compared(facts(r, report.figures), r.target, lang, bands) for r in results]
    estimate = mark(FigureStatus.ESTIMATE, lang)
    rows = [row_cells(r, report, lang) for r in results]
    if not wide:  # the estimate mark under the figure keeps the column narrow
        rows = [[row[0], row[1], row[2].replace(estimate, "\n" + estimate.lstrip(), 1),
                 *row[3:]] for row in rows]
    keys = {"col.expected": expected_key(r.target for r in results)}
    headers = [label(lang, keys.get(k, k)) for k in (*NUMBER_KEYS, "col.status")]
    shown = 4 if wide else _shown_columns(rows, headers, width)
    if shown < 2:  # the figure itself is said under the row, on one line
        rows = [[row[0], row[1], row[2].replace("\n", " "), *row[3:]] for row in rows]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(label(lang, "col.target"), overflow="fold", ratio=3, min_width=14)
    for header in headers[:shown]:
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column(label(lang, "col.status"), no_wrap=True, min_width=max(
        [cell_len(label(lang, "col.status")), *(cell_len(row[-1]) for row in rows)]))
    if wide:
        table.add_column(label(lang, "col.reason"), overflow="fold", ratio=4, min_width=16)
    for r, row, note in zip(results, rows, notes, strict=True):
        cells: list[str | Text] = [*row[:1 + shown], status_text(r, report.period, lang)]
        # wide: what reports say beside the status on a line of its own under the reason
        reason = "\n".join(filter(None, (explain(r, report.period, lang, units, bands), note)))
        table.add_row(*cells, *([reason] if wide else []))
    parts: list[object] = [table]
    if not wide and results:
        reasons = Table.grid(padding=(0, 1))
        reasons.add_column(no_wrap=True)
        reasons.add_column(overflow="fold")
        for r, row, note in zip(results, rows, notes, strict=True):
            moved = list(zip(NUMBER_KEYS[shown:], row[1 + shown:-1], strict=True))
            reasons.add_row(Text(SYMBOLS[r.status.value], style=STYLES[r.status]),
                            _reason(r, report, lang, moved, units))
            if note:  # under the row: what reports say beside the status
                reasons.add_row("", Text(note, style="dim"))
        parts += ["", reasons]
    parts += ["", summary_line(report, lang)]
    return to_text(parts, width=width, color=color)


def render(report: Judgement, options: CheckOptions) -> str:
    o = options
    return render_table(report, lang=o.lang, width=o.width, color=o.color, only=o.only,
                        units=o.units)

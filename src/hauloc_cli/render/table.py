"""The terminal table: status as a symbol and a word (colour only repeats it)."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from hauloc_cli.model.figures import FigureStatus
from hauloc_cli.render import RenderOptions
from hauloc_cli.render.cells import row_cells, summary_line, target_name
from hauloc_cli.render.compare_words import compared, mark
from hauloc_cli.render.i18n import SYMBOLS, label
from hauloc_cli.render.reasons import explain_result
from hauloc_cli.rules.compare import facts
from hauloc_cli.rules.status import Report, Status

STYLES = {
    Status.ACHIEVED: "bold green",
    Status.ON_TRACK: "green",
    Status.AT_RISK: "yellow",
    Status.OFF_TRACK: "bold red",
    Status.NO_DATA: "dim",
}


def to_text(renderables: list[object], *, width: int, color: bool) -> str:
    """Print rich renderables into a string, coloured or not, fitted to `width`."""
    console = Console(file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False,
                      emoji=False, legacy_windows=False)
    for item in renderables:
        console.print(item)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.split("\n"))


def status_text(status: Status, lang: str) -> Text:
    return Text(f"{SYMBOLS[status.value]} {label(lang, status.value)}", style=STYLES[status])


# Below this width the reasons move out of the table into a list under it, so that
# names and reasons are not squeezed into columns a few letters wide.
WIDE = 120


def render_table(report: Report, *, lang: str = "en", width: int = 80, color: bool = False,
                 only: frozenset[Status] | None = None) -> str:
    """One row per target in plan order, then the summary line.

    `only` keeps just the targets with those statuses (the summary line still counts all).
    """
    wide = width >= WIDE
    results = [r for r in report.results if only is None or r.status in only]
    notes = [compared(facts(r, report.figures), r.target, lang) for r in results]
    estimate = mark(FigureStatus.ESTIMATE, lang)
    rows = []
    for r in results:
        cells: list[str | Text] = [*row_cells(r, report, lang)[:-1], status_text(r.status, lang)]
        if not wide:  # the estimate mark under the figure keeps the column narrow
            cells[2] = str(cells[2]).replace(estimate, "\n" + estimate.lstrip(), 1)
        rows.append(cells)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(label(lang, "col.target"), overflow="fold", ratio=3, min_width=14)
    for key in ("col.plan", "col.actual", "col.expected", "col.progress"):
        table.add_column(label(lang, key), justify="right", no_wrap=True)
    table.add_column(label(lang, "col.status"), no_wrap=True)
    if wide:
        table.add_column(label(lang, "col.reason"), overflow="fold", ratio=4, min_width=16)
    for r, cells, note in zip(results, rows, notes, strict=True):
        # wide: what reports say beside the status on a line of its own under the reason
        reason = "\n".join(filter(None, (explain_result(r, report.period, lang), note)))
        table.add_row(*cells, *([reason] if wide else []))
    parts: list[object] = [table]
    if not wide and results:
        reasons = Table.grid(padding=(0, 1))
        reasons.add_column(no_wrap=True)
        reasons.add_column(overflow="fold")
        for r, note in zip(results, notes, strict=True):
            line = Text(target_name(r.target, lang), style="bold")
            line.append(" — ")
            line.append(explain_result(r, report.period, lang))
            reasons.add_row(Text(SYMBOLS[r.status.value], style=STYLES[r.status]), line)
            if note:  # under the row: what reports say beside the status
                reasons.add_row("", Text(note, style="dim"))
        parts += ["", reasons]
    parts += ["", summary_line(report, lang)]
    return to_text(parts, width=width, color=color)


def render(report: Report, options: RenderOptions) -> str:
    o = options
    return render_table(report, lang=o.lang, width=o.width, color=o.color, only=o.only)

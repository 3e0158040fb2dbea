"""The terminal table: status as a symbol and a word (colour only repeats it)."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from hauloc_cli.i18n import SYMBOLS, format_number, label
from hauloc_cli.plan import Plan, Target
from hauloc_cli.status import Report, Result, Status, progress

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


def number(x: float | None, unit: str | None, lang: str) -> str:
    if x is None:
        return "—"
    return format_number(x, lang) + ("%" if unit == "%" else "")


def _plain_name(target: Target, lang: str) -> str:
    return target.name_en if lang == "en" and target.name_en else target.name


def _actual(r: Result, report: Report, lang: str) -> str:
    if r.actual is None:
        return "—"
    if isinstance(r.actual, bool):
        shown = label(lang, "done" if r.actual else "not_done")
    else:
        shown = number(r.actual, r.target.unit, lang)
    return shown if r.as_of == report.quarter else f"{shown} (Q{r.as_of})"


def _progress(r: Result, quarter: int) -> str:
    if r.target.kind == "milestone" or r.actual is None:
        return "—"
    done, due = progress(r.target, float(r.actual), quarter)
    if done is None:
        return "—"
    return f"{format_number(done * 100, decimals=0)}%/{format_number(due * 100, decimals=0)}%"


def summary_line(report: Report, lang: str) -> str:
    counts = ", ".join(f"{n} {label(lang, s.value).lower()}" for s, n in report.counts.items())
    defined = len(report.plan.targets)
    declared = report.plan.plan.declared_targets
    scope = (label(lang, "defined", defined=defined, declared=declared) if declared
             else label(lang, "defined_all", defined=defined))
    return f"{report.period}: {counts} — {scope}"


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
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(label(lang, "col.target"), overflow="fold", ratio=3, min_width=14)
    for key in ("col.plan", "col.actual", "col.expected", "col.progress"):
        table.add_column(label(lang, key), justify="right", no_wrap=True)
    table.add_column(label(lang, "col.status"), no_wrap=True)
    if wide:
        table.add_column(label(lang, "col.reason"), overflow="fold", ratio=4, min_width=16)
    for r in results:
        t = r.target
        if t.kind == "milestone":
            plan_cell = label(lang, "done")
            expected = f"{label(lang, 'by')} {r.deadline}"
        else:
            plan_cell = number(t.target, t.unit, lang)
            expected = number(r.expected, t.unit, lang)
        cells: list[str | Text] = [_plain_name(t, lang), plan_cell, _actual(r, report, lang),
                                   expected, _progress(r, report.quarter),
                                   status_text(r.status, lang)]
        table.add_row(*cells, *([r.reason] if wide else []))
    parts: list[object] = [table]
    if not wide and results:
        reasons = Table.grid(padding=(0, 1))
        reasons.add_column(no_wrap=True)
        reasons.add_column(overflow="fold")
        for r in results:
            line = Text(_plain_name(r.target, lang) + ": ", style="bold")
            line.append(r.reason)
            reasons.add_row(Text(SYMBOLS[r.status.value], style=STYLES[r.status]), line)
        parts += ["", reasons]
    parts += ["", summary_line(report, lang)]
    return to_text(parts, width=width, color=color)


def render_plan(plan: Plan, *, lang: str = "en", width: int = 80, color: bool = False) -> str:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(label(lang, "col.id"), no_wrap=True)
    table.add_column(label(lang, "col.target"), overflow="fold")
    table.add_column(label(lang, "col.kind"), no_wrap=True)
    table.add_column(label(lang, "col.plan"), justify="right", no_wrap=True)
    table.add_column(label(lang, "col.unit"), overflow="fold")
    for t in plan.targets:
        if t.kind == "milestone":
            goal = f"{label(lang, 'by')} {plan.deadline_of(t)}"
        else:
            sign = "≥" if t.direction == "at_least" else "≤"
            goal = f"{sign} {number(t.target, t.unit, lang)}"
        unit = t.unit if t.unit and t.unit != "%" else ""
        table.add_row(t.id, _plain_name(t, lang), t.kind, goal, unit)
    info = plan.plan
    head = f"{info.name or info.id} ({info.year})"
    declared = info.declared_targets
    scope = (label(lang, "defined", defined=len(plan.targets), declared=declared) if declared
             else label(lang, "defined_all", defined=len(plan.targets)))
    return to_text([head, table, scope], width=width, color=color)

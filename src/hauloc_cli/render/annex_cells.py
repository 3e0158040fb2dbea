"""The annex table as text cells, for the documents that show it (Word, HTML): the headings of
`model/annex.py`, group rows (`I | KINH TẾ`), one row per target, and the table by unit.

The columns are those of `model/annex.py` that apply: the last-year columns only when a line
has a last-year figure, the figure-status column only when the figures' status differ
(`Annex.estimates == "mixed"`; when all are estimates the value column says so in its heading).
The workbook-only columns (target and unit codes) are left out: nothing reads a document back.
As in the workbook, the value cell holds the figure of the period judged only; an older one is
said in the assessment ('Đạt (số liệu quý I: 1)'). Numbers in the language's format: 12,5 in
Vietnamese; a percentage's `%` is in the unit column, not after each number.
"""

from __future__ import annotations

from dataclasses import dataclass

from hauloc_cli.model.annex import BY_KEY, ESTIMATE_VALUE, ROMAN, heading
from hauloc_cli.model.figures import Value
from hauloc_cli.model.plan import Target
from hauloc_cli.render import brief_words
from hauloc_cli.render.cells import target_name
from hauloc_cli.render.i18n import format_date, format_number, label, unit_label
from hauloc_cli.views.annex import Annex, Line

FIGURE_STATUS = {
    "vi": {"estimate": "ước tính", "preliminary": "sơ bộ", "official": "chính thức"},
    "en": {"estimate": "estimate", "preliminary": "preliminary", "official": "official"},
}
# Columns holding numbers (right-aligned by the writers).
NUMERIC = frozenset({"plan", "last_year", "value", "of_plan", "of_last_year"})


@dataclass(frozen=True, slots=True)
class Row:
    """A row of cells, one per column; a group row has two: its number and its name, which
    the writers merge across the other columns."""

    cells: tuple[str, ...]
    group: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    keys: tuple[str, ...]  # the column keys of model/annex.py
    headings: tuple[str, ...]
    rows: tuple[Row, ...]


def columns(annex: Annex, lines: tuple[Line, ...], by_unit: bool) -> tuple[str, ...]:
    keys = ["number", "unit"] if by_unit else ["number", "name", "measure"]
    last = any(line.last_year is not None for line in lines)
    keys += ["plan", *(["last_year"] if last else []), "value",
             *(["status"] if annex.estimates == "mixed" else []), "of_plan",
             *(["of_last_year"] if last else []), "assessment"]
    return tuple(keys)


def headings(annex: Annex, keys: tuple[str, ...], lang: str) -> tuple[str, ...]:
    def one(key: str) -> str:
        column = ESTIMATE_VALUE if key == "value" and annex.estimates == "all" else BY_KEY[key]
        return heading(column, lang, annex.period)

    return tuple(one(k) for k in keys)


def value_text(value: Value | None, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return label(lang, "done" if value else "not_done")
    return format_number(float(value), lang)


def percent(share: float | None, lang: str) -> str:
    return "" if share is None else format_number(share * 100, lang, decimals=1)


def name(target: Target, annex: Annex, lang: str) -> str:
    """The target's name; a milestone's with its deadline: '… nông thôn mới (hạn 31/05/2024)'
    (its plan cell says 'đã đạt')."""
    shown = target_name(target, lang)
    if target.kind != "milestone":
        return shown
    deadline = format_date(annex.plan.deadline_of(target), lang)
    return f"{shown} ({label(lang, 'brief.deadline', date=deadline)})"


def plan_text(line: Line, lang: str) -> str:
    """'12', '≤ 2,5' (a ceiling), 'đã đạt' (a milestone)."""
    target = line.target
    if target.kind == "milestone":
        return label(lang, "done")
    if line.plan is None:
        return ""
    text = format_number(line.plan, lang)
    return f"≤ {text}" if target.direction == "at_most" else text


def vs_last_year_text(line: Line, lang: str) -> str:
    """a / L in %; for a percentage (or a last year of 0) the change: '+0,81 điểm %'."""
    v = line.vs_last_year
    if v is None:
        return ""
    if v.ratio is not None:
        return percent(v.ratio, lang)
    sign = "+" if v.change > 0 else "−" if v.change < 0 else ""
    text = sign + format_number(abs(v.change), lang)
    return f"{text} {label(lang, 'unit.points')}" if v.points else text


def assessment(line: Line, annex: Annex, lang: str) -> str:
    """The verdict word; an older figure is said after it: 'Đạt (số liệu quý I: 1)'."""
    text = "" if line.verdict is None else label(lang, line.verdict)
    if line.value is not None and line.as_of is not None and line.as_of != annex.period:
        older = label(lang, "brief.as_of", period=brief_words.inline_period(line.as_of, lang))
        text = f"{text} ({older}: {value_text(line.value, lang)})".strip()
    return text


def cell(key: str, line: Line, annex: Annex, lang: str) -> str:
    judged = line.as_of == annex.period
    if key == "number":
        return str(line.number)
    if key == "name":
        return name(line.target, annex, lang)
    if key == "unit":
        return "" if line.unit is None else line.unit.name
    if key == "measure":
        return measure(line.target, lang)
    if key == "plan":
        return plan_text(line, lang)
    if key == "last_year":
        return value_text(line.last_year, lang)
    if key == "value":
        return value_text(line.value, lang) if judged else ""
    if key == "status":
        shown = line.figure_status if judged and line.value is not None else None
        return "" if shown is None else FIGURE_STATUS[lang][shown.value]
    if key == "of_plan":
        return percent(line.of_plan, lang)
    if key == "of_last_year":
        return vs_last_year_text(line, lang)
    return assessment(line, annex, lang)


def measure(target: Target, lang: str) -> str:
    return "" if target.kind == "milestone" else unit_label(lang, target.unit)


def plan_table(annex: Annex, lang: str) -> Table:
    """The table of the plan's targets, a group row before each group's targets."""
    keys = columns(annex, annex.lines, by_unit=False)
    rows: list[Row] = []
    for group in annex.groups:
        rows.append(Row((ROMAN[group.number - 1],
                         brief_words.group_word(group.group, lang).upper()), group=True))
        rows.extend(Row(tuple(cell(k, line, annex, lang) for k in keys)) for line in group.lines)
    return Table(keys, headings(annex, keys, lang), tuple(rows))


def unit_table(annex: Annex, lang: str) -> Table | None:
    """The table by unit: a row naming each target (its unit of measure after it), then its
    units, numbered from 1 under each target. None without units."""
    if not annex.by_unit:
        return None
    keys = columns(annex, annex.by_unit, by_unit=True)
    rows: list[Row] = []
    current: str | None = None
    n = targets = 0
    for line in annex.by_unit:
        if line.target.id != current:
            current, n, targets = line.target.id, 0, targets + 1
            shown = measure(line.target, lang)
            title = name(line.target, annex, lang) + (f" ({shown})" if shown else "")
            rows.append(Row((str(targets), title), group=True))
        n += 1
        cells = [str(n), *(cell(k, line, annex, lang) for k in keys[1:])]
        rows.append(Row(tuple(cells)))
    return Table(keys, headings(annex, keys, lang), tuple(rows))

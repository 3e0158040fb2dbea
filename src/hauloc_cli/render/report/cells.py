"""The annex table as text cells, for the documents that show it (Word, HTML): the headings of
`vocab/annex_columns.py`, group rows (`I | KINH TẾ`), one row per target, and the table by unit.

The columns and each cell's words are those of every annex writer (`words.py`), without
the workbook-only columns (the codes, the figures' status: a marked figure says it beside it,
`10,9 (ước)`): nothing reads a document back. The table by unit has a row naming
each target (its unit of measure after it), then its units, numbered from 1 under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hauloc_cli.render.report import words
from hauloc_cli.views.annex import NOT_REPORTED, Annex, Line
from hauloc_cli.vocab import periods
from hauloc_cli.vocab.annex_columns import BY_KEY
from hauloc_cli.vocab.i18n import label

# Columns holding numbers (right-aligned by the writers).
NUMERIC = frozenset({"plan", "last_year", "month", "value", "of_plan", "of_last_year",
                     "term_goal", "next_plan", "next_vs"})


@dataclass(frozen=True, slots=True)
class Row:
    """A row of cells, one per column; a group row has two: its number and its name, which
    the writers merge across the other columns."""

    cells: tuple[str, ...]
    group: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    keys: tuple[str, ...]  # the column keys of vocab/annex_columns.py
    headings: tuple[str, ...]
    rows: tuple[Row, ...]


def plan_table(annex: Annex, lang: str) -> Table:
    """The table of the plan's targets, a group row before each group's targets."""
    cols = words.columns(annex, workbook=False)
    rows: list[Row] = []
    shown = iter(words.table_texts(annex.lines, annex, lang, cols))
    for group in annex.groups:
        name = words.group_name(group.group, lang, annex.plan)
        rows.append(Row((words.numeral(group.number), name), group=True))
        rows.extend(Row(tuple(next(shown))) for _ in group.lines)
    return Table(tuple(c.key for c in cols),
                 tuple(words.heading_of(c, annex, lang) for c in cols), tuple(rows))


NOT_SENT = "—"  # a unit's cell for a target it did not report


@dataclass(frozen=True, slots=True)
class UnitTable:
    """The table by unit as offices lay it out: one row per unit, one column group per target
    (its figure, and its assessment when a unit is judged), then the compiled total and how
    many units reported; `targets` are the target names (with their unit) the columns number
    (1), (2), …"""

    keys: tuple[str, ...]  # number, unit, value:1, status:1, value:2, …, note
    headings: tuple[str, ...]
    rows: tuple[Row, ...]  # the units, then the two total rows (group=True)
    targets: tuple[str, ...]


def unit_table(annex: Annex, lang: str) -> UnitTable | None:
    """The table by unit, one row per unit in the units file's order; a unit that sent nothing
    for a target shows `—` there and is named in its row's notes (`Chưa báo cáo: (5)`). None
    without units."""
    if not annex.by_unit:
        return None
    by_target: dict[str, list[Line]] = {}
    for line in annex.by_unit:
        by_target.setdefault(line.target.id, []).append(line)
    units: dict[str, str] = {}  # id → name, in order
    for lines in by_target.values():
        for line in lines:
            assert line.unit is not None
            units.setdefault(line.unit.id, _unit_name(line, lang))
    keys = ["number", "unit"]
    headings = [words.heading_of(BY_KEY["number"], annex, lang),
                words.heading_of(BY_KEY["unit"], annex, lang)]
    names: list[str] = []
    cells: dict[str, list[str]] = {u: [] for u in units}
    missing: dict[str, list[str]] = {u: [] for u in units}
    totals: list[str] = ["", label(lang, "annex.by_unit.compiled")]
    counted: list[str] = ["", label(lang, "annex.by_unit.reported")]
    for n, (tid, lines) in enumerate(by_target.items(), 1):
        column = _target_columns(n, tid, lines, annex, lang, (cells, missing))
        names.append(column.name)
        keys += column.keys
        headings += column.headings
        totals += column.total
        counted += column.counted
    keys.append("note")
    headings.append(label(lang, "annex.by_unit.notes"))
    rows = [Row((str(i), name, *cells[uid],
                 label(lang, "annex.by_unit.missing", targets=", ".join(missing[uid]))
                 if missing[uid]
                 else ""))
            for i, (uid, name) in enumerate(units.items(), 1)]
    rows += [Row((*totals, ""), group=True), Row((*counted, ""), group=True)]
    return UnitTable(tuple(keys), tuple(headings), tuple(rows), tuple(names))


@dataclass(frozen=True)
class _Columns:
    """One target's columns of the table by unit: its figure (and status, where units are
    judged), and its cells of the two total rows."""

    name: str
    keys: list[str]
    headings: list[str]
    total: list[str]
    counted: list[str]


def _target_columns(n: int, tid: str, lines: list[Line], annex: Annex, lang: str,
                    rows: tuple[dict[str, list[str]], dict[str, list[str]]]) -> _Columns:
    """Target n's columns; each unit's cells are added to `rows` (cells, and the targets it
    did not report for)."""
    cells, missing = rows
    shown = words.measure(lines[0].target, lang)
    name = words.name_cell(lines[0], lang) + (f" ({shown})" if shown else "")
    judged = any(line.verdict not in (None, NOT_REPORTED) for line in lines)
    keys, headings = [f"value:{n}"], [f"({n}) {name}"]
    if judged:
        keys.append(f"status:{n}")
        headings.append(f"{label(lang, 'annex.by_unit.assessment')} ({n})")
    figures = [None if line.value is None else words.figure(line.value, lang)
               for line in lines]
    most = max((f.decimals for f in figures if isinstance(f, words.Num)), default=0)
    for line, figure in zip(lines, figures, strict=True):
        assert line.unit is not None
        uid = line.unit.id
        sent = figure is not None and (line.as_of == annex.period
                                       or line.verdict not in (NOT_REPORTED,))
        if isinstance(figure, words.Num):
            figure = words.Num(figure.x, most, figure.kind)
        text = words.text(figure, lang) if sent else NOT_SENT
        if sent and line.as_of is not None and line.as_of != annex.period:
            text += f" ({periods.words(line.as_of, lang)})"
        if line.verdict == NOT_REPORTED or figure is None or line.as_of != annex.period:
            missing[uid].append(f"({n})")
        cells[uid].append(text)
        if judged:
            cells[uid].append("" if line.verdict in (None, NOT_REPORTED)
                              else words.assessment(line, lang))
    found = None if annex.units is None else annex.units.targets.get(tid)
    compiled = "" if found is None or found.compiled is None else words.text(
        words.Num(found.compiled, max(most, words.decimals(found.compiled))), lang)
    cover = "" if found is None else \
        f"{len(found.coverage.reported)}/{found.coverage.expected}"
    extra = [""] if judged else []
    return _Columns(name, keys, headings, [compiled, *extra], [cover, *extra])


def _unit_name(line: Line, lang: str) -> str:
    unit = line.unit
    assert unit is not None
    return unit.name_en if lang == "en" and unit.name_en else unit.name


def unit_numeric(key: str) -> bool:
    return key.startswith("value:")

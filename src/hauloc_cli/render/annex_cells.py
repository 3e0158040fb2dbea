"""The annex table as text cells, for the documents that show it (Word, HTML): the headings of
`model/annex.py`, group rows (`I | KINH TẾ`), one row per target, and the table by unit.

The columns and each cell's words are those of every annex writer (`annex_words.py`), without
the workbook-only columns (the codes, the figures' status: a marked figure says it beside it,
`10,9 (ước)`): nothing reads a document back. The table by unit has a row naming
each target (its unit of measure after it), then its units, numbered from 1 under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hauloc_cli.render import annex_words as words
from hauloc_cli.views.annex import Annex

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


def plan_table(annex: Annex, lang: str) -> Table:
    """The table of the plan's targets, a group row before each group's targets."""
    cols = words.columns(annex, workbook=False)
    rows: list[Row] = []
    shown = iter(words.table_texts(annex.lines, annex, lang, cols))
    for group in annex.groups:
        rows.append(Row((words.numeral(group.number), words.group_name(group.group, lang)),
                        group=True))
        rows.extend(Row(tuple(next(shown))) for _ in group.lines)
    return Table(tuple(c.key for c in cols),
                 tuple(words.heading_of(c, annex, lang) for c in cols), tuple(rows))


def unit_table(annex: Annex, lang: str) -> Table | None:
    """The table by unit: a row naming each target (its unit of measure after it), then its
    units, numbered from 1 under each target. None without units."""
    if not annex.by_unit:
        return None
    cols = tuple(c for c in words.columns(annex, by_unit=True, workbook=False)
                 if c.key not in ("name", "measure"))  # said once, in the target's row
    rows: list[Row] = []
    current: str | None = None
    n = targets = 0
    for line in annex.by_unit:
        if line.target.id != current:
            current, n, targets = line.target.id, 0, targets + 1
            shown = words.measure(line.target, lang)
            title = words.name_cell(line, lang) + (f" ({shown})" if shown else "")
            rows.append(Row((str(targets), title), group=True))
        n += 1
        rows.append(Row((str(n), *words.texts(line, annex, lang, cols)[1:])))
    return Table(tuple(c.key for c in cols),
                 tuple(words.heading_of(c, annex, lang) for c in cols), tuple(rows))

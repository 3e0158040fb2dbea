"""The table reader: a resolution's annex table of targets, `STT | Chỉ tiêu | ĐVT | Kế hoạch năm
2026`, from a workbook, a CSV file or a Word table.

The header is found as the annex reader finds it (`inputs/actuals/annex/header.py`: the same
headings, Vietnamese or English, below title rows, over one or two rows); the table needs a
name column and a plan column. A row whose STT is a Roman numeral, or whose name is a group's,
and that has no plan value heads a group (as `annex.heads_group` reads past it); every other
row with a name is a stated target, read by `phrases.read_row`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from hauloc_cli.inputs.actuals.annex.header import (
    Merge,
    WideHeader,
    find_wide_header,
    is_column_numbers,
)
from hauloc_cli.inputs.actuals.annex.reader import heads_group
from hauloc_cli.inputs.files.table import Cell, cell_text
from hauloc_cli.inputs.resolution.draft import Found, Stated, group_name
from hauloc_cli.inputs.resolution.phrases import Refused, read_row
from hauloc_cli.vocab.messages import text as message

Rows = Sequence[tuple[int, Sequence[Cell]]]
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def find_plan_header(rows: Rows, merges: Sequence[Merge] = ()) -> WideHeader | None:
    """The header of a table of targets among its first rows: a name and a plan column."""
    header = find_wide_header(rows, merges)
    if header is None or "name" not in header.index or "plan" not in header.index:
        return None
    return header


def table_year(header: WideHeader) -> int | None:
    """The year the plan column's heading (`Kế hoạch năm 2026`) or a title row names."""
    texts = [header.headings[header.index["plan"]], *(text for _, text in header.title)]
    for text in texts:
        if m := _YEAR.search(text):
            return int(m.group(0))
    return None


def read_table(rows: Rows, header: WideHeader, where: Callable[[int], str], year: int
               ) -> Found:
    """The groups and stated targets of the rows below the header."""
    found = Found()
    group: str | None = None
    col = header.index

    def cell(cells: Sequence[Cell], key: str) -> Cell:
        at = col.get(key)
        return cells[at] if at is not None and at < len(cells) else ""

    below = [(line, cells) for line, cells in rows if line > header.line]
    for n, (line, cells) in enumerate(below):
        if n == 0 and is_column_numbers(cells):
            continue
        name = cell_text(cell(cells, "name"))
        if not name:
            continue
        plan = cell(cells, "plan")
        number = cell_text(cell(cells, "number"))
        # no plan value: an empty cell, a dash, or the name's cell merged over it (Word)
        empty = isinstance(plan, str) and cell_text(plan) in ("", "-", "–", "—", name)
        if empty and heads_group(number, name) and group_name(name):
            group = found.add_group(group_name(name))
            continue
        measure = cell_text(cell(cells, "measure"))
        words = " | ".join(t for t in (name, measure, cell_text(plan)) if t)
        reading = (Refused(message("refused.no_plan_value")) if empty else
                   read_row(name, measure, plan if isinstance(plan, float) else cell_text(plan),
                            year))
        found.stated.append(Stated(where(line), line, words, group, reading))
    return found

"""The header of an annex table (the wide layout, one row per target): which column is which,
and the period its figures are of.

The headings hauloc writes (`vocab/annex_columns.py`) and the other names offices give the same
columns (docs/annex-tables.md) are recognised in Vietnamese, with or without tone
marks, and in English. The header may stand below title rows and span two rows, a merged cell
over the ones below it (`Thực hiện` over `Cùng kỳ năm trước` | `9 tháng năm 2024`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from hauloc_cli.inputs.files.table import Cell, cell_text
from hauloc_cli.vocab import annex_columns, periods
from hauloc_cli.vocab.toneless import toneless as toneless_text

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (1-based)
Rows = Sequence[tuple[int, Sequence[Cell]]]

# Columns whose figures are worked out from the others, and the assessment: recognised, so
# that no warning is given, and never read (the plan and the rules work them out again).
DERIVED = frozenset({"of_plan", "of_last_year", "previous", "assessment", "term_goal",
                     "next_plan", "next_vs"})


def toneless(cell: Cell) -> str:
    """A cell's text as vocab/toneless.py compares it."""
    return toneless_text(cell_text(cell))


def read_period(text: Cell, heading: bool) -> periods.Found | None:
    """The period a heading (`heading`) or a title row names (`vocab.periods.find`)."""
    return periods.find(cell_text(text), heading)


class Heading(NamedTuple):
    key: str  # a column of vocab/annex_columns.py (`value`, `plan`, …), `note`, or a DERIVED one
    rest: str = ""  # the words after the column's name: the period, in a value heading
    estimate: bool = False  # `Ước thực hiện …`: the figures are estimates
    cumulative: bool = False  # `Lũy kế …`: the year to date, beside a figure of the period


_DERIVED_WORDS = re.compile(r"\bso voi\b|\bso sanh\b|%|\bty le\b|\bcompared\b|\bvs\b")
_OF_LAST_YEAR = re.compile(r"cung ky|\bck\b|same period|last year")
_OF_PLAN = re.compile(r"ke hoach|\bkh\b|\bplan\b|du toan")
_PREVIOUS = re.compile(r"ky truoc|previous")
# Against the congress resolution's target (the term's); next year's plan against this year.
_TERM_GOAL = re.compile(r"nghi quyet|\bnq\b|resolution")
_NEXT_VS = re.compile(r"(?:ke hoach|kh|plan) (?:nam )?\d{4} (?:so voi|against)")
_PLAN_YEAR = re.compile(r"\b(\d{4})$")
_NAME_PATTERNS = tuple((key, re.compile(pattern)) for key, pattern in annex_columns.READ)
_LAST_YEAR = re.compile(r"(?P<cum>luy ke )?(?:thuc hien |th )?cung ky(?P<rest>.*)"
                        r"|same period(?P<rest2>.*)")
_VALUE = re.compile(r"(?:(?P<est>uoc thuc hien|uoc th|uoc tinh|uoc|estimated?)"
                    r"|(?P<cum>luy ke(?: thuc hien)?|thuc hien luy ke)"
                    r"|thuc hien|th|actual)(?P<rest>\b.*|,.*|)")
_VALUE_REST = re.compile(r"[\s,:-]*(?:ky bao cao|ky nay|period)?[\s,:-]*")
_COLUMN_NUMBER = re.compile(r"\(?(?:[a-z]|\d{1,2})\)?(?:\s*=.*)?")


def classify(text: str) -> Heading | None:
    """What a header cell (two cells of a two-row header, joined) names; None when nothing."""
    words = re.sub(r"\s*[(\[]\d+[)\]]$", "", toneless(text)).rstrip(" :*")
    if not words:
        return None
    if _DERIVED_WORDS.search(words):
        for key, pattern in (("term_goal", _TERM_GOAL), ("next_vs", _NEXT_VS),
                             ("of_last_year", _OF_LAST_YEAR), ("of_plan", _OF_PLAN),
                             ("previous", _PREVIOUS)):
            if pattern.search(words):
                return Heading(key)
    for key, pattern in _NAME_PATTERNS:
        if pattern.fullmatch(words):
            return Heading(key)
    if m := _LAST_YEAR.fullmatch(words):
        return Heading("last_year", (m.group("rest") or m.group("rest2") or "").strip(),
                       cumulative=bool(m.group("cum")))
    if m := _VALUE.fullmatch(words):
        rest = m.group("rest")
        if not _VALUE_REST.fullmatch(rest) and read_period(rest, heading=True) is None:
            return None  # `Thực hiện tháng 9`: not a period hauloc reads
        return Heading("value", rest.strip(" ,:-"), bool(m.group("est")), bool(m.group("cum")))
    return None


# --- the header row(s) ----------------------------------------------------------------------

@dataclass
class WideHeader:
    """The columns of an annex table: `index` maps a column key to its position (0-based),
    `headings` each column's heading as read (two rows joined), `line` the header's last row
    and `first` its first; `title` the rows above it."""

    index: dict[str, int]
    headings: list[str]
    kinds: list[Heading | None]
    first: int
    line: int
    title: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (kept, other) columns
    values: list[int] = field(default_factory=list)  # the value columns (index: the first)

    @property
    def value(self) -> Heading:
        kind = self.kinds[self.index["value"]]
        assert kind is not None
        return kind


def _padded(cells: Sequence[Cell], width: int) -> list[str]:
    return [cell_text(c) for c in cells] + [""] * (width - len(cells))


def _spans(line: int, top: list[str], low: list[str], merges: Sequence[Merge]) -> list[int]:
    """For each column, the column whose top cell heads it: itself, or the first column of a
    merged cell spanning it (a cell of the sheet's merges, else an empty top cell right of a
    heading whose lower cells are all filled: what a merged cell becomes in CSV or .ods)."""
    owner = list(range(len(top)))
    for first_row, first_col, _last_row, last_col in merges:
        if first_row == line and last_col > first_col:
            for col in range(first_col, min(last_col, len(top))):
                owner[col] = first_col - 1
    for col in range(1, len(top)):
        if owner[col] == col and not top[col] and low[col] and low[col - 1] and top[
                owner[col - 1]]:
            owner[col] = owner[col - 1]
    return owner


def _two_rows(line: int, top: list[str], low: list[str], merges: Sequence[Merge]
              ) -> list[str] | None:
    """The headings of a header over two rows, or None when the lower row is not part of it
    (a group row, the first data row)."""
    if not any(classify(t) for t in top if t):
        return None  # a title row above a header of one row
    owner = _spans(line, top, low, merges)
    spanning = {o for c, o in enumerate(owner) if o != c}
    headings = []
    for col, (above, below) in enumerate(zip(top, low, strict=True)):
        above = top[owner[col]]
        if below and above and owner[col] not in spanning and classify(above) is not None:
            return None  # a heading of its own has nothing under it
        if below and _COLUMN_NUMBER.fullmatch(toneless(below)):
            return None
        joined = f"{above} {below}".strip()
        headings.append(joined if classify(joined) is not None or not below else below)
    return headings if any(low) else None


def _later_plan(heading: str, kept: str) -> bool:
    """A plan heading naming a later year than the plan column kept (next year's plan)."""
    later, first = (_PLAN_YEAR.search(toneless(h).rstrip(" :*")) for h in (heading, kept))
    return later is not None and first is not None and int(later[1]) > int(first[1])


def _columns(headings: list[str], first: int, line: int) -> WideHeader | None:
    """The columns the headings name, when they name a target column and a figure column."""
    kinds = [classify(h) for h in headings]
    index: dict[str, int] = {}
    duplicates: list[tuple[int, int]] = []
    values = [c for c, k in enumerate(kinds) if k is not None and k.key == "value"]
    # `Lũy kế kỳ báo cáo` beside `Thực hiện kỳ báo cáo`: the year to date is read
    values = [c for c in values if (kinds[c] or Heading("")).cumulative] or values
    # `Thực hiện tháng 10` beside `Thực hiện 10 tháng` (the monthly form): the year to date
    # is read, the month's own figure is worked out again from it
    values = [c for c in values if not _month_alone(kinds[c])] or values
    for col, kind in enumerate(kinds):
        if kind is None or kind.key == "value":
            continue
        kept = index.get(kind.key)
        if kind.key == "plan" and kept is not None and _later_plan(headings[col], headings[kept]):
            continue  # `Kế hoạch năm 2027` beside `Kế hoạch năm 2026`: next year's, not read
        if kept is None:
            index[kind.key] = col
        elif kind.key == "last_year" and kind.cumulative and not (kinds[kept] or kind).cumulative:
            index[kind.key] = col
        elif kind.key not in DERIVED and not (kinds[kept] or kind).cumulative:
            duplicates.append((kept, col))
    if values:
        index["value"] = values[0]
    if ("name" not in index and "code" not in index) or len(index) < 2:
        return None
    return WideHeader(index, headings, kinds, first, line, duplicates=duplicates,
                      values=values)


def _month_alone(kind: Heading | None) -> bool:
    found = read_period(kind.rest, heading=True) if kind is not None and kind.rest else None
    return found is not None and found.alone and found.span == 1


def looks_like_annex(rows: Rows, merges: Sequence[Merge] = ()) -> bool:
    """Whether a sheet's first rows hold an annex table's header (for choosing the sheet)."""
    return find_wide_header(rows, merges) is not None


def find_wide_header(rows: Rows, merges: Sequence[Merge] = ()) -> WideHeader | None:
    """The header of an annex table among the first non-blank rows `(line, cells)`: the
    first row (or two rows) naming a target column (name or code) and at least one other
    column. The rows above it are its title rows. None when no row does."""
    for n, (line, cells) in enumerate(rows):
        below = rows[n + 1] if n + 1 < len(rows) else None
        width = max(len(cells), len(below[1]) if below else 0)
        top = _padded(cells, width)
        found = None
        if below is not None and below[0] == line + 1:
            two = _two_rows(line, top, _padded(below[1], width), merges)
            if two is not None:
                found = _columns(two, line, below[0])
        found = found or _columns(top, line, line)
        if found is not None:
            found.title = [(ln, " ".join(t for t in map(cell_text, c) if t))
                           for ln, c in rows[:n]]
            return found
    return None


def is_column_numbers(cells: Sequence[Cell]) -> bool:
    """A row that numbers the columns under the header (`A | B | 1 | 2 | 3=2/1`)."""
    texts = [toneless(cell_text(c)) for c in cells if cell_text(c)]
    return len(texts) >= 2 and all(_COLUMN_NUMBER.fullmatch(t) for t in texts)

"""A file as rows of cells, before any meaning is given to them: the CSV side, and the columns.

Excel sheets become the same `RawTable` in `xlsx.py`; `inputs/actuals/long.py` gives the cells their
meaning.
"""

from __future__ import annotations

import csv
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from hauloc_cli.errors import Code, InputError, Problem
from hauloc_cli.vocab import columns
from hauloc_cli.vocab.messages import text as message
from hauloc_cli.vocab.toneless import toneless

DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}

Cell = str | float  # text, or a number as a workbook stores it


class DateCell(str):
    """A workbook cell formatted as a date, as its ISO date (`2024-03-31`)."""

    __slots__ = ()


def _line_col(line: int, col: int | None) -> str:
    return f"{line}:{col}" if col else str(line)


def _no_merges() -> Sequence[tuple[int, int, int, int]]:
    return ()


@dataclass
class RawTable:
    """A file as rows of cells, before any meaning is given to them.

    `rows` yields the cells of each record; `line_num()` is the last line read so far, so a
    record starts on the line after the previous one ended. Iterating `rows` may raise one of
    `bad_record` for a record that cannot be split into cells (the next one can still be read).
    `where(line, column)` names a cell the way the user sees it (`7:3` in a CSV file,
    `Sheet1!C7` in a workbook).
    """

    name: str
    header: list[str]
    header_line: int
    rows: Iterator[Sequence[Cell]]
    line_num: Callable[[], int]
    where: Callable[[int, int | None], str] = field(default=_line_col)
    bad_record: tuple[type[Exception], ...] = ()
    # Problems the reader found in cells as it went (a formula with no saved value).
    problems: list[Problem] = field(default_factory=list)
    sheet: str | None = None  # the sheet read, when a workbook has more than one
    # The sheet's merged cells (first row, first column, last row, last column), for the
    # header of an annex table (inputs/actuals/annex/reader.py).
    merges: Callable[[], Sequence[tuple[int, int, int, int]]] = field(default=_no_merges)

    def close(self) -> None:
        """Let go of the file behind the rows (a workbook is closed)."""
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()


# Characters that do not show: zero-width spaces and joiners, and a byte-order mark read as
# text (e.g. with --encoding utf-16-le). They are never part of a name or an id.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def nfc(text: str) -> str:
    """NFC text without invisible characters (ASCII text is returned as it is)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE)


def cell_text(cell: Cell) -> str:
    """A cell as trimmed NFC text; a number as it would be written (2024.0 → 2024)."""
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    return nfc(cell).strip()


def column_name(header_cell: str) -> str:
    """A header cell as a column name: trimmed, lower case, spaces (a non-breaking one too)
    single."""
    return " ".join(nfc(header_cell).split()).lower()


# The header is looked for in the first rows: title rows ("BÁO CÁO SỐ LIỆU QUÝ III") may
# stand above it.
HEADER_SEARCH_ROWS = 20


def _names(cells: Sequence[Cell]) -> list[str]:
    return [canonical_column(c) if isinstance(c, str) else cell_text(c) for c in cells]


def find_header(rows: Sequence[tuple[int, Sequence[Cell]]]) -> tuple[list[str], int] | None:
    """The header among the first non-blank rows `(line, cells)`: the first row that names
    every required column, or the first two rows that do together (a header over two rows,
    the lower row's name where it has one: a merged cell above 'value' and 'note').
    Returns the header's cells and its last line; None when no row names them."""
    for n, (line, cells) in enumerate(rows):
        if n + 1 < len(rows):  # two rows first: a heading such as 'Số liệu' names a column too
            below_line, below = rows[n + 1]
            width = max(len(cells), len(below))
            top = [*cells, *[""] * (width - len(cells))]
            low = [*below, *[""] * (width - len(below))]
            both = [str(b) if cell_text(b) else str(a) for a, b in zip(top, low, strict=True)]
            if (below_line == line + 1 and any(c in columns.KNOWN for c in _names(below))
                    and all(c in _names(both) for c in columns.REQUIRED)):
                return both, below_line
        names = _names(cells)
        if all(c in names for c in columns.REQUIRED):
            return [str(c) for c in cells], line
    return None


def canonical_column(name: str) -> str:
    """A header cell as the column it means: `column_name`, with the other names of
    `columns.ALIASES` (Vietnamese, any case, with or without tone marks) read as the canonical
    one: `Kỳ báo cáo` → `period`, `GIÁ TRỊ` → `value`."""
    column = column_name(name)
    return column if column in columns.KNOWN else columns.ALIASES.get(toneless(column), column)


def _known_columns(cells: list[str]) -> int:
    return sum(canonical_column(c) in columns.KNOWN for c in cells)


def _split(line: str, delimiter: str) -> list[str]:
    """One line as cells; none when it cannot be split (a field over csv's limit)."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def detect_delimiter(header_line: str) -> str:
    """The delimiter that splits the header into the most known column names (, ; or tab);
    among equals, the one that occurs most; ',' when the line has none of them."""
    best, best_key = ",", (-1, -1)
    for delimiter in (",", ";", "\t"):
        cells = _split(header_line, delimiter)
        key = (_known_columns(cells), header_line.count(delimiter))
        if key > best_key:
            best, best_key = delimiter, key
    return best


def csv_table(name: str, handle: IO[str] | Iterable[str], delimiter: str | None = None
              ) -> RawTable:
    """A CSV (or tab-separated) text stream as a RawTable. The header is the first line that
    names the columns among the first non-blank ones (else the first non-blank line); the
    delimiter is the one that splits it into the most known names, unless given."""
    lines = iter(handle)
    seen: list[str] = []
    for text in lines:
        seen.append(text)
        if sum(1 for t in seen if t.strip()) == HEADER_SEARCH_ROWS:
            break
    if not any(t.strip() for t in seen):
        what = message("file.empty") if not "".join(seen) else message("file.blank_lines")
        raise InputError([Problem(name, "", Code.EMPTY_FILE, what,
                                  message("file.hint_first_line"))])
    best = max((t for t in seen if t.strip()),
               key=lambda t: _known_columns(_split(t, detect_delimiter(t))))
    sep = DELIMITERS[delimiter] if delimiter else detect_delimiter(best)
    reader = csv.reader(itertools.chain(seen, lines), delimiter=sep, strict=True)
    header, end = _csv_header(name, seen, sep)
    try:
        while reader.line_num < end:
            next(reader)
    except csv.Error as exc:
        raise InputError([Problem(name, str(reader.line_num), Code.BAD_QUOTING,
                                  message("file.header_unreadable", error=str(exc)),
                                  message("file.hint_first_line"),
                                  reader.line_num)]) from None
    return RawTable(name, header, end, reader, lambda: reader.line_num,
                    bad_record=(csv.Error,))


def _csv_header(name: str, seen: list[str], sep: str) -> tuple[list[str], int]:
    """The header's cells and last line among the first lines; the first non-blank record
    when none names the columns (its missing columns are then reported)."""
    probe = csv.reader(seen, delimiter=sep, strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in probe:
            if any(cell.strip() for cell in row):
                rows.append((probe.line_num, row))
    except csv.Error:
        pass  # a broken record among the first lines: the header is before it, or reported
    if not rows:
        raise InputError([Problem(name, "1", Code.BAD_QUOTING,
                                  message("file.header_unreadable_plain"),
                                  message("file.hint_first_line"), 1)])
    found = find_header(rows)
    if found is not None:
        return found
    return rows[0][1], rows[0][0]

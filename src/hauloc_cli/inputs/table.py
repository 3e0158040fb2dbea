"""A file as rows of cells, before any meaning is given to them: the CSV side, and the columns.

Excel sheets become the same `RawTable` in `xlsx.py`; `rows.py` gives the cells their meaning.
"""

from __future__ import annotations

import csv
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from hauloc_cli.errors import Code, InputError, Problem

REQUIRED_COLUMNS = ("target", "period", "value")
OPTIONAL_COLUMNS = ("note", "source")
# Columns of the data-entry template that are there for the person filling it in.
REFERENCE_COLUMNS = ("name", "unit", "plan_target")
KNOWN_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS + REFERENCE_COLUMNS

# Figures as reports give them (issue 12): how final a figure is, the date it was reported,
# and the figure of the same period last year beside it. Column name → what it holds.
FIGURE_COLUMNS = {
    "status": "status", "tình trạng": "status", "loại số liệu": "status",
    "reported": "reported", "ngày báo cáo": "reported",
    "last_year": "last_year", "thực hiện cùng kỳ": "last_year",
}
KNOWN_COLUMNS += tuple(FIGURE_COLUMNS)
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}

Cell = str | float  # text, or a number as a workbook stores it


def _line_col(line: int, col: int | None) -> str:
    return f"{line}:{col}" if col else str(line)


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

    def close(self) -> None:
        """Let go of the file behind the rows (a workbook is closed)."""
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()


def nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def cell_text(cell: Cell) -> str:
    """A cell as trimmed NFC text; a number as it would be written (2024.0 → 2024)."""
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    return nfc(cell).strip()


def column_name(header_cell: str) -> str:
    """A header cell as a column name; a byte-order mark read as text (e.g. with
    --encoding utf-16-le) is not part of a name."""
    return nfc(header_cell).strip("\ufeff \t\r\n").lower()


def _known_columns(cells: list[str]) -> int:
    return sum(nfc(c).strip().lower() in KNOWN_COLUMNS for c in cells)


def detect_delimiter(header_line: str) -> str:
    """The delimiter that splits the header into the most known column names (, ; or tab);
    among equals, the one that occurs most; ',' when the line has none of them."""
    best, best_key = ",", (-1, -1)
    for delimiter in (",", ";", "\t"):
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        key = (_known_columns(cells), header_line.count(delimiter))
        if key > best_key:
            best, best_key = delimiter, key
    return best


def csv_table(name: str, handle: IO[str] | Iterable[str], delimiter: str | None = None
              ) -> RawTable:
    """A CSV (or tab-separated) text stream as a RawTable; the delimiter is detected from the
    header line unless given."""
    lines = iter(handle)
    seen: list[str] = []
    for text in lines:
        seen.append(text)
        if text.strip():
            break
    if not seen or not seen[-1].strip():
        what = "the file is empty" if not "".join(seen) else "the file has only blank lines"
        raise InputError([Problem(name, "", Code.EMPTY_FILE, what,
                                  "the first line names the columns: target,period,value")])
    sep = DELIMITERS[delimiter] if delimiter else detect_delimiter(seen[-1])
    reader = csv.reader(itertools.chain(seen, lines), delimiter=sep, strict=True)

    header: list[str] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                header = row
                break
    except csv.Error as exc:
        raise InputError([Problem(name, str(reader.line_num), Code.BAD_QUOTING,
                                  f"the header cannot be read ({exc})",
                                  "the first line names the columns: target,period,value",
                                  reader.line_num)]) from None
    return RawTable(name, header, reader.line_num, reader, lambda: reader.line_num,
                    bad_record=(csv.Error,))

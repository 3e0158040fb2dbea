"""A workbook (.xlsx, .ods) as a table: which sheet, where its header is, and its rows.

The readers (`xlsx.py`, `ods.py`) give each sheet as a `Sheet`; this module picks the first
visible sheet whose first rows name the columns (or the sheet asked with --sheet), finds the
header below any title rows, and turns the rest into a `RawTable`.
"""

from __future__ import annotations

import datetime
import difflib
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hauloc_cli.errors import Code, InputError, Problem, UsageError
from hauloc_cli.inputs.files.table import HEADER_SEARCH_ROWS, Cell, DateCell, RawTable, find_header
from hauloc_cli.vocab.messages import text

# A workbook is a zip of XML files; what they unpack to is limited, so a small file cannot
# unpack to gigabytes ("zip bomb") nor take minutes (docs/actuals.md, "Limits").
PART_LIMIT_PER_MAX_SIZE = 2  # a sheet or the shared strings: 200 MB at the default 100 MB
UNPACKED_PER_PACKED = 100  # the whole workbook: 100 times the file's size …
UNPACKED_FLOOR = 10_000_000  # … and 10 MB whatever its size
MAX_ROWS = 1_048_576  # Excel's own limit: a sheet with more rows is not an actuals file
HEADER_SEARCH_LINES = 10_000  # the header is looked for in the first lines only, blank or not

Rows = Callable[[int], Iterator[list[Cell]]]  # the rows from a (1-based) row number on


# Whether a sheet's first non-blank rows `(line, cells)` and its merged cells are another
# layout's header (the offices' annex table), given by the caller, so that reading a workbook
# knows nothing of that layout.
Recognise = Callable[[Sequence[tuple[int, Sequence[Cell]]], Sequence[tuple[int, int, int, int]]],
                     bool]


@dataclass
class Sheet:
    name: str
    visible: bool
    rows: Rows | None  # None: a chart sheet, no cells
    problems: list[Problem] = field(default_factory=list)  # found while its rows are read
    merges: Callable[[], Sequence[tuple[int, int, int, int]]] = tuple  # its merged cells


def column_letter(col: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_ref(name: str) -> str:
    """How Excel names a sheet in a reference: quoted when it has spaces or punctuation."""
    return name if name.replace("_", "").isalnum() else "'" + name.replace("'", "''") + "'"


def workbook_table(path: Path, sheets: Sequence[Sheet], wanted: str | None,
                   close: Callable[[], None], annex: Recognise | None = None) -> RawTable:
    """The table of the sheet asked, else of the first visible sheet that names the columns
    (else the first visible sheet, whose missing columns are then reported)."""
    try:
        sheet, found, several = _choose(path, sheets, wanted, annex)
    except BaseException:
        close()
        raise
    ref = sheet_ref(sheet.name)
    if found is None:
        close()
        raise InputError([Problem(str(path), "", Code.EMPTY_FILE,
                                  text("workbook.sheet_empty", sheet=ref),
                                  text("workbook.hint_first_row"))])
    header, header_line = found
    assert sheet.rows is not None
    read = [header_line]

    def rows() -> Iterator[list[Cell]]:
        try:
            for row in sheet.rows(header_line + 1):  # type: ignore[misc]
                read[0] += 1
                if read[0] > MAX_ROWS:
                    raise InputError([Problem(
                        str(path), f"{ref}!{read[0]}:{read[0]}", Code.TOO_LARGE,
                        text("workbook.too_many_rows", sheet=ref, rows=f"{MAX_ROWS:,}"),
                        text("workbook.hint_too_many_rows"))])
                yield row
        finally:
            close()

    def where(line: int, col: int | None) -> str:
        return f"{ref}!{column_letter(col)}{line}" if col else f"{ref}!{line}:{line}"

    return RawTable(str(path), header, header_line, rows(), lambda: read[0], where,
                    problems=sheet.problems, sheet=sheet.name if several else None,
                    merges=sheet.merges)


def _choose(path: Path, sheets: Sequence[Sheet], wanted: str | None, annex: Recognise | None
            ) -> tuple[Sheet, tuple[list[str], int] | None, bool]:
    """The sheet to read, its header, and whether several sheets could have been read: the
    first visible sheet whose first rows name the columns, else the first visible sheet that
    `annex` recognises (the offices' table; its header is then its first row, that layout's
    reader finds its own), else the first visible sheet."""
    names = [s.name for s in sheets]
    if not sheets:
        raise InputError([Problem(str(path), "", Code.BAD_WORKBOOK, text("workbook.no_sheet"),
                                  text("workbook.hint_no_sheet"))])
    if wanted is not None:
        if wanted not in names:
            close = difflib.get_close_matches(wanted, names, n=1)
            raise UsageError(
                text("workbook.no_such_sheet_close", path=str(path), sheet=wanted,
                     close=close[0], sheets=", ".join(names)) if close else
                text("workbook.no_such_sheet", path=str(path), sheet=wanted,
                     sheets=", ".join(names)))
        return (*_probe(path, sheets[names.index(wanted)], fallback=True), False)
    visible = [s for s in sheets if s.visible and s.rows is not None] or list(sheets[:1])
    candidates = [(s, found) for s in visible
                  if (found := _probe(path, s, fallback=False)[1]) is not None]
    if candidates:
        return (*candidates[0], len(candidates) > 1)
    annexes = [] if annex is None else [
        s for s in visible if s.rows is not None and annex(_first_rows(path, s), s.merges())]
    return (*_probe(path, (annexes or visible)[0], fallback=True), len(annexes) > 1)


def _probe(path: Path, sheet: Sheet, fallback: bool
           ) -> tuple[Sheet, tuple[list[str], int] | None]:
    """The sheet and its header; with `fallback`, its first non-blank row when no row
    names the columns."""
    first = _first_rows(path, sheet)
    found = find_header(first)
    if found is None and fallback and first:
        found = ([str(c) for c in first[0][1]], first[0][0])
    return sheet, found


def _first_rows(path: Path, sheet: Sheet) -> list[tuple[int, Sequence[Cell]]]:
    """The first non-blank rows of a sheet, `(line, cells)`."""
    if sheet.rows is None:
        raise InputError([Problem(str(path), "", Code.BAD_WORKBOOK,
                                  text("workbook.chart_sheet", sheet=sheet.name),
                                  text("workbook.hint_chart_sheet"))])
    first: list[tuple[int, Sequence[Cell]]] = []
    for line, row in enumerate(sheet.rows(1), start=1):
        if any(c != "" for c in row):
            first.append((line, row))
        if len(first) == HEADER_SEARCH_ROWS or line >= HEADER_SEARCH_LINES:
            break
    return first


def check_unpacked(path: Path, max_size: int, bad: Callable[[str], InputError]) -> None:
    """A workbook that is not a readable zip (`bad(why)`: a bad CRC, a header or a directory
    that does not match the data), or that unpacks to more than the limits, is refused before
    any XML is parsed. Every part is unpacked once here, counting what comes out (not what
    the directory says), so a small file cannot make hauloc work for minutes: a part (a
    sheet, the shared strings) may unpack to at most `PART_LIMIT_PER_MAX_SIZE` × --max-size
    (200 MB by default), the whole to at most `UNPACKED_PER_PACKED` times the file's size
    (and always `UNPACKED_FLOOR`)."""
    try:
        packed = path.stat().st_size
        part_limit = max(max_size, 1) * PART_LIMIT_PER_MAX_SIZE
        whole_limit = max(UNPACKED_PER_PACKED * packed, UNPACKED_FLOOR)
        total = 0
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.file_size > part_limit or total + info.file_size > whole_limit:
                    raise _too_large(path, info.filename, part_limit, whole_limit, packed)
                size = 0
                with archive.open(info) as member:
                    while chunk := member.read(1 << 20):
                        size += len(chunk)
                total += size
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError) as exc:  # RuntimeError: an encrypted part
        raise bad(str(exc)) from None


def _too_large(path: Path, part: str, part_limit: int, whole_limit: int,
               packed: int) -> InputError:
    mb = 1_000_000
    return InputError([Problem(
        str(path), "", Code.TOO_LARGE,
        text("workbook.unpacks_too_large", part=part, part_limit=part_limit // mb,
             whole_limit=f"{whole_limit / mb:g}", times=UNPACKED_PER_PACKED,
             packed=f"{packed / mb:.1f}"),
        text("workbook.hint_unpacks_too_large"))])


def cell_value(value: Any) -> Cell:
    """A workbook cell's value as a Cell: text, a number, a date as its ISO text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, datetime.datetime):
        return DateCell(value.date().isoformat() if value.time() == datetime.time()
                        else value.isoformat(sep=" "))
    if isinstance(value, (datetime.date, datetime.time)):
        return DateCell(value.isoformat())
    return str(value)

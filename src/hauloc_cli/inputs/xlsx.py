"""Reading the first (or a named) sheet of an Excel workbook as a table of cells.

openpyxl is imported here only, and this module only when a workbook is read. Cells come out
as text, except numbers, which stay numbers: a number shown as a percentage (Excel stores
96,5 % as 0.965 with a format containing '%') counts as the percentage it shows (96.5).
"""

from __future__ import annotations

import datetime
import difflib
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from hauloc_cli.errors import Code, InputError, Problem, UsageError
from hauloc_cli.inputs.table import Cell, RawTable

# A workbook is a zip of XML files; what they unpack to is limited, so a small file cannot
# unpack to gigabytes ("zip bomb").
UNPACKED_PER_PACKED_MB = 20


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


def _bad(path: Path, message: str) -> InputError:
    return InputError([Problem(str(path), "", Code.BAD_WORKBOOK, message,
                               "open it in Excel and save it again as .xlsx, or as 'CSV UTF-8'")])


def xlsx_table(path: Path, sheet: str | None, max_size: int) -> RawTable:
    """The sheet as a RawTable; its rows close the workbook when they are read to the end."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _bad(path, f"the file is not a readable .xlsx workbook ({exc})") from None
    limit = max(max_size, 1) * UNPACKED_PER_PACKED_MB
    if unpacked > limit:
        raise InputError([Problem(
            str(path), "", Code.TOO_LARGE,
            f"the workbook unpacks to {unpacked // 1_000_000} MB, more than {limit // 1_000_000}"
            " MB", "check that it is the right file, or raise the limit with --max-size")])

    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise _bad(path, f"the file is not a readable .xlsx workbook ({exc})") from None
    names = book.sheetnames
    if sheet is not None and sheet not in names:
        book.close()
        close = difflib.get_close_matches(sheet, names, n=1)
        raise UsageError(f"--sheet: {path} has no sheet '{sheet}'"
                         + (f"; did you mean '{close[0]}'?" if close else "")
                         + f" (sheets: {', '.join(names)})")
    name = sheet if sheet is not None else names[0]
    ws = book[name]
    if not hasattr(ws, "iter_rows"):
        book.close()
        raise _bad(path, f"'{name}' is a chart sheet, not a sheet of cells")
    ws.reset_dimensions()  # do not trust the size the file claims; read what is there
    ref = sheet_ref(name)
    read = [0]  # rows read so far: the line number of the last one
    cells = _cells(path, book, ws, read)

    header: list[Cell] = []
    header_line = 0
    for row in cells:
        if any(c != "" for c in row):
            header, header_line = row, read[0]
            break
    if not header_line:
        book.close()
        raise InputError([Problem(str(path), "", Code.EMPTY_FILE, f"sheet {ref} is empty",
                                  "the first row names the columns: target, period, value")])

    def where(line: int, col: int | None) -> str:
        return f"{ref}!{column_letter(col)}{line}" if col else f"{ref}!{line}:{line}"

    return RawTable(str(path), [str(c) for c in header], header_line, cells,
                    lambda: read[0], where)


def _cells(path: Path, book: Any, ws: Any, read: list[int]) -> Iterator[list[Cell]]:
    try:
        for row in ws.iter_rows():
            read[0] += 1
            yield [_value(c.value, c.number_format) for c in row]
    except Exception as exc:  # noqa: BLE001 - a broken sheet can fail anywhere in openpyxl
        raise _bad(path, f"the sheet cannot be read ({exc})") from None
    finally:
        book.close()


def _value(value: Any, number_format: str | None) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        if number_format and "%" in number_format:
            return float(Decimal(repr(value)) * 100)
        return float(value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)

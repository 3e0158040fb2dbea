"""Reading the first (or a named) sheet of an Excel workbook as a table of cells.

openpyxl is imported here only, and this module only when a workbook is read. Cells come out
as text, except numbers, which stay numbers: a number shown as a percentage (Excel stores
96,5 % as 0.965 with a format containing '%') counts as the percentage it shows (96.5).
"""

from __future__ import annotations

import functools
import itertools
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from hauloc_cli.errors import Code, InputError, Problem
from hauloc_cli.inputs.files.table import Cell, RawTable
from hauloc_cli.inputs.files.workbook import (
    Recognise,
    Sheet,
    cell_value,
    check_unpacked,
    column_letter,
    sheet_ref,
    workbook_table,
)
from hauloc_cli.vocab.messages import Text, text
from hauloc_cli.vocab.messages import text as message


def _bad(path: Path, message: Text) -> InputError:
    return InputError([Problem(str(path), "", Code.BAD_WORKBOOK, message,
                               text("workbook.hint_xlsx"))])


def xlsx_table(path: Path, sheet: str | None, max_size: int, annex: Recognise | None = None
               ) -> RawTable:
    """The sheet as a RawTable (see `workbook.py`); its rows close the workbook when they
    are read to the end."""
    check_unpacked(path, max_size,
                   lambda why: _bad(path, text("workbook.not_xlsx", error=str(why))))
    import openpyxl

    try:
        has_formulas, stale = _formulas(path)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
            NotImplementedError) as exc:  # bad CRC, headers or data; a method not known
        raise _bad(path, text("workbook.not_xlsx", error=str(exc))) from None
    try:
        with warnings.catch_warnings():
            # e.g. Gnumeric's "Workbook contains no default style": nothing for a user to do
            warnings.simplefilter("ignore", UserWarning)
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            formulas = (openpyxl.load_workbook(path, read_only=True, data_only=False)
                        if has_formulas else None)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise _bad(path, text("workbook.not_xlsx", error=str(exc))) from None

    def close() -> None:
        book.close()
        if formulas is not None:
            formulas.close()

    sheets = [_sheet(path, book, formulas, name, stale) for name in book.sheetnames]
    return workbook_table(path, sheets, sheet, close, annex)


def _formulas(path: Path) -> tuple[bool, bool]:
    """Whether any sheet holds a formula (an <f> element), and whether the workbook says its
    saved values were never calculated (`fullCalcOnLoad`, as xlsxwriter and openpyxl write:
    the saved value of a formula is then a placeholder such as 0)."""
    found = False
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                with archive.open(info) as member:
                    while chunk := member.read(1 << 20):
                        if b"<f>" in chunk or b"<f " in chunk:
                            found = True
                            break
            if found:
                break
        stale = found and "xl/workbook.xml" in archive.namelist() and (
            b'fullCalcOnLoad="1"' in archive.read("xl/workbook.xml"))
    return found, stale


def _sheet(path: Path, book: Any, formulas: Any, name: str, stale: bool) -> Sheet:
    ws = book[name]
    visible = getattr(ws, "sheet_state", "visible") == "visible"
    if not hasattr(ws, "iter_rows"):
        return Sheet(name, visible, None)
    ws.reset_dimensions()  # do not trust the size the file claims; read what is there
    fws = None
    if formulas is not None:
        fws = formulas[name]
        fws.reset_dimensions()
    sheet = Sheet(name, visible, None, merges=_merges(path, getattr(ws, "_worksheet_path", "")))

    def rows(first: int) -> Iterator[list[Cell]]:
        try:
            if fws is None:
                for row in ws.iter_rows(min_row=first):
                    yield [_value(c.value, c.number_format) for c in row]
                return
            for line, (row, frow) in enumerate(
                    itertools.zip_longest(ws.iter_rows(min_row=first),
                                          fws.iter_rows(min_row=first), fillvalue=()),
                    start=first):
                yield _checked(path, name, line, row, frow, stale, sheet.problems)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken sheet can fail anywhere in openpyxl
            raise _bad(path, text("workbook.sheet_unreadable", error=str(exc))) from None

    sheet.rows = rows
    return sheet


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_MERGES_READ_UP_TO = 50_000_000  # bytes of a sheet's XML: an annex table is far smaller


def _merges(path: Path, member: str) -> Callable[[], Sequence[tuple[int, int, int, int]]]:
    """The sheet's merged cells, read from its XML when asked (openpyxl's read-only sheets
    do not give them): (first row, first column, last row, last column)."""

    def merges() -> Sequence[tuple[int, int, int, int]]:
        try:
            with zipfile.ZipFile(path) as archive:
                if not member or archive.getinfo(member).file_size > _MERGES_READ_UP_TO:
                    return ()
                data = archive.read(member)
        except (KeyError, OSError, zipfile.BadZipFile):
            return ()
        return [(int(r1), _column(c1), int(r2), _column(c2))
                for c1, r1, c2, r2 in _MERGE.findall(data)]

    return merges


def _column(letters: bytes) -> int:
    """b'A' → 1, b'AA' → 27."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _checked(path: Path, name: str, line: int, row: Any, frow: Any, stale: bool,
             problems: list[Problem]) -> list[Cell]:
    """A row's values; a formula cell without a saved value (or whose saved values were
    never calculated: `stale`) is a problem, never a blank or a 0."""
    cells = [_value(c.value, c.number_format) for c in row]
    for col, fcell in enumerate(frow, start=1):
        text = getattr(fcell, "value", None)
        if (isinstance(text, str) and text.startswith("=")
                and (stale or col > len(cells) or cells[col - 1] == "")):
            ref = f"{sheet_ref(name)}!{column_letter(col)}{line}"
            if not any(p.where == ref for p in problems):
                problems.append(Problem(
                    str(path), ref, Code.FORMULA_WITHOUT_VALUE,
                    message("workbook.formula_stale" if stale else "workbook.formula",
                            formula=text),
                    message("workbook.hint_formula"), line))
    return cells


def _value(value: Any, number_format: str | None) -> Cell:
    if (isinstance(value, (int, float)) and not isinstance(value, bool)
            and number_format and "%" in number_format and _percent(number_format)):
        return float(Decimal(repr(value)) * 100)
    return cell_value(value)


_LITERAL = re.compile(r'"[^"]*"|\\.')


@functools.lru_cache(maxsize=64)
def _percent(number_format: str) -> bool:
    """Whether a number format shows the number times 100: a `%` outside quoted text and not
    escaped (`0.0"%"` and `0.0\\%` show 12 as 12.0%: the figure is 12, as typed)."""
    return "%" in _LITERAL.sub("", number_format)

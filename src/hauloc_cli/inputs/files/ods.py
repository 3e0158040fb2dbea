"""Reading a sheet of an OpenDocument spreadsheet (.ods, LibreOffice's own format).

python-calamine (Rust's calamine: fast, maintained, reads .ods without LibreOffice) is
imported here only, and this module only when an .ods file is read. LibreOffice saves the
value of every formula with it, so what is read is what the sheet shows. A cell formatted
as a percentage is read as the number it holds (96,5 % as 0.965), which the range check then
refuses with the fix; a date cell is a date.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hauloc_cli.errors import Code, InputError, Problem
from hauloc_cli.inputs.files.table import Cell, RawTable
from hauloc_cli.inputs.files.workbook import (
    Recognise,
    Sheet,
    cell_value,
    check_unpacked,
    workbook_table,
)
from hauloc_cli.vocab.messages import text

_BETWEEN_TAGS = re.compile(rb">\s+<")


def _bad(path: Path, why: object) -> InputError:
    return InputError([Problem(str(path), "", Code.BAD_WORKBOOK,
                               text("workbook.not_ods", error=str(why)),
                               text("workbook.hint_ods"))])


def ods_table(path: Path, sheet: str | None, max_size: int, annex: Recognise | None = None
              ) -> RawTable:
    check_unpacked(path, max_size, lambda why: _bad(path, why))
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        meta = book.sheets_metadata
    except Exception as exc:  # noqa: BLE001 - calamine raises its own kinds on a broken file
        try:
            book = CalamineWorkbook.from_filelike(_compact(path))
            meta = book.sheets_metadata
        except Exception:  # noqa: BLE001
            raise _bad(path, exc) from None
    sheets = []
    for info in meta:
        visible = str(info.visible).lower().endswith("visible")
        sheets.append(Sheet(info.name, visible, _rows(path, book, info.name)))
    return workbook_table(path, sheets, sheet, book.close, annex)


def _compact(path: Path) -> io.BytesIO:
    """The file with the blank text between the tags of its XML taken out. Gnumeric indents
    its content.xml, and calamine 0.9 stops at the first indent ("Expecting 'table-cell',
    found Text"); without it the same cells read. A blank between two tags is never a value."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".xml"):
                data = _BETWEEN_TAGS.sub(b"><", data)
            dst.writestr(info, data)
    out.seek(0)
    return out


def _rows(path: Path, book: Any, name: str) -> Any:
    def rows(first: int) -> Iterator[list[Cell]]:
        try:
            values = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:  # noqa: BLE001
            raise _bad(path, exc) from None
        for row in values[first - 1:]:
            yield [cell_value(v) for v in row]

    return rows

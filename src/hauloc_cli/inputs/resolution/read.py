"""A resolution file as a `Draft`: its annex table (.xlsx, .xlsm, .ods, .csv, a table in a
.docx), else its text (.docx, .txt) read for the sentences that state its targets.

The plan's year is the one asked (`--year`), else the one the plan column's heading or the
table's title names (`Kế hoạch năm 2026`), else the first `năm 2026` of the text. A file in
which no target is stated is an error (`no-targets`), as is one whose every target is refused
(each is named).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from hauloc_cli.errors import Code, InputError, Problem, UsageError
from hauloc_cli.inputs.files.table import Cell, RawTable, csv_table
from hauloc_cli.inputs.files.text import (
    XLS_MAGIC,
    ZIP_MAGIC,
    check_readable,
    choose_encoding,
    decode_problem,
    head,
    read_bytes,
)
from hauloc_cli.inputs.resolution.draft import Draft, Found, Stated, unique_ids
from hauloc_cli.inputs.resolution.phrases import Reading
from hauloc_cli.inputs.resolution.sentences import read_sentences
from hauloc_cli.inputs.resolution.table import find_plan_header, read_table, table_year
from hauloc_cli.vocab.messages import text as message

WORKBOOKS = (".xlsx", ".xlsm", ".ods")
TABLES = (".csv", ".tsv")
_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def read_resolution(path: Path, year: int | None, max_size: int,
                    encoding: str | None = None) -> Draft:
    """The targets `path` states, read or refused, with ids given to those read; `encoding`
    that of a text or CSV file (default: UTF-8, or what its byte-order mark says)."""
    check_readable(path, max_size)
    suffix = path.suffix.lower()
    start = head(path)
    if start.startswith(XLS_MAGIC):
        raise InputError([Problem(str(path), "", Code.UNSUPPORTED_FORMAT,
                                  message("actuals.xls"), message("import.hint_xls"))])
    if suffix == ".docx":
        found, year = _docx(path, year, max_size)
    elif suffix in WORKBOOKS or (start.startswith(ZIP_MAGIC) and suffix not in TABLES):
        found, year = _workbook(path, year, max_size)
    elif suffix in TABLES:
        found, year = _csv(path, year, _decoded(path, start, encoding))
    else:
        text = _decoded(path, start, encoding)
        lines = list(enumerate(text.splitlines(), start=1))
        year = year or _text_year(path, [t for _, t in lines])
        found = read_sentences(lines, year)
    return _drafted(path, found, year)


def _drafted(path: Path, found: Found, year: int) -> Draft:
    read = [s for s in found.stated if isinstance(s.reading, Reading)]
    if not read:
        refused = [Problem(str(path), s.where, Code.UNREAD_TARGET,
                           message("import.not_read", words=s.words,
                                why=getattr(s.reading, "why", "")), "",
                           s.line) for s in found.stated]
        raise InputError([*refused, Problem(
            str(path), "", Code.NO_TARGETS,
            message("import.none_read") if refused else message("import.none_stated"),
            message("import.hint_none"))])
    ids = iter(unique_ids((s.reading.name for s in read if isinstance(s.reading, Reading)),
                          "target"))
    stated = [Stated(s.where, s.line, s.words, s.group, s.reading, next(ids))
              if isinstance(s.reading, Reading) else s for s in found.stated]
    return Draft(stated, found.groups, found.declared, str(path), year)


def _text_year(path: Path, texts: Sequence[str]) -> int:
    found = _first_year(texts)
    if found is not None:
        return found
    raise UsageError(message("import.no_year", path=str(path)))


def _from_rows(path: Path, rows: Sequence[tuple[int, Sequence[Cell]]],
               where: Callable[[int], str], year: int | None,
               merges: Sequence[tuple[int, int, int, int]] = ()) -> tuple[Found, int] | None:
    header = find_plan_header(rows, merges)
    if header is None:
        return None
    year = year or table_year(header) or _text_year(path, [t for _, t in header.title])
    return read_table(rows, header, where, year), year


def _table(path: Path, table: RawTable, year: int | None) -> tuple[Found, int]:
    rows = _rows(table)
    found = _from_rows(path, rows, lambda line: table.where(line, None), year, table.merges())
    if found is None:
        raise _no_table(path)
    return found


def _rows(table: RawTable) -> list[tuple[int, Sequence[Cell]]]:
    """Every row of a raw table with its line, the header row first."""
    rows: list[tuple[int, Sequence[Cell]]] = [(table.header_line, table.header)]
    end = table.header_line
    try:
        for cells in table.rows:
            line, end = end + 1, table.line_num()
            rows.append((line, cells))
    except table.bad_record as exc:
        raise InputError([Problem(table.name, str(end + 1), Code.BAD_QUOTING,
                                  message("row.cannot_split", error=str(exc)),
                                  message("annex.hint_quoting"), end + 1)]) from None
    finally:
        table.close()
    return rows


def _no_table(path: Path) -> InputError:
    return InputError([Problem(
        str(path), "", Code.NO_TARGETS, message("import.no_table"),
        message("import.hint_no_table"))])


def _workbook(path: Path, year: int | None, max_size: int) -> tuple[Found, int]:
    from hauloc_cli.inputs.actuals.annex.header import looks_like_annex

    if path.suffix.lower() == ".ods":
        from hauloc_cli.inputs.files.ods import ods_table

        return _table(path, ods_table(path, None, max_size, looks_like_annex), year)
    from hauloc_cli.inputs.files.xlsx import xlsx_table

    return _table(path, xlsx_table(path, None, max_size, looks_like_annex), year)


def _decoded(path: Path, start: bytes, encoding: str | None) -> str:
    """A text file's text, NFC, decoded strictly (a located `bad-encoding` otherwise)."""
    codec = choose_encoding(path, start, encoding)
    try:
        return unicodedata.normalize("NFC", read_bytes(path).decode(codec))
    except UnicodeDecodeError:
        raise InputError([decode_problem(path, codec)]) from None


def _csv(path: Path, year: int | None, text: str) -> tuple[Found, int]:
    return _table(path, csv_table(str(path), io.StringIO(text, newline="")), year)


def _docx(path: Path, year: int | None, max_size: int) -> tuple[Found, int]:
    """A Word document: its tables of targets, else its paragraphs."""
    from hauloc_cli.inputs.files.docx import read_docx

    document = read_docx(path, max_size)
    tables = []
    for n, table in enumerate(document.tables, start=1):
        rows: list[tuple[int, Sequence[Cell]]] = [
            (r, cells) for r, cells in enumerate(table, start=1) if any(c.strip() for c in cells)]
        got = _from_rows(path, rows, _row_of(n), year or _first_year(document.paragraphs))
        if got is not None:
            tables.append(got)
    if tables:  # a resolution may give its targets in several tables (one per group)
        (found, first_year), *more = tables
        for other, _ in more:
            _absorb(found, other)
        return found, first_year
    lines = list(enumerate(document.paragraphs, start=1))
    year = year or _text_year(path, document.paragraphs)
    return read_sentences(lines, year, "¶{}"), year


def _absorb(found: Found, other: Found) -> None:
    """Another table's targets after `found`'s: a group of the same name is one group."""
    ids = {}
    for group in other.groups:
        same = next((g.id for g in found.groups if g.name == group.name), None)
        ids[group.id] = same or found.add_group(group.name)
    found.stated += [replace(s, group=ids.get(s.group, s.group) if s.group else None)
                     for s in other.stated]
    found.declared = found.declared or other.declared


def _row_of(table: int) -> Callable[[int], str]:
    """How a row of the document's `table`-th table is named: `table 1, row 5`."""
    return lambda line: f"table {table}, row {line}"


def _first_year(texts: Sequence[str]) -> int | None:
    return next((int(m.group(1)) for t in texts if (m := _YEAR.search(t))), None)

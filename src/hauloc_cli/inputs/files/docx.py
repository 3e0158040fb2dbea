"""A Word document (.docx) as text: its paragraphs and its tables' cells, in the order they
stand in the body (no plan knowledge; `inputs/resolution/` gives them their meaning)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hauloc_cli.errors import Code, InputError, Problem
from hauloc_cli.inputs.files.table import nfc
from hauloc_cli.inputs.files.text import check_readable
from hauloc_cli.inputs.files.workbook import check_unpacked
from hauloc_cli.vocab.messages import text


@dataclass
class Document:
    """The body of a document: `paragraphs` (numbered from 1 in body order, tables' cells
    not counted) and `tables`, each a list of rows of cell texts (a merged cell repeated in
    every column it spans, as Word shows it)."""

    paragraphs: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)


def _bad(path: Path, why: str) -> InputError:
    return InputError([Problem(str(path), "", Code.BAD_WORKBOOK,
                               text("docx.unreadable", error=why),
                               text("docx.hint_unreadable"))])


def read_docx(path: Path, max_size: int) -> Document:
    """The paragraphs and tables of a .docx file; a broken or oversized file is a problem."""
    check_readable(path, max_size)
    check_unpacked(path, max_size, lambda why: _bad(path, why))
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a broken file
        raise _bad(path, str(exc) or type(exc).__name__) from None
    body = Document()
    body.paragraphs = [nfc(p.text) for p in document.paragraphs]
    for table in document.tables:
        body.tables.append([[nfc(cell.text).strip() for cell in row.cells] for row in table.rows])
    return body

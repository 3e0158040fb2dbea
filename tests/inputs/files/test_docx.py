"""Reading a Word document's paragraphs and tables (inputs/files/docx.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hauloc_cli.errors import Code, InputError
from hauloc_cli.inputs.files.docx import read_docx
from tests.conftest import ASSETS


def test_the_paragraphs_and_the_merged_cells_of_a_table_are_read() -> None:
    document = read_docx(ASSETS / "resolution.table-2026.docx", 10_000_000)
    assert document.paragraphs[0] == "HỘI ĐỒNG NHÂN DÂN XÃ ĐÔNG THÀNH"
    table = document.tables[0]
    assert table[0] == ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026"]
    assert table[1] == ["I", "KINH TẾ", "KINH TẾ", "KINH TẾ", "KINH TẾ"]  # merged, as Word


def test_a_file_that_is_no_word_document_is_a_located_problem(tmp_path: Path) -> None:
    broken = tmp_path / "nq.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(InputError) as caught:
        read_docx(broken, 10_000_000)
    assert [p.code for p in caught.value.problems] == [Code.BAD_WORKBOOK]
    assert "not a readable Word document" in str(caught.value.problems[0].message)

"""vocab/columns.py: every column name the template writes, and every other name offices
give a column, reads back as its column. (The annex's headings: test_annex_header.py,
`test_every_heading_hauloc_writes_is_recognised`.)"""

from __future__ import annotations

import pytest

from hauloc_cli.inputs.files.table import canonical_column
from hauloc_cli.vocab import columns


@pytest.mark.parametrize("name", columns.TEMPLATE)
def test_every_template_column_reads_back_as_itself(name: str) -> None:
    assert canonical_column(name) == name
    assert canonical_column(f" {name.upper()} ") == name


@pytest.mark.parametrize(("written", "column"), [
    ("Chỉ tiêu", "target"), ("Mã chỉ tiêu", "target"), ("Kỳ báo cáo", "period"), ("KỲ", "period"),
    ("Giá trị", "value"), ("Số liệu", "value"), ("Thực hiện", "value"), ("Ghi chú", "note"),
    ("Nguồn", "source")])
def test_the_offices_names_read_as_the_column(written: str, column: str) -> None:
    assert canonical_column(written) == column


def test_every_name_is_of_a_known_column() -> None:
    assert set(columns.ALIASES.values()) <= set(columns.KNOWN)
    assert set(columns.FIGURE.values()) <= set(columns.KNOWN)
    assert set(columns.TEMPLATE) <= set(columns.KNOWN)
    assert set(columns.REQUIRED) <= set(columns.TEMPLATE)

"""inputs/table.py: the column names a header may use (issue 9: Vietnamese names)."""

from __future__ import annotations

import pytest

from hauloc_cli.inputs.files.table import canonical_column
from hauloc_cli.vocab.columns import ALIASES as COLUMN_ALIASES
from hauloc_cli.vocab.columns import KNOWN as KNOWN_COLUMNS


@pytest.mark.parametrize(("cell", "column"), [
    ("target", "target"),
    ("\ufeffTarget ", "target"),  # a BOM read as text, spaces, capitals
    ("chỉ tiêu", "target"),
    ("Mã chỉ tiêu", "target"),
    ("MA CHI TIEU", "target"),
    ("kỳ", "period"),
    ("Kỳ  báo cáo", "period"),  # two spaces
    ("ky bao cao", "period"),
    ("GIÁ TRỊ", "value"),
    ("số liệu", "value"),
    ("Thực hiện", "value"),
    ("ghi chú", "note"),
    ("Nguồn", "source"),
    ("nguon", "source"),
    ("Chi tie\u0302u", "target"),  # tone marks typed as combining characters
    ("indicator", "indicator"),  # unknown: as written, lower case
    ("Đơn vị", "đơn vị"),  # not an alias (yet): as written, lower case, tone marks kept
])
def test_canonical_column(cell: str, column: str) -> None:
    assert canonical_column(cell) == column


def test_every_alias_means_a_known_column() -> None:
    assert set(COLUMN_ALIASES.values()) <= set(KNOWN_COLUMNS)

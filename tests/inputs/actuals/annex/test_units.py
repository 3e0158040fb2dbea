"""The table by unit read back (inputs/wide_units.py): a row per unit, a column per target, as
`hauloc report` writes its sheet 'Theo đơn vị' and as offices compile their communes. Every
expected figure is worked out from the rows by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from hauloc_cli.errors import Code, InputError, UsageError
from hauloc_cli.model.periods import Period
from tests.conftest import ASSETS
from tests.inputs.actuals.annex.support import figures_of, read, workbook

UNITS = ASSETS.parent.parent / "data" / "units_hau_loc_2024.yaml"
TITLE = ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2024"]
HEADER = ["STT", "Đơn vị", "(1) Sản phẩm OCOP mới (sản phẩm)",
          "(2) Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự", "Đánh giá (2)", "Ghi chú"]


def problems(path: Path, **options: object) -> list[tuple[str, Code, str]]:
    with pytest.raises(InputError) as raised:
        read(path, units=UNITS, **options)  # type: ignore[arg-type]
    return [(p.where, p.code, str(p.message)) for p in raised.value.problems]


def test_an_office_table_by_unit(tmp_path: Path) -> None:
    """Units by name (Hoà Lộc as Hòa Lộc: hoa_loc_2), a dash for no figure, a state of an
    earlier period in parentheses, the total rows, notes and a signature read past; the
    assessment and notes columns are not read."""
    rows = [TITLE, [], HEADER,
            [1, "Xã Hoà Lộc", 2, "đã đạt", "Đạt", None],
            [2, "Xã Hoa Lộc", 0, "đã đạt (6 tháng)", "Đạt", "Chưa báo cáo: (2)"],
            [3, "Xã Ngư Lộc", "—", "chưa đạt", "Có nguy cơ không đạt", "Chưa báo cáo: (1)"],
            [None, "Tổng hợp", 2, 66.67, None, None],
            [None, "Đã báo cáo", "2/3", "2/3", None, None],
            [],
            ["Ghi chú: số liệu do các xã báo cáo"],
            [None, "TM. ỦY BAN NHÂN DÂN", 5]]
    assert figures_of(workbook(tmp_path / "u.xlsx", rows), units=UNITS) == {
        ("ocop_products", "hoa_loc_2", "2024-Q3"): (2.0, None),
        ("security_standard_communes", "hoa_loc_2", "2024-Q3"): (True, None),
        ("ocop_products", "hoa_loc", "2024-Q3"): (0.0, None),
        ("security_standard_communes", "hoa_loc", "2024-Q2"): (True, None),
        ("security_standard_communes", "ngu_loc", "2024-Q3"): (False, None)}


def test_english_headings_unit_ids_and_the_period_from_the_option(tmp_path: Path) -> None:
    rows = [["Unit code", "(1) New OCOP products (products)", "Notes"], ["hoa_loc", 3, None]]
    path = workbook(tmp_path / "u.xlsx", rows)
    assert figures_of(path, units=UNITS, period=Period.at_quarter(2024, 2)) == {
        ("ocop_products", "hoa_loc", "2024-Q2"): (3.0, None)}


def test_problems_of_a_table_by_unit(tmp_path: Path) -> None:
    """A numbered row naming no unit, a second row for a unit, a cell that is no figure, a
    period after the table's: each a problem at its cell, all of them reported."""
    rows = [TITLE, HEADER,
            [1, "Xã Hoa Loc", 1, "đạt"],
            [2, "Xã Hoa Lộc", 1, "đạt"],
            [3, "Xã Hoa Lộc", 2, "đạt"],
            [4, "Xã Ngư Lộc", "nhiều", "đạt (cả năm)"]]
    found = problems(workbook(tmp_path / "u.xlsx", rows))
    assert [(w, c) for w, c, _ in found] == [
        ("'Biểu 01'!B3", Code.UNKNOWN_UNIT), ("'Biểu 01'!B5", Code.DUPLICATE_ROW),
        ("'Biểu 01'!C6", Code.BAD_NUMBER), ("'Biểu 01'!D6", Code.BAD_PERIOD)]


def test_no_period_and_no_units(tmp_path: Path) -> None:
    rows = [HEADER, [1, "Xã Hoa Lộc", 1, "đạt"]]
    path = workbook(tmp_path / "u.xlsx", rows)
    assert [c for _, c, _ in problems(path)] == [Code.MISSING_PERIOD]
    with pytest.raises(InputError, match="is read with the units file"):
        read(path)


def test_the_option_and_the_title_disagree(tmp_path: Path) -> None:
    path = workbook(tmp_path / "u.xlsx", [TITLE, HEADER, [1, "Xã Hoa Lộc", 1, "đạt"]])
    with pytest.raises(UsageError, match="--period 2024-Q2 is not the period"):
        read(path, units=UNITS, period=Period.at_quarter(2024, 2))

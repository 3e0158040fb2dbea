"""Helpers for the annex-table tests: build a workbook the way offices make them, and read a
workbook (or any actuals file) back to its figures.

`figures_of` is what a round-trip test needs: `hauloc report` writes a workbook, LibreOffice
re-saves it, and both read back to the same `{(target, unit, period): (value, status)}`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl

from hauloc_cli.inputs.actuals.read import Actuals, ReadOptions, read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.units_file import load_units
from hauloc_cli.model.periods import Period
from tests.conftest import PLAN_2024

Figures = dict[tuple[str, str | None, str], tuple[object, str | None]]


def figures_of(path: Path, plan: Path = PLAN_2024, *, units: Path | None = None,
               sheet: str | None = None, period: Period | None = None,
               decimal_comma: bool = False) -> Figures:
    """Every figure of an actuals file: `{(target, unit or None, '2024-Q3'): (value,
    status or None)}`, the plan unit's and each unit's."""
    return figures(read(path, plan, units=units, sheet=sheet, period=period,
                        decimal_comma=decimal_comma))


def read(path: Path, plan: Path = PLAN_2024, *, units: Path | None = None,
         sheet: str | None = None, period: Period | None = None,
         decimal_comma: bool = False) -> Actuals:
    loaded = load_plan(plan)
    tree = load_units(units) if units is not None else None
    return read_actuals(path, loaded, ReadOptions(sheet=sheet, units=tree, period=period,
                                                  decimal_comma=decimal_comma))


def figures(actuals: Actuals) -> Figures:
    found: Figures = {}
    for figure in (*actuals.figures, *(f for u in actuals.by_unit.values() for f in u)):
        status = None if figure.status is None else figure.status.value
        found[(figure.target, figure.unit, str(figure.period))] = (figure.value, status)
    return found


def workbook(path: Path, rows: Sequence[Sequence[object]], merges: Sequence[str] = (),
             title: str = "Biểu 01", more: Sequence[tuple[str, Sequence[Sequence[object]]]] = ()
             ) -> Path:
    """A workbook of one sheet of `rows` (and `more` sheets), with `merges` ('E6:F6')."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cells in merges:
        sheet.merge_cells(cells)
    for name, extra in more:
        other = book.create_sheet(name)
        for row in extra:
            other.append(list(row))
    book.save(path)
    return path


# An annex table as a district office makes it: the issuer and the motto, the title with the
# period, two header rows (`Thực hiện` over last year and this period, `So sánh (%)` over
# KH | CK), a row numbering the columns, group rows, a blank row and notes below the table.
OFFICE_ROWS: list[list[object]] = [
    ["ỦY BAN NHÂN DÂN", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["HUYỆN HẬU LỘC", None, None, None, "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2024"],
    ["Biểu số 01"],
    ["STT", "Chỉ tiêu chủ yếu", "ĐVT", "KH năm 2024", "Thực hiện", None, "So sánh (%)", None,
     "Ghi chú"],
    [None, None, None, None, "Cùng kỳ năm trước", "9 tháng năm 2024", "KH", "CK", None],
    ["A", "B", "C", 1, 2, 3, "4=3/1", "5=3/2", "D"],
    ["I", "KINH TẾ"],
    [1, "Tốc độ tăng trưởng giá trị sản xuất", "%", 12, 9.5, 10.9, 90.8, None, None],
    [2, "Sản phẩm OCOP mới (sản phẩm)", "sản phẩm", 6, 3, 4, 66.7, 133.3, None],
    [3, "Xã đạt chuẩn nông thôn mới nâng cao (thêm)", "xã", 2, None, 1, 50, None, None],
    [4, "Huyện được công nhận đạt chuẩn nông thôn mới", None, None, None, "chưa đạt"],
    ["II", "VĂN HÓA - XÃ HỘI"],
    [1, "Trường học đạt chuẩn quốc gia (thêm)", "trường", 12, None, 9, 75, None,
     "ước tính"],
    [],
    ["Ghi chú: số liệu 9 tháng là số ước tính của các phòng, ban"],
    ["Nguồn: Chi cục Thống kê huyện"],
]
OFFICE_MERGES = ("A4:I4", "A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:F6", "G6:H6", "I6:I7")
# Worked out by hand from OFFICE_ROWS: the 9-month column is 2024-Q3, the last-year column
# 2023-Q3; the note 'ước tính' is a note, not a status; the group rows, the row of column
# numbers and the notes give nothing.
OFFICE_FIGURES: Figures = {
    ("production_growth", None, "2024-Q3"): (10.9, None),
    ("production_growth", None, "2023-Q3"): (9.5, None),
    ("ocop_products", None, "2024-Q3"): (4.0, None),
    ("ocop_products", None, "2023-Q3"): (3.0, None),
    ("ntm_advanced_communes", None, "2024-Q3"): (1.0, None),
    ("ntm_district_recognition", None, "2024-Q3"): (False, None),
    ("national_standard_schools", None, "2024-Q3"): (9.0, None),
}


def annex_expected(actuals: Actuals, period: Period, standing: tuple[str, ...] = ()
                   ) -> Figures:
    """What an annex table of `period` made from `actuals` (the plan unit's figures) reads
    back to, by the writers' round-trip rules: each target's figure of `period` itself, with
    its status; for the targets named in `standing` (a count already reached, which the
    caller knows by hand) without one, their latest earlier figure of the year, which the
    value cell shows with `Số liệu quý I` in the notes (an older figure of any other target
    is not in the value cell); and each figure of the same period last year, without a status
    (the table has no status for it)."""
    found: Figures = {}
    for target in standing:
        earlier = [f for f in actuals.figures if f.target == target and f.unit is None
                   and f.period.year == period.year and f.period <= period]
        if earlier:
            latest = max(earlier, key=lambda f: f.period)
            status = None if latest.status is None else latest.status.value
            found[(target, None, str(latest.period))] = (latest.value, status)
    for figure in actuals.figures:
        if figure.period == period:
            status = None if figure.status is None else figure.status.value
            found[(figure.target, None, str(period))] = (figure.value, status)
        elif figure.period == period.same_last_year():
            found[(figure.target, None, str(figure.period))] = (figure.value, None)
    return found

"""Workbooks: numbers as numbers or text, percentages, empty rows, places as Sheet!Cell."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest

from hauloc_cli.errors import InputError, UsageError
from hauloc_cli.inputs.actuals.read import ReadOptions, read_actuals
from hauloc_cli.inputs.files.workbook import column_letter, sheet_ref
from hauloc_cli.inputs.plan_file import load_plan
from tests.conftest import PLAN_2024

PLAN = load_plan(PLAN_2024)


def book(tmp_path: Path, rows: list[list[object]], title: str = "Sheet1",
         percent: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    if percent:
        ws[percent].number_format = "0.0%"
    path = tmp_path / "a.xlsx"
    wb.save(path)
    return path


def test_numbers_text_percent_and_empty_rows(tmp_path: Path) -> None:
    path = book(tmp_path, [["target", "period", "value"], [],
                           ["ocop_products", "Quý I", 2], ["ocop_products", "6 tháng", "4"],
                           [None, None, None],
                           ["rural_hygienic_water", "9 tháng", 0.965],
                           ["ntm_district_recognition", "9 tháng", True]], percent="C6")
    data = read_actuals(path, PLAN)
    assert data.figures.values() == {"ocop_products": {1: 2.0, 2: 4.0},
                                     "rural_hygienic_water": {3: 96.5},
                                     "ntm_district_recognition": {3: True}}


def test_problems_are_named_by_sheet_and_cell(tmp_path: Path) -> None:
    path = book(tmp_path, [["target", "period", "value"], ["ocop_products", "Q1", -2],
                           ["ocop_products", "Q1", 1], ["ocop_products", "Q1", 1]],
                title="Số liệu 2024")
    with pytest.raises(InputError) as info:
        read_actuals(path, PLAN)
    assert [str(p) for p in info.value.problems] == [
        f"{path}:'Số liệu 2024'!C2: [out-of-range] -2 is below 0; ocop_products counts up from "
        "0 each year — check the figure",
        f"{path}:'Số liệu 2024'!4:4: [duplicate-row] a second figure for ocop_products in "
        "2024-Q1 (the first is on line 3) — keep one row per target and quarter",
    ]


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"target,period,value\n")
    with pytest.raises(InputError) as info:
        read_actuals(path, PLAN)
    assert info.value.problems[0].code == "bad-workbook"


def test_encoding_does_not_apply_to_a_workbook(tmp_path: Path) -> None:
    path = book(tmp_path, [["target", "period", "value"]])
    with pytest.raises(UsageError):
        read_actuals(path, PLAN, ReadOptions(encoding="cp1258"))


def test_empty_sheet(tmp_path: Path) -> None:
    path = book(tmp_path, [])
    with pytest.raises(InputError) as info:
        read_actuals(path, PLAN)
    assert str(info.value.problems[0]) == (
        f"{path}: [empty-file] sheet Sheet1 is empty — the first row names the columns: "
        "target, period, value")


@pytest.mark.parametrize(("col", "letters"), [(1, "A"), (3, "C"), (26, "Z"), (27, "AA"),
                                              (702, "ZZ"), (703, "AAA")])
def test_column_letters(col: int, letters: str) -> None:
    assert column_letter(col) == letters


def test_sheet_ref_quotes_names_with_spaces() -> None:
    assert sheet_ref("Sheet1") == "Sheet1"
    assert sheet_ref("Q1 data") == "'Q1 data'"
    assert sheet_ref("it's") == "'it''s'"


def test_openpyxl_is_imported_only_for_a_workbook(tmp_path: Path) -> None:
    import subprocess

    csv_path = tmp_path / "a.csv"
    csv_path.write_text("target,period,value\nocop_products,Q1,1\n")
    code = ("import sys; from pathlib import Path;"
            "from hauloc_cli.inputs.actuals.read import read_actuals;"
            "from hauloc_cli.inputs.plan_file import load_plan;"
            f"read_actuals(Path({str(csv_path)!r}), load_plan(Path({str(PLAN_2024)!r})));"
            "print('openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout == "False\n"


def test_the_merged_cells_of_the_sheet_read(tmp_path: Path) -> None:
    """For an annex table's header (inputs/wide.py): openpyxl's read-only sheets do not give
    merged cells, so xlsx.py reads them from the sheet's XML."""
    from hauloc_cli.inputs.files.xlsx import xlsx_table

    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Hướng dẫn"
    first.merge_cells("A1:C1")
    ws = wb.create_sheet("Biểu 01")
    ws.append(["STT", "Thực hiện", None])
    ws.append([None, "Cùng kỳ", "9 tháng"])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:C1")
    ws.merge_cells("AA10:AB12")
    wb.save(tmp_path / "m.xlsx")
    table = xlsx_table(tmp_path / "m.xlsx", "Biểu 01", 10**8)
    assert sorted(table.merges()) == [(1, 1, 2, 1), (1, 2, 1, 3), (10, 27, 12, 28)]
    table.close()


@pytest.mark.parametrize(("number_format", "read"), [
    ("0.0%", 1200.0), ('0.0"%"', 12.0), ("0.0\\%", 12.0), ('#,##0.0" %"', 12.0),
    ('"%"0.0%', 1200.0)])
def test_a_percent_sign_in_quotes_is_text(number_format: str, read: float) -> None:
    """Excel scales by 100 only for a % outside quotes and not escaped: a writer that keeps
    the figure 12 and shows '12,0%' with 0.0"%" is read back as 12."""
    from hauloc_cli.inputs.files.xlsx import _value

    assert _value(12, number_format) == read

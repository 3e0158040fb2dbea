"""Files as real programs write them (issue 15): LibreOffice's .ods, formulas without saved
values, hidden and guide sheets, title rows, two-row headers, invisible characters, dates,
UTF-16 without a byte-order mark. Expected statuses come from the example CSV, judged the
same way, so each workbook must give exactly what the CSV gives."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.conftest import ASSETS, EXAMPLE

runner = CliRunner()
ROWS = [["ocop_products", "2024-Q1", 2], ["ocop_products", "2024-Q2", 3]]


def statuses(path: Path, *args: str) -> dict[str, tuple[str, object]]:
    result = runner.invoke(app, ["check", str(path), "-f", "json", "--fail-on", "never", *args])
    assert result.exit_code == 0, result.output
    return {t["id"]: (t["status"], t["actual"]) for t in json.loads(result.stdout)["targets"]}


def workbook(path: Path, sheets: list[tuple[str, list[list[object]], str]]) -> Path:
    """Sheets of (title, rows, state); the first is the workbook's own first sheet."""
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for title, rows, state in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        ws.sheet_state = state
    wb.save(path)
    return path


@pytest.mark.parametrize("name", ["actuals.libreoffice.ods", "actuals.libreoffice.xlsx"])
def test_libreoffice_files_give_what_the_csv_gives(name: str) -> None:
    assert statuses(ASSETS / name) == statuses(EXAMPLE)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None
                    and os.environ.get("HAULOC_REQUIRE_LIBREOFFICE") != "1",
                    reason="LibreOffice is not installed (.ci/run installs it)")
def test_libreoffice_makes_the_same_files_again(tmp_path: Path) -> None:
    """The corpus is what LibreOffice writes today: made again, it still reads the same."""
    subprocess.run(["bash", str(ASSETS / "make_libreoffice.sh"), str(tmp_path)], check=True,
                   timeout=300)
    for suffix in ("ods", "xlsx"):
        assert statuses(tmp_path / f"actuals.libreoffice.{suffix}") == statuses(EXAMPLE)


def test_a_formula_without_a_saved_value_is_an_error_naming_its_cell(tmp_path: Path) -> None:
    # openpyxl (like xlsxwriter) writes formulas with no saved value.
    path = workbook(tmp_path / "f.xlsx", [("Số liệu", [["target", "period", "value"],
                                                     ["ocop_products", "2024-Q1", "=1+1"],
                                                     ["ocop_products", "2024-Q2", 3]],
                                           "visible")])
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 3
    # openpyxl also marks the workbook as never calculated (fullCalcOnLoad), which is said.
    assert (f"{path}:'Số liệu'!C2: [formula-without-value] the cell holds the formula =1+1 "
            "but no saved value (the workbook says its values were never calculated) — open "
            "the file in Excel or LibreOffice and save it again" in result.stderr)


def test_a_hidden_first_sheet_is_passed_over(tmp_path: Path) -> None:
    path = workbook(tmp_path / "h.xlsx", [
        ("old", [["target", "period", "value"], ["ocop_products", "2024-Q1", 6]], "hidden"),
        ("new", [["target", "period", "value"], *ROWS], "visible")])
    assert statuses(path)["ocop_products"] == ("on_track", 3.0)


def test_a_guide_sheet_is_passed_over_and_validate_names_the_sheet(tmp_path: Path) -> None:
    path = workbook(tmp_path / "g.xlsx", [
        ("Hướng dẫn", [["Điền số liệu vào trang tính bên cạnh."]], "visible"),
        ("Số liệu", [["target", "period", "value"], *ROWS], "visible"),
        ("Khác", [["target", "period", "value"], ["ocop_products", "2024-Q1", 6]], "visible")])
    assert statuses(path)["ocop_products"] == ("on_track", 3.0)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.stdout == "OK: 9 targets, sheet 'Số liệu', 2 rows, quarters Q1–Q2\n"


def test_a_title_row_above_the_header(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", [("actuals", [
        ["BÁO CÁO SỐ LIỆU QUÝ III"], [], ["target", "period", "value"], *ROWS], "visible")])
    assert statuses(path)["ocop_products"] == ("on_track", 3.0)
    csv = tmp_path / "t.csv"
    csv.write_text("BÁO CÁO SỐ LIỆU QUÝ III\n\ntarget,period,value\nocop_products,2024-Q2,3\n"
                   "ocop_products,2024-Q3,x\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(csv)])
    assert result.exit_code == 3
    assert f"{csv}:5:3: [bad-number]" in result.stderr  # lines still count from the top


def test_a_header_over_two_merged_rows(tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["target", "period", "Số liệu", None])
    ws.append([None, None, "value", "note"])
    ws.merge_cells("C1:D1")
    for row in ROWS:
        ws.append(row)
    wb.save(path)
    assert statuses(path)["ocop_products"] == ("on_track", 3.0)


def test_invisible_characters_in_a_header_and_an_id(tmp_path: Path) -> None:
    path = tmp_path / "nb.csv"
    path.write_text("target\u00a0,period,\u200bvalue\nocop_products\u200b,2024-Q2,3\n",
                    encoding="utf-8")
    assert statuses(path)["ocop_products"] == ("on_track", 3.0)


def test_periods_typed_as_dates(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("target,period,value\nocop_products,31/03/2024,2\n"
                    "ocop_products,30/06/2024,3\n", encoding="utf-8")
    assert statuses(path)["ocop_products"] == ("on_track", 3.0)
    book = workbook(tmp_path / "d.xlsx", [("actuals", [
        ["target", "period", "value"], ["ocop_products", dt.datetime(2024, 6, 30), 3]],
        "visible")])
    assert statuses(book)["ocop_products"] == ("on_track", 3.0)


def test_a_date_at_a_month_end_is_that_month_and_any_other_date_a_bad_period(
        tmp_path: Path) -> None:
    """31/05/2024 is the year to date at the end of May (issue 22); 15/05/2024 is no period."""
    path = tmp_path / "d.csv"
    path.write_text("target,period,value\nocop_products,31/05/2024,2\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["period"] == "2024-05"
    path.write_text("target,period,value\nocop_products,15/05/2024,2\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 3
    assert (f"{path}:2:2: [bad-period] '15/05/2024' is a date, not the end of a month — a "
            "figure is the year to date at a month's end: 31/03, 30/06, 31/10 …"
            in result.stderr)


def test_a_value_cell_holding_a_date_says_so(tmp_path: Path) -> None:
    path = workbook(tmp_path / "v.xlsx", [("actuals", [
        ["target", "period", "value"], ["ocop_products", "2024-Q1", dt.datetime(1900, 1, 1)]],
        "visible")])
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 3
    assert ("actuals!C2: [bad-number] the cell is formatted as a date (1900-01-01), not a "
            "number — format the cell as a number" in result.stderr)
    assert "T00:00:00" not in result.stderr


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_named(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "u.csv"
    path.write_bytes(EXAMPLE.read_text(encoding="utf-8").encode(codec))
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 3
    assert (f"[not-text] the file looks like {codec.upper()} text without a byte-order mark — "
            f"save it from Excel as 'CSV UTF-8', or pass --encoding {codec}" in result.stderr)
    assert statuses(path, "--encoding", codec) == statuses(EXAMPLE)

"""`hauloc template --lang vi` (issue 25): Vietnamese headers, periods, plan words and sheet
names, a guide sheet; filled in, it reads back through check with the same figures and
statuses as the English one (tests/cli/test_template.py, FILLED, checked by hand there)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.cli.test_template import FILLED, assert_round_trip


def template(*args: str) -> bytes:
    result = CliRunner().invoke(app, ["template", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


HEADER_VI = ["Mã chỉ tiêu", "Kỳ báo cáo", "Số liệu", "Ghi chú", "Nguồn", "Tên chỉ tiêu",
             "Đơn vị tính", "Kế hoạch"]


def test_the_vietnamese_csv_template() -> None:
    vi = rows(template("--lang", "vi", "--period", "2024-Q2"))
    assert vi[0] == HEADER_VI
    # the plan column as the resolution words it (NOTES.md: the 2024 article)
    assert {r[0]: (r[1], r[6], r[7]) for r in vi[1:]} == {
        "production_growth": ("6 tháng đầu năm 2024", "%", "≥ 12%"),
        "income_per_capita": ("6 tháng đầu năm 2024", "triệu đồng/người/năm",
                              "≥ 69 triệu đồng/người/năm"),
        "ntm_model_communes": ("6 tháng đầu năm 2024", "xã", "1 xã"),
        "ntm_advanced_communes": ("6 tháng đầu năm 2024", "xã", "2 xã"),
        "ocop_products": ("6 tháng đầu năm 2024", "sản phẩm", "6 sản phẩm"),
        "national_standard_schools": ("6 tháng đầu năm 2024", "trường", "12 trường"),
        "security_standard_communes": ("6 tháng đầu năm 2024", "%", "≥ 100%"),
        "rural_hygienic_water": ("6 tháng đầu năm 2024", "%", "≥ 100%"),
        "ntm_district_recognition": ("6 tháng đầu năm 2024", "có/không",
                                     "Hoàn thành trước tháng 6/2024"),
    }


def test_the_language_follows_the_rule_and_english_stays(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert rows(template())[0][:3] == ["target", "period", "value"]
    monkeypatch.setenv("HAULOC_LANG", "vi")
    assert rows(template())[0] == HEADER_VI
    assert rows(template("--lang", "en"))[0][:3] == ["target", "period", "value"]


def _filled_vi(vi: list[list[str]], en: list[list[str]]) -> list[list[str]]:
    """The Vietnamese template with FILLED's figures, found by the English row beside it."""
    assert len(vi) == len(en)
    out = [vi[0]]
    for v, e in zip(vi[1:], en[1:], strict=True):
        assert v[0] == e[0]
        out.append([*v[:2], FILLED.get((e[0], e[1]), ""), *v[3:]])
    return out


def test_a_filled_vietnamese_csv_template_reads_back(tmp_path: Path) -> None:
    filled = _filled_vi(rows(template("--lang", "vi")), rows(template("--lang", "en")))
    path = tmp_path / "so-lieu.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(filled)
    assert_round_trip(path)


def test_a_filled_vietnamese_workbook_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "mau.xlsx"
    assert CliRunner().invoke(app, ["template", "--lang", "vi", "-o", str(out)]).exit_code == 0
    en = rows(template("--lang", "en"))
    wb = load_workbook(out)
    assert wb.sheetnames == ["Số liệu", "Hướng dẫn"]
    ws = wb["Số liệu"]
    assert [c.value for c in ws[1]] == HEADER_VI
    for row, e in zip(ws.iter_rows(min_row=2), en[1:], strict=True):
        figure = FILLED.get((e[0], e[1]))
        if figure is not None:
            row[2].value = figure if figure == "có" else float(figure)
    wb.save(out)
    assert_round_trip(out)


def test_the_guide_sheet_explains_every_column(tmp_path: Path) -> None:
    out = tmp_path / "mau.xlsx"
    CliRunner().invoke(app, ["template", "--lang", "vi", "-o", str(out)])
    guide = list(load_workbook(out)["Hướng dẫn"].iter_rows(values_only=True))
    assert guide[0] == ("Cột", "Cách ghi")
    assert [r[0] for r in guide[1:9]] == HEADER_VI
    assert all(r[1] for r in guide[1:9])
    out_en = tmp_path / "template.xlsx"
    CliRunner().invoke(app, ["template", "--lang", "en", "-o", str(out_en)])
    assert load_workbook(out_en).sheetnames == ["actuals", "Guide"]


def test_a_vietnamese_template_for_units_reads_its_unit_column() -> None:
    vi = rows(template("--lang", "vi", "--period", "2024-Q1", "--units",
                       str(Path(__file__).parents[2] / "data" / "units_hau_loc_2024.yaml")))
    assert vi[0] == ["Mã chỉ tiêu", "Kỳ báo cáo", "Đơn vị", "Số liệu", "Ghi chú", "Nguồn",
                     "Tên chỉ tiêu", "Kế hoạch", "Tên đơn vị", "Đơn vị tính"]
    vi[1][3] = "1"  # ntm_model_communes, Quý I năm 2024, tt_hau_loc
    path = Path(__file__).parents[2] / "data" / "units_hau_loc_2024.yaml"
    filled = io.StringIO()
    csv.writer(filled).writerows(vi)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "don-vi.csv"
        out.write_text(filled.getvalue(), encoding="utf-8")
        result = CliRunner().invoke(app, ["check", str(out), "--units", str(path), "-f",
                                          "json", "--by-unit"])
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr == ""
    reported = {(u["unit"], u["target"]): u["actual"] for u in json.loads(result.stdout)["units"]
                if u["reported"]}
    assert reported == {("tt_hau_loc", "ntm_model_communes"): 1.0}

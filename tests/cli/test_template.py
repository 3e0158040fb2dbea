"""`hauloc template` (csv): rows, the command, and a filled-in template read back by check."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner, Result

from hauloc_cli.cli import app
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.periods import Period
from hauloc_cli.render import Options
from hauloc_cli.render.template.csv import render as template_csv_of
from hauloc_cli.views.template import template_rows
from hauloc_cli.vocab.columns import TEMPLATE as COLUMNS
from tests.conftest import PLAN_2024

BOM = b"\xef\xbb\xbf"
IDS = ["production_growth", "income_per_capita", "ntm_model_communes", "ntm_advanced_communes",
       "ocop_products", "national_standard_schools", "security_standard_communes",
       "rural_hygienic_water", "ntm_district_recognition"]


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_rows_every_target_and_quarter_in_plan_order() -> None:
    rows = template_rows(load_plan(PLAN_2024))
    assert [(r.target.id, r.period) for r in rows] == [
        (t, Period.at_quarter(2024, q)) for t in IDS for q in (1, 2, 3, 4)]


def test_rows_for_one_quarter() -> None:
    rows = template_rows(load_plan(PLAN_2024), (Period.at_quarter(2024, 3),))
    assert [(r.target.id, r.period) for r in rows] == [(t, Period.at_quarter(2024, 3)) for t in IDS]


def test_csv_text() -> None:
    rows = template_rows(load_plan(PLAN_2024), (Period.at_quarter(2024, 2),))
    text = template_csv_of(rows, Options())
    assert text == (
        "target,period,value,note,source,name,unit,plan_target\n"
        "production_growth,2024-Q2,,,,Tốc độ tăng trưởng giá trị sản xuất,%,12\n"
        "income_per_capita,2024-Q2,,,,Thu nhập bình quân đầu người,million VND/person/year,69\n"
        "ntm_model_communes,2024-Q2,,,,Xã đạt chuẩn nông thôn mới kiểu mẫu (thêm),communes,1\n"
        "ntm_advanced_communes,2024-Q2,,,,Xã đạt chuẩn nông thôn mới nâng cao (thêm),communes,2\n"
        "ocop_products,2024-Q2,,,,Sản phẩm OCOP mới,products,6\n"
        "national_standard_schools,2024-Q2,,,,Trường học đạt chuẩn quốc gia (thêm),schools,12\n"
        "security_standard_communes,2024-Q2,,,,"
        "\"Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự\",%,100\n"
        "rural_hygienic_water,2024-Q2,,,,Tỷ lệ dân số nông thôn được dùng nước hợp vệ sinh,%,100\n"
        "ntm_district_recognition,2024-Q2,,,,Huyện được công nhận đạt chuẩn nông thôn mới,"
        "có/không,\"có, hạn 2024-05-31\"\n"
    )


def test_fractional_targets_keep_their_decimals(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan: {id: p, year: 2025}\ntargets:\n"
                    "  - {id: poor, name: '=Hộ nghèo', kind: level, direction: at_most, "
                    "target: 1.5, unit: '%'}\n", encoding="utf-8")
    text = template_csv_of(template_rows(load_plan(plan), (Period.at_quarter(2025, 1),)), Options())
    assert text.splitlines()[1] == "poor,2025-Q1,,,,'=Hộ nghèo,%,1.5"


def test_command_to_stdout() -> None:
    result = invoke("template")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert len(lines) == 1 + 9 * 4
    assert "ocop_products,2024-Q3,,,,Sản phẩm OCOP mới,products,6" in lines
    assert not result.stdout_bytes.startswith(BOM)


def test_command_period() -> None:
    result = invoke("template", "--period", "2024-Q3")
    assert result.exit_code == 0
    assert [line.split(",")[:2] for line in result.stdout.splitlines()[1:]] == [
        [t, "2024-Q3"] for t in IDS]


def test_command_period_outside_the_year() -> None:
    result = invoke("template", "-p", "2025-Q1")
    assert result.exit_code == 2
    assert "2025-Q1 is not in the plan's year 2024" in result.stderr
    assert result.stdout == ""


def test_command_output_file_has_a_bom(tmp_path: Path) -> None:
    out = tmp_path / "nhap-lieu.csv"
    result = invoke("template", "-o", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert out.read_bytes() == BOM + invoke("template").stdout.encode("utf-8")


def test_command_unwritable_output(tmp_path: Path) -> None:
    out = tmp_path / "no" / "t.csv"
    result = invoke("template", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {out}: the folder {tmp_path / 'no'} does not exist\n"


def test_an_unfilled_template_is_all_no_data_and_no_warning(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    assert invoke("template", "-o", str(out)).exit_code == 0
    result = invoke("check", str(out), "-p", "2024-Q1", "-f", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    doc = json.loads(result.stdout)
    assert doc["summary"] == {"achieved": 0, "on_track": 0, "at_risk": 0, "off_track": 0,
                              "missed": 0, "no_data": 9}
    assert doc["warnings"] == []


def test_an_unfilled_template_without_period_says_what_to_do(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    assert invoke("template", "-o", str(out)).exit_code == 0
    result = invoke("check", str(out))
    assert result.exit_code == 3
    assert result.stderr == (
        f"{out}: [empty-file] every value in the file is empty — fill in the value column, "
        "or pass --period to judge with no figures\n"
        "Error: 1 problem(s) found; nothing was evaluated.\n")


# Figures an office might enter, and the status each must get at 2024-Q2, worked out by hand.
FILLED = {
    ("production_growth", "2024-Q1"): "11.5",
    ("production_growth", "2024-Q2"): "12.3",    # annual, 12.3 ≥ 12, not final → on_track
    ("income_per_capita", "2024-Q2"): "55",      # 55 / 69 = 0.797 < 0.80 → off_track
    ("ntm_model_communes", "2024-Q1"): "1",      # 1 of 1 (as of Q1) → achieved
    ("ntm_advanced_communes", "2024-Q2"): "0",   # 0 of 2 × 2/4 = 1 expected → off_track
    ("ocop_products", "2024-Q2"): "3",           # 3 of 6 × 2/4 = 3 expected, ratio 1 → on_track
    ("national_standard_schools", "2024-Q2"): "5",  # 5 / 6 = 0.833 → at_risk
    ("rural_hygienic_water", "2024-Q2"): "96.5",  # level, 96.5 / 100 = 0.965 → on_track
    ("ntm_district_recognition", "2024-Q2"): "có",  # done → achieved
}                                                 # security_standard_communes: empty → no_data
EXPECTED = {
    "production_growth": "on_track", "income_per_capita": "off_track",
    "ntm_model_communes": "achieved", "ntm_advanced_communes": "off_track",
    "ocop_products": "on_track", "national_standard_schools": "at_risk",
    "security_standard_communes": "no_data", "rural_hygienic_water": "on_track",
    "ntm_district_recognition": "achieved",
}
EXPECTED_SUMMARY = {"achieved": 2, "on_track": 3, "at_risk": 1, "off_track": 2,
                    "missed": 0, "no_data": 1}


def assert_round_trip(filled: Path) -> None:
    result = invoke("check", str(filled), "-f", "json")
    assert (result.exit_code, result.stderr) == (1, "")
    doc = json.loads(result.stdout)
    assert doc["period"] == "2024-Q2"
    assert {t["id"]: t["status"] for t in doc["targets"]} == EXPECTED
    assert doc["summary"] == EXPECTED_SUMMARY
    actuals = {t["id"]: t["actual"] for t in doc["targets"]}
    assert actuals["rural_hygienic_water"] == 96.5
    assert actuals["ntm_district_recognition"] is True
    assert doc["warnings"] == []


def test_csv_template_filled_in_reads_back(tmp_path: Path) -> None:
    template = tmp_path / "template.csv"
    assert invoke("template", "-o", str(template)).exit_code == 0
    # Read and save it the way Excel's "CSV UTF-8" does: with the BOM, CRLF line ends.
    with template.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["value"] = FILLED.get((row["target"], row["period"]), "")
    rows[0]["note"] = "ước thực hiện"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    filled = tmp_path / "filled.csv"
    filled.write_bytes(BOM + buffer.getvalue().encode("utf-8"))
    assert_round_trip(filled)

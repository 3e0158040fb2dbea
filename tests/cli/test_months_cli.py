"""Months at the command line (issue 22): --period takes every spelling a file takes, and the
monthly runs of docs/actuals.md print what they show."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.cli.support import ROOT, run

MONTHLY = ROOT / "examples" / "actuals_monthly_2024.csv"


@pytest.mark.parametrize("spelling", ["11 tháng", "11 tháng đầu năm 2024", "2024-11",
                                      "30/11/2024", "11 thang nam 2024"])
def test_period_takes_every_spelling_of_a_month(spelling: str) -> None:
    result = run("check", MONTHLY, "--period", spelling, "-f", "json", "--fail-on", "never")
    assert result.code == 0
    assert result.json()["period"] == "2024-11"


def test_a_month_after_the_plans_year_is_an_option_error() -> None:
    result = run("check", MONTHLY, "--period", "2025-01")
    assert result.code == 2
    assert "2025-01 is not in the plan's year 2024" in result.err


def test_schools_reported_month_by_month_need_two_a_month() -> None:
    # 0+1+1+0+1+2+0+1+3+1+0 = 10 schools by November, of 12: (12 − 10) / 1 month left = 2
    result = run("summary", MONTHLY, "--period", "11 tháng", "--lang", "vi")
    assert "mỗi tháng còn lại cần 2 trường" in result.out
    # in Vietnamese the warning names the target by its name, in English by its id
    assert "[months-compiled] Trường học đạt chuẩn quốc gia (thêm): số lũy kế" in result.err
    english = run("summary", MONTHLY, "--period", "11 tháng", "--lang", "en")
    assert "[months-compiled] national_standard_schools:" in english.err


def _readme_runs() -> list[tuple[str, str]]:
    page = (ROOT / "docs" / "actuals.md").read_text(encoding="utf-8")
    months = page[page.index("## Months"):page.index("## Estimates, revisions and last year")]
    return re.findall(r"```\n\$ (hauloc [^\n]*)\n(.*?)```\n", months, flags=re.S)


def test_the_docs_show_two_monthly_runs() -> None:
    assert len(_readme_runs()) == 2


@pytest.mark.parametrize(("command", "shown"), _readme_runs(), ids=lambda x: x[:50])
def test_a_monthly_run_in_the_docs_prints_what_it_shows(command: str, shown: str) -> None:
    program = f'"{sys.executable}" -m hauloc_cli'
    done = subprocess.run(["bash", "-c", command.replace("hauloc", program, 1)],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120,
                          env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1"})
    assert done.stdout == shown, done.stderr


def _judged(*args: object) -> dict[str, tuple[object, str]]:
    doc = run("check", *args, "-f", "json", "--fail-on", "never").json()
    return {t["id"]: (t["actual"], t["status"]) for t in doc["targets"]}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_monthly_annex_has_the_month_and_reads_back(tmp_path: Path, lang: str) -> None:
    """The annex of a monthly run: the month's own figure beside the total to date (OCOP
    5 − 4 = 1 in November, schools 10 − 10 = 0; none for a level, none where October has no
    figure), and the workbook read back gives the same figures and statuses."""
    out = tmp_path / "annex.xlsx"
    assert run("report", MONTHLY, "--period", "11 tháng", "--lang", lang, "-f", "xlsx",
               "-o", out).code in (0, 1)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r[1] in ("Chỉ tiêu", "Target"))
    month = header.index("Thực hiện tháng 11" if lang == "vi" else "Actual, month 11 alone")
    assert header[month + 1] in ("Thực hiện 11 tháng năm 2024", "Actual, January–November 2024")
    by_name = {r[1]: r[month] for r in rows if isinstance(r[0], int)}
    ocop = "Sản phẩm OCOP mới" if lang == "vi" else "New OCOP products"
    water = ("Tỷ lệ dân số nông thôn được dùng nước hợp vệ sinh" if lang == "vi"
             else "Rural population using hygienic water")
    assert (by_name[ocop], by_name[water]) == (1, None)
    assert _judged(out) == _judged(MONTHLY, "--period", "11 tháng")


def test_the_december_meetings_annex_is_judged_on_the_years_estimate(tmp_path: Path) -> None:
    """`11 tháng và ước cả năm` in the title: the report is of the whole year, its figures
    the estimate (OCOP 6 of 6: achieved)."""
    path = tmp_path / "annex.csv"
    path.write_text(
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 11 THÁNG VÀ ƯỚC CẢ NĂM 2024,,,,\n"
        "STT,Chỉ tiêu,Kế hoạch năm 2024,Thực hiện 11 tháng năm 2024,"
        "Ước thực hiện cả năm 2024\n"
        "1,Sản phẩm OCOP mới,6,5,6\n", encoding="utf-8")
    doc = run("check", path, "-f", "json", "--fail-on", "never").json()
    ocop = next(t for t in doc["targets"] if t["id"] == "ocop_products")
    assert doc["period"] == "2024-Q4"
    assert (ocop["actual"], ocop["figure_status"], ocop["status"]) == (6.0, "estimate", "achieved")

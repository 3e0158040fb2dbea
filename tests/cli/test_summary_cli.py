"""`hauloc summary`: exit codes, exact text, languages, formats and --output."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner, Result

from hauloc_cli.cli import app
from tests.conftest import EXAMPLE, PLAN_2024

# The Vietnamese brief of the example at 80 columns, checked by hand against the CSV and the
# plan (the numbers are worked out in tests/test_brief.py). Bars have 20 cells: growth
# 10.9/12 fills 18 with the mark at the end (annual), OCOP 4/6 fills 13 with the mark at 3/4
# (after 15 cells); sparklines are each quarter's share of the target on 8 levels. Growth and
# income are estimates (ước); the 6-month growth estimate 10,4 was revised to 10,6 (sơ bộ):
# 10,6/12 = 0,883 is at risk as 10,4/12 = 0,867 was, so the status did not change.
VI_80 = """\
Huyện Hậu Lộc — chỉ tiêu năm 2024
9 tháng đầu năm 2024 · Theo dõi 9/27 chỉ tiêu của nghị quyết
✔ Đạt 1 · ● Đúng tiến độ 3 · ▲ Có nguy cơ 2 · ✖ Chậm tiến độ 2
? Chưa có số liệu 1

KINH TẾ
Tốc độ tăng trưởng giá trị sản xuất                                 ▲ Có nguy cơ
  10,9% (ước) / 12% · cần đạt 12%                      ██████████████████░░│ ▇▇▇
Thu nhập bình quân đầu người                                      ● Đúng tiến độ
  67,5 (ước) / 69 triệu đồng/người/năm · cần đạt 69    ███████████████████░│ ▇▇▇
Xã đạt chuẩn nông thôn mới kiểu mẫu (thêm)                                 ✔ Đạt
  1 / 1 xã (số liệu quý I) · cần đạt 1                 ███████████████│█████ █··
Xã đạt chuẩn nông thôn mới nâng cao (thêm)                        ✖ Chậm tiến độ
  1 / 2 xã · cần đạt 2                                 ██████████░░░░░│░░░░░ ▅▅▅
Sản phẩm OCOP mới                                                   ▲ Có nguy cơ
  4 / 6 sản phẩm · cần đạt 5                           █████████████░░│░░░░░ ▂▅▆
Huyện được công nhận đạt chuẩn nông thôn mới                      ✖ Chậm tiến độ
  chưa đạt · hạn 31/05/2024 · quá hạn 122 ngày                               ○○○

VĂN HÓA - XÃ HỘI
Trường học đạt chuẩn quốc gia (thêm)                              ● Đúng tiến độ
  9 / 12 trường · cần đạt 9                            ███████████████│░░░░░ ▂▄▆

MÔI TRƯỜNG
Tỷ lệ dân số nông thôn được dùng nước hợp vệ sinh                 ● Đúng tiến độ
  99,3% / 100% · cần đạt 100%                          ███████████████████░│ ▇▇▇

QUỐC PHÒNG - AN NINH
Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự                 ? Chưa có số liệu
  kế hoạch 100%                                                              ···

CẦN CHÚ Ý
✖ Xã đạt chuẩn nông thôn mới nâng cao (thêm)   mỗi quý còn lại cần 1 xã
✖ Huyện được công nhận đạt chuẩn nông thôn mới quá hạn 122 ngày (hạn 31/05/2024)
▲ Sản phẩm OCOP mới                            mỗi quý còn lại cần 2 sản phẩm
▲ Tốc độ tăng trưởng giá trị sản xuất          còn thiếu 1,1 điểm %

THAY ĐỔI SO VỚI QUÝ TRƯỚC (6 THÁNG ĐÃ ĐIỀU CHỈNH → 9 THÁNG)
Xã đạt chuẩn nông thôn mới nâng cao (thêm)  ● Đúng tiến độ → ✖ Chậm tiến độ
Sản phẩm OCOP mới                           ● Đúng tiến độ → ▲ Có nguy cơ
Trường học đạt chuẩn quốc gia (thêm)        ▲ Có nguy cơ → ● Đúng tiến độ

SỐ LIỆU ĐIỀU CHỈNH
Tốc độ tăng trưởng giá trị sản xuất — 6 tháng: 10,4% (ước) → 10,6% (sơ bộ)

CHƯA CÓ SỐ LIỆU
? Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự
"""


def invoke(*args: str, **env: str) -> Result:
    return CliRunner().invoke(app, ["summary", *args], env=env or None)


def test_terminal_brief_in_vietnamese_at_80_columns() -> None:
    result = invoke(str(EXAMPLE), "--lang", "vi", COLUMNS="80")
    assert result.exit_code == 1  # two targets off track, --fail-on off-track
    assert result.stdout == VI_80
    assert result.stderr == ""


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_fits_one_screen_at_80_columns(lang: str) -> None:
    out = invoke(str(EXAMPLE), "--lang", lang, COLUMNS="80").stdout
    lines = out.splitlines()
    # 50 lines, plus the section of revised figures: a blank line, its heading, one revision
    assert len(lines) <= 50 + 3
    assert max(cell_len(line) for line in lines) <= 80


def test_english_words_numbers_and_needs() -> None:
    out = invoke(str(EXAMPLE), "--lang", "en", COLUMNS="80").stdout
    assert out.splitlines()[:3] == [
        "Hậu Lộc district — targets for 2024",
        "nine months of 2024 · 9 of 27 declared targets defined",
        "✔ Achieved 1 · ● On track 3 · ▲ At risk 2 · ✖ Off track 2 · ? No data 1",
    ]
    for heading in ("ECONOMY", "SOCIETY", "ENVIRONMENT", "SECURITY", "NEEDS ATTENTION",
                    "CHANGED SINCE LAST QUARTER (FIRST HALF, AS REVISED → NINE MONTHS)",
                    "REVISED FIGURES", "NO DATA"):
        assert heading in out.splitlines()
    # the estimate mark makes the figures too long for 80 columns: wrapped before
    # "· expected 69", never cut, and "69" never alone on a line (issue 24, item 5)
    assert "  67.5 (est.) / 69 million VND/person/year" in out
    assert "\n    · expected 69\n" in out
    assert "Growth of production value — first half: 10.4% (est.) → 10.6% (prelim.)" in out
    assert "1.1 pp still to go" in out
    assert "needs 2 products per remaining quarter" in out
    order = [out.index(h) for h in ("ECONOMY", "SOCIETY", "ENVIRONMENT", "SECURITY")]
    assert order == sorted(order)


def test_uses_the_full_width_where_there_is_more() -> None:
    narrow = invoke(str(EXAMPLE), "--lang", "en", COLUMNS="80").stdout
    wide = invoke(str(EXAMPLE), "--lang", "en", COLUMNS="140").stdout
    assert max(cell_len(line) for line in wide.splitlines()) > 120
    bar = re.compile(r"[█░│]{11,}")
    assert max(len(m) for m in bar.findall(wide)) > max(len(m) for m in bar.findall(narrow))


def test_no_escape_codes_when_piped_even_without_no_color(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    result = invoke(str(EXAMPLE), "--lang", "vi")
    assert "\x1b[" not in result.stdout
    assert "Chậm tiến độ" in result.stdout


def test_colour_when_asked() -> None:
    result = invoke(str(EXAMPLE), "--color", "always")
    assert "\x1b[" in result.stdout


def test_no_color_wins_over_force_color() -> None:
    result = invoke(str(EXAMPLE), NO_COLOR="1", FORCE_COLOR="1")
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANG": "vi_VN.UTF-8"}, "9 tháng đầu năm 2024"),
    ({"LANG": "en_US.UTF-8"}, "nine months of 2024"),
    ({"HAULOC_LANG": "vi", "LANG": "en_US.UTF-8"}, "9 tháng đầu năm 2024"),
    ({}, "nine months of 2024"),
])
def test_language_from_the_environment(env: dict[str, str], expected: str) -> None:
    assert expected in invoke(str(EXAMPLE), **env).stdout


def test_unknown_language_is_a_usage_error() -> None:
    result = invoke(str(EXAMPLE), "--lang", "fr")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Invalid value for --lang: 'fr' is not a language; use vi or en" in result.stderr


def test_unknown_language_in_the_environment_is_a_usage_error() -> None:
    result = invoke(str(EXAMPLE), HAULOC_LANG="de")
    assert result.exit_code == 2
    assert "Invalid value for HAULOC_LANG: 'de' is not a language; use vi or en" \
        in result.stderr


@pytest.mark.parametrize(("args", "code"), [
    ([], 1),
    (["--fail-on", "off-track"], 1),
    (["--fail-on", "at-risk"], 1),
    (["--fail-on", "never"], 0),
    (["--period", "2024-Q1", "--fail-on", "never"], 0),
])
def test_exit_codes_as_check(args: list[str], code: int) -> None:
    assert invoke(str(EXAMPLE), *args).exit_code == code


def test_exit_0_when_nothing_is_off_track(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text("target,period,value\nocop_products,2024-Q2,3\n"
                   "production_growth,2024-Q2,11\n", encoding="utf-8")
    # OCOP 3 of 3 expected: on track; growth 11/12 = 0.917: at risk
    assert invoke(str(csv)).exit_code == 0
    assert invoke(str(csv), "--fail-on", "at-risk").exit_code == 1


# Q2 is now read as a file reads it (issue 9); Quý II (one quarter alone) is still refused.
@pytest.mark.parametrize("period", ["2023-Q1", "2024-Q5", "Quý II"])
def test_bad_period_is_a_usage_error(period: str) -> None:
    result = invoke(str(EXAMPLE), "--period", period)
    assert result.exit_code == 2
    assert "--period" in result.stderr


def test_invalid_actuals_exit_3(tmp_path: Path) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text("target,period,value\nocop_prodcts,2024-Q1,1\n", encoding="utf-8")
    result = invoke(str(csv))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert f"{csv}:2" in result.stderr


def test_period_option_makes_the_brief_for_that_quarter() -> None:
    out = invoke(str(EXAMPLE), "--period", "2024-Q1", "--lang", "vi").stdout
    assert "Quý I năm 2024" in out
    assert "Quý đầu tiên: chưa có quý trước để so sánh." in out
    # the milestone is judged from 31 March, whatever today's date is
    assert "còn 61 ngày đến hạn (31/05/2024)" in out


def test_markdown() -> None:
    result = invoke(str(EXAMPLE), "--format", "markdown", "--lang", "vi")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "# Huyện Hậu Lộc — chỉ tiêu năm 2024"
    assert lines[2] == "**9 tháng đầu năm 2024** · Theo dõi 9/27 chỉ tiêu của nghị quyết"
    assert [ln for ln in lines if ln.startswith("## ")] == [
        "## Kinh tế", "## Văn hóa - xã hội", "## Môi trường", "## Quốc phòng - an ninh",
        "## Cần chú ý", "## Thay đổi so với quý trước (6 tháng đã điều chỉnh → 9 tháng)",
        "## Số liệu điều chỉnh", "## Chưa có số liệu"]
    assert "- Tốc độ tăng trưởng giá trị sản xuất: 6 tháng: 10,4% (ước) → 10,6% (sơ bộ)" in lines
    assert "| Sản phẩm OCOP mới | ▲ Có nguy cơ | 4 / 6 sản phẩm · cần đạt 5 | " \
        "`███████░│░░` 67% | ▂▅▆ 1 → 3 → 4 |" in lines
    assert "- ✖ **Huyện được công nhận đạt chuẩn nông thôn mới**: " \
        "quá hạn 122 ngày (hạn 31/05/2024)" in lines
    assert "- Trường học đạt chuẩn quốc gia (thêm): ▲ Có nguy cơ → ● Đúng tiến độ" in lines
    assert "\x1b[" not in result.stdout


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_html_is_one_self_contained_page() -> None:
    result = invoke(str(EXAMPLE), "--format", "html", "--lang", "vi")
    assert result.exit_code == 1
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"vi\">")
    assert '<meta charset="utf-8">' in page
    assert "@page{size:A4" in page and "break-inside:avoid" in page
    assert '"Noto Sans"' in page
    parser = _Text()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert parser.tags.count("svg") >= 9
    assert not re.search(r"(src|href)\s*=", page)
    assert "url(" not in page
    text = "".join(parser.parts)
    assert "9 tháng đầu năm 2024" in text
    assert "mỗi quý còn lại cần 2 sản phẩm" in text


def test_html_escapes_text_from_files(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plan: {id: x, name: \"<script>alert(1)</script> & co\", year: 2024}\n"
        "targets:\n"
        "  - {id: a, name: \"<b>bold</b>\", kind: annual, target: 5, unit: \"<i>u</i>\"}\n",
        encoding="utf-8")
    csv = tmp_path / "a.csv"
    csv.write_text("target,period,value\na,2024-Q1,1\n", encoding="utf-8")
    for fmt in ("html", "markdown"):
        out = invoke(str(csv), "--targets", str(plan), "--format", fmt).stdout
        assert "<script>" not in out and "<b>bold</b>" not in out and "<i>u</i>" not in out
    html = invoke(str(csv), "--targets", str(plan), "--format", "html").stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_output_writes_the_file_and_nothing_to_stdout(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = invoke(str(EXAMPLE), "--format", "html", "--output", str(out))
    assert result.exit_code == 1  # a failing status still writes the brief
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.html"]  # no temporary file left


def test_output_of_the_terminal_brief_has_no_colour(tmp_path: Path) -> None:
    out = tmp_path / "brief.txt"
    invoke(str(EXAMPLE), "--output", str(out), "--lang", "vi", COLUMNS="80")
    assert out.read_text(encoding="utf-8") == VI_80


def test_output_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    invoke(str(EXAMPLE), "--format", "markdown", "--lang", "vi", "-o", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert out.read_text(encoding="utf-8").startswith("# Huyện Hậu Lộc")


def test_a_failed_run_leaves_the_previous_report(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text("previous brief", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("target,period,value\nocop_products,2024-Q1,many\n", encoding="utf-8")
    result = invoke(str(bad), "--format", "markdown", "-o", str(out))
    assert result.exit_code == 3
    assert out.read_text(encoding="utf-8") == "previous brief"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "brief.md"]


def test_an_interrupted_write_leaves_the_previous_report(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "brief.md"
    out.write_text("previous brief", encoding="utf-8")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    result = invoke(str(EXAMPLE), "--format", "markdown", "-o", str(out))
    assert result.exit_code == 130  # the console script's exit for an interrupt
    assert out.read_text(encoding="utf-8") == "previous brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_output_that_cannot_be_written_fails_before_any_work(tmp_path: Path) -> None:
    missing_actuals = tmp_path / "nothing.csv"
    result = invoke(str(missing_actuals), "-o", str(tmp_path / "no" / "brief.html"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert "no" in result.stderr and "brief.html" in result.stderr
    result = invoke(str(EXAMPLE), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_help_lists_the_options() -> None:
    result = CliRunner().invoke(app, ["summary", "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    for option in ("--targets", "--period", "--fail-on", "--lang", "--format", "--output",
                   "--color"):
        assert option in result.stdout


def test_console_script_in_a_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    env = {**os.environ, "HAULOC_LANG": "vi"}
    done = subprocess.run(
        [sys.executable, "-m", "hauloc_cli", "summary", str(EXAMPLE), "--targets",
         str(PLAN_2024), "--format", "html", "--output", str(out)],
        capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert "Chưa có số liệu" in out.read_text(encoding="utf-8")

"""`hauloc report`: exit codes, --output required for the file formats, never over an existing
file without --force, never over an input, Markdown on stdout, Vietnamese by default, English.

The example at 2024-Q3 by hand (tests/render/report/test_xlsx.py has the numbers): two targets
off track, so the exit code is 1 (as for summary), 0 with --fail-on never.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.cli.support import EXAMPLE, PLAN_2024, ROOT, run, write

COMMUNES = ROOT / "examples" / "communes_2024"
UNITS = ROOT / "data" / "units_hau_loc_2024.yaml"

# The annex table of the example, cell by cell (the columns are padded to line up), each value
# worked by hand from examples/actuals_2024.csv and data/targets_2024.yaml. No figure of
# 9 tháng 2023: no last-year columns (a printed table has no empty ones). Shares: 10,9/12 =
# 90,83 %; 67,5/69 = 97,83 %; 1/1; 1/2; 4/6 = 66,67 %; 9/12; 99,3/100. A percentage line shows
# one decimal (its plan too: 12,0); a count none. The estimates ('ước' at Q3) say so in
# Ghi chú; the model commune's count of Q1 is shown as the count it is, its period in Ghi chú;
# the milestone's plan cell as the resolution words it ('trước tháng 6/2024', deadline
# 31/05/2024); 'có nguy cơ không đạt' as the idiom is.
VI_ROWS = [
    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện 9 tháng năm 2024",
     "So với kế hoạch (%)", "Đánh giá", "Ghi chú"],
    ["**I**", "**KINH TẾ**", "", "", "", "", "", ""],
    ["1", "Tốc độ tăng trưởng giá trị sản xuất", "%", "12,0", "10,9", "90,8",
     "Có nguy cơ không đạt", "Ước tính"],
    ["2", "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "69,0", "67,5", "97,8",
     "Đúng tiến độ", "Ước tính"],
    ["3", "Xã đạt chuẩn nông thôn mới kiểu mẫu (thêm)", "xã", "1", "1", "100,0", "Đạt",
     "Số liệu quý I"],
    ["4", "Xã đạt chuẩn nông thôn mới nâng cao (thêm)", "xã", "2", "1", "50,0", "Chậm tiến độ",
     ""],
    ["5", "Sản phẩm OCOP mới", "sản phẩm", "6", "4", "66,7", "Có nguy cơ không đạt", ""],
    ["6", "Huyện được công nhận đạt chuẩn nông thôn mới", "", "Hoàn thành trước tháng 6/2024",
     "chưa đạt", "", "Chậm tiến độ", ""],
    ["**II**", "**VĂN HÓA - XÃ HỘI**", "", "", "", "", "", ""],
    ["1", "Trường học đạt chuẩn quốc gia (thêm)", "trường", "12", "9", "75,0", "Đúng tiến độ",
     ""],
    ["**III**", "**MÔI TRƯỜNG**", "", "", "", "", "", ""],
    ["1", "Tỷ lệ dân số nông thôn được dùng nước hợp vệ sinh", "%", "100,0", "99,3", "99,3",
     "Đúng tiến độ", ""],
    ["**IV**", "**QUỐC PHÒNG - AN NINH**", "", "", "", "", "", ""],
    ["1", "Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự", "%", "100", "", "",
     "Chưa có số liệu", ""],
]


def table(markdown: str) -> list[list[str]]:
    """The cells of the pipe table's rows, the rule under the header left out."""
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    assert len({len(r) for r in rows}) == 1  # the columns line up
    return [[c.strip() for c in r.strip("|").split("|")] for i, r in enumerate(rows) if i != 1]


def test_markdown_on_stdout_in_vietnamese_by_default() -> None:
    # HAULOC_LANG does not change it: the report is an official document
    got = run("report", EXAMPLE, "--date", "2024-09-30", env={"HAULOC_LANG": "en"})
    assert got.code == 1  # two targets off track
    assert got.err == ""
    lines = got.out.splitlines()
    # the letter first: the issuer, the blank number for the clerk, the motto, the place and
    # date of --date, the title
    assert lines[:11] == [
        "**ỦY BAN NHÂN DÂN**  ", "**HUYỆN HẬU LỘC**  ", "Số: /BC-UBND", "",
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ", "**Độc lập - Tự do - Hạnh phúc**  ",
        "*Hậu Lộc, ngày 30 tháng 9 năm 2024*", "", "# BÁO CÁO", "",
        "**Kết quả thực hiện các chỉ tiêu kinh tế - xã hội 9 tháng năm 2024**"]
    # then the annex, on its own after a rule, referring to the report by number and date
    annex = got.out.index("## PHỤ LỤC")
    assert got.out[annex:].splitlines()[:4] == [
        "## PHỤ LỤC", "",
        "**KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2024**  ",
        "*(Kèm theo Báo cáo số /BC-UBND ngày 30/09/2024)*"]
    assert table(got.out) == VI_ROWS


def test_english() -> None:
    got = run("report", EXAMPLE, "--lang", "en", "--period", "Q2", "--date", "2024-06-28",
              "--fail-on", "never")
    assert got.code == 0
    assert "**Results against the socio-economic targets, first half of 2024**" in got.out
    assert "**RESULTS AGAINST THE SOCIO-ECONOMIC TARGETS, FIRST HALF OF 2024**  \n" \
        "*(Attached to report No. /BC-UBND of 2024-06-28)*" in got.out
    rows = table(got.out)
    assert rows[0] == ["No.", "Target", "Unit", "Plan 2024", "Actual, first half of 2024",
                       "% of plan", "Assessment", "Notes"]
    # at Q2: growth 10.6 (sơ bộ: the revised estimate), 10.6/12 = 88.33 %; income 66.8 (ước),
    # 66.8/69 = 96.81 %; the others unmarked, so every marked figure says its status in Notes
    assert rows[2][3:] == ["12.0", "10.6", "88.3", "At risk of missing", "Preliminary"]
    assert rows[3][2] == "million VND/person/year"
    assert rows[3][3:] == ["69.0", "66.8", "96.8", "On track", "Estimate"]


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_file_format_needs_output(fmt: str) -> None:
    got = run("report", EXAMPLE, "--format", fmt)
    assert got.code == 2
    assert got.out == ""
    assert f"--format {fmt} writes a file: give --output FILE.{fmt}" in got.err


def test_xlsx_from_the_output_name(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.xlsx"
    got = run("report", EXAMPLE, "-o", out, "--date", "2024-09-30")
    # issue 25: it says what it wrote and why it exits 1 (two targets off track)
    assert (got.code, got.out, got.err) == (1, "", f"đã ghi {out}; kết thúc với mã 1 vì có 2 chỉ "
                                            "tiêu chậm tiến độ hoặc không đạt (--fail-on)\n")
    ws = openpyxl.load_workbook(out).worksheets[0]
    titles = [ws.cell(row=r, column=1).value for r in range(1, 8)]
    assert "PHỤ LỤC" in titles
    assert "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2024" in titles
    first = next(r for r in ws.iter_rows(values_only=True) if r[0] == 1)
    assert first[:3] == (1, "Tốc độ tăng trưởng giá trị sản xuất", "%")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.xlsx"]  # no temporary


def test_markdown_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "annex.md"
    got = run("report", EXAMPLE, "-o", out, "--fail-on", "never", "--date", "2024-09-30")
    assert (got.code, got.out) == (0, "")
    assert table(out.read_text(encoding="utf-8")) == VI_ROWS


def test_never_over_an_existing_file_without_force(tmp_path: Path) -> None:
    out = write(tmp_path / "annex.xlsx", "filled in by hand")
    got = run("report", EXAMPLE, "-f", "xlsx", "-o", out)
    assert got.code == 2
    assert "already exists" in got.err and "--force" in got.err
    assert out.read_text(encoding="utf-8") == "filled in by hand"
    assert run("report", EXAMPLE, "-f", "xlsx", "-o", out, "--force").code == 1
    assert openpyxl.load_workbook(out).sheetnames == ["Phụ lục"]


@pytest.mark.parametrize("which", ["actuals", "plan"])
def test_never_over_an_input_even_with_force(tmp_path: Path, which: str) -> None:
    actuals = write(tmp_path / "actuals.csv", EXAMPLE.read_text(encoding="utf-8"))
    plan = write(tmp_path / "plan.yaml", PLAN_2024.read_text(encoding="utf-8"))
    target = actuals if which == "actuals" else plan
    before = target.read_bytes()
    got = run("report", actuals, "--targets", plan, "-f", "markdown", "-o", target, "--force")
    assert got.code == 2
    assert "is the input" in got.err
    assert target.read_bytes() == before


def test_a_failed_run_leaves_no_file(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.csv", "target,period,value\nocop_products,2024-Q3,many\n")
    out = tmp_path / "annex.xlsx"
    got = run("report", bad, "-o", out)
    assert got.code == 3
    assert "[bad-number]" in got.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


@pytest.mark.parametrize(("args", "message"), [
    (["--date", "30/09/2024"], "'30/09/2024' is not a date; write it year first"),
    (["--lang", "fr"], "'fr' is not a language"),
    (["--period", "2023-Q3"], "not in the plan's year 2024"),
    (["--format", "pdf"], "'pdf' is not one of"),
])
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    got = run("report", EXAMPLE, *args)
    assert got.code == 2
    assert message in " ".join(got.err.split())
    assert got.out == ""


def test_the_communes_give_a_sheet_by_unit(tmp_path: Path) -> None:
    out = tmp_path / "annex.xlsx"
    got = run("report", COMMUNES, EXAMPLE, "--units", UNITS, "-o", out, "--fail-on", "never")
    assert got.code == 0, got.err
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Phụ lục", "Theo đơn vị"]
    ws = wb["Theo đơn vị"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    # a row per unit (22), a column per target that rolls up (5) and the assessment of the
    # one whose units are judged (security, a state per commune), then two total rows
    assert rows[0][:2] == ["STT", "Đơn vị"] and rows[0][-1] == "Ghi chú"
    assert len(rows) == 1 + 22 + 2
    assert rows[1][:7] == ["1", "Thị trấn Hậu Lộc", 0, 0, 0, 2, "đã đạt"]
    # Đa Lộc sent no 9-month state for security: its 6-month 'đạt' stands in, said so
    assert rows[22][1:] == ["Xã Đa Lộc", 0, 0, 0, 1, "đã đạt (6 tháng)", "Đạt",
                            "Chưa báo cáo: (5)"]
    # the compiled totals, by hand from examples/communes_2024: model communes 1 (Hoa Lộc),
    # advanced 1 (Triệu Lộc), OCOP 4 (Đại, Ngư, Hải, Minh Lộc), schools 9, security 21 of
    # 22 communes meeting the standard (Ngư Lộc does not): 100 × 21/22 = 95,45
    assert rows[23][1:7] == ["Tổng hợp", 1, 1, 4, 9, 95.45]
    assert rows[24][1:7] == ["Đã báo cáo", "22/22", "22/22", "22/22", "22/22", "21/22"]


def test_text_a_workbook_cannot_hold_is_warned_and_shown_replaced(tmp_path: Path) -> None:
    """A BEL in the plan's name and a U+0001 in a target's (typed as YAML escapes): the
    workbook and the template show U+FFFD there, and each place is named in a warning."""
    plan = tmp_path / "plan.yaml"
    plan.write_text('plan: {id: x, name: "Xã\\aThử", year: 2024}\ntargets:\n'
                    '  - {id: a, name: "A\\x01", kind: cumulative, target: 3}\n',
                    encoding="utf-8")
    actuals = tmp_path / "a.csv"
    actuals.write_text("target,period,value\na,Q1,1\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    result = run("report", actuals, "--targets", plan, "-o", out, "--lang", "en")
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if "[unwritable-text]" in line]
    assert [w.split("] ")[1].split(" holds")[0] for w in warnings] == [
        "plan.name", "targets.0.name"]
    cells = [c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row]
    assert "A\ufffd" in cells
    template = run("template", "--targets", plan, "-o", tmp_path / "t.xlsx")
    assert template.code == 0
    assert template.err.count("[unwritable-text]") == 2

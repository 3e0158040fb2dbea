"""The annex workbook, read back with openpyxl: what is in which cell, as what type and number
format, the merged group rows, the frozen header, widths and the print settings; and, when
LibreOffice is there (HAULOC_REQUIRE_LIBREOFFICE=1 in .ci/run), the PDF it prints.

The shipped example at 2024-Q3, by hand (README, tests/views/test_brief.py): production
growth 10.9 (ước) of 12 = 90.83 %, at risk; income 67.5 (ước) of 69 = 97.83 %, on track; model
communes 1 of 1 as of Q1, achieved; advanced communes 1 of 2 = 50 %, off track; OCOP 4 of 6 =
66.67 %, at risk; the district's recognition not done, off track; schools 9 of 12 = 75 %, on
track; hygienic water 99.3 of 100, on track; security no data. Some figures are estimates and
the others unmarked, so the figures' status have a column of their own.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from hauloc_cli.inputs.actuals.read import read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.units_file import load_units
from hauloc_cli.model.figures import Figure, Figures, FigureStatus
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from hauloc_cli.render import ANNEX_FORMATS, Options, render_file
from hauloc_cli.render.report.xlsx import number_format, unit_widths
from hauloc_cli.rules.rollup import evaluate_units
from hauloc_cli.views.annex import Annex, build_annex
from hauloc_cli.views.brief import build_brief
from tests.conftest import ASSETS, EXAMPLE, PLAN_2024
from tests.views.test_annex import FIGURES, PLAN, UNIT_PLAN

Q1, Q3 = Period.at_quarter(2024, 1), Period.at_quarter(2024, 3)
ISSUED = date(2024, 9, 30)
HEADER = 8  # two issuer lines, a blank, title, plan, date, a blank

HEADINGS = {
    # what an official reads (A–H, the print area), then for the reader only: the empty
    # last-year columns, the figures' status and the codes
    "vi": ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện 9 tháng năm 2024",
           "So với kế hoạch (%)", "Đánh giá", "Ghi chú", "Thực hiện cùng kỳ năm 2023",
           "So với cùng kỳ (%)", "Loại số liệu", "Mã chỉ tiêu"],
    "en": ["No.", "Target", "Unit", "Plan 2024", "Actual, nine months of 2024", "% of plan",
           "Assessment", "Notes", "Same period 2023", "% of same period", "Figure status",
           "Target code"],
}


def example_annex() -> Annex:
    plan = load_plan(PLAN_2024)
    figures = read_actuals(EXAMPLE, plan).figures
    return build_annex(build_brief(plan, figures, Q3), None, ISSUED)


def workbook(annex: Annex, lang: str = "vi") -> Any:
    data = render_file(ANNEX_FORMATS, "xlsx", annex, Options(lang=lang))
    assert isinstance(data, bytes)
    return openpyxl.load_workbook(io.BytesIO(data))


def row(ws: Any, n: int) -> list[Any]:
    return [c.value for c in ws[n]]


@pytest.fixture(scope="module")
def sheet() -> Any:
    return workbook(example_annex()).worksheets[0]


def test_the_title_block_names_the_issuer_the_period_and_the_plan(sheet: Any) -> None:
    assert sheet.title == "Phụ lục"
    assert [sheet.cell(r, 1).value for r in range(1, HEADER)] == [
        "ỦY BAN NHÂN DÂN", "HUYỆN HẬU LỘC", None,
        "PHỤ LỤC", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2024",
        "(Kèm theo Báo cáo số       /BC-UBND ngày 30/09/2024)", None]  # as the Word annex
    assert sheet["A1"].font.bold and sheet["A4"].font.bold
    merged = {str(r) for r in sheet.merged_cells.ranges}
    # the title centred over the printed columns (A–H, up to Ghi chú): over A–L, centred on
    # columns the print leaves out, it ran off the printed page (seen in LibreOffice's PDF)
    assert {"A1:C1", "A2:C2", "A4:H4", "A5:H5", "A6:H6"} <= merged
    assert sheet.print_area == "'Phụ lục'!$A$1:$H$21"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_headings_in_both_languages(lang: str) -> None:
    ws = workbook(example_annex(), lang).worksheets[0]
    assert row(ws, HEADER) == HEADINGS[lang]
    assert all(c.font.bold and c.alignment.wrap_text for c in ws[HEADER])


def test_group_rows_carry_the_numeral_and_the_name_merged_across(sheet: Any) -> None:
    groups = {r: (sheet.cell(r, 1).value, sheet.cell(r, 2).value)
              for r in range(HEADER + 1, sheet.max_row + 1)
              if isinstance(sheet.cell(r, 1).value, str)}
    assert groups == {9: ("I", "KINH TẾ"), 16: ("II", "VĂN HÓA - XÃ HỘI"),
                      18: ("III", "MÔI TRƯỜNG"), 20: ("IV", "QUỐC PHÒNG - AN NINH")}
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {f"B{r}:L{r}" for r in groups} <= merged
    assert all(sheet.cell(r, 2).font.bold for r in groups)
    assert all(sheet.cell(r, c).value is None for r in groups for c in range(3, 13))


def test_target_rows_hold_numbers_with_number_formats(sheet: Any) -> None:
    """Figures stored as they are, shown with one precision per line (12,0 beside 10,9) and
    per share column (90,8); the estimate said in Ghi chú and, for the reader, in K."""
    growth = row(sheet, 10)
    assert growth == [1, "Tốc độ tăng trưởng giá trị sản xuất", "%", 12, 10.9,
                      pytest.approx(90.8333), "Có nguy cơ không đạt", "Ước tính", None, None,
                      "ước tính", "production_growth"]
    formats = [c.number_format for c in sheet[10]]
    assert (formats[3], formats[4], formats[5]) == ("#,##0.0", "#,##0.0", "#,##0.0")
    income = row(sheet, 11)
    assert (income[2], income[3], income[4], income[5], income[7]) == (
        "triệu đồng/người/năm", 69, 67.5, pytest.approx(97.8261), "Ước tính")
    schools = row(sheet, 17)  # unmarked: no status word, no note; a count stays whole
    assert (schools[0], schools[3], schools[4], schools[5], schools[6], schools[7]) == (
        1, 12, 9, 75, "Đúng tiến độ", None)
    assert [c.number_format for c in sheet[17]][3:6] == ["#,##0", "#,##0", "#,##0.0"]


def test_a_count_reached_earlier_is_shown_its_period_in_the_notes(sheet: Any) -> None:
    """The model commune's count of Q1, 1, is still 1 at 9 tháng (issue 24): shown, with
    'Số liệu quý I' in Ghi chú, which the reader takes as its period (test_annex_round_trip)."""
    model = row(sheet, 12)
    assert model[11] == "ntm_model_communes"
    assert (model[4], model[5], model[6], model[7]) == (1, 100, "Đạt", "Số liệu quý I")


def test_milestones_and_no_data(sheet: Any) -> None:
    recognition = row(sheet, 15)
    assert recognition[11] == "ntm_district_recognition"
    # the plan as the resolution says it ('trước tháng 6/2024', deadline 31/05/2024)
    assert (recognition[2], recognition[3], recognition[4], recognition[5],
            recognition[6]) == (None, "Hoàn thành trước tháng 6/2024", "chưa đạt", None,
                                "Chậm tiến độ")
    # words among figures are centred; figures keep Excel's alignment (right)
    assert [sheet.cell(15, c).alignment.horizontal for c in (4, 5)] == ["center", "center"]
    assert sheet.cell(14, 5).alignment.horizontal is None
    security = row(sheet, 21)
    assert (security[3], security[4], security[6], security[11]) == (
        100, None, "Chưa có số liệu", "security_standard_communes")


def test_numbers_are_never_text_and_no_format_is_a_percentage(sheet: Any) -> None:
    """Percentages are numbers in percent (the ĐVT or the heading says %): a `%` format would
    be read back multiplied by 100 (inputs/xlsx.py)."""
    numeric = [3, 4, 5, 8, 9]  # plan, value, % of plan, last year, % of it (0-based)
    for r in range(HEADER + 1, sheet.max_row + 1):
        cells = list(sheet[r])
        if isinstance(cells[0].value, str):
            continue  # a group row
        assert isinstance(cells[0].value, int)
        for i in numeric:
            value = cells[i].value
            if r == 15 and i in (3, 4):  # the milestone's plan and word
                assert isinstance(value, str)
                continue
            assert value is None or isinstance(value, int | float), (r, i, value)
        assert all("%" not in c.number_format for c in cells)


def test_frozen_header_widths_and_wrapping(sheet: Any) -> None:
    assert sheet.freeze_panes == f"A{HEADER + 1}"
    letters = "ABCDEFGHIJKL"
    widths = {c: sheet.column_dimensions[c].width for c in letters}
    for i, heading in enumerate(HEADINGS["vi"]):
        assert widths[letters[i]] >= max(len(w) for w in heading.split()), heading
    # the longest name (49 characters) wraps in a column of at most 34, the unit of measure
    # and the assessment between their words (issue 24: the printed columns add up to about
    # 120 characters, so that the table prints at 11 pt, not 9.4, on an A4 landscape page)
    assert widths["B"] == 34
    assert all(sheet.cell(r, c).alignment.wrap_text for r in (10, 19) for c in (2, 3, 7))
    assert widths["C"] >= len("đồng/người/năm")
    assert widths["G"] >= len("không đạt")
    assert sum(widths[c] for c in "ABCDEFGH") <= 122
    assert sheet.row_dimensions[HEADER].height == 48
    assert widths["L"] >= len("ntm_district_recognition")


def _print_settings(ws: Any, header: int) -> None:
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == f"${header}:${header}"
    margins = ws.page_margins
    assert (margins.left, margins.right, margins.top, margins.bottom) == (
        1.18, 0.59, 0.79, 0.79)


def test_print_settings(sheet: Any) -> None:
    _print_settings(sheet, HEADER)
    # the print area ends at Ghi chú: the empty last-year columns, the status and the codes
    # are for the reader, and the page is not shrunk to hold them
    assert sheet.print_area == "'Phụ lục'!$A$1:$H$21"


def annex_of(plan: Plan, figures: list[Figure], period: Period = Q3) -> Annex:
    return build_annex(build_brief(plan, Figures(figures), period), None, ISSUED)


def test_the_same_period_last_year_ratio_or_points() -> None:
    ws = workbook(annex_of(PLAN, FIGURES)).worksheets[0]
    header = 5  # no issuer: title, plan, date, a blank
    # with figures of last year its columns are read, inside the print area
    assert row(ws, header)[4] == "Thực hiện cùng kỳ năm 2023"
    assert row(ws, header)[7] == "So với cùng kỳ (%)"
    assert ws.print_area == "'Phụ lục'!$A$1:$J$16"
    growth, income = list(ws[header + 2]), list(ws[header + 3])
    # growth is a rate: 10.9 − 9.5 = +1.4 points; income: 67.5 / 60 = 112.5 %
    assert (growth[4].value, growth[7].value) == (9.5, pytest.approx(1.4))
    assert growth[7].number_format == '+#,##0.0" điểm %";-#,##0.0" điểm %";0" điểm %"'
    assert (income[4].value, income[7].value, income[7].number_format) == (
        60, 112.5, "#,##0.0")


def test_every_figure_an_estimate_heads_the_value_column_and_drops_the_status() -> None:
    figures = [Figure("ocop", Q3, 4.0, status=FigureStatus.ESTIMATE)]
    ws = workbook(annex_of(PLAN, figures)).worksheets[0]
    headings = row(ws, 5)
    assert "Ước thực hiện 9 tháng năm 2024" in headings and "Loại số liệu" not in headings


def test_without_a_comparison_with_last_year_the_columns_go() -> None:
    plan = Plan.model_validate({"plan": {"id": "p", "year": 2024}, "targets": [
        {"id": "ocop", "name": "=OCOP", "name_en": "=OCOP\x07", "kind": "cumulative",
         "target": 6},
        {"id": "debt", "name": "Nợ", "kind": "level", "direction": "at_most", "target": 2.5,
         "unit": "%"}]})
    ws = workbook(annex_of(plan, [Figure("ocop", Q3, 4.0), Figure("debt", Q3, 2.0)]),
                  "en").worksheets[0]
    assert row(ws, 5) == ["No.", "Target", "Unit", "Plan 2024",
                          "Actual, nine months of 2024", "% of plan", "Assessment", "Notes",
                          "Target code"]
    assert row(ws, 6)[:2] == ["I", "OTHER"]
    ocop, debt = list(ws[7]), list(ws[8])
    # text, never a formula; a control character a worksheet cannot hold is shown, not lost
    assert (ocop[1].value, ocop[1].data_type) == ("=OCOP\ufffd", "s")
    assert (debt[3].value, debt[3].number_format) == (2.5, '"≤ "#,##0.0')
    # a level within its limit (2 / 2.5): said against the maximum, never as '80' % of a plan
    assert (debt[5].value, debt[6].value) == ("80% of the maximum", "Achieved")


def test_number_formats() -> None:
    from hauloc_cli.render.report.words import Num

    assert number_format(Num(12, 0), "vi") == "#,##0"
    assert number_format(Num(12.25, 2), "vi") == "#,##0.00"
    assert number_format(Num(-1.5, 1, "points"), "en") == '+#,##0.0" pp";-#,##0.0" pp";0" pp"'
    assert number_format(Num(4, 0, "change"), "vi") == "+#,##0;-#,##0;0"  # L ≤ 0: no ratio


def unit_annex() -> Annex:
    units = load_units(ASSETS / "units.tree.yaml")
    by_unit = {u: Figures([Figure("schools", Q1, v, unit=u), Figure("security", Q1, ok, unit=u)])
               for u, v, ok in (("a", 1.0, True), ("b", 3.0, False), ("c", 0.0, True))}
    found = evaluate_units(UNIT_PLAN, units, "d1", Figures([Figure("growth", Q1, 8.0)]),
                           by_unit, Q1)
    return build_annex(build_brief(UNIT_PLAN, found.rolled["d1"], Q1), found, ISSUED)


def test_the_sheet_by_unit() -> None:
    """A row per unit, a column per target (and its assessment), the compiled total (schools
    1 + 3 + 0 = 4; security 2 of 3 units meeting it: 66,67 %) and who reported."""
    wb = workbook(unit_annex())
    assert wb.sheetnames == ["Phụ lục", "Theo đơn vị"]
    ws = wb["Theo đơn vị"]
    header = 4  # title, period, a blank
    assert row(ws, header) == ["STT", "Đơn vị", "(1) Trường", "Đánh giá (1)", "(2) An ninh",
                               "Đánh giá (2)", "Ghi chú"]
    assert [row(ws, r) for r in range(header + 1, ws.max_row + 1)] == [
        ["1", "Xã A", 1, "Đúng tiến độ", "đã đạt", "Đạt", None],
        ["2", "Xã B", 3, None, "chưa đạt", "Đúng tiến độ", None],
        ["3", "Thị trấn C", 0, None, "đã đạt", "Đạt", None],
        [None, "Tổng hợp", 4, None, pytest.approx(66.67), None, None],
        [None, "Đã báo cáo", "3/3", None, "3/3", None, None],
    ]
    _print_settings(ws, header)
    assert ws.print_area == "'Theo đơn vị'!$A$1:$G$9"
    # the plan unit's sheet: 4 schools, 2 of 3 units meeting the security standard, growth
    # its own figure (code in I, value in E)
    first = wb["Phụ lục"]
    values = {first.cell(r, 9).value: first.cell(r, 5).value
              for r in range(6, first.max_row + 1) if first.cell(r, 9).value}
    assert values == {"growth": 8, "schools": 4, "security": pytest.approx(200 / 3)}


# -- LibreOffice prints it -------------------------------------------------------------------

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None and os.environ.get("HAULOC_REQUIRE_LIBREOFFICE") != "1",
    reason="LibreOffice is not installed (.ci/run installs it)")


def to_pdf(xlsx: bytes, folder: Path) -> Path:
    source = folder / "annex.xlsx"
    source.write_bytes(xlsx)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder / 'profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    str(source)], check=True, timeout=240, capture_output=True)
    return folder / "annex.pdf"


def pages(pdf: Path) -> list[str]:
    """The text of each page: pdftotext (poppler-utils) when there, else pypdf, which splits
    Vietnamese letters from their tone marks (so only ASCII is compared then)."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    for page in reader.pages:  # A4 landscape
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            842, 595)
    if shutil.which("pdftotext") is None:
        return [page.extract_text() for page in reader.pages]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    return text.split("\f")[:len(reader.pages)]


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_prints_the_example_on_one_a4_page(tmp_path: Path) -> None:
    plan = load_plan(PLAN_2024)
    text = pages(to_pdf(render_file(ANNEX_FORMATS, "xlsx", example_annex(),
                                    Options(lang="vi")), tmp_path))
    assert len(text) == 1
    # the codes are outside the print area: not on paper
    assert not any(t.id in text[0] for t in plan.targets)
    assert "90.8" in text[0] or "90,8" in text[0]
    if shutil.which("pdftotext"):
        flat = " ".join(text[0].split())
        assert "PHỤ LỤC" in flat
        assert "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2024" in flat
        for word in ("KINH TẾ", "QUỐC PHÒNG - AN NINH", "Có nguy cơ", "Chưa có số liệu",
                     "Số liệu quý I", "Sản phẩm OCOP mới", "Ghi chú"):
            assert word in flat


COMMUNES_166 = 166  # as many communes as a large province's districts report


def annex_of_166(tmp_path: Path) -> Annex:
    """A district of 166 communes (`a`, then `x002`…`x166`, named `Xã 002`…): schools 1 in
    every third commune, security met in all but every tenth; commune 166 reports nothing."""
    lines = ["units:", "  - {id: d1, name: Huyện D1, kind: district}",
             "  - {id: a, name: Xã 001, kind: commune, parent: d1}"]
    ids = ["a"] + [f"x{n:03d}" for n in range(2, COMMUNES_166 + 1)]
    lines += [f"  - {{id: {u}, name: Xã {n:03d}, kind: commune, parent: d1}}"
              for n, u in enumerate(ids[1:], start=2)]
    path = tmp_path / "units.166.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units = load_units(path)
    by_unit = {u: Figures([Figure("schools", Q1, float(n % 3 == 0), unit=u),
                           Figure("security", Q1, n % 10 != 0, unit=u)])
               for n, u in enumerate(ids[:-1], start=1)}
    found = evaluate_units(UNIT_PLAN, units, "d1", Figures([Figure("growth", Q1, 8.0)]),
                           by_unit, Q1)
    return build_annex(build_brief(UNIT_PLAN, found.rolled["d1"], Q1), found, ISSUED)


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_pages_166_communes_with_the_header_on_every_page(tmp_path: Path) -> None:
    """Issue 24: the table by unit of 166 communes pages cleanly: every page of the sheet by
    unit starts with its header row (the target names repeated), every commune is on a page,
    the total and who reported at the end; nothing on paper below 10 pt."""
    annex = annex_of_166(tmp_path)
    data = render_file(ANNEX_FORMATS, "xlsx", annex, Options(lang="vi"))
    assert isinstance(data, bytes)
    pdf = to_pdf(data, tmp_path)
    text = pages(pdf)
    assert "PHỤ LỤC" in text[0] and "KẾT QUẢ THEO ĐƠN VỊ" in text[1]  # the annex on one page
    by_unit = text[1:]
    assert len(by_unit) >= 3, len(text)  # 166 rows do not fit on one or two pages
    for page in by_unit:
        assert "STT" in page and "Đơn vị" in page, page[:300]
        # the target columns' headings, `(1) Trường`, `(2) An ninh` (wrapped in the layout)
        assert "(1)" in page and "Đánh giá (2)" in page, page[:300]
    flat = " ".join(by_unit)
    assert all(f"Xã {n:03d}" in flat for n in range(1, COMMUNES_166 + 1))
    assert "Tổng hợp" in by_unit[-1] and "165/166" in by_unit[-1]
    assert all(size >= 10 for size in smallest_font_on_paper(pdf).values())


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_prints_22_communes_on_one_page_by_unit(tmp_path: Path) -> None:
    """Issue 24: the 22 communes' table by unit fits one landscape A4 page (the columns fill
    the page's width, so the target names wrap to five lines, not six), at 12 pt with
    nothing on paper below 10; the annex keeps to its own page, its last group (IV) with its
    row."""
    from tests.render.report.annex_support import annex_with_units

    data = render_file(ANNEX_FORMATS, "xlsx", annex_with_units(), Options(lang="vi"))
    assert isinstance(data, bytes)
    pdf = to_pdf(data, tmp_path)
    text = pages(pdf)
    assert len(text) == 2, [t[:80] for t in text]
    assert "PHỤ LỤC" in text[0] and "QUỐC PHÒNG - AN NINH" in text[0]
    assert "an ninh - trật" in text[0]  # group IV's one target, under its heading
    by_unit = text[1]
    assert "KẾT QUẢ THEO ĐƠN VỊ" in by_unit and "Thị trấn Hậu Lộc" in by_unit
    assert "Xã Đa Lộc" in by_unit and "Tổng hợp" in by_unit and "21/22" in by_unit
    assert all(size >= 10 for size in smallest_font_on_paper(pdf).values())


def test_the_table_by_unit_fills_the_page_width() -> None:
    """5 targets and an assessment: 128 − 5 − 20 − 20 = 83 units over 6.25 shares: 13.28 a
    figure, 16.6 an assessment (held at 16); 2 targets: 83 / 3 = 27.7, held at 16."""
    keys = ("number", "unit", "t1", "t2", "t3", "t4", "t5", "status:t5", "note")
    assert unit_widths(keys) == (5, 20, 13.3, 13.3, 13.3, 13.3, 13.3, 16, 20)
    assert unit_widths(("number", "unit", "a", "b", "note")) == (5, 20, 16, 16, 20)
    many = unit_widths(("number", "unit", *(f"t{n}" for n in range(20)), "note"))
    assert set(many[2:-1]) == {9}  # too many for the page: the sheet is fitted to its width


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_saving_it_again_keeps_the_numbers_and_formats(tmp_path: Path) -> None:
    """What the reader of wide tables gets back from a workbook an office opened and saved
    in LibreOffice: the same cells, numbers still numbers, in the same number formats."""
    data = render_file(ANNEX_FORMATS, "xlsx", example_annex(), Options(lang="vi"))
    assert isinstance(data, bytes)
    source = tmp_path / "annex.xlsx"
    source.write_bytes(data)
    again = tmp_path / "again"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
                    str(again), str(source)], check=True, timeout=240, capture_output=True)
    before = openpyxl.load_workbook(source).worksheets[0]
    after = openpyxl.load_workbook(again / "annex.xlsx").worksheets[0]

    def cells(ws: Any) -> list[tuple[Any, str]]:
        return [(c.value, c.number_format if isinstance(c.value, int | float) else "")
                for r in ws.iter_rows(min_row=1, max_row=21, max_col=11) for c in r]

    assert cells(after) == cells(before)
    assert {str(r) for r in after.merged_cells.ranges} == {
        str(r) for r in before.merged_cells.ranges}


def smallest_font_on_paper(pdf: Path) -> dict[int, float]:
    """Per page, the smallest size at which text is drawn, in points on the paper: the font
    size times the scale of the text and graphics matrices (a sheet fitted to the page width
    is drawn scaled down), read with pypdf."""
    import math

    from pypdf import PdfReader

    smallest: dict[int, float] = {}
    for n, page in enumerate(PdfReader(str(pdf)).pages, start=1):
        sizes: list[float] = []

        def seen(text: str, cm: list[float], tm: list[float], font: object, size: float,
                 sizes: list[float] = sizes) -> None:
            if text.strip():
                a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
                c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
                sizes.append(size * math.sqrt(abs(a * d - b * c)))

        page.extract_text(visitor_text=seen)
        assert sizes, n
        smallest[n] = min(sizes)
    return smallest


@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize("which", ["example", "22-communes"])
def test_no_text_of_the_workbook_is_below_10_pt_on_paper(tmp_path: Path, which: str) -> None:
    """Issue 24: the table no smaller than 10 pt on paper, Excel included. The example's annex
    printed at 9.4 pt (its 145 characters of printed columns fitted to the page); now at 11."""
    from tests.render.report.annex_support import annex_with_units

    annex = example_annex() if which == "example" else annex_with_units()
    data = render_file(ANNEX_FORMATS, "xlsx", annex, Options(lang="vi"))
    assert isinstance(data, bytes)
    smallest = smallest_font_on_paper(to_pdf(data, tmp_path))
    assert all(size >= 10 for size in smallest.values()), smallest

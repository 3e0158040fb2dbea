"""The Word document of the official report (render/report_docx.py), opened again with
python-docx: pages, margins, fonts, the Decree 30 header, the annex table; and converted to
PDF by LibreOffice (skipped unless HAULOC_REQUIRE_LIBREOFFICE=1, which .ci/run sets)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table

from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.plan import Signer
from hauloc_cli.render import Options
from hauloc_cli.render.report.docx import render
from hauloc_cli.views.annex import Annex
from tests.conftest import PLAN_2024
from tests.render.report.annex_support import annex_of, annex_of_27, annex_with_units, with_info

TARGETS_VI = ("Tốc độ tăng trưởng giá trị sản xuất", "Thu nhập bình quân đầu người",
              "Sản phẩm OCOP mới", "Trường học đạt chuẩn quốc gia (thêm)")


def opened(annex: Annex, lang: str = "vi") -> DocxDocument:
    return Document(BytesIO(render(annex, Options(lang=lang))))


@pytest.fixture(scope="module")
def doc() -> DocxDocument:
    return opened(annex_of())


def cell_lines(table: Table, row: int, col: int) -> list[str]:
    return [p.text for p in table.cell(row, col).paragraphs]


def test_a4_portrait_letter_then_a4_landscape_annex_with_decree_30_margins(
        doc: DocxDocument) -> None:
    letter, annex = doc.sections
    for section, (width, height), orient in ((letter, (210, 297), WD_ORIENT.PORTRAIT),
                                             (annex, (297, 210), WD_ORIENT.LANDSCAPE)):
        assert section.orientation == orient
        assert section.page_width is not None and section.page_height is not None
        assert abs(section.page_width.mm - width) < 0.1
        assert abs(section.page_height.mm - height) < 0.1
        margins = [round(m.mm, 1) if m is not None else -1 for m in (  # stored in twips
            section.top_margin, section.bottom_margin, section.left_margin,
            section.right_margin)]
        assert margins == [20, 20, 30, 15]
        # Decree 30: top 20–25, bottom 20–25, left 30–35, right 15–20 mm
        top, bottom, left, right = margins
        assert 20 <= top <= 25 and 20 <= bottom <= 25 and 30 <= left <= 35 and 15 <= right <= 20


def test_times_new_roman_13_for_every_script_and_11_in_the_table(doc: DocxDocument) -> None:
    """13 pt, the least of Decree 30's 13–14: the example's letter fits one page (issue 24)."""
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size is not None and normal.font.size.pt == 13
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        "Times New Roman"}
    annex = doc.tables[2]
    sizes = {r.font.size.pt for row in annex.rows for c in row.cells for p in c.paragraphs
             for r in p.runs if r.font.size is not None}
    assert sizes == {11}
    assert doc.core_properties.language == "vi-VN"
    assert doc.core_properties.created is not None
    assert doc.core_properties.created.date() == date(2024, 10, 5)  # the report's date
    assert doc.core_properties.title == ("Kết quả thực hiện các chỉ tiêu kinh tế - xã hội "
                                         "9 tháng năm 2024")


def test_the_header_is_a_borderless_two_column_table(doc: DocxDocument) -> None:
    head = doc.tables[0]
    assert len(head.columns) == 2
    assert head._tbl.tblPr.find(qn("w:tblBorders")) is None
    assert head.style is None or head.style.name == "Normal Table"
    left, right = cell_lines(head, 0, 0), cell_lines(head, 0, 1)
    assert left == ["ỦY BAN NHÂN DÂN", "HUYỆN HẬU LỘC", "", "Số:       /BC-UBND"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                     "Hậu Lộc, ngày 05 tháng 10 năm 2024"]
    issuer = head.cell(0, 0).paragraphs[:2] + head.cell(0, 1).paragraphs[:2]
    assert all(r.bold for p in issuer for r in p.runs)
    assert all(r.italic for r in head.cell(0, 1).paragraphs[3].runs)
    # the rules: an empty paragraph with a bottom border, under the issuer and the motto
    for c in (head.cell(0, 0), head.cell(0, 1)):
        rule = c.paragraphs[2]._p.pPr.find(qn("w:pBdr"))
        assert rule is not None and rule.find(qn("w:bottom")).get(qn("w:val")) == "single"


def test_title_body_and_signature(doc: DocxDocument) -> None:
    texts = [p.text for p in doc.paragraphs]
    title = texts.index("BÁO CÁO")
    assert texts[title + 1] == "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội 9 tháng năm 2024"
    assert all(r.bold for r in doc.paragraphs[title].runs + doc.paragraphs[title + 1].runs)
    assert doc.paragraphs[title].alignment == WD_ALIGN_PARAGRAPH.CENTER
    # the letter's sections and sentences as test_letterhead works them out
    for heading in ("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                    "III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM 3 THÁNG CUỐI NĂM 2024"):
        assert heading in texts
        assert all(r.bold for r in doc.paragraphs[texts.index(heading)].runs)
    first = doc.paragraphs[texts.index("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (chi tiết tại Phụ lục "
                                       "kèm theo)")]
    assert [bool(r.bold) for r in first.runs] == [True, False]  # the pointer not bold
    assert ("Trong 9 chỉ tiêu được theo dõi (nghị quyết đề ra 27 chỉ tiêu): 1 chỉ tiêu đã đạt "
            "kế hoạch năm, 3 đúng tiến độ, 2 có nguy cơ không đạt, 2 chậm tiến độ, 1 chưa có "
            "số liệu.") in texts
    group = next(p for p in doc.paragraphs if p.text.startswith("2. Văn hóa - xã hội: "))
    # the group's name bold, run in before its targets' sentences
    assert [(r.text, bool(r.bold)) for r in group.runs] == [
        ("2. Văn hóa - xã hội: ", True),
        ("Trường học đạt chuẩn quốc gia (thêm) đạt 9 trường, bằng 75,0% kế hoạch năm "
         "(12 trường); đúng tiến độ.", False)]
    # Decree 30: at least 6 pt between paragraphs
    body = doc.paragraphs[title + 2:texts.index("PHỤ LỤC") - 1]
    assert {p.paragraph_format.space_before.pt for p in body if p.text} == {6}
    sign = doc.tables[1]
    # no recipients in the plan: Decree 30's placeholders, then the archive
    assert cell_lines(sign, 0, 0) == ["Nơi nhận:", "- ……………;", "- ……………;", "- Lưu: VT."]
    recipients = sign.cell(0, 0).paragraphs[0].runs[0]
    assert recipients.bold and recipients.italic and recipients.font.size.pt == 12
    # no name in the shipped plan: the room to sign stays, no name line under it
    assert cell_lines(sign, 0, 1) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", ""]
    assert all(r.bold for p in sign.cell(0, 1).paragraphs[:2] for r in p.runs)


def test_the_annex_table_in_the_landscape_section(doc: DocxDocument) -> None:
    body = list(doc.element.body)
    section_break = next(i for i, e in enumerate(body) if e.find(".//" + qn("w:sectPr"))
                         is not None)
    annex = doc.tables[2]
    assert body.index(annex._tbl) > section_break > body.index(doc.tables[1]._tbl)
    assert [c.text for c in annex.rows[0].cells] == [
        "STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện 9 tháng năm 2024",
        "So với kế hoạch (%)", "Đánh giá", "Ghi chú"]
    rows = annex.rows
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    assert [c.text for c in rows[2].cells] == [
        "1", "Tốc độ tăng trưởng giá trị sản xuất", "%", "12,0", "10,9", "90,8",
        "Có nguy cơ không đạt", "Ước tính"]  # the estimate said in Ghi chú, as in test_annex_cells
    assert rows[2].cells[4].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    groups = [r for r in rows if r.cells[0].text in ("I", "II", "III", "IV")]
    assert [g.cells[1].text for g in groups] == ["KINH TẾ", "VĂN HÓA - XÃ HỘI", "MÔI TRƯỜNG",
                                                 "QUỐC PHÒNG - AN NINH"]
    for g in groups:  # the name merged from the second column to the last
        tcs = g._tr.tc_lst
        assert len(tcs) == 2 and tcs[1].grid_span == 7
        assert all(r.bold for r in g.cells[1].paragraphs[0].runs)
    assert len(rows) == 1 + 4 + 9
    # each group kept on one page: its rows keep with the next, but for its last
    keeps = [r.cells[1].paragraphs[0].paragraph_format.keep_with_next for r in rows[1:]]
    assert keeps == [True, True, True, True, True, True, False,  # I: group row, 6 targets
                     True, False, True, False, True, False]  # II, III, IV: one target each


def test_page_numbers_from_the_second_page(doc: DocxDocument) -> None:
    letter, annex = doc.sections
    assert letter.different_first_page_header_footer
    assert not annex.different_first_page_header_footer
    field = letter.header.paragraphs[0]._p.find(qn("w:fldSimple"))
    assert field is not None and field.get(qn("w:instr")) == "PAGE"


def test_english() -> None:
    doc = opened(annex_of(), "en")
    head = doc.tables[0]
    assert cell_lines(head, 0, 1) == ["SOCIALIST REPUBLIC OF VIET NAM",
                                      "Independence - Freedom - Happiness", "",
                                      "Hậu Lộc, 5 October 2024"]
    texts = [p.text for p in doc.paragraphs]
    assert "REPORT" in texts and "ANNEX" in texts
    assert [c.text for c in doc.tables[2].rows[2].cells] == [
        "1", "Growth of production value", "%", "12.0", "10.9", "90.8", "At risk of missing",
        "Estimate"]
    assert cell_lines(doc.tables[1], 0, 0) == ["Recipients:", "- ……………;", "- ……………;",
                                              "- Filed: office records."]
    assert doc.core_properties.language == "en-GB"


def test_a_plan_without_issuer_place_or_signer_and_a_named_signer() -> None:
    plan = load_plan(PLAN_2024)
    bare = opened(annex_of(plan=with_info(plan, issuer=None, place=None, signer=None)))
    assert cell_lines(bare.tables[0], 0, 0)[0] == "HUYỆN HẬU LỘC — CHỈ TIÊU NĂM 2024"
    assert cell_lines(bare.tables[0], 0, 1)[-1] == "Ngày 05 tháng 10 năm 2024"
    # no signer: Decree 30's placeholders for the signer's title and name
    lines = cell_lines(bare.tables[1], 0, 1)
    assert lines[0] == "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ" and lines[-1] == "Họ và tên"
    named = opened(annex_of(plan=with_info(plan, signer=Signer(
        on_behalf="TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", name="Nguyễn Văn An"))))
    lines = cell_lines(named.tables[1], 0, 1)
    assert lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "", "Nguyễn Văn An"]
    assert all(r.bold for r in named.tables[1].cell(0, 1).paragraphs[-1].runs)


def test_the_table_by_unit_follows() -> None:
    """On a landscape page of its own after the annex: a row per commune, a column per target
    (test_annex_cells works out the figures), the compiled total and who reported, at 10 pt."""
    doc = opened(annex_with_units())
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                                     WD_ORIENT.LANDSCAPE]
    texts = [p.text for p in doc.paragraphs]
    assert "KẾT QUẢ THEO ĐƠN VỊ" in texts
    units = doc.tables[3]
    assert [c.text for c in units.rows[0].cells] == [
        "STT", "Đơn vị", "(1) Xã đạt chuẩn nông thôn mới kiểu mẫu (thêm) (xã)",
        "(2) Xã đạt chuẩn nông thôn mới nâng cao (thêm) (xã)",
        "(3) Sản phẩm OCOP mới (sản phẩm)", "(4) Trường học đạt chuẩn quốc gia (thêm) (trường)",
        "(5) Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự", "Đánh giá (5)", "Ghi chú"]
    assert units.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # on every page
    assert len(units.rows) == 1 + 22 + 2
    assert [c.text for c in units.rows[14].cells] == [
        "14", "Xã Hoa Lộc", "1", "0", "0", "0", "đã đạt", "Đạt", ""]
    assert [c.text for c in units.rows[-2].cells] == [
        "", "Tổng hợp", "1", "1", "4", "9", "95,45", "", ""]
    assert [c.text for c in units.rows[-1].cells] == [
        "", "Đã báo cáo", "22/22", "22/22", "22/22", "22/22", "21/22", "", ""]
    sizes = {r.font.size.pt for row in units.rows for c in row.cells for p in c.paragraphs
             for r in p.runs if r.font.size is not None}
    assert sizes == {10}


def test_python_docx_is_imported_only_when_a_document_is_made() -> None:
    code = ("import sys, hauloc_cli.render.report.docx; "
            "assert 'docx' not in sys.modules, 'docx imported at import time'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr


# LibreOffice: the document as an office opens and prints it.

needs_libreoffice = pytest.mark.skipif(
    os.environ.get("HAULOC_REQUIRE_LIBREOFFICE") != "1",
    reason="set HAULOC_REQUIRE_LIBREOFFICE=1 to convert with LibreOffice")


def to_pdf(tmp_path: Path, annex: Annex, name: str, lang: str = "vi") -> Path:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("HAULOC_REQUIRE_LIBREOFFICE=1 but no soffice on PATH "
                    "(apt-get install libreoffice-writer-nogui fonts-liberation)")
    source = tmp_path / f"{name}.docx"
    source.write_bytes(render(annex, Options(lang=lang)))
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, text=True, timeout=180, check=False)
    pdf = tmp_path / f"{name}.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    return pdf


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page, from pdfinfo."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True,
                          text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf),
                          "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


A4_PORTRAIT, A4_LANDSCAPE = (595.3, 841.9), (841.9, 595.3)


def is_size(size: tuple[float, float], expected: tuple[float, float]) -> bool:
    return abs(size[0] - expected[0]) < 1 and abs(size[1] - expected[1]) < 1


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_prints_the_letter_and_the_annex_on_a4(tmp_path: Path) -> None:
    """Issue 24: the letter and the annex on 2 pages. The letter on one portrait page at
    13 pt (Decree 30's 13–14; 6 pt between paragraphs; 31 lines of text, the header and the
    signature block, measured with pdftotext -bbox), the annex on one landscape page,
    numbered 2."""
    pdf = to_pdf(tmp_path, annex_of(), "report")
    sizes = page_sizes(pdf)
    assert len(sizes) == 2, sizes
    assert is_size(sizes[0], A4_PORTRAIT) and is_size(sizes[1], A4_LANDSCAPE), sizes
    assert page_text(pdf, 2).startswith("2 ")
    assert not page_text(pdf, 1).startswith("1 ")
    letter = page_text(pdf, 1)
    for text in ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Hậu Lộc, ngày 05 tháng 10 năm 2024",
                 "BÁO CÁO", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"):
        assert text in letter, text
    annex = page_text(pdf, 2)
    assert "PHỤ LỤC" in annex and "Đánh giá" in annex and "Đánh giá" not in letter
    for name in TARGETS_VI:
        assert name in annex, name
    assert "10,9" in annex and "90,8" in annex
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    # Times New Roman, or its metric twin Liberation Serif where it is not installed
    assert re.search(r"TimesNewRoman|LiberationSerif", fonts), fonts


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_27_targets_and_the_units(tmp_path: Path) -> None:
    """27 targets: the letter (14 targets need attention) and the annex, every page A4, the
    annex pages landscape; with units the table by unit continues the annex."""
    annex, names = annex_of_27(tmp_path)
    pdf = to_pdf(tmp_path, annex, "report27")
    sizes = page_sizes(pdf)
    landscape = [n for n, s in enumerate(sizes, 1) if is_size(s, A4_LANDSCAPE)]
    assert all(is_size(s, A4_PORTRAIT) for s in sizes[:landscape[0] - 1]), sizes
    assert landscape == list(range(landscape[0], len(sizes) + 1)), sizes
    assert len(sizes) <= 4, sizes  # the letter on 2 pages, the annex on 2
    texts = {n: page_text(pdf, n) for n in landscape}
    for group, targets in names.items():  # every target there, each group on one page
        pages = {n for name in targets for n, text in texts.items() if name in text}
        assert len(pages) == 1, (group, pages)
        assert all(any(name in text for text in texts.values()) for name in targets)
    assert "Nguyễn Văn An" in page_text(pdf, landscape[0] - 1)  # the signature, not alone
    assert "III. NHIỆM VỤ" in page_text(pdf, landscape[0] - 1)
    units = to_pdf(tmp_path, annex_with_units(), "units")
    unit_pages = page_sizes(units)
    # the letter's portrait page, then the annex and the table by unit, one landscape page
    # each (22 communes × 5 targets fit one page)
    assert [is_size(s, A4_LANDSCAPE) for s in unit_pages] == [False, True, True], unit_pages
    text = page_text(units, 3)
    assert "KẾT QUẢ THEO ĐƠN VỊ" in text and "Xã Triệu Lộc" in text and "Xã Đa Lộc" in text
    assert "Tổng hợp" in text and "21/22" in text


@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize("which", ["example", "22-communes"])
def test_no_text_of_the_document_is_below_10_pt_on_paper(tmp_path: Path, which: str) -> None:
    """Issue 24: the letter at 13–14 pt (the motto 12), the tables no smaller than 10 pt on
    paper (the annex 11, the table by unit of 22 communes 10)."""
    from tests.render.report.test_xlsx import smallest_font_on_paper

    annex = annex_of() if which == "example" else annex_with_units()
    smallest = smallest_font_on_paper(to_pdf(tmp_path, annex, which))
    assert all(size >= 9.99 for size in smallest.values()), smallest
    assert min(smallest.values()) < 12  # the tables are measured, not only the letter


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_pages_166_communes_in_word_under_their_heading(tmp_path: Path) -> None:
    """Issue 24: the Word table by unit of 166 communes keeps its heading row (the target
    columns) on every page, every commune on a page, nothing below 10 pt."""
    from tests.render.report.test_xlsx import annex_of_166, smallest_font_on_paper

    pdf = to_pdf(tmp_path, annex_of_166(tmp_path), "communes166")
    sizes = page_sizes(pdf)
    first = next(n for n in range(1, len(sizes) + 1)
                 if "KẾT QUẢ THEO ĐƠN VỊ" in page_text(pdf, n))
    texts = [page_text(pdf, n) for n in range(first, len(sizes) + 1)]
    assert len(texts) >= 3, len(texts)
    for text in texts:
        assert "STT" in text and "Đơn vị" in text and "Đánh giá (2)" in text, text[:300]
    flat = " ".join(texts)
    assert all(f"Xã {n:03d}" in flat for n in range(1, 167))
    assert "165/166" in texts[-1]
    assert all(size >= 9.99 for size in smallest_font_on_paper(pdf).values())

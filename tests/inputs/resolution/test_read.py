"""Whole resolutions read: the source article (the nine targets of the shipped plan), one
commune's annex table as .xlsx, .csv and a Word table, and its bulleted text as .txt and as a
Word document's paragraphs (fixtures: tests/assets/make_resolutions.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hauloc_cli.errors import Code, InputError, UsageError
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.resolution.phrases import Reading, Refused
from hauloc_cli.inputs.resolution.read import read_resolution
from tests.conftest import ASSETS, PLAN_2024

# The source article of the shipped plan (a copy of the one beside the domain notes).
ARTICLE = ASSETS / "resolution.source-article-2024-01-05.vi.txt"
MB = 1_000_000


def test_the_source_article_gives_the_nine_targets_of_the_shipped_plan() -> None:
    draft = read_resolution(ARTICLE, None, 100 * MB)
    plan = load_plan(PLAN_2024)
    assert (draft.year, draft.declared) == (2024, 27)
    assert draft.refused == []
    got = [(r.reading.kind, r.reading.direction, r.reading.target, r.reading.deadline)
           for r in draft.read if isinstance(r.reading, Reading)]
    want = [(t.kind, t.direction, t.target, t.deadline) for t in plan.targets]
    assert got == want
    # the resolution's words, as the shipped plan keeps them (with "phấn đấu" before the first)
    assert [s.words for s in draft.stated] == [
        "phấn đấu " + (plan.targets[0].source or ""), *(t.source for t in plan.targets[1:])]
    assert [s.line for s in draft.stated] == [15] * 8 + [33]


# Each table fixture: (id, group, kind, direction, target) per target read, in order, and the
# statements refused with the reason, worked from the rows of make_resolutions.py.
TABLE_READ = [
    ("tong_gia_tri_san_pham_gia_so_sanh_2010", "kinh_te", "annual", "at_least", (10, 10.5)),
    ("thu_nhap_binh_quan_dau_nguoi", "kinh_te", "annual", "at_least", 70),
    ("thu_ngan_sach_nha_nuoc_tren_dia_ban", "kinh_te", "cumulative", "at_least", 14.2),
    ("san_pham_ocop_dat_3_sao_tro_len_them_moi", "kinh_te", "cumulative", "at_least", 2),
    ("tong_san_luong_luong_thuc", "kinh_te", "cumulative", None, None),  # about 8000
    ("ty_le_ho_ngheo_chuan_da_chieu", "van_hoa_xa_hoi", "level", "at_most", (-1.5, -1)),
    ("ty_le_lao_dong_qua_dao_tao", "van_hoa_xa_hoi", "level", "at_least", 80),
    ("ty_le_nguoi_dan_tham_gia_bao_hiem_y_te", "van_hoa_xa_hoi", "level", "at_least", 95),
    ("xa_dat_chuan_an_toan_ve_an_ninh_trat_tu", "quoc_phong_an_ninh", "milestone", None, None),
    ("hoan_thanh_sap_nhap_thon_to_dan_pho", "quoc_phong_an_ninh", "milestone", None, None),
]


@pytest.mark.parametrize("name", [
    "resolution.table-2026.xlsx", "resolution.table-2026.csv", "resolution.table-2026.docx",
    "resolution.libreoffice-table-2026.ods"])  # the .xlsx saved as .ods by LibreOffice 7
def test_an_annex_table_gives_its_targets_groups_and_refusals(name: str) -> None:
    draft = read_resolution(ASSETS / name, None, 100 * MB)
    assert draft.year == 2026
    assert [(g.id, g.name) for g in draft.groups] == [
        ("kinh_te", "Kinh tế"), ("van_hoa_xa_hoi", "Văn hóa - xã hội"),
        ("quoc_phong_an_ninh", "Quốc phòng - an ninh")]
    got = [(s.id, s.group, s.reading.kind, s.reading.direction, s.reading.target)
           for s in draft.read if isinstance(s.reading, Reading)]
    assert got == TABLE_READ
    about = next(s.reading for s in draft.read if s.id == "tong_san_luong_luong_thuc")
    assert isinstance(about, Reading) and about.about == 8000
    assert [s.words.split(" | ")[0] for s in draft.refused] == [
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
        "Tỷ lệ thôn đạt danh hiệu thôn văn hóa"]


BULLETED_READ = [
    ("toc_do_tang_truong_tong_gia_tri_san_pham", "kinh_te", 12),
    ("thu_nhap_binh_quan_dau_nguoi", "kinh_te", 13),
    ("thu_ngan_sach_tren_dia_ban", "kinh_te", 14),
    ("tong_von_dau_tu_toan_xa_hoi", "kinh_te", 15),
    ("ty_le_ho_ngheo", "van_hoa_xa_hoi", 19),
    ("ty_le_ho_can_ngheo", "van_hoa_xa_hoi", 20),
    ("ty_le_lao_dong_qua_dao_tao", "van_hoa_xa_hoi", 21),
    ("ty_le_that_nghiep", "van_hoa_xa_hoi", 21),
    ("ty_le_truong_hoc_dat_chuan_ve_co_so_vat_chat", "van_hoa_xa_hoi", 23),
    ("truong_dat_chuan_quoc_gia", "van_hoa_xa_hoi", 23),
    ("ty_le_chat_thai_ran_sinh_hoat_duoc_thu_gom_xu_ly", "moi_truong", 26),
    ("xa_dat_chuan_an_toan_ve_an_ninh_trat_tu", "quoc_phong_an_ninh", 29),
    ("hoan_thanh_xay_dung_tru_so_cong_an_xa", "quoc_phong_an_ninh", 30),
]
BULLETED_REFUSED = [(16, "2 figures"), (17, "words after the figure"), (22, "2 figures"),
                    (24, "points or per cent"), (27, "no figure and no deadline")]


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_a_bulleted_text_gives_its_targets_under_its_headings(suffix: str) -> None:
    draft = read_resolution(ASSETS / f"resolution.bulleted-2026.{suffix}", None, 100 * MB)
    assert (draft.year, draft.declared) == (2026, 18)
    assert [g.id for g in draft.groups] == ["kinh_te", "van_hoa_xa_hoi", "moi_truong",
                                            "quoc_phong_an_ninh"]
    assert [(s.id, s.group, s.line) for s in draft.read] == BULLETED_READ
    refused = [(s.line, str(s.reading.why)) for s in draft.refused
               if isinstance(s.reading, Refused)]
    assert [line for line, _ in refused] == [line for line, _ in BULLETED_REFUSED]
    assert all(why in said for (_, why), (_, said) in zip(BULLETED_REFUSED, refused,
                                                           strict=True))
    milestone = draft.read[-2].reading
    assert isinstance(milestone, Reading) and milestone.deadline == date(2026, 9, 30)


def test_a_file_that_states_no_target_is_a_coded_error(tmp_path: Path) -> None:
    text = tmp_path / "letter.txt"
    text.write_text("Kính gửi UBND xã.\nBáo cáo năm 2026 gửi kèm theo.\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_resolution(text, None, 100 * MB)
    assert [p.code for p in caught.value.problems] == [Code.NO_TARGETS]


def test_a_list_of_which_no_target_can_be_read_names_each_and_is_an_error(tmp_path: Path
                                                                         ) -> None:
    text = tmp_path / "nq.txt"
    text.write_text("Năm 2026, các chỉ tiêu chủ yếu:\n- Giữ vững an ninh.\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_resolution(text, None, 100 * MB)
    problems = caught.value.problems
    assert [(p.code, p.where) for p in problems] == [(Code.UNREAD_TARGET, "2"),
                                                     (Code.NO_TARGETS, "")]


def test_a_table_without_a_plan_column_is_no_table_of_targets(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("STT;Chỉ tiêu;ĐVT\n1;Tỷ lệ hộ nghèo;%\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_resolution(table, 2026, 100 * MB)
    assert [p.code for p in caught.value.problems] == [Code.NO_TARGETS]


def test_a_text_that_names_no_year_asks_for_one(tmp_path: Path) -> None:
    text = tmp_path / "nq.txt"
    text.write_text("Các chỉ tiêu chủ yếu:\n- Tỷ lệ hộ nghèo giảm còn 2%.\n", encoding="utf-8")
    with pytest.raises(UsageError, match="--year"):
        read_resolution(text, None, 100 * MB)
    assert read_resolution(text, 2027, 100 * MB).year == 2027


def test_a_word_resolution_with_a_table_per_group_gives_them_all(tmp_path: Path) -> None:
    """The annex of the fixture split into one Word table per group (each with its header),
    the economy's split again in two, and a table of signatures between: the same draft as
    the one table gives, the economy one group."""
    import docx

    from tests.assets.make_resolutions import HEADER, ROWS

    document = docx.Document()
    document.add_paragraph("CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026")
    starts = [i for i, row in enumerate(ROWS) if row[2:] == ["", "", ""]]
    parts = [ROWS[a:b] for a, b in zip(starts, [*starts[1:], len(ROWS)], strict=True)]
    parts = [parts[0][:3], [parts[0][0], *parts[0][3:]], *parts[1:]]  # KINH TẾ twice
    for n, part in enumerate(parts):
        table = document.add_table(rows=1 + len(part), cols=len(HEADER))
        for col, text in enumerate(HEADER):
            table.cell(0, col).text = text
        for r, row in enumerate(part, start=1):
            for col, value in enumerate(row):
                table.cell(r, col).text = (str(value).replace(".", ",")
                                           if isinstance(value, float) else str(value))
        if n == 1:
            signatures = document.add_table(rows=1, cols=2)
            signatures.cell(0, 0).text, signatures.cell(0, 1).text = "CHỦ TỊCH", "Nguyễn Văn A"
    path = tmp_path / "split.docx"
    document.save(str(path))
    split = read_resolution(path, None, 100 * MB)
    whole = read_resolution(ASSETS / "resolution.table-2026.docx", None, 100 * MB)
    assert [(g.id, g.name) for g in split.groups] == [(g.id, g.name) for g in whole.groups]
    assert [(s.id, s.group, s.reading) for s in split.stated] == [
        (s.id, s.group, s.reading) for s in whole.stated]
    # table 2: the header (row 1), "I KINH TẾ" again (row 2), the economy's third target
    assert split.stated[2].where == "table 2, row 3"

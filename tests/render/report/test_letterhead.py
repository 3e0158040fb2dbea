"""The texts of the Decree 30 document (render/letterhead.py), worked out by hand from the
shipped plan and example at 2024-Q3 (statuses as in tests/views/test_brief.py: production
growth at risk 0.908, income on track, model communes achieved since Q1, advanced communes off
track 0.667, OCOP at risk 0.889, schools on track, security no data, water on track, the
district's recognition off track, 122 days past 31 May at 30 September)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.plan import Plan, Signer
from hauloc_cli.render.report.letterhead import (
    Para,
    Signature,
    date_line,
    document_kind,
    letter,
)
from tests.conftest import EXAMPLE, PLAN_2024
from tests.render.report.annex_support import annex_of, with_info


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_2024)


def test_both_languages_have_the_same_words() -> None:
    from hauloc_cli.vocab.i18n import CATALOGUE

    letter = {k for k in CATALOGUE["vi"] if k.startswith("letter.")}
    assert len(letter) == 49 and letter == {k for k in CATALOGUE["en"] if k.startswith("letter.")}


@pytest.mark.parametrize(("day", "place", "lang", "expected"), [
    # Decree 30: a 0 before a day below 10 and a month below 3, not before months 3–12
    (date(2024, 10, 5), "Hậu Lộc", "vi", "Hậu Lộc, ngày 05 tháng 10 năm 2024"),
    (date(2024, 2, 3), "Hậu Lộc", "vi", "Hậu Lộc, ngày 03 tháng 02 năm 2024"),
    (date(2024, 3, 15), "Hậu Lộc", "vi", "Hậu Lộc, ngày 15 tháng 3 năm 2024"),
    (date(2024, 10, 5), None, "vi", "Ngày 05 tháng 10 năm 2024"),
    (date(2024, 10, 5), "Hậu Lộc", "en", "Hậu Lộc, 5 October 2024"),
    (date(2025, 1, 2), None, "en", "2 January 2025"),
])
def test_date_line(day: date, place: str | None, lang: str, expected: str) -> None:
    assert date_line(day, place, lang) == expected


def _texts(paras: tuple[Para, ...]) -> tuple[str, ...]:
    return tuple(p.full for p in paras)


def test_the_letter_of_the_shipped_plan_in_vietnamese() -> None:
    """Sections I–III as such reports have them. By hand: 10,9 / 12 = 90,8 %; 67,5 / 69 =
    97,8 %; 1 / 2 = 50,0 %; 4 / 6 = 66,7 %; 9 / 12 = 75,0 %; 99,3 / 100 = 99,3 %; growth
    12 − 10,9 = 1,1 points short; one quarter left: 1 commune and 2 products in it; 122 days
    past 31 May at 30 September. No office gave causes or measures: one line each says so."""
    text = letter(annex_of(), "vi")
    assert text.issuer == ("ỦY BAN NHÂN DÂN", "HUYỆN HẬU LỘC")
    assert text.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert text.number == "Số:       /BC-UBND"  # blank for the clerk
    assert text.dated == "Hậu Lộc, ngày 05 tháng 10 năm 2024"
    assert text.title == "BÁO CÁO"
    assert text.subject == "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội 9 tháng năm 2024"
    assert _texts(text.body) == (
        "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (chi tiết tại Phụ lục kèm theo)",
        "Trong 9 chỉ tiêu được theo dõi (nghị quyết đề ra 27 chỉ tiêu): 1 chỉ tiêu đã đạt kế "
        "hoạch năm, 3 đúng tiến độ, 2 có nguy cơ không đạt, 2 chậm tiến độ, 1 chưa có số liệu.",
        "1. Kinh tế: Tốc độ tăng trưởng giá trị sản xuất ước đạt 10,9%, bằng 90,8% kế hoạch "
        "năm (12,0%); có nguy cơ không đạt. Thu nhập bình quân đầu người ước đạt 67,5 triệu "
        "đồng/người/năm, bằng 97,8% kế hoạch năm (69,0 triệu đồng/người/năm); đúng tiến độ. "
        "Xã đạt chuẩn nông thôn mới kiểu mẫu (thêm) đạt 1 xã (số liệu quý I), bằng 100,0% kế "
        "hoạch năm (1 xã); đạt. Xã đạt chuẩn nông thôn mới nâng cao (thêm) đạt 1 xã, bằng "
        "50,0% kế hoạch năm (2 xã); chậm tiến độ. Sản phẩm OCOP mới đạt 4 sản phẩm, bằng 66,7% "
        "kế hoạch năm (6 sản phẩm); có nguy cơ không đạt. Huyện được công nhận đạt chuẩn nông "
        "thôn mới: chưa đạt (hoàn thành trước tháng 6/2024); chậm tiến độ.",
        "2. Văn hóa - xã hội: Trường học đạt chuẩn quốc gia (thêm) đạt 9 trường, bằng 75,0% kế "
        "hoạch năm (12 trường); đúng tiến độ.",
        "3. Môi trường: Tỷ lệ dân số nông thôn được dùng nước hợp vệ sinh đạt 99,3%, bằng "
        "99,3% kế hoạch năm (100,0%); đúng tiến độ.",
        "4. Quốc phòng - an ninh: Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự: chưa có số "
        "liệu 9 tháng.",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        # the targets behind by verdict, their figures said once (in I.)
        "Có nguy cơ không đạt (2 chỉ tiêu): Tốc độ tăng trưởng giá trị sản xuất; Sản phẩm OCOP "
        "mới. Chậm tiến độ (2 chỉ tiêu): Xã đạt chuẩn nông thôn mới nâng cao (thêm); Huyện được "
        "công nhận đạt chuẩn nông thôn mới. Các cơ quan, đơn vị chưa báo cáo nguyên nhân. Chưa "
        "có số liệu 9 tháng: Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự.",
        "III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM 3 THÁNG CUỐI NĂM 2024",
        "Tốc độ tăng trưởng giá trị sản xuất: còn thiếu 1,1 điểm %; Xã đạt chuẩn nông thôn mới "
        "nâng cao (thêm): mỗi quý còn lại cần 1 xã; Sản phẩm OCOP mới: mỗi quý còn lại cần 2 "
        "sản phẩm; Huyện được công nhận đạt chuẩn nông thôn mới: quá hạn 122 ngày (hạn "
        "31/05/2024). Các cơ quan, đơn vị chưa đề xuất giải pháp.")
    assert [p.kind for p in text.body][:4] == ["heading", "text", "group", "group"]
    assert [p.lead for p in text.body][:3] == ["I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "",
                                               "1. Kinh tế:"]
    assert text.signature == Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", None)
    # no recipients in the plan: the Decree's placeholders, then the archive
    assert text.recipients == ("Nơi nhận:", "- ……………;", "- ……………;", "- Lưu: VT.")
    assert text.annex_title == "PHỤ LỤC"
    assert text.annex_subject == ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI "
                                  "9 THÁNG NĂM 2024")
    assert text.annex_note == "(Kèm theo Báo cáo số       /BC-UBND ngày 05/10/2024)"


def test_the_letter_in_english_translates_the_motto_and_keeps_the_names() -> None:
    text = letter(annex_of(), "en")
    assert text.issuer == ("ỦY BAN NHÂN DÂN", "HUYỆN HẬU LỘC")  # the plan's, as written
    assert text.motto == ("SOCIALIST REPUBLIC OF VIET NAM",
                          "Independence - Freedom - Happiness")
    assert text.number == "No.:       /BC-UBND"
    assert text.dated == "Hậu Lộc, 5 October 2024"
    assert text.title == "REPORT"
    assert text.subject == "Results against the socio-economic targets, nine months of 2024"
    body = _texts(text.body)
    assert body[1] == ("Of the 9 targets followed (27 set by the resolution): 1 already met "
                       "the year's plan, 3 on track, 2 at risk of missing, 2 off track, "
                       "1 no data.")
    # a unit agrees with the figure it follows: 1 commune, 2 communes, 1/2 communes
    assert (" New advanced new-rural communes reached 1 commune, 50.0% of the year's plan "
            "(2 communes); off track. ") in body[2]
    assert body[7] == (
        "At risk of missing (2 targets): Growth of production value; New OCOP products. Off "
        "track (2 targets): New advanced new-rural communes; District recognised as a "
        "new-rural district. No office has reported the causes. No figure for Q3: Communes "
        "and towns meeting the security-and-order standard.")
    assert body[9].startswith("Growth of production value: 1.1 pp still to go; ")
    assert text.signature == Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", None)
    assert text.annex_title == "ANNEX"


def test_a_plan_without_issuer_place_or_signer(plan: Plan) -> None:
    """The plan's name as the issuer, no abbreviation of a People's Committee in the number,
    the date line without a place, and the signature block as Decree 30's forms leave it to
    be filled in ('QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ', 'Họ và tên')."""
    bare = with_info(plan, issuer=None, place=None, signer=None)
    vi = letter(annex_of(plan=bare), "vi")
    assert vi.issuer == ("HUYỆN HẬU LỘC — CHỈ TIÊU NĂM 2024",)
    assert vi.number == "Số:       /BC"
    assert vi.annex_note == "(Kèm theo Báo cáo số       /BC ngày 05/10/2024)"
    assert vi.dated == "Ngày 05 tháng 10 năm 2024"
    assert vi.signature == Signature(None, "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ", "Họ và tên")
    en = letter(annex_of(plan=bare), "en")
    assert en.issuer == ("HẬU LỘC DISTRICT — TARGETS FOR 2024",)
    assert en.dated == "5 October 2024"


def test_issuer_and_signer_are_upper_cased_and_the_name_kept(plan: Plan) -> None:
    typed = with_info(plan, issuer=("Ủy ban nhân dân", "huyện Hậu Lộc"),
                      signer=Signer(on_behalf="tm. ủy ban nhân dân", title="kt. chủ tịch",
                                    name="Nguyễn Văn An"))
    annex = annex_of(plan=typed)
    text = letter(annex, "vi")
    assert text.issuer == ("ỦY BAN NHÂN DÂN", "HUYỆN HẬU LỘC")
    assert document_kind(annex) == "BC-UBND"
    assert text.signature == Signature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Nguyễn Văn An")
    title_only = letter(annex_of(plan=with_info(plan, signer=Signer.model_validate(
        "Chủ tịch"))), "vi")
    assert title_only.signature == Signature(None, "CHỦ TỊCH", None)


def test_another_issuing_body_gets_no_people_s_committee_abbreviation(plan: Plan) -> None:
    annex = annex_of(plan=with_info(plan, issuer=("SỞ TÀI CHÍNH",)))
    assert document_kind(annex) == "BC"
    assert letter(annex, "vi").number == "Số:       /BC"


def test_the_quarter_named_in_the_subject() -> None:
    assert letter(annex_of(quarter=1), "vi").subject == (
        "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội quý I năm 2024")
    assert letter(annex_of(quarter=2), "en").subject == (
        "Results against the socio-economic targets, first half of 2024")


def test_year_end_sentence_and_what_was_missed(tmp_path: Path) -> None:
    """At Q4 (the example's figures and a full year: 3 exceeded, 4 met, 2 missed, as in
    tests/views/test_brief.py) the year-end sentence follows the counts, and the two missed
    targets need attention: water 100 − 99.6 = 0.4 points short; the recognition 214 days
    overdue on 31 December (30 + 31 + 31 + 30 + 31 + 30 + 31 days after 31 May)."""
    q4 = {"production_growth": "12.6", "income_per_capita": "69", "ntm_advanced_communes": "2",
          "ocop_products": "7", "national_standard_schools": "13",
          "security_standard_communes": "100", "rural_hygienic_water": "99.6",
          "ntm_district_recognition": "không"}
    actuals = tmp_path / "q4.csv"
    actuals.write_text(EXAMPLE.read_text(encoding="utf-8-sig") + "".join(
        f"{t},2024-Q4,{v},,,,\n" for t, v in q4.items()), encoding="utf-8")
    text = letter(annex_of([actuals], quarter=4), "vi")
    body = _texts(text.body)
    # the year-end headline as reports write it: 7 = 3 exceeded + 4 met
    assert body[1] == ("Có 7/9 chỉ tiêu đạt và vượt kế hoạch, trong đó 3 chỉ tiêu vượt; "
                       "2 chỉ tiêu không đạt (nghị quyết đề ra 27 chỉ tiêu).")
    # 7 / 6 = 116,7 %; 13 / 12 = 108,3 %; water 99,6 % of 100 %: missed
    assert (" Sản phẩm OCOP mới đạt 7 sản phẩm, bằng 116,7% kế hoạch năm (6 sản phẩm); "
            "vượt kế hoạch. ") in body[2]
    assert body[3] == ("2. Văn hóa - xã hội: Trường học đạt chuẩn quốc gia (thêm) đạt 13 "
                       "trường, bằng 108,3% kế hoạch năm (12 trường); vượt kế hoạch.")
    behind = body[body.index("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN") + 1]
    assert behind == (
        "Không đạt (2 chỉ tiêu): Huyện được công nhận đạt chuẩn nông thôn mới; Tỷ lệ dân số "
        "nông thôn được dùng nước hợp vệ sinh. Các cơ quan, đơn vị chưa báo cáo nguyên nhân.")
    # the year is over: the tasks are next year's, and the tool knows none of them
    assert body[-2:] == ("III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM 2025",
                         "Các cơ quan, đơn vị chưa đề xuất nhiệm vụ, giải pháp.")
    assert text.subject == "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội năm 2024"


def test_nothing_needs_attention_and_every_target_defined(plan: Plan, tmp_path: Path) -> None:
    """One target, achieved: no bullets, the brief's 'nothing' sentence; a plan that defines
    all it declares does not repeat the number."""
    one = plan.model_copy(update={
        "targets": [t for t in plan.targets if t.id == "ntm_model_communes"],
        "plan": plan.plan.model_copy(update={"declared_targets": 1})})
    actuals = tmp_path / "one.csv"
    actuals.write_text("target,period,value\nntm_model_communes,2024-Q1,1\n", encoding="utf-8")
    text = letter(annex_of([actuals], one), "en")
    assert _texts(text.body)[1:] == (
        "Of the 1 target followed: 1 already met the year's plan.",
        "1. Economy: New model new-rural communes reached 1 commune (as of Q1), 100.0% of the "
        "year's plan (1 commune); achieved.",
        "II. SHORTCOMINGS AND THEIR CAUSES",
        "No target is behind schedule or at risk of being missed.",
        "III. MAIN TASKS AND MEASURES FOR THE LAST QUARTER OF 2024",
        "No office has proposed measures.")

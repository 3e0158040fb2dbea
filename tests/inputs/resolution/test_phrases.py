"""One stated target read by the rules of docs/plan-import.md: every
phrasing of NOTES "How targets are written" and of real 2026 resolutions, with the reading
worked by hand, and the statements the reader must refuse to guess."""

from __future__ import annotations

from datetime import date

import pytest

from hauloc_cli.inputs.resolution.phrases import Reading, Refused, read_row, read_sentence

R = Reading

SENTENCES = [
    # the source article's (2024)
    ("tốc độ tăng trưởng giá trị sản xuất 12% trở lên",
     R("Tốc độ tăng trưởng giá trị sản xuất", "annual", "at_least", 12, measure="%")),
    ("thu nhập bình quân đầu người đạt 69 triệu đồng/năm trở lên",
     R("Thu nhập bình quân đầu người", "annual", "at_least", 69, measure="triệu đồng/năm")),
    ("có thêm 1 xã NTM kiểu mẫu", R("Xã NTM kiểu mẫu", "cumulative", "at_least", 1,
                                   measure="xã")),
    ("6 sản phẩm OCOP", R("Sản phẩm OCOP", "cumulative", "at_least", 6, measure="sản phẩm")),
    ("100% xã, thị trấn đạt chuẩn về an ninh - trật tự",
     R("Tỷ lệ xã, thị trấn đạt chuẩn về an ninh - trật tự", "level", "at_least", 100,
       measure="%")),
    ("Giải quyết việc làm cho 1.200 lao động",
     R("Giải quyết việc làm", "cumulative", "at_least", 1200, measure="lao động")),
    # ranges, and Vietnamese numbers
    ("tăng tổng giá trị sản phẩm 10–10,5%",
     R("Tổng giá trị sản phẩm", "annual", "at_least", (10, 10.5), change="percent")),
    ("GDP bình quân đầu người 5.400–5.500 USD",
     R("GDP bình quân đầu người", "annual", "at_least", (5400, 5500), measure="USD")),
    ("Tổng vốn đầu tư toàn xã hội đạt 1.234,5 tỷ đồng",
     R("Tổng vốn đầu tư toàn xã hội", "cumulative", "at_least", 1234.5, measure="tỷ đồng")),
    # about
    ("xuất khẩu khoảng 8,5 tỷ USD", R("Xuất khẩu", "cumulative", about=8.5, measure="tỷ USD")),
    ("CPI bình quân khoảng 4,5%", R("CPI bình quân", "level", about=4.5, measure="%")),
    # strict or not
    ("Tốc độ tăng trưởng kinh tế từ 12% trở lên",
     R("Tốc độ tăng trưởng kinh tế", "annual", "at_least", 12, measure="%")),
    ("tỷ lệ lao động qua đào tạo trên 80%",
     R("Tỷ lệ lao động qua đào tạo", "level", "at_least", 80, strict=True, measure="%")),
    ("tỷ lệ thất nghiệp dưới 4%",
     R("Tỷ lệ thất nghiệp", "level", "at_most", 4, strict=True, measure="%")),
    ("tỷ lệ nợ xấu không quá 2%", R("Tỷ lệ nợ xấu", "level", "at_most", 2, measure="%")),
    ("tỷ lệ hộ nghèo tối đa 1,8%", R("Tỷ lệ hộ nghèo", "level", "at_most", 1.8, measure="%")),
    # a change from last year, and a ceiling on the level
    ("thu ngân sách tăng từ 7% trở lên",
     R("Thu ngân sách", "annual", "at_least", 7, change="percent")),
    ("Thu ngân sách trên địa bàn tăng 7% so với năm 2025",
     R("Thu ngân sách trên địa bàn", "annual", "at_least", 7, change="percent")),
    ("tỷ lệ hộ nghèo giảm 1–1,5 điểm %",
     R("Tỷ lệ hộ nghèo", "level", "at_most", (-1.5, -1), change="points", measure="%")),
    ("tỷ lệ hộ nghèo giảm còn 0,8%", R("Tỷ lệ hộ nghèo", "level", "at_most", 0.8,
                                        measure="%")),
    ("Tỷ lệ hộ cận nghèo giảm còn dưới 3%",
     R("Tỷ lệ hộ cận nghèo", "level", "at_most", 3, strict=True, measure="%")),
    # deadlines: before June is by 31 May; a quarter of the plan's year
    ("phấn đấu trước tháng 6/2026 xã được công nhận đạt chuẩn nông thôn mới nâng cao",
     R("Xã được công nhận đạt chuẩn nông thôn mới nâng cao", "milestone",
       deadline=date(2026, 5, 31))),
    ("hoàn thành xây dựng trụ sở trong quý III",
     R("Hoàn thành xây dựng trụ sở", "milestone", deadline=date(2026, 9, 30))),
    ("hoàn thành sáp nhập thôn trước quý III",
     R("Hoàn thành sáp nhập thôn", "milestone", deadline=date(2026, 6, 30))),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[s for s, _ in SENTENCES])
def test_a_sentence_is_read_as_worked_by_hand(text: str, expected: Reading) -> None:
    assert read_sentence(text, 2026) == expected


REFUSED = [
    ("Thu ngân sách tăng 7% so với dự toán", "compared with 'dự toán'"),
    ("Thu ngân sách tăng 7% so với năm 2024", "compared with 'năm 2024'"),
    ("tỷ lệ hộ nghèo giảm 1,5%", "points or per cent"),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 10%", "2 figures"),
    ("Có thêm 2 sản phẩm OCOP đạt 3 sao trở lên", "2 figures"),
    ("Sản lượng lương thực đạt 2.5 vạn tấn", "can be read two ways"),
    ("Bội chi ngân sách không quá 3% GRDP", "words after the figure ('GRDP')"),
    ("Trồng mới 50 ha rừng tập trung", "words after the figure ('rừng tập trung')"),
    ("Giữ vững an ninh chính trị", "no figure and no deadline"),
    ("đạt 100% trước tháng 6/2026 xã đạt chuẩn", "a figure and a deadline"),
    ("hoàn thành trước tháng 6/2025 việc sáp nhập", "not in the plan's year 2026"),
    ("Diện tích gieo trồng 2.400 ha", "a level or what the year adds"),
    ("Số lao động được giải quyết việc làm 350", "no unit"),
    ("tăng 10% so với năm trước", "without the name"),
    ("tốc độ tăng trưởng 12–10%", "low to high"),
    ("thu ngân sách từ 12%", "'từ' without 'trở lên'"),
]


@pytest.mark.parametrize(("text", "why"), REFUSED, ids=[s for s, _ in REFUSED])
def test_a_statement_that_cannot_be_read_with_confidence_is_refused(text: str, why: str
                                                                    ) -> None:
    found = read_sentence(text, 2026)
    assert isinstance(found, Refused)
    assert why in str(found.why)


ROWS = [
    (("Tốc độ tăng trưởng", "%", "≥ 12"), R("Tốc độ tăng trưởng", "annual", "at_least", 12,
                                           measure="%")),
    (("Tỷ lệ lao động qua đào tạo", "%", "> 80"),
     R("Tỷ lệ lao động qua đào tạo", "level", "at_least", 80, strict=True, measure="%")),
    (("Tỷ lệ thất nghiệp", "%", "≤ 4"), R("Tỷ lệ thất nghiệp", "level", "at_most", 4,
                                          measure="%")),
    (("Sản phẩm OCOP", "Sản phẩm", 6.0), R("Sản phẩm OCOP", "cumulative", "at_least", 6,
                                            measure="Sản phẩm")),
    (("Tỷ lệ hộ nghèo giảm", "điểm phần trăm", "1 - 1,5"),
     R("Tỷ lệ hộ nghèo", "level", "at_most", (-1.5, -1), change="points", measure="%")),
    (("Tổng sản lượng lương thực", "Tấn", "khoảng 8.000"),
     R("Tổng sản lượng lương thực", "cumulative", about=8000, measure="Tấn")),
    (("Xã đạt chuẩn an toàn về an ninh, trật tự", "", "Hoàn thành"),
     R("Xã đạt chuẩn an toàn về an ninh, trật tự", "milestone")),
    (("Hoàn thành sáp nhập thôn", "", "Trước 30/6/2026"),
     R("Hoàn thành sáp nhập thôn", "milestone", deadline=date(2026, 6, 29))),
]


@pytest.mark.parametrize(("cells", "expected"), ROWS, ids=[c[0] for c, _ in ROWS])
def test_a_row_of_an_annex_table_is_read_as_worked_by_hand(
        cells: tuple[str, str, str | float], expected: Reading) -> None:
    assert read_row(*cells, 2026) == expected


@pytest.mark.parametrize(("cells", "why"), [
    (("Tỷ lệ trẻ em suy dinh dưỡng", "%", "giảm 0,5"), "points or per cent"),
    (("Tỷ lệ hộ nghèo", "%", "2,5 - 3 - 4"), "several figures"),
    (("Tỷ lệ hộ nghèo", "%", "Giảm"), "no figure"),
])
def test_a_row_that_cannot_be_read_with_confidence_is_refused(
        cells: tuple[str, str, str], why: str) -> None:
    found = read_row(*cells, 2026)
    assert isinstance(found, Refused)
    assert why in str(found.why)


def test_why_a_statement_is_refused_is_said_in_either_language() -> None:
    """The reason is a message of the catalogue (issue 25): English in the draft's comment
    and for scripts, Vietnamese in a Vietnamese run's warning."""
    found = read_sentence("Tốc độ tăng trưởng 12–10%", 2026)
    assert isinstance(found, Refused)
    assert str(found.why) == "the range '12–10' does not go from low to high"
    assert found.why.render("vi") == "khoảng '12–10' không đi từ thấp đến cao"

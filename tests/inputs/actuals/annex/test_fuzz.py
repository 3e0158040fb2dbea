"""No annex table, however broken, gives a traceback: exit 0, 1 or 3 and a message."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hauloc_cli.inputs.actuals.annex.header import classify, read_period
from tests.inputs.actuals.test_fuzz import FUZZ, assert_handled

# Fuzzing: hypothesis runs every case 150 times (`pytest -m "not slow"` leaves it out).
pytestmark = pytest.mark.slow

ANNEX_CELLS = st.sampled_from([
    "STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện", "Cùng kỳ năm trước",
    "9 tháng năm 2024", "Thực hiện quý III/2024", "Ước thực hiện 6 tháng", "Lũy kế kỳ báo cáo",
    "So sánh (%)", "KH", "CK", "Ghi chú:", "Mã chỉ tiêu", "Loại số liệu", "Đơn vị", "I", "II",
    "KINH TẾ", "BÁO CÁO 9 THÁNG NĂM 2024", "năm 2023", "Sản phẩm OCOP mới", "ocop_products",
    "Sản phẩm OCOP mơi", "ước tính", "sơ bộ", "chưa đạt", "4", "10,9", "-", "(*)", "A", "1",
    "3=2/1", "", " ", '"', "%",
]) | st.text(max_size=6)
ANNEX_LIKE = st.lists(st.lists(ANNEX_CELLS, max_size=7), max_size=9).map(
    lambda rows: "\n".join(",".join(row) for row in rows))


@FUZZ
@given(ANNEX_LIKE, st.booleans())
def test_annex_like_csv(text: str, decimal_comma: bool) -> None:
    args = ["check", "{}", "--format", "json"] + (["--decimal-comma"] if decimal_comma else [])
    assert_handled(args, text.encode("utf-8", "surrogatepass"), ".csv")


@FUZZ
@given(st.text(max_size=40), st.booleans())
def test_any_heading_or_title(text: str, heading: bool) -> None:
    found = classify(text)
    assert found is None or found.key
    period = read_period(text, heading)
    assert period is None or 1 <= period.month <= 12

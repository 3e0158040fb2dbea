"""The reason line in both languages (the English one is what JSON carries)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import StatusBands, Target
from hauloc_cli.render.reasons import explain_result
from hauloc_cli.rules.status import judge
from tests.conftest import on


def target(**fields: Any) -> Target:
    return Target.model_validate({"id": "t", "name": "T", **fields})


OCOP = target(kind="cumulative", target=6, unit="products")
GROWTH = target(kind="annual", target=12, unit="%")
WASTE = target(kind="cumulative", direction="at_most", target=10, unit="tonnes")
POVERTY = target(kind="level", direction="at_most", target=2.5, baseline=3.1, unit="%")
RECOGNITION = target(kind="milestone")
MAY_31 = date(2024, 5, 31)


@pytest.mark.parametrize(("t", "figures", "q", "en", "vi"), [
    (OCOP, {3: 4}, 3,
     "4 of 6 products by the end of Q3; 4.5 expected by now; behind pace (89% of expected)",
     "9 tháng: 4/6 sản phẩm; cần đạt 4,5; chậm hơn tiến độ (89% mức cần đạt)"),
    (OCOP, {1: 6}, 3, "6 of 6 products as of Q1; target met",
     "Số liệu quý I: 6/6 sản phẩm; đã đạt kế hoạch"),
    (GROWTH, {4: 11.5}, 4,
     "11.5% against 12% by the end of Q4; the year is over and the target was missed",
     "Cả năm: 11,5% so với 12%; hết năm, không đạt kế hoạch"),
    (GROWTH, {2: 12.5}, 2, "12.5% against 12% by the end of Q2; on pace",
     "6 tháng: 12,5% so với 12%; đúng tiến độ"),
    (WASTE, {2: 12}, 2, "12 tonnes against a limit of 10 by the end of Q2; over the limit already",
     "6 tháng: 12 tonnes, mức tối đa 10; đã vượt mức tối đa"),
    # poverty 3.1 → 2.5 %: by Q2 E = 3.1 − 0.6 × 0.5 = 2.8; 3.0 gives R = 0.1 / 0.3
    (POVERTY, {2: 3.0}, 2,
     "3% against a limit of 2.5% by the end of Q2; at most 2.8% allowed by now; "
     "well behind pace (33% of expected)",
     "6 tháng: 3%, mức tối đa 2,5%; tối đa 2,8% đến nay; chậm xa so với tiến độ (33% mức cần đạt)"),
    (OCOP, {}, 2, "no figure reported by the end of Q2", "Chưa có số liệu 6 tháng"),
])
def test_numeric_reasons(t: Target, figures: dict[int, float], q: int, en: str, vi: str) -> None:
    result = judge(t, *on(figures, q), StatusBands())
    assert explain_result(result, Period(2024, q), "en") == en
    assert explain_result(result, Period(2024, q), "vi") == vi


@pytest.mark.parametrize(("figures", "q", "en", "vi"), [
    ({1: True}, 2, "done as of Q1", "Số liệu quý I: đã hoàn thành"),
    ({1: False}, 1, "not done by the end of Q1; deadline 2024-05-31 is next quarter",
     "Quý I: chưa hoàn thành; hạn 31/05/2024 rơi vào quý sau"),
    ({2: False}, 2, "not done by the end of Q2; deadline 2024-05-31 has passed",
     "6 tháng: chưa hoàn thành; đã quá hạn 31/05/2024"),
])
def test_milestone_reasons(figures: dict[int, bool], q: int, en: str, vi: str) -> None:
    result = judge(RECOGNITION, *on(figures, q), StatusBands(), MAY_31)
    period = Period(2024, q)
    assert (explain_result(result, period, "en"), explain_result(result, period, "vi")) == (en, vi)


def test_a_milestone_not_due_yet() -> None:
    result = judge(RECOGNITION, *on({1: False}, 1), StatusBands(), date(2024, 12, 31))
    assert explain_result(result, Period(2024, 1), "en") == (
        "not done by the end of Q1; deadline 2024-12-31")


@pytest.mark.parametrize(("t", "figures", "q", "reason"), [
    (target(kind="cumulative", target=6, unit="products"), {3: 4}, 3,
     "4 of 6 products by the end of Q3; 4.5 expected by now; behind pace (89% of expected)"),
    (target(kind="cumulative", target=6, unit="products"), {2: 3}, 2,
     "3 of 6 products by the end of Q2; 3 expected by now; on pace"),
    (target(kind="cumulative", target=1, unit="communes"), {1: 1}, 3,
     "1 of 1 commune as of Q1; target met"),
    (target(kind="annual", target=12, unit="%"), {3: 10.9}, 3,
     "10.9% against 12% by the end of Q3; behind pace (91% of expected)"),
    (target(kind="annual", target=12, unit="%"), {4: 11.9}, 4,
     "11.9% against 12% by the end of Q4; the year is over and the target was missed"),
    (target(kind="cumulative", direction="at_most", target=10, unit="t"), {1: 11}, 1,
     "11 t against a limit of 10 by the end of Q1; over the limit already"),
    (target(kind="cumulative", target=6), {}, 2, "no figure reported by the end of Q2"),
])
def test_reason(t: Target, figures: dict[int, float], q: int, reason: str) -> None:
    assert explain_result(judge(t, *on(figures, q), StatusBands()), Period(2024, q), "en") == reason


def test_milestone_reasons_as_of_an_older_quarter() -> None:
    late = judge(RECOGNITION, *on({1: False}, 2), StatusBands(), MAY_31)
    assert explain_result(late, Period(2024, 2), "en") == \
        "not done as of Q1; deadline 2024-05-31 has passed"
    done = judge(RECOGNITION, *on({1: True}, 1), StatusBands(), MAY_31)
    assert explain_result(done, Period(2024, 1), "en") == "done by the end of Q1"

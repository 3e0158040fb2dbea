"""render/markdown.py: the check report as a Markdown table and the summary line."""

from __future__ import annotations

from pathlib import Path

import pytest

from hauloc_cli.inputs.actuals.read import read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.plan import Plan
from hauloc_cli.render.check.markdown import escape, render_markdown
from hauloc_cli.rules.status import Status, evaluate
from tests.conftest import EXAMPLE, PLAN_2024, at

PLAN = """\
plan: {id: small, year: 2024}
targets:
  - id: ocop_products
    name: Sản phẩm OCOP mới
    name_en: New OCOP products
    kind: cumulative
    target: 6
    unit: products
  - id: recognition
    name: Huyện đạt chuẩn NTM
    name_en: District recognised
    kind: milestone
    deadline: 2024-05-31
"""


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return load_plan(path)


def test_exact_report(plan: Plan) -> None:
    # By 6 tháng: 3 of 6 products, 6 × 2/4 = 3 expected → on track (pace R = 3 / 3 = 100 %);
    # not recognised, and 30 June is past the 31 May deadline → off track.
    report = evaluate(plan, *at(plan, {"ocop_products": {2: 3.0}, "recognition": {2: False}}, 2))
    assert render_markdown(report) == (
        "| Target | Plan | Actual | Expected | Pace | Status | Reason | Compared |\n"
        "|---|---:|---:|---:|---:|---|---|---|\n"
        "| New OCOP products (products) | 6 | 3 | 3 | 100% | ● On track "
        "| 3 of 6 products by the end of Q2; 3 expected by now; on pace "
        "| 50% of the year's plan |\n"  # 3 / 6
        "| District recognised | done | not done | by 2024-05-31 | — | ✖ Off track "
        "| not done by the end of Q2; deadline 2024-05-31 has passed |  |\n"
        "\n"
        "2024-Q2: 0 achieved, 1 on track, 0 at risk, 1 off track, 0 no data — "
        "2 targets defined\n"
    )


def test_an_older_figure_shows_its_quarter_and_no_data_a_dash(plan: Plan) -> None:
    report = evaluate(plan, *at(plan, {"ocop_products": {1: 2.0}}, 2))
    lines = render_markdown(report).splitlines()
    # 2 by the end of Q1, judged at 6 tháng: a count so far (a flow) does not stand in for
    # the missing 6-month figure: no data, the Q1 figure shown for reference, nothing judged.
    assert lines[2] == ("| New OCOP products (products) | 6 | 2 (Q1) | — | — | ? No data "
                        "| no figure for Q2; the latest, 2 as of Q1, cannot stand in for it |  |")
    assert lines[3] == ("| District recognised | done | — | by 2024-05-31 | — | ? No data "
                        "| no figure reported by the end of Q2 |  |")


def test_only_keeps_the_rows_asked_and_the_full_summary(plan: Plan) -> None:
    report = evaluate(plan, *at(plan, {"ocop_products": {2: 3.0}, "recognition": {2: False}}, 2))
    text = render_markdown(report, only=frozenset({Status.OFF_TRACK}))
    assert "New OCOP products" not in text
    assert "| District recognised |" in text
    assert text.endswith("0 achieved, 1 on track, 0 at risk, 1 off track, 0 no data — "
                         "2 targets defined\n")


def test_nothing_left_is_just_the_summary_line(plan: Plan) -> None:
    report = evaluate(plan, *at(plan, {"ocop_products": {2: 3.0}, "recognition": {1: True}}, 2))
    assert render_markdown(report, only=frozenset({Status.OFF_TRACK})) == (
        "2024-Q2: 1 achieved, 1 on track, 0 at risk, 0 off track, 0 no data — "
        "2 targets defined\n")


def test_vietnamese() -> None:
    plan = load_plan(PLAN_2024)
    report = evaluate(plan, *at(plan, read_actuals(EXAMPLE, plan).figures.values(), 3))
    lines = render_markdown(report, lang="vi").splitlines()
    assert lines[0] == ("| Chỉ tiêu | Kế hoạch | Thực hiện | Cần đạt | Tiến độ | Đánh giá "
                        "| Ghi chú | So sánh |")
    # 1 of 2 communes by the end of Q3: 2 × 3/4 = 1,5 expected, communes are whole: 2; the
    # pace R = 1 / 1,5 = 67 %.
    advanced = next(line for line in lines if "nâng cao" in line)
    assert advanced.startswith("| Xã đạt chuẩn nông thôn mới nâng cao (thêm) (xã) | 2 | 1 "
                               "| 2 | 67% | ✖ Chậm tiến độ |")
    # issue 9: Vietnamese throughout: the unit `xã`, the period `9 tháng 2024`
    assert lines[-1] == ("9 tháng 2024: 1 đạt, 3 đúng tiến độ, 2 có nguy cơ, 2 chậm tiến độ, "
                         "1 chưa có số liệu — 9/27 chỉ tiêu đã khai báo")


@pytest.mark.parametrize(("text", "escaped"), [
    ("a | b", "a \\| b"),
    ("two\nlines", "two lines"),
    ("back\\slash", "back\\\\slash"),
    ("<b>*x*</b>", "\\<b\\>\\*x\\*\\</b\\>"),
    ("[link](x)", "\\[link\\](x)"),
    ("Sản phẩm OCOP mới", "Sản phẩm OCOP mới"),
])
def test_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_a_pipe_in_a_name_does_not_break_the_row(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("plan: {id: p, year: 2024}\ntargets:\n"
                    "  - {id: a, name: 'Roads | paved', kind: level, target: 50, unit: '%'}\n",
                    encoding="utf-8")
    plan = load_plan(path)
    report = evaluate(plan, *at(plan, {"a": {4: 50.0}}, 4))
    row = render_markdown(report).splitlines()[2]
    assert row.startswith("| Roads \\| paved | 50% | 50% | 50% | 100% | ✔ Met |")
    assert row.count(" | ") == 7

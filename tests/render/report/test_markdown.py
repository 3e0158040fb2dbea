"""The annex in Markdown: the estimate marks as text, the table by unit, text made inert.
(The example's whole table, cell by cell, is in tests/cli/test_report_cli.py.)"""

from __future__ import annotations

from datetime import date

from hauloc_cli.model.figures import Figure, Figures, FigureStatus
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from hauloc_cli.render.report.markdown import render_markdown
from hauloc_cli.views.annex import build_annex
from hauloc_cli.views.brief import build_brief
from tests.render.report.test_xlsx import unit_annex

Q3 = Period.at_quarter(2024, 3)
PLAN = Plan.model_validate({"plan": {"id": "p", "name": "Xã | Thử", "year": 2024},
                            "targets": [
    {"id": "ocop", "name": "OCOP *mới*", "kind": "cumulative", "target": 6},
    {"id": "roads", "name": "Đường", "kind": "cumulative", "target": 10}]})


def rows(text: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.startswith("|")]
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in lines]


def markdown(*statuses: FigureStatus | None, lang: str = "vi") -> str:
    figures = Figures([Figure("ocop", Q3, 4.0, status=statuses[0]),
                       Figure("roads", Q3, 7.5, status=statuses[1])])
    annex = build_annex(build_brief(PLAN, figures, Q3), None, date(2024, 9, 30))
    return render_markdown(annex, lang)


def test_every_figure_an_estimate_says_so_in_the_heading_only() -> None:
    table = rows(markdown(FigureStatus.ESTIMATE, FigureStatus.ESTIMATE))
    assert table[0][4] == "Ước thực hiện 9 tháng năm 2024"
    assert [r[4] for r in table[3:]] == ["4", "7,5"]


def test_figures_of_different_status_each_say_theirs() -> None:
    table = rows(markdown(FigureStatus.ESTIMATE, FigureStatus.OFFICIAL, lang="en"))
    assert table[0][4] == "Actual, nine months of 2024"
    # each figure's status in the notes, beside the figure as it is (10.0 beside 7.5)
    assert [(r[3], r[4], r[7]) for r in table[3:]] == [("6", "4", "Estimate"),
                                                       ("10.0", "7.5", "Official")]
    table = rows(markdown(None, FigureStatus.PRELIMINARY))
    assert [(r[4], r[7]) for r in table[3:]] == [("4", ""), ("7,5", "Sơ bộ")]


def test_text_from_the_plan_is_inert() -> None:
    text = markdown(None, None)
    # no plan issuer: the plan's name heads the letter, in capitals, its '|' made inert
    assert text.startswith("**XÃ \\| THỬ**  \nSố: /BC\n")
    assert rows(text)[3][1] == "OCOP \\*mới\\*"
    assert "**1. Khác:** OCOP \\*mới\\* đạt 4, bằng 66,7% kế hoạch năm (6)" in text


def test_the_table_by_unit() -> None:
    """A row per unit, a column per target with its assessment (both are judged per unit),
    the compiled total (schools 1 + 3 + 0 = 4; security 2 of 3 units: 66,67 %) and who
    reported."""
    text = render_markdown(unit_annex(), "vi")
    assert "\n### Kết quả theo đơn vị\n" in text
    by_unit = rows(text.split("### Kết quả theo đơn vị")[1])
    assert by_unit[0] == ["STT", "Đơn vị", "(1) Trường", "Đánh giá (1)", "(2) An ninh",
                          "Đánh giá (2)", "Ghi chú"]
    assert by_unit[2:] == [
        ["1", "Xã A", "1", "Đúng tiến độ", "đã đạt", "Đạt", ""],
        ["2", "Xã B", "3", "", "chưa đạt", "Đúng tiến độ", ""],
        ["3", "Thị trấn C", "0", "", "đã đạt", "Đạt", ""],
        ["", "**Tổng hợp**", "**4**", "", "**66,67**", "", ""],
        ["", "**Đã báo cáo**", "**3/3**", "", "**3/3**", "", ""]]

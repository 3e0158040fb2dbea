"""render/compare_words.py: the estimate mark, 'revised from', % of plan and last year in words.

Numbers by hand: 67.5 / 59.27 = 1.1389 → 113.9 %, up 13.9 %; 10.9 − 4.07 = 6.83 points.
"""

from __future__ import annotations

from typing import Any

import pytest

from hauloc_cli.model.figures import Figure, Figures, FigureStatus
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, StatusBands, Target
from hauloc_cli.render.check.markdown import render_markdown
from hauloc_cli.render.check.table import render_table
from hauloc_cli.render.compare_words import compared, last_year, mark, plan_share
from hauloc_cli.rules.compare import facts, vs_last_year
from hauloc_cli.rules.status import evaluate
from hauloc_cli.views.brief import build_brief

Q2, Q3 = Period.at_quarter(2024, 2), Period.at_quarter(2024, 3)
BANDS = StatusBands()


def target(**fields: Any) -> Target:
    return Target.model_validate({"id": "t", "name": "T", **fields})


RATE = target(kind="annual", target=12, unit="%")
INCOME = target(kind="annual", target=69, unit="million VND/person/year")
COUNT = target(kind="cumulative", target=6, unit="products")


@pytest.mark.parametrize(("status", "vi", "en"), [
    (FigureStatus.ESTIMATE, " (ước)", " (est.)"),
    (FigureStatus.PRELIMINARY, "", ""),
    (FigureStatus.OFFICIAL, "", ""),
    (None, "", ""),
])
def test_only_an_estimate_is_marked(status: FigureStatus | None, vi: str, en: str) -> None:
    assert (mark(status, "vi"), mark(status, "en")) == (vi, en)


@pytest.mark.parametrize(("t", "a", "last", "vi", "en"), [
    (INCOME, 67.5, 59.27, "bằng 113,9% so cùng kỳ (59,27), tăng 13,9%",
     "113.9% of the same period last year (59.27), up 13.9%"),
    (COUNT, 3, 4, "bằng 75% so cùng kỳ (4), giảm 25%",
     "75% of the same period last year (4), down 25%"),
    (COUNT, 4, 4, "bằng 100% so cùng kỳ (4)", "100% of the same period last year (4)"),
    (RATE, 10.9, 4.07, "tăng 6,83 điểm % so cùng kỳ (4,07%)",
     "up 6.83 pp on the same period last year (4.07%)"),
    (RATE, 9.5, 10.0, "giảm 0,5 điểm % so cùng kỳ (10%)",
     "down 0.5 pp on the same period last year (10%)"),
    (RATE, 10.0, 10.0, "bằng cùng kỳ (10%)", "the same as the same period last year (10%)"),
    (COUNT, 3, 0, "tăng 3 so cùng kỳ (0)", "up 3 on the same period last year (0)"),
])
def test_last_year_in_words(t: Target, a: float, last: float, vi: str, en: str) -> None:
    v = vs_last_year(t, a, last)
    assert (last_year(v, t, "vi"), last_year(v, t, "en")) == (vi, en)


def plan_of(*targets: dict[str, Any]) -> Plan:
    return Plan.model_validate({"plan": {"id": "p", "year": 2024}, "targets": list(targets)})


GROWTH = {"id": "g", "name": "Tăng trưởng", "name_en": "Growth", "kind": "annual", "target": 12,
          "unit": "%"}


def revised_figures() -> Figures:
    # 6 tháng: estimate 10.4 revised to an official 11.5; 9 tháng: estimate 10.9, 2023: 4.07
    estimate = Figure("g", Q2, 10.4, status=FigureStatus.ESTIMATE, line=2)
    official = Figure("g", Q2, 11.5, status=FigureStatus.OFFICIAL, line=3)
    last = Period.at_quarter(2023, 3)
    return Figures.indexed({"g": {Q2: official, Q3: Figure("g", Q3, 10.9, status=FigureStatus.
                                                           ESTIMATE, line=4),
                                  last: Figure("g", last, 4.07)}},
                           {("g", Q2): (estimate,)})


def test_the_comparisons_of_one_target() -> None:
    plan = plan_of(GROWTH)
    figures = revised_figures()
    at_q2 = evaluate(plan, figures, Q2).results[0]
    # 11.5 / 12 = 95.8 % of the year's plan; no 2023-Q2 figure
    assert compared(facts(at_q2, figures), at_q2.target, "vi", BANDS) == (
        "điều chỉnh từ 10,4% (ước) · đạt 95,8% KH năm")
    at_q3 = evaluate(plan, figures, Q3).results[0]
    # 10.9 / 12 = 90.8 %; 10.9 − 4.07 = 6.83 points
    assert compared(facts(at_q3, figures), at_q3.target, "en", BANDS) == (
        "90.8% of the year's plan · up 6.83 pp on the same period last year (4.07%)")


def test_the_table_marks_the_estimate_and_says_what_was_revised() -> None:
    plan = plan_of(GROWTH)
    report = evaluate(plan, revised_figures(), Q3)
    narrow = render_table(report, lang="vi", width=80)
    lines = narrow.splitlines()
    # at 80 columns the mark goes under the figure, keeping the Actual column narrow
    assert lines[2].split()[:3] == ["Tăng", "trưởng", "12%"] and "10,9%" in lines[2]
    assert lines[3].strip() == "(ước)"
    assert lines[3].index("(") == lines[2].index("10,9%")
    assert "đạt 90,8% KH năm · tăng 6,83 điểm % so cùng kỳ (4,07%)" in narrow
    wide = render_table(report, lang="en", width=160)
    # at 120 columns or more the mark stays beside the figure, the comparisons under the reason
    assert "10.9% (est.)" in wide
    assert "90.8% of the year's plan · up 6.83 pp on the same period last year (4.07%)" \
        in " ".join(wide.split())


def test_markdown_keeps_the_mark_on_the_figure() -> None:
    plan = plan_of(GROWTH)
    row = render_markdown(evaluate(plan, revised_figures(), Q2)).splitlines()[2]
    # the 6-month figure used is the official 11.5: no estimate mark, but the revision
    assert row.startswith("| Growth | 12% | 11.5% | 12% |")
    assert row.endswith("| revised from 10.4% (est.) · 95.8% of the year's plan |")


def test_a_revision_that_changes_the_status_in_the_brief() -> None:
    # at 6 tháng, annual at_least 12: 10.4 / 12 = 0.867 at risk; 11.5 / 12 = 0.958 on track
    from hauloc_cli.render.summary.markdown import render_brief_markdown
    from hauloc_cli.render.summary.text import render_brief_text

    plan = plan_of(GROWTH)
    brief = build_brief(plan, revised_figures(), Q3)
    assert brief.changes_revised
    text = render_brief_text(brief, lang="en", width=80)
    # too long for one line at 80 columns: the name, then the revision indented
    assert ("Growth\n    first half: 10.4% (est.) → 11.5% (official) · status ▲ At risk → "
            "● On track") in text
    assert "CHANGED SINCE LAST QUARTER (FIRST HALF, AS REVISED → NINE MONTHS)" in text
    assert "  90.8% of the year's plan · up 6.83 pp on the same period last year (4.07%)" \
        in text
    md = render_brief_markdown(brief, lang="vi")
    assert ("- Tăng trưởng: 6 tháng: 10,4% (ước) → 11,5% (chính thức) · đánh giá "
            "▲ Có nguy cơ → ● Đúng tiến độ") in md
    assert "## Số liệu điều chỉnh" in md


def test_no_revisions_no_section() -> None:
    from hauloc_cli.render.summary.html import render_brief_html

    plan = plan_of(GROWTH)
    brief = build_brief(plan, Figures([Figure("g", Q3, 10.9)]), Q3)
    assert brief.revisions == () and not brief.changes_revised
    assert "Revised figures" not in render_brief_html(brief, lang="en")
    html = render_brief_html(build_brief(plan, revised_figures(), Q3), lang="en")
    assert "<h2>Revised figures</h2>" in html and "10.4% (est.) → 11.5% (official)" in html


def _share(t: Target, value: float, lang: str, bands: StatusBands = BANDS) -> str:
    """What the comparisons say of `value` reported for Q3 against `t`'s year."""
    figures = Figures.indexed({"t": {Q3: Figure("t", Q3, value)}})
    result = evaluate(plan_of(t), figures, Q3).results[0]
    return plan_share(facts(result, figures), t, lang, bands)


POVERTY = target(kind="level", direction="at_most", target=1.5, unit="%")
ACCIDENTS = target(kind="cumulative", direction="at_most", target=4, unit="vụ")
NO_ACCIDENT = target(kind="cumulative", direction="at_most", target=0, unit="vụ")


@pytest.mark.parametrize(("t", "value", "vi", "en"), [
    # issue 19: 1.85 against at most 1.5 was 'đạt 123,3% KH năm'; 1.85 − 1.5 = 0.35 points
    (POVERTY, 1.85, "vượt mức tối đa 0,35 điểm %", "over the maximum by 0.35 pp"),
    (POVERTY, 1.2, "bằng 80% mức tối đa", "80% of the maximum"),  # 1.2 / 1.5
    (POVERTY, 1.5, "bằng 100% mức tối đa", "100% of the maximum"),  # at it: within
    (POVERTY, 1.5 * (1 + 1e-12), "bằng 100% mức tối đa", "100% of the maximum"),  # `same`
    (ACCIDENTS, 5, "vượt mức tối đa 1 vụ", "over the maximum by 1 vụ"),  # other units: the unit
    (ACCIDENTS, 3, "bằng 75% mức tối đa", "75% of the maximum"),
    (NO_ACCIDENT, 2, "vượt mức tối đa 2 vụ", "over the maximum by 2 vụ"),  # T = 0: no share
    (NO_ACCIDENT, 0, "", ""),
])
def test_a_ceiling_is_never_a_share_of_the_plan(t: Target, value: float, vi: str, en: str
                                                ) -> None:
    assert (_share(t, value, "vi"), _share(t, value, "en")) == (vi, en)


@pytest.mark.parametrize(("t", "value", "vi"), [
    (RATE, 10.9, "đạt 90,8% KH năm"),       # 10.9 / 12 = 0.9083
    # an annual rate: a / T is the status ratio; 0.9499 at 1 decimal would be 95,0 (on track)
    (target(kind="annual", target=100, unit="%"), 94.99, "đạt 94,99% KH năm"),
    (target(kind="annual", target=100, unit="%"), 95, "đạt 95% KH năm"),
    (target(kind="annual", target=100, unit="%"), 79.996, "đạt 79,99% KH năm"),  # cut
    # a count: a / T is not the status ratio; only 100 % (met) is an edge: 0.9996 → 99,96
    (target(kind="cumulative", target=2500, unit="products"), 2499, "đạt 99,96% KH năm"),
    (target(kind="cumulative", target=2500, unit="products"), 2375, "đạt 95% KH năm"),
    (target(kind="cumulative", target=10000, unit="products"), 9499, "đạt 95% KH năm"),
])
def test_the_share_of_the_plan_keeps_to_its_side(t: Target, value: float, vi: str) -> None:
    assert _share(t, value, "vi") == vi

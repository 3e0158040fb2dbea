"""The brief's renderings: words, bars, sparklines, the year-end headline, escaping."""

from __future__ import annotations

import re
from typing import Any

import pytest

from hauloc_cli.inputs.actuals.read import read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.plan import Plan
from hauloc_cli.render.summary import words
from hauloc_cli.render.summary.html import render_brief_html
from hauloc_cli.render.summary.markdown import escape, render_brief_markdown
from hauloc_cli.render.summary.text import render_brief_text
from hauloc_cli.views.brief import Bar, Brief, Point, build_brief
from tests.conftest import EXAMPLE, PLAN_2024, at
from tests.views.test_brief import _plan, _year_end


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(PLAN_2024)


@pytest.fixture(scope="module")
def q3(plan: Plan) -> Brief:
    return build_brief(plan, *at(plan, read_actuals(EXAMPLE, plan).figures.values(), 3))


@pytest.fixture(scope="module")
def q4(plan: Plan) -> Brief:
    return build_brief(plan, *at(plan, _year_end(read_actuals(EXAMPLE, plan).figures.values()), 4))


def item(brief: Brief, target_id: str) -> Any:
    return next(i for i in brief.items if i.target.id == target_id)


@pytest.mark.parametrize(("bar", "cells", "expected"), [
    (Bar(4 / 6, 0.75), 20, "█" * 13 + "░" * 2 + "│" + "░" * 5),
    (Bar(1.0, 0.75), 20, "█" * 15 + "│" + "█" * 5),
    (Bar(10.9 / 12, 1.0), 20, "█" * 18 + "░" * 2 + "│"),
    (Bar(0.993, 1.0), 20, "█" * 19 + "░" + "│"),       # short of the end: never full
    (Bar(0.01, 0.5), 10, "█" + "░" * 4 + "│" + "░" * 5),  # begun: never empty
    (Bar(0.0, 0.0), 10, "│" + "░" * 10),
    (Bar(1.0, 0.5, over=True), 10, "█" * 5 + "│" + "█" * 5),
])
def test_bar_string(bar: Bar, cells: int, expected: str) -> None:
    assert words.bar_string(bar, cells) == expected


@pytest.mark.parametrize(("point", "expected"), [
    (Point(1, 0.0, 0.0, "off_track"), "▁"),
    (Point(1, 3.0, 0.5, "on_track"), "▅"),   # 0.5 × 7 = 3.5 → 4
    (Point(1, 99.3, 0.993, "on_track"), "▇"),  # the full block only at the target
    (Point(1, 12.0, 1.0, "achieved"), "█"),
    (Point(2, None, None, "achieved"), "·"),
    (Point(1, True, 1.0, "achieved"), "●"),
    (Point(1, False, 0.0, "at_risk"), "○"),
])
def test_spark(point: Point, expected: str) -> None:
    assert words.spark(point) == expected


@pytest.mark.parametrize(("target_id", "vi", "en"), [
    ("ocop_products", "mỗi quý còn lại cần 2 sản phẩm",
     "needs 2 products per remaining quarter"),
    ("ntm_advanced_communes", "mỗi quý còn lại cần 1 xã",
     "needs 1 commune per remaining quarter"),
    ("production_growth", "còn thiếu 1,1 điểm %", "1.1 pp still to go"),
    ("ntm_district_recognition", "quá hạn 122 ngày (hạn 31/05/2024)",
     "122 days overdue (deadline 2024-05-31)"),
    ("income_per_capita", "", ""),
])
def test_need_words(q3: Brief, target_id: str, vi: str, en: str) -> None:
    assert words.need(item(q3, target_id), "vi") == vi
    assert words.need(item(q3, target_id), "en") == en


def test_need_words_for_limits_and_days_left() -> None:
    p = _plan(
        {"id": "cap", "name": "Cap", "kind": "cumulative", "direction": "at_most",
         "target": 10, "unit": "tấn"},
        {"id": "over", "name": "Over", "kind": "cumulative", "direction": "at_most",
         "target": 10, "unit": "tấn"},
        {"id": "lvl", "name": "Level", "kind": "level", "direction": "at_most", "target": 5,
         "unit": "%"},
        {"id": "m", "name": "M", "kind": "milestone", "deadline": "2024-05-31"},
    )
    brief = build_brief(p, *at(p, {"cap": {2: 6.0}, "over": {2: 12.0}, "lvl": {2: 6.0},
                            "m": {1: False}}, 1))
    got = {i.target.id: (words.need(i, "vi"), words.need(i, "en")) for i in brief.items}
    assert got == {
        # cap at Q1: E = 2.5, nothing reported by Q1: no data, so nothing needed
        "cap": ("", ""), "over": ("", ""), "lvl": ("", ""),
        "m": ("còn 61 ngày đến hạn (31/05/2024)", "61 days left to the deadline (2024-05-31)"),
    }
    brief = build_brief(p, *at(p, {"cap": {2: 6.0}, "over": {2: 12.0}, "lvl": {2: 6.0}}, 2))
    got = {i.target.id: (words.need(i, "vi"), words.need(i, "en")) for i in brief.items}
    assert got["cap"] == ("mỗi quý còn lại tối đa 2 tấn",
                          "at most 2 tấn more per remaining quarter")
    assert got["over"] == ("vượt mức cho phép 2 tấn", "over the limit by 2 tấn")
    assert got["lvl"] == ("còn phải giảm 1 điểm %", "1 pp still to cut")


def test_figures(q3: Brief) -> None:
    # 6 × 0.75 = 4.5 products by now: a count, so 5 (rounding.py)
    assert words.figures(item(q3, "ocop_products"), q3, "vi") == "4 / 6 sản phẩm · cần đạt 5"
    assert words.figures(item(q3, "ntm_model_communes"), q3, "en") == \
        "1 / 1 commune (as of Q1) · expected 1"  # 1 × 0.75, a count: 1
    assert words.figures(item(q3, "ntm_model_communes"), q3, "vi") == \
        "1 / 1 xã (số liệu quý I) · cần đạt 1"
    assert words.figures(item(q3, "security_standard_communes"), q3, "vi") == "kế hoạch 100%"
    assert words.figures(item(q3, "ntm_district_recognition"), q3, "en") == \
        "not done · deadline 2024-05-31 · 122 days overdue"
    limit = _plan({"id": "x", "name": "X", "kind": "annual", "direction": "at_most",
                   "target": 1234.5, "unit": "tấn"})
    brief = build_brief(limit, *at(limit, {"x": {2: 1000.25}}, 2))
    assert words.figures(brief.items[0], brief, "vi") == \
        "1.000,25 / tối đa 1.234,5 tấn · tối đa đến nay 1.234,5"  # issue 9: a ceiling


def test_year_end_headline_in_the_terminal(q4: Brief) -> None:
    vi = render_brief_text(q4, lang="vi", width=80).splitlines()
    assert vi[:4] == [
        "Huyện Hậu Lộc — chỉ tiêu năm 2024",
        "Cả năm 2024 · Theo dõi 9/27 chỉ tiêu của nghị quyết",
        "7/9 chỉ tiêu đạt và vượt kế hoạch, trong đó 3 vượt",
        "★ Vượt kế hoạch 3 · ✔ Đạt 4 · ✖ Không đạt 2 · ? Chưa có số liệu 0",
    ]
    en = render_brief_text(q4, lang="en", width=80).splitlines()
    assert en[:4] == [
        "Hậu Lộc district — targets for 2024",  # the plan's name_en
        "full year 2024 · 9 of 27 declared targets defined",
        "7/9 targets met or exceeded, 3 of them exceeded",
        "★ Exceeded 3 · ✔ Met 4 · ✖ Missed 2 · ? No data 0",
    ]
    text = "\n".join(vi)
    assert "hụt 0,4 điểm % so với kế hoạch" in text
    assert "quá hạn 214 ngày (hạn 31/05/2024)" in text
    assert "▲ Có nguy cơ → ★ Vượt kế hoạch" in text
    assert "Tất cả chỉ tiêu đã có số liệu." in text
    # at the end of the year nothing is 'expected by now' any more
    assert "cần đạt" not in text


def test_year_end_in_markdown_and_html(q4: Brief) -> None:
    md = render_brief_markdown(q4, lang="vi")
    assert "**7/9 chỉ tiêu đạt và vượt kế hoạch, trong đó 3 vượt**" in md.splitlines()
    assert "★ Vượt kế hoạch: 3 · ✔ Đạt: 4 · ✖ Không đạt: 2 · ? Chưa có số liệu: 0" in md
    html = render_brief_html(q4, lang="en")
    assert '<p class="year-end">7/9 targets met or exceeded, 3 of them exceeded</p>' in html


def test_markdown_escape() -> None:
    assert escape("a|b *c* _d_ [e](f) <g> `h` #i \\j") == \
        "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\`h\\` \\#i \\\\j"


def test_terminal_colour_only_when_asked(q3: Brief) -> None:
    plain = render_brief_text(q3, lang="vi", width=80, color=False)
    coloured = render_brief_text(q3, lang="vi", width=80, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    # the words stay when the colour goes
    for word in ("✔ Đạt", "● Đúng tiến độ", "▲ Có nguy cơ", "✖ Chậm tiến độ",
                 "? Chưa có số liệu"):
        assert word in plain


def test_every_line_fits_and_nothing_is_cut_at_narrow_widths(q3: Brief) -> None:
    from rich.cells import cell_len

    for width in (40, 60, 80, 100):
        out = render_brief_text(q3, lang="vi", width=width)
        assert max(cell_len(line) for line in out.splitlines()) <= width
        flat = " ".join(out.split())
        for name in ("Huyện được công nhận đạt chuẩn nông thôn mới",
                     "Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự"):
            assert name in flat
        for text in ("Chậm tiến độ", "Chưa có số liệu", "67,5", "99,3%", "31/05/2024"):
            assert text in out


def test_html_in_english(q3: Brief) -> None:
    html = render_brief_html(q3, lang="en", source_file="actuals_2024.csv")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>Hậu Lộc district — targets for 2024 · nine months of 2024</title>" in html
    assert "✖ Off track" in html and "? No data" in html
    assert "New OCOP products" in html
    assert "Made with hauloc from actuals_2024.csv" in html


def test_markdown_and_html_do_not_load_rich() -> None:
    import subprocess
    import sys

    code = ("import sys; from hauloc_cli.render.summary import html, markdown; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"


def test_a_count_is_expected_and_needed_whole() -> None:
    """Issue 19: 'cần đạt 2,25 sản phẩm' in an official letter. A count's expectation and need
    are whole, rounded the honest way: a need up, an allowance down; `whole: false` keeps the
    fraction, `whole: true` makes a count of a unit taken for a measure."""
    p = _plan(
        # 3 products, Q3: 3 × 0.75 = 2.25 expected → 3; 1 made: R = 0.44, off track; the
        # last quarter needs 3 − 1 = 2
        {"id": "ocop", "name": "OCOP", "kind": "cumulative", "target": 3, "unit": "products"},
        # the same, the plan saying it is not a count of whole things
        {"id": "frac", "name": "Frac", "kind": "cumulative", "target": 3, "unit": "products",
         "whole": False},
        # at most 7 accidents, Q3: 5.25 allowed → 5; 6 happened: R = 5.25 / 6 = 0.875, at
        # risk; 1 allowed in the last quarter (7 − 6)
        {"id": "acc", "name": "Acc", "kind": "cumulative", "direction": "at_most", "target": 7,
         "unit": "vụ"},
        # 10 ha is a measure: 7.5 stays; with whole: true, 8
        {"id": "ha", "name": "Ha", "kind": "cumulative", "target": 10, "unit": "ha"},
        {"id": "ha_whole", "name": "Ha whole", "kind": "cumulative", "target": 10, "unit": "ha",
         "whole": True},
    )
    brief = build_brief(p, *at(p, {"ocop": {3: 1.0}, "frac": {3: 1.0}, "acc": {3: 6.0},
                                   "ha": {3: 6.0}, "ha_whole": {3: 6.0}}, 3))
    figures = {i.target.id: words.figures(i, brief, "vi") for i in brief.items}
    assert figures == {
        "ocop": "1 / 3 sản phẩm · cần đạt 3",
        "frac": "1 / 3 sản phẩm · cần đạt 2,25",
        "acc": "6 / tối đa 7 vụ · tối đa đến nay 5",
        "ha": "6 / 10 ha · cần đạt 7,5",
        "ha_whole": "6 / 10 ha · cần đạt 8",
    }
    needs = {i.target.id: words.need(i, "en") for i in brief.items}
    assert needs["ocop"] == "needs 2 products per remaining quarter"
    assert needs["acc"] == "at most 1 vụ more per remaining quarter"
    # Q2: ocop 6 × ... with 3 products, Q2: E = 1.5 → 2; 0 made: (3 − 0) / 2 = 1.5 per
    # remaining quarter → 2 (a need, up); at most 7 accidents, Q2: 3.5 allowed; 4 happened:
    # R = 0.875, at risk; (7 − 4) / 2 = 1.5 more allowed per quarter → 1 (an allowance, down)
    brief = build_brief(p, *at(p, {"ocop": {2: 0.0}, "frac": {2: 0.0}, "acc": {2: 4.0}}, 2))
    needs = {i.target.id: words.need(i, "vi") for i in brief.items}
    assert needs["ocop"] == "mỗi quý còn lại cần 2 sản phẩm"
    assert needs["frac"] == "mỗi quý còn lại cần 1,5 sản phẩm"
    assert needs["acc"] == "mỗi quý còn lại tối đa 1 vụ"


@pytest.mark.parametrize(("fill", "mark", "shown"), [
    (71.2 / 75, 1.0, "94.9%"),  # an annual rate: fill = R; 95 % would read on track
    (0.9499, 1.0, "94.99%"),
    (0.95, 1.0, "95%"),
    (0.999, 1.0, "99.9%"),      # not met: never 100 %
    (4 / 6, 0.75, "67%"),       # R = 0.889: far from an edge
    # a count at Q3: R = fill / 0.75; the at-risk edge is at fill 0.8 × 0.75 = 0.6: 0.5999
    # (R = 0.79987, off track) is not 60 % nor 60,0 % (R 0.8, at risk)
    (0.5999, 0.75, "59.99%"),
    (0.7124, 0.75, "71%"),      # R = 0.94987 and 71 / 75 = 0.9467: both below 0.95
])
def test_the_bars_share_keeps_to_its_side(fill: float, mark: float, shown: str) -> None:
    p = _plan({"id": "g", "name": "G", "kind": "annual", "target": 75, "unit": "%"})
    brief = build_brief(p, *at(p, {"g": {3: 71.2}}, 3))
    it = brief.items[0]
    from dataclasses import replace
    assert words.share(replace(it, bar=Bar(fill, mark)), "en", p.status_bands) == shown


# Issue 24, item 5: the brief at 80 columns. The name column of a section is 80 − 24 (the
# bar, 20 cells at 80 columns, a space and 3 sparks) − 1 (the gap) = 55 cells; a wrapped name
# goes on 4 cells in, under itself, past the figures line's 2, never at column 0.
LONG_VI = ("Tỷ lệ hộ gia đình ở nông thôn được sử dụng nước sạch đáp ứng quy chuẩn kỹ thuật "
           "quốc gia của Bộ Y tế")
LONG_EN = ("Share of rural households using clean water that meets the national technical "
           "standard of the Ministry of Health")


def _long_names() -> Brief:
    p = _plan(
        {"id": "water", "name": LONG_VI, "name_en": LONG_EN, "kind": "level", "target": 100,
         "unit": "%", "group": "environment"},
        {"id": "security", "name": "Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự và được "
         "công nhận đạt chuẩn an toàn về an ninh", "kind": "level", "target": 100, "unit": "%",
         "group": "security"},
    )
    return build_brief(p, *at(p, {"water": {3: 99.3}}, 3))


def test_a_wrapped_name_goes_on_under_itself_at_80_columns() -> None:
    lines = render_brief_text(_long_names(), lang="vi", width=80).splitlines()
    start = lines.index("MÔI TRƯỜNG")
    # 52 cells of name; with " đáp" 56 > 55
    assert lines[start + 1:start + 4] == [
        "Tỷ lệ hộ gia đình ở nông thôn được sử dụng nước sạch              ● Đúng tiến độ",
        "    đáp ứng quy chuẩn kỹ thuật quốc gia của Bộ Y tế",
        "  99,3% / 100% · cần đạt 100%                          ███████████████████░│ ··▇",
    ]
    # a line of its own (the target with no data): on, 2 cells in, past its symbol
    start = lines.index("CHƯA CÓ SỐ LIỆU")
    assert lines[start + 1:start + 3] == [
        "? Tỷ lệ xã, thị trấn đạt chuẩn an ninh - trật tự và được công nhận đạt chuẩn an",
        "  toàn về an ninh",
    ]
    # the pairs of "what changed", the name too long for a line: the name goes on 2 cells in,
    # what changed 4
    start = lines.index("THAY ĐỔI SO VỚI QUÝ TRƯỚC (6 THÁNG → 9 THÁNG)")
    assert lines[start + 1:start + 4] == [
        "Tỷ lệ hộ gia đình ở nông thôn được sử dụng nước sạch đáp ứng quy chuẩn kỹ thuật",
        "  quốc gia của Bộ Y tế",
        "    ? Chưa có số liệu → ● Đúng tiến độ",
    ]
    assert all(not line or not line[0].isspace() or line.startswith("  ") for line in lines)


def test_a_wrapped_name_in_english_at_80_columns() -> None:
    lines = render_brief_text(_long_names(), lang="en", width=80).splitlines()
    start = lines.index("ENVIRONMENT")
    # 54 cells, then 4 + 50 (with " Health" 61 > 55)
    assert lines[start + 1:start + 5] == [
        "Share of rural households using clean water that meets                ● On track",
        "    the national technical standard of the Ministry of",
        "    Health",
        "  99.3% / 100% · expected 100%                         ███████████████████░│ ··▇",
    ]


def test_no_lone_number_in_english_at_80_columns(q3: Brief) -> None:
    """`hauloc summary` of the example: the income figures, 2 + 54 cells, do not fit the 53
    left of the bar: they break before `· expected 69`, never between `expected` and `69`."""
    from tests.cli.support import run

    result = run("summary", EXAMPLE, "--lang", "en", columns=80)
    assert result.code == 1, result.err
    lines = result.out.splitlines()
    start = lines.index("Average income per person" + " " * 45 + "● On track")
    assert lines[start + 1:start + 3] == [
        "  67.5 (est.) / 69 million VND/person/year             ███████████████████░│ ▇▇▇",
        "    · expected 69",
    ]
    for width in (60, 80, 100):
        for lang in ("en", "vi"):
            for line in render_brief_text(q3, lang=lang, width=width).splitlines():
                assert not re.fullmatch(r"\s*[-+]?\d[\d.,]*%?\s*", line), (width, lang, line)


@pytest.mark.parametrize(("text", "width", "indent", "expected"), [
    ("a expected 69", 12, 0, ["a", "expected 69"]),  # a figure goes with its word
    ("a b · expected 69", 16, 2, ["a b", "  · expected 69"]),  # and "·" with the next
    ("expected 69", 9, 2, ["expected", "  69"]),  # unless the two do not fit on any line
    ("abcdefghij", 4, 2, ["abcd", "  ef", "  gh", "  ij"]),  # a word longer than a line folds
    ("", 10, 2, [""]),
])
def test_wrap_hanging(text: str, width: int, indent: int, expected: list[str]) -> None:
    from rich.text import Text

    from hauloc_cli.render.summary.text import wrap_hanging

    assert [line.plain for line in wrap_hanging(Text(text), width, indent)] == expected

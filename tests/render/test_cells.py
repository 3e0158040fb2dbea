"""render/cells.py and the rounding of derived figures (issue 9)."""

from __future__ import annotations

import pytest

from hauloc_cli.model.plan import Plan
from hauloc_cli.render.cells import expected_key, row_cells
from hauloc_cli.render.check.json import significant
from hauloc_cli.render.check.markdown import render_markdown
from hauloc_cli.render.check.table import render_table
from hauloc_cli.rules.status import evaluate
from hauloc_cli.vocab.i18n import label
from tests.conftest import at


@pytest.mark.parametrize(("x", "rounded"), [
    (2.4 / 3, 0.8),                  # 0.7999999999999999
    (4 / 4.5, 0.888889),
    (4 / 0.75, 5.33333),
    (99.99 / 100, 0.9999),
    (-2.5 / 12, -0.208333),
    (12.0, 12.0),
    (123456789.0, 123457000.0),
    (None, None),
])
def test_significant(x: float | None, rounded: float | None) -> None:
    assert significant(x) == rounded


def _plan(*targets: dict[str, object]) -> Plan:
    return Plan.model_validate({"plan": {"id": "p", "year": 2024}, "targets": list(targets)})


OCOP = {"id": "ocop", "name": "OCOP", "kind": "cumulative", "target": 6, "unit": "products"}
ACCIDENTS = {"id": "acc", "name": "Accidents", "kind": "cumulative", "direction": "at_most",
             "target": 4, "unit": "vụ"}
POVERTY = {"id": "pov", "name": "Poverty", "kind": "level", "direction": "at_most",
           "target": 1.5, "unit": "%"}
RATE = {"id": "rate", "name": "Rate", "kind": "annual", "target": 75, "unit": "%"}


def test_the_row_cells_of_a_ceiling_a_count_and_a_rate() -> None:
    """Issue 19: the expected cell of a ceiling says `≤` what it allows by now; a count's
    expectation is whole; Pace is R, never rounded across a band edge."""
    plan = _plan(OCOP, ACCIDENTS, POVERTY, RATE)
    report = evaluate(plan, *at(plan, {"ocop": {3: 4.0}, "acc": {3: 2.0}, "pov": {3: 1.85},
                                       "rate": {3: 71.2}}, 3))
    rows = {r.target.id: row_cells(r, report, "vi")[1:] for r in report.results}
    assert rows == {
        # 6 × 0.75 = 4.5 → 5 expected; R = 4 / 4.5 = 0.889
        "ocop": ["6", "4", "5", "89%", "▲ Có nguy cơ"],
        # at most 4 a year: 3 allowed by Q3; 2 happened: R = 3 / 2 = 150 %
        "acc": ["≤ 4", "2", "≤ 3", "150%", "● Đúng tiến độ"],
        # 1.85 against at most 1.5: R = 1.5 / 1.85 = 0.81
        "pov": ["≤ 1,5%", "1,85%", "≤ 1,5%", "81%", "▲ Có nguy cơ"],
        # 71.2 / 75 = 0.94933: at risk, 94,9 % (95 % would read on track)
        "rate": ["75%", "71,2%", "75%", "94,9%", "▲ Có nguy cơ"],
    }


@pytest.mark.parametrize(("targets", "vi", "en"), [
    ((OCOP, RATE), "Cần đạt", "Expected"),
    ((ACCIDENTS, POVERTY), "Tối đa đến nay", "Allowed so far"),
    ((OCOP, ACCIDENTS), "Cần đạt / tối đa", "Expected / allowed"),
])
def test_the_expected_heading_fits_the_directions(targets: tuple[dict[str, object], ...],
                                                  vi: str, en: str) -> None:
    plan = _plan(*targets)
    report = evaluate(plan, *at(plan, {}, 3))
    for lang, heading in (("vi", vi), ("en", en)):
        assert label(lang, expected_key(t for t in plan.targets)) == heading
        header = render_markdown(report, lang=lang).splitlines()[0]
        assert f"| {heading} | {label(lang, 'col.progress')} |" in header
        assert heading in render_table(report, lang=lang, width=160).splitlines()[0]


def test_a_ceilings_expected_cell_moved_under_its_row_says_its_own_word() -> None:
    plan = _plan(OCOP, ACCIDENTS)
    report = evaluate(plan, *at(plan, {"ocop": {3: 4.0}, "acc": {3: 3.5}}, 3))
    text = " ".join(render_table(report, lang="en", width=60).split())
    # at 60 columns expected and pace move into the reason line, under the row's own word
    # a ceiling's reason says how far over, never a share: its pace stays, 3 / 3.5 = 0.857
    assert "(over what is allowed by now by 0.5 vụ) (Allowed so far 3; Pace 86%)" in text
    # the reason already says '(89% of pace)': not twice
    assert "behind pace (89% of pace) (Expected 5)" in text

"""A number target's plan in words (`vocab/plan_words.py`): the terminal's short form and the
resolution's, in both languages, and every written form read back as agreeing with the plan."""

from __future__ import annotations

from typing import Any

import pytest

from hauloc_cli.model.plan import Plan
from hauloc_cli.vocab.plan_words import is_form, reads_back, written


def target(**fields: Any) -> Any:
    plan = Plan.model_validate({"plan": {"id": "p", "year": 2025}, "targets": [
        {"id": "x", "name": "X", "kind": "level", **fields}]})
    return plan.targets[0]


CASES = [
    # fields, terminal (vi), resolution (vi, no %), resolution (en)
    ({"target": 12, "unit": "%"}, "12%", "12", "12"),
    ({"target": 5, "direction": "at_most"}, "≤ 5", "≤ 5", "≤ 5"),
    ({"target": 80, "unit": "%", "strict": True}, "> 80%", "trên 80", "above 80"),
    ({"target": 4, "unit": "%", "strict": True, "direction": "at_most"}, "< 4%", "dưới 4",
     "below 4"),
    ({"target": [10, 10.5], "unit": "%"}, "10%–10,5%", "10–10,5", "10–10.5"),
    ({"about": 8.5, "unit": "tỷ đồng"}, "≈ 8,5", "khoảng 8,5", "about 8.5"),
    ({"target": 7, "change": "percent", "kind": "cumulative"}, "7% so cùng kỳ",
     "7% so cùng kỳ", "7% on last year"),
]


@pytest.mark.parametrize(("fields", "terminal", "vi", "en"), CASES)
def test_the_plan_written_for_the_terminal_and_for_the_report(
        fields: dict[str, Any], terminal: str, vi: str, en: str) -> None:
    t = target(**fields)
    assert written(t, "vi") == terminal
    assert written(t, "vi", resolution=True, measure=False) == vi
    assert written(t, "en", resolution=True, measure=False) == en
    for text in (terminal, vi, en, f"  {vi} "):
        assert reads_back(text, t), text


def test_a_floor_is_signed_when_asked() -> None:
    assert written(target(target=12, unit="%"), "en", sign=True) == "≥ 12%"


@pytest.mark.parametrize("text", ["13", "trên 81", "10–11", "khoảng 9", "", "80"])
def test_another_plan_does_not_read_back(text: str) -> None:
    forms = [target(target=80, unit="%", strict=True), target(target=[10, 10.5]),
             target(about=8.5)]
    assert not any(reads_back(text, t) for t in forms)


def test_what_is_a_form() -> None:
    assert not is_form(target(target=12))
    assert not is_form(target(target=5, direction="at_most"))
    assert all(is_form(target(**f)) for f in (
        {"target": 80, "strict": True}, {"target": [1, 2]}, {"about": 3},
        {"target": 7, "change": "percent", "kind": "cumulative"}))

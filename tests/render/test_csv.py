"""render/csv.py: the JSON fields plus period, null as empty, yes/no, safe for Excel."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from hauloc_cli.inputs.actuals import read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.render.csv import cell, render_csv, safe_text
from hauloc_cli.render.json import render_json
from hauloc_cli.rules.status import Report, evaluate
from tests.conftest import EXAMPLE, PLAN_2024, at

HEADER = ["period", "id", "name", "group", "kind", "direction", "unit", "target", "actual",
          "as_of", "expected", "ratio", "projected", "deadline", "status", "reason"]


def example_report(quarter: int = 3) -> Report:
    plan = load_plan(PLAN_2024)
    return evaluate(plan, *at(plan, read_actuals(EXAMPLE, plan).figures.values(), quarter))


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_header_is_period_then_the_json_fields() -> None:
    text = render_csv(example_report())
    assert text.split("\n", 1)[0].split(",") == HEADER
    doc = json.loads(render_json(example_report()))
    assert HEADER[1:] == list(doc["targets"][0])


def test_one_row_per_target_in_plan_order_no_bom_lf_endings() -> None:
    text = render_csv(example_report())
    assert not text.startswith("\ufeff")
    assert "\r" not in text
    assert text.endswith("\n")
    assert [r["id"] for r in rows(text)] == [
        "production_growth", "income_per_capita", "ntm_model_communes", "ntm_advanced_communes",
        "ocop_products", "national_standard_schools", "security_standard_communes",
        "rural_hygienic_water", "ntm_district_recognition"]


def test_a_cumulative_row() -> None:
    # 4 products by the end of Q3 of 6: expected 6 × 3/4 = 4.5, ratio 4/4.5, projected 4/0.75.
    ocop = next(r for r in rows(render_csv(example_report())) if r["id"] == "ocop_products")
    assert ocop == {
        "period": "2024-Q3", "id": "ocop_products", "name": "Sản phẩm OCOP mới",
        "group": "economy", "kind": "cumulative", "direction": "at_least", "unit": "products",
        "target": "6.0", "actual": "4.0", "as_of": "2024-Q3", "expected": "4.5",
        "ratio": "0.888889", "projected": "5.33333", "deadline": "",
        "status": "at_risk",
        "reason": "4 of 6 products by the end of Q3; 4.5 expected by now; "
                  "behind pace (89% of expected)",
    }
    # issue 9: 4 / 4.5 and 4 / 0.75, to 6 significant digits
    assert float(ocop["ratio"]) == pytest.approx(4 / 4.5, rel=1e-6)
    assert float(ocop["projected"]) == pytest.approx(4 / 0.75, rel=1e-6)


def test_no_data_is_empty_cells() -> None:
    row = next(r for r in rows(render_csv(example_report()))
               if r["id"] == "security_standard_communes")
    assert [row[k] for k in ("actual", "as_of", "expected", "ratio", "projected", "deadline")] \
        == [""] * 6
    assert row["status"] == "no_data"
    assert row["target"] == "100.0"


def test_milestones_are_yes_or_no() -> None:
    plan = load_plan(PLAN_2024)
    milestone = "ntm_district_recognition"
    for done, word, status in ((False, "no", "off_track"), (True, "yes", "achieved")):
        report = evaluate(plan, *at(plan, {milestone: {2: done}}, 2))
        row = next(r for r in rows(render_csv(report)) if r["id"] == milestone)
        assert (row["actual"], row["as_of"], row["status"]) == (word, "2024-Q2", status)
        assert (row["direction"], row["target"], row["expected"], row["deadline"]) \
            == ("", "", "", "2024-05-31")


def test_the_values_match_the_json_report() -> None:
    report = example_report(2)
    doc = json.loads(render_json(report))
    for row, target in zip(rows(render_csv(report)), doc["targets"], strict=True):
        assert row["period"] == doc["period"] == "2024-Q2"
        for key, value in target.items():
            if value is None:
                assert row[key] == ""
            elif isinstance(value, bool):
                assert row[key] == ("yes" if value else "no")
            elif isinstance(value, float):
                assert float(row[key]) == value
            else:
                assert row[key] == value


@pytest.mark.parametrize(("text", "safe"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1", "'+1"),
    ("-2.5% against 12%", "'-2.5% against 12%"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("Sản phẩm OCOP mới", "Sản phẩm OCOP mới"),
    ("a=b", "a=b"),
    ("", ""),
])
def test_safe_text(text: str, safe: str) -> None:
    assert safe_text(text) == safe


@pytest.mark.parametrize(("value", "shown"), [
    (None, ""), (True, "yes"), (False, "no"), (-2.5, "-2.5"), (12.0, "12.0"), (7, "7"),
    (0.1 + 0.2, "0.30000000000000004"), ("-x", "'-x"),
])
def test_cell(value: object, shown: str) -> None:
    assert cell(value) == shown


def test_negative_numbers_stay_numbers_text_is_guarded(tmp_path: Path) -> None:
    """A growth of -2.5 %: the number cell is untouched; the reason, text, gets its quote."""
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(
        "plan: {id: p, year: 2024}\n"
        "targets:\n"
        "  - {id: growth, name: '=1+1', kind: annual, target: 12, unit: '%'}\n",
        encoding="utf-8")
    plan = load_plan(plan_file)
    text = render_csv(evaluate(plan, *at(plan, {"growth": {1: -2.5}}, 1)))
    (row,) = rows(text)
    assert row["name"] == "'=1+1"
    assert row["actual"] == "-2.5"
    assert row["projected"] == "-2.5"
    assert row["ratio"] == "-0.208333"  # -2.5 / 12 = -0.2083333…, to 6 significant digits
    assert row["reason"].startswith("'-2.5% against 12% by the end of Q1")

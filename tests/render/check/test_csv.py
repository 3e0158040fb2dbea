"""render/csv.py: the JSON fields plus period, null as empty, yes/no, safe for Excel."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from hauloc_cli.inputs.actuals.read import read_actuals
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.model.periods import Period
from hauloc_cli.render.check.csv import cell, render_csv, safe_text
from hauloc_cli.render.check.json import render_json
from hauloc_cli.rules.status import Judgement, evaluate
from tests.conftest import EXAMPLE, PLAN_2024, at

HEADER = ["period", "id", "name", "group", "kind", "direction", "unit", "target", "actual",
          "as_of", "expected", "ratio", "projected", "deadline", "status", "verdict", "reason",
          "figure_status", "last_year", "plan_share", "revised_from", "vs_last_year_ratio",
          "vs_last_year_growth", "vs_last_year_change"]
# The JSON fields that are lists or objects, and the CSV columns that flatten them.
FLATTENED = {"revisions": ["revised_from"],
             "vs_last_year": ["vs_last_year_ratio", "vs_last_year_growth", "vs_last_year_change"]}


def example_report(quarter: int = 3) -> Judgement:
    plan = load_plan(PLAN_2024)
    return evaluate(plan, *at(plan, read_actuals(EXAMPLE, plan).figures.values(), quarter))


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_header_is_period_then_the_json_fields() -> None:
    text = render_csv(example_report())
    assert text.split("\n", 1)[0].split(",") == HEADER
    doc = json.loads(render_json(example_report()))
    fields = [c for f in doc["targets"][0] for c in FLATTENED.get(f, [f])]
    assert sorted(HEADER[1:]) == sorted(fields)


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
        "verdict": "at_risk",
        "reason": "4 of 6 products by the end of Q3; 5 expected by now; "
                  "behind pace (89% of pace)",
        "figure_status": "", "last_year": "", "plan_share": "0.666667",  # 4 / 6
        "revised_from": "", "vs_last_year_ratio": "", "vs_last_year_growth": "",
        "vs_last_year_change": "",
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
            if key in FLATTENED:
                continue
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


def test_revisions_and_last_year_in_cells() -> None:
    # examples/actuals_2024.csv at 6 tháng: growth 10.4 (ước) revised to 10.6 (sơ bộ);
    # 2023's growth 4.07 % is of the full year, so 6 tháng has no last-year figure.
    plan = load_plan(PLAN_2024)
    report = evaluate(plan, read_actuals(EXAMPLE, plan).figures, Period.at_quarter(2024, 2))
    growth = next(r for r in rows(render_csv(report)) if r["id"] == "production_growth")
    assert (growth["actual"], growth["figure_status"], growth["revised_from"]) == (
        "10.6", "preliminary", "10.4")
    assert growth["last_year"] == growth["vs_last_year_change"] == ""


def test_points_against_last_year_in_cells(tmp_path: Path) -> None:
    plan = load_plan(PLAN_2024)
    path = tmp_path / "a.csv"
    path.write_text("target,period,value,last_year\nproduction_growth,2024-Q3,10.9,4.07\n"
                    "income_per_capita,2024-Q3,67.5,59.27\n", encoding="utf-8")
    figures = read_actuals(path, plan).figures
    found = {r["id"]: r for r in rows(render_csv(evaluate(plan, figures, Period.at_quarter(2024,
                                                                                           3))))}
    growth, income = found["production_growth"], found["income_per_capita"]
    # growth in %: 10.9 − 4.07 = 6.83 points, no ratio
    assert growth["last_year"] == "4.07" and growth["vs_last_year_ratio"] == ""
    assert float(growth["vs_last_year_change"]) == pytest.approx(6.83)
    # income: 67.5 / 59.27 = 1.13886, growth 0.13886, change 8.23
    assert float(income["vs_last_year_ratio"]) == pytest.approx(1.13886, abs=1e-5)
    assert float(income["vs_last_year_growth"]) == pytest.approx(0.13886, abs=1e-5)
    assert float(income["vs_last_year_change"]) == pytest.approx(8.23)

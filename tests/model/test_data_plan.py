"""The shipped plan holds exactly the targets the source article names, with its words."""

from __future__ import annotations

from datetime import date

from hauloc_cli.inputs.plan_file import load_plan
from tests.conftest import PLAN_2024

# The table of the core issue, from the article of 2024-01-05 (shared/domain/NOTES.md).
EXPECTED = [
    ("production_growth", "economy", "annual", "at_least", 12, "%"),
    ("income_per_capita", "economy", "annual", "at_least", 69, "million VND/person/year"),
    ("ntm_model_communes", "economy", "cumulative", "at_least", 1, "communes"),
    ("ntm_advanced_communes", "economy", "cumulative", "at_least", 2, "communes"),
    ("ocop_products", "economy", "cumulative", "at_least", 6, "products"),
    ("national_standard_schools", "society", "cumulative", "at_least", 12, "schools"),
    ("security_standard_communes", "security", "level", "at_least", 100, "%"),
    ("rural_hygienic_water", "environment", "level", "at_least", 100, "%"),
    ("ntm_district_recognition", "economy", "milestone", None, None, None),
]


def test_bundled_plan_is_the_sources_nine_of_27() -> None:
    plan = load_plan(PLAN_2024)
    assert (plan.plan.id, plan.plan.year, plan.plan.declared_targets) == ("hau-loc-2024", 2024, 27)
    got = [(t.id, t.group, t.kind, t.direction, t.target, t.measure) for t in plan.targets]
    assert got == EXPECTED
    assert plan.deadline_of(plan.by_id["ntm_district_recognition"]) == date(2024, 5, 31)
    assert (plan.status_bands.on_track, plan.status_bands.at_risk) == (0.95, 0.80)


def test_every_target_quotes_its_source() -> None:
    article = (PLAN_2024.parents[1].parent / "shared" / "domain"
               / "source-article-2024-01-05.vi.txt")
    text = article.read_text(encoding="utf-8") if article.is_file() else None
    for t in load_plan(PLAN_2024).targets:
        assert t.source and t.name and t.name_en
        if text is not None:  # beside the repository in the team's checkouts and CI
            assert t.source in text, t.id

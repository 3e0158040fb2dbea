"""Annexes for the tests of the official report's documents (letterhead, docx, html), built the
way the report command will: views.brief.build_brief, then views.annex.build_annex."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from hauloc_cli.inputs.actuals.read import ReadOptions
from hauloc_cli.inputs.actuals.sources import read_sources
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.units_file import plan_unit, units_for_plan
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan
from hauloc_cli.rules.rollup import evaluate_units
from hauloc_cli.views.annex import Annex, build_annex
from hauloc_cli.views.brief import build_brief
from tests.conftest import EXAMPLE, PLAN_2024, ROOT

ISSUED = date(2024, 10, 5)
COMMUNES = ROOT / "examples" / "communes_2024"
UNITS = ROOT / "data" / "units_hau_loc_2024.yaml"


def with_info(plan: Plan, **info: Any) -> Plan:
    """The plan with its `plan:` settings changed (issuer, place, signer…)."""
    return plan.model_copy(update={"plan": plan.plan.model_copy(update=info)})


def annex_of(actuals: list[Path] | None = None, plan: Plan | None = None, quarter: int = 3,
             issued: date = ISSUED) -> Annex:
    """The annex of `actuals` (default: the shipped example) against `plan` (default: the
    shipped plan) at the end of `quarter` of 2024, with no units."""
    plan = plan or load_plan(PLAN_2024)
    data = read_sources(actuals or [EXAMPLE], plan, ReadOptions())
    return build_annex(build_brief(plan, data.figures, Period.at_quarter(2024, quarter)), None,
                       issued)


def annex_with_units() -> Annex:
    """examples/communes_2024 (the town and 21 communes) rolled up to the district, Q3."""
    path = PLAN_2024
    plan = load_plan(path)
    units = units_for_plan(plan, path, UNITS)
    assert units is not None
    data = read_sources([COMMUNES], plan, ReadOptions(units=units))
    period = Period.at_quarter(2024, 3)
    found = evaluate_units(plan, units, plan_unit(plan, units), data.figures, data.by_unit,
                           period)
    brief = build_brief(plan, found.rolled[found.plan_unit], period)
    return build_annex(brief, found, ISSUED)


# A plan of 27 targets in four groups, as many as Hậu Lộc's resolution declares: 12 economic,
# 8 social, 4 environmental, 3 of security; short names unique in the document, so that a
# page's text shows which rows it holds.
GROUP_SIZES = (("economy", "Kinh tế", 12), ("society", "Xã hội", 8),
               ("environment", "Môi trường", 4), ("security", "An ninh", 3))
# Q3 figures of a cumulative target of 12 by turns: on track (9 of 9 expected), at risk
# (7.5: 83 %), off track (5: 56 %), achieved (12); an estimate every third one.
CYCLE = (9, 7.5, 5, 12)


def plan_of_27(tmp_path: Path) -> tuple[Path, Path, dict[str, list[str]]]:
    """The plan file, its actuals (Q1–Q3) and the target names of each group."""
    targets: list[str] = []
    rows = ["target,period,value,status"]
    names: dict[str, list[str]] = {}
    n = 0
    for group, word, size in GROUP_SIZES:
        for k in range(1, size + 1):
            n += 1
            name = f"{word} {k:02d}"
            names.setdefault(group, []).append(name)
            targets.append(f"  - {{id: t{n:02d}, name: {name}, group: {group}, "
                           "kind: cumulative, direction: at_least, target: 12, unit: products}")
            q3 = CYCLE[n % 4]
            status = "ước" if n % 3 == 0 else ""
            rows += [f"t{n:02d},2024-Q1,{q3 / 3},", f"t{n:02d},2024-Q2,{q3 * 2 / 3},",
                     f"t{n:02d},2024-Q3,{q3},{status}"]
    plan = tmp_path / "plan27.yaml"
    plan.write_text("plan:\n  id: p27\n  name: Huyện Hậu Lộc\n  year: 2024\n"
                    "  declared_targets: 27\n  issuer: [ỦY BAN NHÂN DÂN, HUYỆN HẬU LỘC]\n"
                    "  place: Hậu Lộc\n  signer: {on_behalf: TM. ỦY BAN NHÂN DÂN, "
                    "title: CHỦ TỊCH, name: Nguyễn Văn An}\ntargets:\n"
                    + "\n".join(targets) + "\n", encoding="utf-8")
    actuals = tmp_path / "actuals27.csv"
    actuals.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return plan, actuals, names


def annex_of_27(tmp_path: Path) -> tuple[Annex, dict[str, list[str]]]:
    plan_file, actuals, names = plan_of_27(tmp_path)
    return annex_of([actuals], load_plan(plan_file)), names

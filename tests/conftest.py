from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from hauloc_cli.inputs.plan_file import default_plan_path
from hauloc_cli.model.figures import Figure, Figures, Value
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan

ROOT = Path(__file__).resolve().parents[1]
ASSETS = Path(__file__).resolve().parent / "assets"
PLAN_2024 = ROOT / "data" / "targets_2024.yaml"
EXAMPLE = ROOT / "examples" / "actuals_2024.csv"


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see no colour, a fixed width and English unless they ask otherwise; the shipped
    plan named by HAULOC_PLAN, so that its notice (no plan given) is not on every test's
    stderr (tests/cli/test_project.py removes it to test the notice), and no units file."""
    for var in ("HAULOC_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "FORCE_COLOR", "TERM",
                "HAULOC_UNITS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HAULOC_PLAN", str(default_plan_path()))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")


# The rules take figures by period; these build them from the plain values tests write.
def at(plan: Plan, values: Figures | Mapping[str, Mapping[int, Value]], quarter: int
       ) -> tuple[Figures, Period]:
    """`{target: {quarter: value}}` of the plan's year, and the period of `quarter`."""
    year = plan.plan.year
    figures = values if isinstance(values, Figures) else Figures.of_values(year, values)
    return figures, Period.at_quarter(year, quarter)


def on(values: Mapping[int, Value], quarter: int, year: int = 2024
       ) -> tuple[dict[Period, Figure], Period]:
    """One target's `{quarter: value}` as figures by period, and the period of `quarter`."""
    figures = {Period.at_quarter(year, q): Figure("t", Period.at_quarter(year, q), v) for q,
               v in values.items()}
    return figures, Period.at_quarter(year, quarter)

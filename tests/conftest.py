from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ASSETS = Path(__file__).resolve().parent / "assets"
PLAN_2024 = ROOT / "data" / "targets_2024.yaml"
EXAMPLE = ROOT / "examples" / "actuals_2024.csv"


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see no colour, a fixed width and English unless they ask otherwise."""
    for var in ("HAULOC_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")

"""examples/communes_2024/: the 22 communes' figures roll up to the district's figures."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from hauloc_cli.cli import app

ROOT = Path(__file__).resolve().parents[2]
COMMUNES = ROOT / "examples" / "communes_2024"
UNITS = ROOT / "data" / "units_hau_loc_2024.yaml"
DISTRICT = ROOT / "examples" / "actuals_2024.csv"

# Worked by hand from the 22 files: (Q1, Q2, Q3) of the district.
HAND = {
    "ntm_model_communes": (1, 1, 1),  # Hoa Lộc
    "ntm_advanced_communes": (1, 1, 1),  # Triệu Lộc
    "ocop_products": (1, 3, 4),  # Đại Lộc 1; + Minh Lộc, Hải Lộc 3; + Ngư Lộc 4
    "national_standard_schools": (2, 5, 9),  # the town 1+1+2, Triệu Lộc 1, six others 1
    # đạt: 22/22, 21/22 (Ngư Lộc chưa đạt), 21/22 (Đa Lộc sent no 9-month figure: its 6-month
    # 'đạt', a state, stands in)
    "security_standard_communes": (100.0, 100 * 21 / 22, 100 * 21 / 22),
}


def judged(period: str, *inputs: Path) -> dict[str, dict[str, object]]:
    result = CliRunner().invoke(app, ["check", *map(str, inputs), "--units", str(UNITS),
                                      "--period", period, "--format", "json",
                                      "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [w for w in report["warnings"] if "mismatch" in json.dumps(w)] == []
    return {t["id"]: t for t in report["targets"]}


def test_every_file_is_one_commune_of_the_units_file() -> None:
    units = yaml.safe_load(UNITS.read_text(encoding="utf-8"))["units"]
    communes = {u["id"] for u in units if u.get("parent") == "hau_loc"}
    files = {p.stem for p in COMMUNES.glob("*.csv")}
    assert files == communes and len(files) == 22
    for path in COMMUNES.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert {r["unit"] for r in rows} == {path.stem}
        # every figure says whether it is real (with its source) or illustrative
        assert all("illustrative" in r["note"] or r["source"] for r in rows)


@pytest.mark.parametrize("quarter", [1, 2, 3])
def test_the_communes_roll_up_to_the_hand_worked_district_figures(quarter: int) -> None:
    targets = judged(f"2024-Q{quarter}", COMMUNES)
    for tid, figures in HAND.items():
        assert targets[tid]["coverage"]["source"] == "rollup"
        assert targets[tid]["actual"] == pytest.approx(figures[quarter - 1]), tid


def test_the_roll_up_matches_the_district_file_where_it_has_a_figure() -> None:
    with DISTRICT.open(encoding="utf-8", newline="") as handle:
        district = {(r["target"], r["period"]): r["value"] for r in csv.DictReader(handle)}
    compared = set()
    for quarter in (1, 2, 3):
        period = f"2024-Q{quarter}"
        for tid, figures in HAND.items():
            if (tid, period) in district:
                assert float(district[tid, period]) == figures[quarter - 1], (tid, period)
                compared.add((tid, period))
    # the real ones (by 1 March 2024, Báo Thanh Hóa 207993) among them
    assert {("ntm_model_communes", "2024-Q1"), ("ntm_advanced_communes", "2024-Q1")} <= compared
    # With both, the district's own figures win and no rollup-mismatch is warned of.
    both = judged("2024-Q3", DISTRICT, COMMUNES)
    assert both["ocop_products"]["coverage"]["source"] == "own"
    security = both["security_standard_communes"]["coverage"]
    assert (security["partial"], security["missing"], security["carried"]) == (
        False, [], ["da_loc"])

"""The shipped units of Hậu Lộc, 2024: the district, its town and 21 communes, each sourced."""

from __future__ import annotations

from hauloc_cli.inputs.units_file import load_units
from tests.conftest import ROOT

UNITS_2024 = ROOT / "data" / "units_hau_loc_2024.yaml"


def test_the_district_the_town_and_21_communes() -> None:
    units = load_units(UNITS_2024)
    assert units.children(None) == ("hau_loc",)
    kinds = [units.by_id[u].kind for u in units.children("hau_loc")]
    assert kinds.count("town") == 1 and kinds.count("commune") == 21 and len(kinds) == 22
    names = {u.name for u in units.units}
    # The three advanced new-rural communes of 2023 (NOTES.md) are among them.
    assert {"Xã Phú Lộc", "Xã Hoa Lộc", "Xã Hưng Lộc"} <= names
    assert all(u.source for u in units.units)
    assert units.by_id["hau_loc"].weights == {"population": 199978, "rural_population": 186128}
    assert all(not u.weights for u in units.units if u.id != "hau_loc")

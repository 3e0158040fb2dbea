"""The kinds of reporting units in words: a units file names a unit's kind by its id
(model/units.UnitKind); what hauloc writes for units counted together depends on their kinds
(`21/22 xã`, else `21/22 đơn vị`)."""

from __future__ import annotations

from collections.abc import Iterable

from hauloc_cli.vocab.i18n import label

# The kinds at the commune level: counted together, they are `xã` (communes).
COMMUNE_LEVEL = frozenset({"commune", "town", "ward"})


def count_word(kinds: Iterable[str], lang: str) -> str:
    """`xã` / `communes` when every unit is at the commune level, else `đơn vị` / `units`."""
    basic = all(kind in COMMUNE_LEVEL for kind in kinds)
    return label(lang, "kinds.communes" if basic else "kinds.units")

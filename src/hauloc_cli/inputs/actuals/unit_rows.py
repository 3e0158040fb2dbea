"""The `unit` column of an actuals file: which unit a figure is from.

With a units tree in effect, a column `unit` (also `đơn vị`, `xã`, `đơn vị báo cáo`:
vocab/columns.UNIT) names
the reporting unit of each row; a row without one, or naming the plan's own unit, is the plan
unit's figure as before. The row checker (`long.py`) names a unit's rows of a target
`schools of hoa_loc` in its problems (`unit_check`), and keeps each unit's figures apart, with
`unit` set, in one `Figures` per unit.
"""

from __future__ import annotations

import difflib

from hauloc_cli.model.plan import Target, unit_target
from hauloc_cli.model.units import Units
from hauloc_cli.vocab.messages import Name, Text, text


def unit_check(target: Target, unit: str) -> Target:
    """The target as the row checker sees a unit's rows of it, named as problems name it
    (`schools of hoa_loc`: its id carries the unit)."""
    return unit_target(target, unit).model_copy(update={"id": f"{target.id} of {unit}"})


def did_you_mean_unit(unit: str, units: Units) -> Text:
    ids = list(units.by_id)
    by_name = {u.name.lower(): u.id for u in units.units}
    found = difflib.get_close_matches(unit, ids, n=1) or [
        by_name[m] for m in difflib.get_close_matches(unit.lower(), list(by_name), n=1)]
    if not found:
        return text("unit.hint_see_units")
    named = units.by_id[found[0]]
    return text("hint.did_you_mean_named", word=found[0],
                name=Name(named.name, named.name_en)) if named.name and named.name != found[0] \
        else text("hint.did_you_mean", word=found[0])

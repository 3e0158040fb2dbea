"""The `unit` column of an actuals file: which unit a figure is from.

With a units tree in effect, a column `unit` (also `đơn vị`, `xã`, `đơn vị báo cáo`) names
the reporting unit of each row; a row without one, or naming the plan's own unit, is the plan
unit's figure as before. The row checker (`rows.py`) sees a unit's row as a row of a target of
its own, `target\x1funit`, whose figures are what the unit reports (`unit_target`); after the
check those are split out into one `Figures` per unit.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence

from hauloc_cli.inputs.table import Cell, cell_text
from hauloc_cli.model.figures import Figure, Figures
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Target, unit_target
from hauloc_cli.model.units import Units

UNIT_COLUMNS = ("unit", "đơn vị", "xã", "đơn vị báo cáo")
SEP = "\x1f"  # between the target id and the unit id of a unit's row


class UnitRows:
    """The rows of a table, a unit's rows with their target cell made `target\x1funit`.

    An iterator object, not a generator: a record that cannot be split raises through it, and
    the rows after it can still be read."""

    def __init__(self, rows: Iterator[Sequence[Cell]], i_unit: int, i_target: int,
                 plan_unit: str | None) -> None:
        self._rows = rows
        self._unit = i_unit
        self._target = i_target
        self._plan_unit = plan_unit

    def __iter__(self) -> UnitRows:
        return self

    def __next__(self) -> Sequence[Cell]:
        row = next(self._rows)
        if self._unit < len(row):
            unit = cell_text(row[self._unit])
            if unit and unit != self._plan_unit and self._target < len(row):
                row = list(row)
                row[self._target] = f"{cell_text(row[self._target])}{SEP}{unit}"
        return row

    def close(self) -> None:
        close = getattr(self._rows, "close", None)
        if close is not None:
            close()


def split_key(key: str) -> tuple[str, str | None]:
    """`target\x1funit` → (target, unit); a plain target id → (target, None)."""
    target, _, unit = key.partition(SEP)
    return target, (unit or None)


def unit_check(target: Target, unit: str) -> Target:
    """The target as the row checker sees a unit's rows of it (its id carries the unit)."""
    return unit_target(target, unit).model_copy(update={"id": f"{target.id}{SEP}{unit}"})


def did_you_mean_unit(unit: str, units: Units) -> str:
    ids = list(units.by_id)
    by_name = {u.name.lower(): u.id for u in units.units}
    found = difflib.get_close_matches(unit, ids, n=1) or [
        by_name[m] for m in difflib.get_close_matches(unit.lower(), list(by_name), n=1)]
    return f"did you mean '{found[0]}'?" if found else "see the units file for the ids"


def split_units(by_target: dict[str, dict[Period, Figure]]
                ) -> tuple[dict[str, dict[Period, Figure]], dict[str, Figures]]:
    """The plan unit's figures, and each unit's (with `unit` set), from the checked rows."""
    own: dict[str, dict[Period, Figure]] = {}
    per_unit: dict[str, dict[str, dict[Period, Figure]]] = {}
    for key, figures in by_target.items():
        target, unit = split_key(key)
        if unit is None:
            own[key] = figures
            continue
        per_unit.setdefault(unit, {})[target] = {
            p: f._replace(target=target, unit=unit) for p, f in figures.items()}
    return own, {u: Figures.indexed(by_t) for u, by_t in per_unit.items()}

"""Reporting units: a tree of province, districts, communes, wards and towns, with weights.

A unit has an id, a name, a kind, an optional parent (the unit it reports to) and any number
of named weights (population, rural_population, households…), used by `weighted_mean`
roll-ups. Reading a units file is `hauloc_cli.inputs.units_file.load_units`; this module is
the model and its rules, which pydantic checks when the tree is built.
"""

from __future__ import annotations

import functools
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from hauloc_cli.errors import Code

UnitKind = Literal["province", "district", "commune", "ward", "town"]
UNIT_ID = r"^[a-z0-9_-]+$"
Weight = Annotated[float, Field(strict=True, ge=0, allow_inf_nan=False)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Unit(_Model):
    id: Annotated[str, Field(pattern=UNIT_ID)]
    name: Annotated[str, Field(min_length=1)]
    name_en: str | None = None
    kind: UnitKind
    parent: Annotated[str, Field(pattern=UNIT_ID)] | None = None
    weights: dict[Annotated[str, Field(pattern=r"^[a-z0-9_]+$")], Weight] = {}
    source: str | None = None


def _tree_error(message: str, index: int, key: str, code: Code) -> PydanticCustomError:
    return PydanticCustomError("plan_rule", message, {"index": index, "key": key, "code": code})


class Units(_Model):
    """The units of one file, parents before or after their children, in file order."""

    source: str | None = None
    note: str | None = None
    units: tuple[Unit, ...]

    @field_validator("units")
    @classmethod
    def _a_tree(cls, units: tuple[Unit, ...]) -> tuple[Unit, ...]:
        if not units:
            raise PydanticCustomError("plan_rule", "a units file needs at least one unit", {})
        index: dict[str, int] = {}
        for i, u in enumerate(units):
            if u.id in index:
                raise _tree_error(f"unit id '{u.id}' is used twice (first at units[{index[u.id]}])",
                                  i, "id", Code.DUPLICATE_ID)
            index[u.id] = i
        for i, u in enumerate(units):
            if u.parent is not None and u.parent not in index:
                raise _tree_error(f"parent '{u.parent}' is not a unit of this file", i, "parent",
                                  Code.UNKNOWN_UNIT)
        for i, u in enumerate(units):
            seen = {u.id}
            node = u
            while node.parent is not None:
                if node.parent in seen:
                    raise _tree_error(f"unit '{u.id}' is its own ancestor (a cycle through "
                                      f"'{node.parent}')", i, "parent", Code.UNIT_CYCLE)
                seen.add(node.parent)
                node = units[index[node.parent]]
        return units

    @functools.cached_property
    def by_id(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @functools.cached_property
    def _children(self) -> dict[str | None, tuple[str, ...]]:
        children: dict[str | None, list[str]] = {}
        for u in self.units:
            children.setdefault(u.parent, []).append(u.id)
        return {k: tuple(v) for k, v in children.items()}

    def children(self, unit_id: str | None) -> tuple[str, ...]:
        """The units that report to `unit_id` (None: the roots), in file order."""
        return self._children.get(unit_id, ())

    def leaves(self, unit_id: str) -> tuple[str, ...]:
        """The units under `unit_id` that have no children of their own (the reporters)."""
        found: list[str] = []
        stack = [unit_id]
        while stack:
            node = stack.pop()
            kids = self.children(node)
            if kids:
                stack.extend(reversed(kids))
            elif node != unit_id:
                found.append(node)
        return tuple(found)

    def descendants(self, unit_id: str) -> tuple[str, ...]:
        """Every unit under `unit_id`, depth first, in file order."""
        found: list[str] = []
        stack = list(reversed(self.children(unit_id)))
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(reversed(self.children(node)))
        return tuple(found)

    def weight(self, unit_id: str, name: str) -> float | None:
        """A unit's weight: its own, else the sum of its children's (None when one lacks it)."""
        own = self.by_id[unit_id].weights.get(name)
        kids = self.children(unit_id)
        if own is not None or not kids:
            return own
        found = [self.weight(k, name) for k in kids]
        return None if None in found else sum(w for w in found if w is not None)

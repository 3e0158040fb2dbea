"""The units' side of the meeting brief: who is behind, who has not reported (no words).

Pure: from a `UnitsReport` to the two lists the brief shows after its own sections.
"""

from __future__ import annotations

from dataclasses import dataclass

from hauloc_cli.model.plan import Target
from hauloc_cli.rules.rollup import UnitsReport
from hauloc_cli.rules.status import Result, Status


@dataclass(frozen=True)
class Behind:
    """One target's units that are off track, lowest ratio first (those without one last)."""

    target: Target
    units: tuple[tuple[str, Result], ...]  # (unit name, its result)


@dataclass(frozen=True)
class NotReported:
    target: Target
    units: tuple[str, ...]  # the names of the units without a figure for the period judged
    expected: int
    carried: tuple[str, ...] = ()  # those of them whose earlier figure (a state) stands in


def units_behind(units: UnitsReport) -> tuple[Behind, ...]:
    found = []
    tree = units.units
    for target in units.report.plan.targets:
        rolled = units.targets.get(target.id)
        if rolled is None:
            continue
        off = [(tree.by_id[u.unit].name, u.result) for u in rolled.units
               if u.result is not None
               and u.result.status in (Status.OFF_TRACK, Status.MISSED)]
        off.sort(key=lambda pair: (pair[1].ratio is None, pair[1].ratio or 0.0))
        if off:
            found.append(Behind(target, tuple(off)))
    return tuple(found)


def not_reported(units: UnitsReport) -> tuple[NotReported, ...]:
    tree, plan = units.units, units.report.plan
    return tuple(NotReported(plan.by_id[tid], tuple(tree.by_id[u].name for u in cover.not_reported),
                             cover.expected, tuple(tree.by_id[u].name for u in cover.carried))
                 for tid, cover in units.not_reported().items())

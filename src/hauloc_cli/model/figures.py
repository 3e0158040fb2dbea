"""Figures as reported: one value of one target for one period, with where it came from.

A `Figure` has room for what reports carry besides the number: the reporting unit (a commune
or an office), how final it is (estimate, preliminary, official), the date it was reported,
and the file and line (or row of a sheet) it was read from. `Figures` holds them by target
and period; the rules take it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from enum import Enum
from typing import NamedTuple

from hauloc_cli.model.periods import Period

Value = float | bool  # a number, or a milestone done (True) or not (False)


class FigureStatus(str, Enum):
    """How final a figure is, from least to most: ước tính, sơ bộ, chính thức."""

    ESTIMATE = "estimate"
    PRELIMINARY = "preliminary"
    OFFICIAL = "official"


class Figure(NamedTuple):
    target: str  # the target's id
    period: Period
    value: Value
    unit: str | None = None  # the reporting unit; None: the plan's own unit
    status: FigureStatus | None = None  # None: not marked
    reported: date | None = None
    file: str = ""
    line: int | None = None  # the line of a text file, the row of a sheet
    # What the office wrote beside the figure (the `nguyên nhân` and `giải pháp` columns):
    # why it stands where it does, and what is done about it; the letter quotes them.
    cause: str = ""
    solution: str = ""

    @property
    def place(self) -> str:
        """`file:line`, as problems name a place."""
        return f"{self.file}:{self.line}" if self.line is not None else self.file


# How final each status is; an unmarked figure counts as less final than an estimate.
FINALITY: dict[FigureStatus | None, int] = {
    None: 0, FigureStatus.ESTIMATE: 1, FigureStatus.PRELIMINARY: 2, FigureStatus.OFFICIAL: 3}


def precedence(figure: Figure) -> tuple[date, int]:
    """Which of two figures for the same target and period is used: the later reported date
    (a figure without one is older than any dated one), then the more final status. Two
    figures of equal precedence cannot both stand (duplicate-row)."""
    return (figure.reported or date.min, FINALITY[figure.status])


def revise(by_target: dict[str, dict[Period, Figure]],
           replaced: dict[tuple[str, Period], tuple[Figure, ...]], figure: Figure,
           beside: bool = False) -> Figure | None:
    """Keep `figure` in `by_target`, or let it revise the one kept for its target and period
    (the one of higher `precedence` is kept, the other goes to `replaced`, earliest first).
    Returns the figure of equal precedence it clashes with (a duplicate), else None. With
    `beside` (a last-year figure given beside another row's value), a figure equal to the one
    kept is the same figure said again."""
    figures = by_target.setdefault(figure.target, {})
    kept = figures.get(figure.period)
    if kept is None:
        figures[figure.period] = figure
        return None
    if beside and kept.value == figure.value:
        return None
    key = (figure.target, figure.period)
    earlier = replaced.get(key, ())
    rank = precedence(figure)
    for other in (kept, *earlier):
        if precedence(other) == rank:
            return other
    if rank > precedence(kept):
        figures[figure.period] = figure
        figure = kept
    replaced[key] = tuple(sorted((*earlier, figure), key=precedence))
    return None


_NONE: Mapping[Period, Figure] = {}
_NO_REVISIONS: tuple[Figure, ...] = ()


class Figures:
    """Figures by target id and period, at most one for each pair."""

    __slots__ = ("_by_target", "_replaced")

    def __init__(self, figures: Iterable[Figure] = ()) -> None:
        self._by_target: dict[str, dict[Period, Figure]] = {}
        # (target, period) → the figures the one kept replaced, earliest first
        self._replaced: dict[tuple[str, Period], tuple[Figure, ...]] = {}
        for figure in figures:
            self.add(figure)

    @classmethod
    def of_values(cls, year: int, values: Mapping[str, Mapping[int, Value]]) -> Figures:
        """Figures from plain values: `{target id: {quarter: value}}` of one year."""
        return cls(Figure(tid, Period.at_quarter(year, q), v) for tid, by_q in values.items()
                   for q, v in by_q.items())

    @classmethod
    def indexed(cls, by_target: dict[str, dict[Period, Figure]],
                replaced: dict[tuple[str, Period], tuple[Figure, ...]] | None = None
                ) -> Figures:
        """Figures already indexed by target and period (the dicts are taken, not copied);
        `replaced` holds, for a target and period, the figures revised by the one kept."""
        figures = cls()
        figures._by_target = by_target
        if replaced:
            figures._replaced = replaced
        return figures

    def copy(self) -> Figures:
        """A copy to add to; the figures revised are kept with it."""
        return Figures.indexed({tid: dict(by_p) for tid, by_p in self._by_target.items()},
                               dict(self._replaced))

    def replaced(self, target: str, period: Period) -> tuple[Figure, ...]:
        """The figures that the one kept for `target` and `period` revised, earliest first."""
        if not self._replaced:  # the common case: nothing was revised
            return _NO_REVISIONS
        return self._replaced.get((target, period), _NO_REVISIONS)

    def merged(self, other: Figures) -> tuple[Figures, list[tuple[Figure, Figure]]]:
        """These figures and `other`'s as one collection, revisions across both by
        `precedence` (`revise`: the one policy wherever two figures meet); and the pairs
        (figure of `other`, the one it clashes with) that neither revises."""
        merged = self.copy()
        clashes = []
        for figure in (*other, *(f for fs in other._replaced.values() for f in fs)):
            clash = revise(merged._by_target, merged._replaced, figure)
            if clash is not None:
                clashes.append((figure, clash))
        return merged, clashes

    @property
    def revised(self) -> dict[tuple[str, Period], tuple[Figure, ...]]:
        """Every (target, period) whose figure replaced others, with those it replaced."""
        return dict(self._replaced)

    def add(self, figure: Figure) -> None:
        """Keep `figure`, replacing one already kept for the same target and period."""
        periods = self._by_target.get(figure.target)
        if periods is None:
            periods = self._by_target[figure.target] = {}
        periods[figure.period] = figure

    def of(self, target: str) -> Mapping[Period, Figure]:
        """The figures of one target by period (empty when it has none)."""
        return self._by_target.get(target, _NONE)

    def values(self) -> dict[str, dict[int, Value]]:
        """`{target id: {quarter: value}}` of the year of the latest figure (not last year's
        figures kept to compare with): the plain numbers, for tests and summaries."""
        year = self.latest.year if self.latest else 0
        return {tid: {p.quarter: f.value for p, f in sorted(by_p.items())
                      if p.year == year and p.quarter is not None}
                for tid, by_p in self._by_target.items()}

    @property
    def periods(self) -> list[Period]:
        """Every period that has a figure, first to last."""
        return sorted(set().union(*self._by_target.values()))

    @property
    def latest(self) -> Period | None:
        return max(map(max, filter(None, self._by_target.values())), default=None)

    def __iter__(self) -> Iterator[Figure]:
        for by_p in self._by_target.values():
            yield from by_p.values()

    def __len__(self) -> int:
        return sum(len(by_p) for by_p in self._by_target.values())

    def __bool__(self) -> bool:
        return bool(self._by_target)

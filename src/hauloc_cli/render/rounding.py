"""Rounding that cannot mislead: a ratio printed beside a status, and what a count needs.

- `band_percent`: a ratio as a percentage, never rounded across an edge of the status bands
  (`0.949` beside `Có nguy cơ` is `94,9%`, not `95%`). The edges are those the status was
  decided on: `edges(plan.status_bands)` gives at_risk, on_track and 1 (met). A value that
  `rules.status.same` takes for an edge counts as the edge, as the rules count it.
- `whole`: what is expected or still needed of a target that counts whole things
  (`Target.counts_whole`), as a whole number rounded the honest way: what is needed up
  (2,25 products needed is 3), what is allowed down (2,75 accidents allowed is 2).

Pure: numbers in, numbers (or text) out.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from hauloc_cli.model.plan import StatusBands, Target
from hauloc_cli.rules.status import same
from hauloc_cli.vocab.i18n import format_number

MOST_DECIMALS = 2  # 94,99%: past this, the figure is cut toward its own side of the edge


def edges(bands: StatusBands) -> tuple[float, ...]:
    """The ratios at which a status changes: at_risk, on_track, and 1 (the target met)."""
    return tuple(sorted({bands.at_risk, bands.on_track, 1.0}))


Sides = Callable[[float], tuple[bool, ...]]


def at_or_above(x: float, edge: float) -> bool:
    """At or above `edge`, as the rules judge it (`same` counts as equal)."""
    return x > edge or same(x, edge)


def sides_of(cuts: Sequence[float]) -> Sides:
    """Which side of each edge in `cuts` a share lies on."""
    return lambda x: tuple(at_or_above(x, e) for e in cuts)


def shown_percent(x: float, sides: Sides, *, decimals: int = 0) -> tuple[float, int]:
    """100·x rounded to the fewest decimals (from `decimals` to MOST_DECIMALS) that leave it
    on the same `sides` of the edges as x, and that number of decimals; past MOST_DECIMALS it
    is cut toward x's own side (0.949999 → 94.99)."""
    want = sides(x)
    for d in range(decimals, MOST_DECIMALS + 1):
        shown = round(x * 100, d)
        if sides(shown / 100) == want:
            return shown, d
    d = max(decimals, MOST_DECIMALS)
    scale = 10 ** d
    for shown in (math.floor(x * 100 * scale) / scale, math.ceil(x * 100 * scale) / scale):
        if sides(shown / 100) == want:
            return shown, d
    return x * 100, d  # edges closer than 10^-MOST_DECIMALS % apart: nothing better to say


def band_percent(x: float, cuts: Sequence[float], lang: str, *, decimals: int = 0) -> str:
    """`94,9%`: the share x as a percentage on its own side of every edge in `cuts`."""
    return percent_on_sides(x, sides_of(cuts), lang, decimals=decimals)


def percent_on_sides(x: float, sides: Sides, lang: str, *, decimals: int = 0) -> str:
    """x as a percentage that stays on its own `sides` (see shown_percent)."""
    shown, d = shown_percent(x, sides, decimals=decimals)
    return format_number(shown, lang, decimals=d) + "%"


def whole(x: float, *, up: bool) -> float:
    """x as a whole number: up for what is needed, down for what is allowed; a number that
    `same` takes for a whole one is that one (2.000000001 stays 2)."""
    nearest = round(x)
    if same(x, nearest):
        return float(nearest)
    return float(math.ceil(x) if up else math.floor(x))


def expected(target: Target, x: float) -> float:
    """What is expected by now, as it is written: whole for a count, up for a need (at_least),
    down for an allowance (at_most); else as it is."""
    if not target.counts_whole:
        return x
    return whole(x, up=target.direction != "at_most")


def needed(target: Target, x: float, *, allowance: bool = False) -> float:
    """An amount still needed (`allowance`: still allowed), as it is written: whole for a
    count (needed up, allowed down); else as it is."""
    return whole(x, up=not allowance) if target.counts_whole else x

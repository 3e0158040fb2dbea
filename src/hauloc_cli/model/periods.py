"""Periods of a plan year: year-to-date figures at the end of a month.

Every figure is year-to-date at the end of its month, as Vietnamese reports give them
("10 tháng", "lũy kế"); a quarter is the period at the end of months 3, 6, 9 and 12 ("quý I",
"6 tháng", "9 tháng", "cả năm"). A run steps month by month when it is monthly (its plan or its
figures say so), else quarter by quarter, as before months existed. How offices write a period,
both ways, is `hauloc_cli.vocab.periods`; this module is the value itself.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

MONTHS_PER_YEAR = 12
QUARTERS_PER_YEAR = 4
MONTHS_PER_QUARTER = MONTHS_PER_YEAR // QUARTERS_PER_YEAR
QUARTERS: tuple[int, ...] = tuple(range(1, QUARTERS_PER_YEAR + 1))


class Period(NamedTuple):
    """The year to date at the end of `month` of `year`. Ordered by year, then month."""

    year: int
    month: int

    @classmethod
    def at_quarter(cls, year: int, quarter: int) -> Period:
        """The period at the end of `quarter`: its third month."""
        return cls(year, MONTHS_PER_QUARTER * quarter)

    def __str__(self) -> str:
        """`2024-Q3` at a quarter's end (as options and outputs always wrote it), else
        `2024-10`."""
        if self.quarter is not None:
            return f"{self.year}-Q{self.quarter}"
        return f"{self.year}-{self.month:02d}"

    @property
    def quarter(self) -> int | None:
        """The quarter this period ends; None for a month inside a quarter."""
        whole, rest = divmod(self.month, MONTHS_PER_QUARTER)
        return None if rest else whole

    @property
    def final(self) -> bool:
        """The whole year: December."""
        return self.month == MONTHS_PER_YEAR

    def first(self, monthly: bool = False) -> bool:
        """The first period of the year at the run's step (January, or the first quarter)."""
        return self.month <= self.step(monthly)

    def step(self, monthly: bool) -> int:
        """Months between this period and the one before: 1 in a monthly run or inside a
        quarter, else 3."""
        return 1 if monthly or self.quarter is None else MONTHS_PER_QUARTER

    def left(self, monthly: bool) -> int:
        """Periods of the year still to come after this one: months in a monthly run, else
        quarters (whole ones: a mid-quarter period counts the quarters after its own)."""
        if monthly:
            return MONTHS_PER_YEAR - self.month
        return QUARTERS_PER_YEAR - -(-self.month // MONTHS_PER_QUARTER)

    @property
    def end(self) -> date:
        """The last day of the month: 31 March, 30 June, 31 October, …"""
        if self.final:
            return date(self.year, 12, 31)
        return date(self.year, self.month + 1, 1) - timedelta(days=1)

    def previous(self, monthly: bool = False) -> Period:
        """The period before at the run's step, across the new year (2024-Q1 → 2023-Q4,
        2024-01 → 2023-12)."""
        month = self.month - self.step(monthly)
        return Period(self.year - 1, MONTHS_PER_YEAR) if month <= 0 else Period(self.year, month)

    def next(self, monthly: bool = False) -> Period:
        """The period after at the run's step, across the new year (2024-Q4 → 2025-Q1)."""
        step = self.step(monthly)
        if self.final:
            return Period(self.year + 1, step)
        return Period(self.year, self.month + step)

    def same_last_year(self) -> Period:
        """The same period of the year before, as reports compare ('so với cùng kỳ')."""
        return Period(self.year - 1, self.month)

    def year_so_far(self, monthly: bool = False) -> tuple[Period, ...]:
        """Every period of the year up to and including this one at the run's step, first to
        last: the quarters' ends (and this month, inside a quarter), or every month."""
        if monthly:
            return tuple(Period(self.year, m) for m in range(1, self.month + 1))
        ends = [Period(self.year, m)
                for m in range(MONTHS_PER_QUARTER, self.month + 1, MONTHS_PER_QUARTER)]
        return (*ends, self) if self.quarter is None else tuple(ends)

    @classmethod
    def of_year(cls, year: int, monthly: bool = False) -> tuple[Period, ...]:
        """The periods of a year: its four quarters, or its twelve months."""
        return cls(year, MONTHS_PER_YEAR).year_so_far(monthly)


def pace_share(pace: tuple[float, ...] | None, month: int) -> float:
    """Share of the year's progress expected by the end of `month`: the pace's share for the
    month (12 shares), or at a quarter's end (4), straight between quarters' ends; with no
    pace, month / 12 (a quarter's end: quarter / 4)."""
    if pace is None:
        return month / MONTHS_PER_YEAR
    if len(pace) == MONTHS_PER_YEAR:
        return float(pace[month - 1])
    quarter, into = divmod(month, MONTHS_PER_QUARTER)
    before = float(pace[quarter - 1]) if quarter else 0.0
    if not into:
        return before
    return before + (float(pace[quarter]) - before) * into / MONTHS_PER_QUARTER

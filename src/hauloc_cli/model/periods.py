"""Periods of a plan year: year-to-date figures at the end of each quarter.

Every figure is year-to-date at the end of its quarter, as Vietnamese reports give them
("quý I", "6 tháng", "9 tháng", "cả năm"). Reading the ways reports write a period is
`hauloc_cli.inputs.periods`; this module is the value itself.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

QUARTERS_PER_YEAR = 4
QUARTERS: tuple[int, ...] = tuple(range(1, QUARTERS_PER_YEAR + 1))


class Period(NamedTuple):
    """The year to date at the end of `quarter` of `year`. Ordered by year, then quarter."""

    year: int
    quarter: int

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}"

    @property
    def final(self) -> bool:
        """The whole year: the last quarter."""
        return self.quarter == QUARTERS_PER_YEAR

    @property
    def first(self) -> bool:
        return self.quarter == 1

    @property
    def quarters_left(self) -> int:
        """Quarters of the year still to come after this one."""
        return QUARTERS_PER_YEAR - self.quarter

    @property
    def end(self) -> date:
        """The last day: 31 March, 30 June, 30 September, 31 December."""
        month = 3 * self.quarter
        return date(self.year, month, 31 if month in (3, 12) else 30)

    def previous(self) -> Period:
        """The quarter before, across the new year (2024-Q1 → 2023-Q4)."""
        if self.first:
            return Period(self.year - 1, QUARTERS_PER_YEAR)
        return Period(self.year, self.quarter - 1)

    def next(self) -> Period:
        """The quarter after, across the new year (2024-Q4 → 2025-Q1)."""
        if self.final:
            return Period(self.year + 1, 1)
        return Period(self.year, self.quarter + 1)

    def same_last_year(self) -> Period:
        """The same period of the year before, as reports compare ('so với cùng kỳ')."""
        return Period(self.year - 1, self.quarter)

    def year_so_far(self) -> tuple[Period, ...]:
        """Every period of the year up to and including this one, first to last."""
        return tuple(Period(self.year, q) for q in range(1, self.quarter + 1))

    def words(self, lang: str) -> str:
        """The period inside a sentence, as the offices write it: 'quý I', '9 tháng'."""
        return _IN_SENTENCE[lang][self.quarter - 1]

    def heading(self, lang: str) -> str:
        """The period as a heading: 'Quý I', '6 tháng' / 'Q1', 'first half'."""
        return _HEADING[lang][self.quarter - 1]

    @classmethod
    def of_year(cls, year: int) -> tuple[Period, ...]:
        return tuple(cls(year, q) for q in QUARTERS)


# The words for the figure at the end of each quarter inside a sentence: Vietnamese as the
# offices write them, English as the quarter ("by the end of Q3", "as of Q1").
_IN_SENTENCE = {"en": ("Q1", "Q2", "Q3", "Q4"), "vi": ("quý I", "6 tháng", "9 tháng", "cả năm")}
_HEADING = {"en": ("Q1", "first half", "nine months", "full year"),
            "vi": ("Quý I", "6 tháng", "9 tháng", "Cả năm")}

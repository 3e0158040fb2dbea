"""Quarters of a plan year: parsing `YYYY-Qn` and the dates they end on.

Every figure is year-to-date at the end of its quarter, as Vietnamese reports give them
("quý I", "6 tháng", "9 tháng", "cả năm").
"""

from __future__ import annotations

import re
from datetime import date

QUARTERS = (1, 2, 3, 4)
_PERIOD = re.compile(r"(\d{4})-Q([1-4])")


def parse_period(text: str) -> tuple[int, int] | None:
    """`'2024-Q2'` → `(2024, 2)`; None when the text is not of that form."""
    m = _PERIOD.fullmatch(text.strip())
    return (int(m.group(1)), int(m.group(2))) if m else None


def format_period(year: int, quarter: int) -> str:
    return f"{year}-Q{quarter}"


def quarter_end(year: int, quarter: int) -> date:
    """The last day of a quarter: 31 March, 30 June, 30 September, 31 December."""
    month = 3 * quarter
    day = 31 if month in (3, 12) else 30
    return date(year, month, day)

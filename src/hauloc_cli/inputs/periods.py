"""Reading periods as they are written: the canonical `2024-Q2` and the ways reports write it.

`parse_period` reads the canonical `2024-Q2` (options and output use it); `read_period` also
reads the ways reports write it ("quý I", "6 tháng", "9 tháng", "cả năm").
"""

from __future__ import annotations

import re
import unicodedata

from hauloc_cli.errors import Code
from hauloc_cli.model.periods import QUARTERS, Period

_PERIOD = re.compile(r"(\d{4})-Q([1-4])")

# Year-to-date periods as reports write them (lower case, NFC, single spaces, no year).
_YEAR_TO_DATE = {
    **{f"q{q}": q for q in QUARTERS},
    "quý i": 1, "quý 1": 1, "quý i năm": 1, "quý 1 năm": 1,
    "3 tháng": 1, "3 tháng đầu năm": 1,
    "6 tháng": 2, "6 tháng đầu năm": 2, "6 tháng năm": 2,
    "9 tháng": 3, "9 tháng đầu năm": 3, "9 tháng năm": 3,
    "cả năm": 4, "năm": 4, "12 tháng": 4,
}
# "Quý II" is the second quarter alone in a Vietnamese report, not the year to date.
_QUARTER_ALONE = {"quý ii": 2, "quý 2": 2, "quý iii": 3, "quý 3": 3, "quý iv": 4, "quý 4": 4}
# The rest of the period, then the year: "6 tháng đầu năm 2024", "Quý I/2024", "Q1-2024".
_WITH_YEAR = re.compile(r"(.*?)[\s/,.-]*\b(\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})\b[\s/,.-]*(.+)")
_SPELLINGS = {"quí": "quý", "quy": "quý", "thang": "tháng", "ca nam": "cả năm", "nam": "năm",
              "dau": "đầu"}
_WORD = re.compile(r"[^\W\d_]+")
# A period typed as a date (31/03/2024), or an Excel date cell read as ISO text.
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?")


class PeriodError(ValueError):
    """Why a text is not a year-to-date period of the plan's year: (code, message, hint)."""

    def __init__(self, code: Code, message: str, hint: str) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


def parse_period(text: str) -> Period | None:
    """`'2024-Q2'` → `Period(2024, 2)`; None when the text is not of that form."""
    m = _PERIOD.fullmatch(text.strip())
    return Period(int(m.group(1)), int(m.group(2))) if m else None


def read_period(text: str, year: int) -> int:
    """The quarter a period of an actuals file ends, or PeriodError saying why it is not one.

    Accepts `2024-Q2`, `Q2`, and the Vietnamese year-to-date forms with or without the year:
    `Quý I`/`quý 1` (Q1), `6 tháng` (Q2), `9 tháng` (Q3), `Cả năm`/`năm` (Q4),
    `6 tháng đầu năm 2024`. Refuses `Quý II`…`Quý IV` (one quarter alone) and other years.
    """
    canonical = parse_period(text) or _date_period(text, year)
    if canonical is not None:
        found_year, quarter = canonical
        rest = ""
    else:
        words = " ".join(unicodedata.normalize("NFC", text).lower().split())
        words = _WORD.sub(lambda m: _SPELLINGS.get(m.group(0), m.group(0)), words)
        words = words.replace("ca năm", "cả năm")
        rest, found_year = words, year
        if m := _WITH_YEAR.fullmatch(words):
            rest, found_year = m.group(1), int(m.group(2))
        elif m := _YEAR_FIRST.fullmatch(words):
            rest, found_year = m.group(2), int(m.group(1))
        quarter = _YEAR_TO_DATE.get(rest, 0)
        if not quarter:
            alone = _QUARTER_ALONE.get(rest)
            if alone is not None:
                raise PeriodError(
                    Code.QUARTER_ALONE,
                    f"'{text}' is the figure of quarter {alone} alone, not the year to date",
                    f"give the year-to-date figure as '{Period(year, alone).heading('vi')}' "
                    f"(or {year}-Q{alone})",
                )
            raise PeriodError(
                Code.BAD_PERIOD, f"'{text}' is not a period",
                f"write {year}-Q1 … {year}-Q4, or Quý I, 6 tháng, 9 tháng, Cả năm",
            )
    if found_year != year:
        raise PeriodError(Code.WRONG_YEAR, f"period '{text}' is not in the plan's year {year}",
                          f"this plan is for {year}; use the plan of {found_year} "
                          "with --targets")
    return quarter


def _date_period(text: str, year: int) -> Period | None:
    """The quarter a date at a quarter's end stands for (`31/03/2024` → Q1); None when the
    text is not a date; PeriodError for any other date."""
    words = text.strip()
    if m := _DAY_FIRST.fullmatch(words):
        day, month, in_year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _ISO_DATE.fullmatch(words):
        in_year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        return None
    for period in Period.of_year(in_year):
        if (period.end.month, period.end.day) == (month, day):
            return period
    raise PeriodError(
        Code.BAD_PERIOD, f"'{text}' is a date, not the end of a quarter",
        f"a figure is the year to date at a quarter's end: 31/03, 30/06, 30/09 or 31/12 "
        f"(or write {year}-Q1 … {year}-Q4)")

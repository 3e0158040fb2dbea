"""Periods as offices write them, both ways, per language: every form hauloc writes for a
period, and the one reader of the forms it reads.

Writing (`canonical`, `words`, `heading`, `annex_words`, `long_words`, `name`, `rest_words`):
a quarter's end keeps the words reports have always used ("quý I", "6 tháng", "9 tháng",
"cả năm"); any other month is "10 tháng" ("10 tháng năm 2026", "10 tháng đầu năm 2026") in
Vietnamese and "Jan–Oct" ("January–October 2026") in English.

Reading (`find`, `read`): the canonical `2024-Q3` and `2026-10`, the quarters' words, every
month's year to date (`10 tháng`, `10 tháng đầu năm`, `10 tháng năm 2026`, a date at a month's
end), the month alone (`tháng 10`, `tháng 10/2026`, `T10/2026`), the estimates (`ước tháng 12`,
`ước cả năm`, `11 tháng và ước cả năm`), and the English forms hauloc writes. `find` looks for a
period inside a heading or a title; `read` takes a whole cell or `--period` and says why a text
is not a period of the plan's year.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from hauloc_cli.errors import Code
from hauloc_cli.model.periods import MONTHS_PER_YEAR, Period
from hauloc_cli.vocab.messages import SAYERS, Text
from hauloc_cli.vocab.messages import text as message
from hauloc_cli.vocab.toneless import toneless

LANGS = ("vi", "en")

# --- writing --------------------------------------------------------------------------------

# The year to date at each quarter's end, as the offices write it.
_QUARTER_WORDS = {"en": ("Q1", "Q2", "Q3", "Q4"), "vi": ("quý I", "6 tháng", "9 tháng", "cả năm")}
_QUARTER_HEADING = {"en": ("Q1", "first half", "nine months", "full year"),
                    "vi": ("Quý I", "6 tháng", "9 tháng", "Cả năm")}
_QUARTER_ANNEX = {"vi": ("quý I năm {y}", "6 tháng năm {y}", "9 tháng năm {y}", "năm {y}"),
                  "en": ("Q1 {y}", "first half of {y}", "nine months of {y}", "the year {y}")}
_QUARTER_LONG = {"en": ("Q1 {y}", "first half of {y}", "nine months of {y}", "full year {y}"),
                 "vi": ("Quý I năm {y}", "6 tháng đầu năm {y}", "9 tháng đầu năm {y}",
                        "Cả năm {y}")}
# What is left of the year after the period: the letter's "tasks for the rest of the year".
_QUARTER_REST = {"vi": ("9 tháng cuối năm {y}", "6 tháng cuối năm {y}", "3 tháng cuối năm {y}",
                        "năm {y}"),
                 "en": ("the last nine months of {y}", "the second half of {y}",
                        "the last quarter of {y}", "{y}")}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def canonical(period: Period) -> str:
    """`2024-Q3`, `2026-10`: how options and machine outputs write a period."""
    return str(period)


def words(period: Period, lang: str) -> str:
    """The period inside a sentence: 'quý I', '9 tháng', '10 tháng' / 'Q1', 'Jan–Oct'."""
    if period.quarter is not None:
        return _QUARTER_WORDS[lang][period.quarter - 1]
    if lang == "vi":
        return f"{period.month} tháng"
    return "January" if period.month == 1 else f"Jan–{MONTH_NAMES[period.month - 1][:3]}"


def heading(period: Period, lang: str) -> str:
    """The period as a heading: 'Quý I', '10 tháng' / 'first half', 'January–October'."""
    if period.quarter is not None:
        return _QUARTER_HEADING[lang][period.quarter - 1]
    return f"{period.month} tháng" if lang == "vi" else _months_of(period)


def annex_words(period: Period, lang: str) -> str:
    """The period as an annex heading or a letter's subject names it: '9 tháng năm 2024',
    '10 tháng năm 2026' / 'nine months of 2024', 'January–October 2026'."""
    if period.quarter is not None:
        return _QUARTER_ANNEX[lang][period.quarter - 1].format(y=period.year)
    if lang == "vi":
        return f"{period.month} tháng năm {period.year}"
    return f"{_months_of(period)} {period.year}"


def long_words(period: Period, lang: str, estimate: bool = False) -> str:
    """The period heading a brief: '9 tháng đầu năm 2024', '10 tháng đầu năm 2026' /
    'nine months of 2024', 'January–October 2026'; the whole year judged on the `estimate`
    made before December: 'Ước thực hiện cả năm 2024' / 'estimate for the full year 2024'."""
    if estimate and period.final:
        return (f"Ước thực hiện cả năm {period.year}" if lang == "vi"
                else f"estimate for the full year {period.year}")
    if period.quarter is not None:
        return _QUARTER_LONG[lang][period.quarter - 1].format(y=period.year)
    if lang == "vi":
        return f"{period.month} tháng đầu năm {period.year}"
    return f"{_months_of(period)} {period.year}"


def name(period: Period, lang: str, *, start: bool = False) -> str:
    """`2024-Q3` in English, `9 tháng 2024` in Vietnamese (`Quý I 2024` at the `start` of a
    line)."""
    if lang == "en":
        return canonical(period)
    return f"{heading(period, lang) if start else words(period, lang)} {period.year}"


# A period inside a message is said as `name` says it (vocab/messages.py).
SAYERS[Period] = lambda period, lang: name(period, lang)  # type: ignore[arg-type]


def rest_words(period: Period, year: int, lang: str) -> str:
    """What is left of the year after `period`, of `year`: '3 tháng cuối năm 2024',
    '2 tháng cuối năm 2026' / 'the last quarter of 2024', 'November–December 2026'."""
    if period.quarter is not None:
        return _QUARTER_REST[lang][period.quarter - 1].format(y=year)
    left = MONTHS_PER_YEAR - period.month
    if lang == "vi":
        return f"{left} tháng cuối năm {year}"
    first = MONTH_NAMES[period.month]
    return f"{first}–December {year}" if left > 1 else f"December {year}"


def _months_of(period: Period) -> str:
    return "January" if period.month == 1 else f"January–{MONTH_NAMES[period.month - 1]}"


def written(period: Period) -> dict[str, tuple[str, ...]]:
    """Every form hauloc writes for `period`, per language (the round-trip test reads each
    back)."""
    return {lang: (canonical(period), words(period, lang), heading(period, lang),
                   annex_words(period, lang), long_words(period, lang),
                   long_words(period, lang, estimate=True), name(period, lang),
                   name(period, lang, start=True))
            for lang in LANGS}


# --- reading --------------------------------------------------------------------------------

class Found(NamedTuple):
    """A period read from words: the month it ends, its year when written, whether it is the
    month or quarter alone (not the year to date; `span` months long), whether it is an
    estimate, and the words as written (toneless)."""

    month: int
    year: int | None
    alone: bool
    words: str
    span: int = 0  # months the figure covers when `alone`: 1 (a month) or 3 (a quarter)
    estimate: bool = False


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NUMBER_WORDS = {w: n for n, w in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve"), start=1)}
_MONTH_WORDS = {name.lower()[:3]: n for n, name in enumerate(MONTH_NAMES, start=1)}
_M = r"(?P<m>1[0-2]|0?[1-9])"
_YEAR = r"(?:[\s/.,-]*(?:nam|of|of the year)?[\s/.,-]*(?P<year>\d{4}))?"
_MONTH_NAME = r"(?P<name>" + "|".join(
    rf"{n.lower()[:3]}(?:{n.lower()[3:]})?" for n in MONTH_NAMES) + r")"
# In the order they are tried; each names what it reads.
_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), kind) for p, kind in (
    (r"\b(?P<year>\d{4})-(?P<n>1[0-2]|0[1-9])\b(?![/.-]\d)", "months"),
    (r"\b(?P<n>1[0-2]|[1-9]) thang va uoc(?: thuc hien)?(?: ca)? nam" + _YEAR, "year_estimate"),
    (r"\buoc(?: thuc hien| tinh)?(?: ca)? nam" + _YEAR, "year_estimate"),
    (r"\bestimated?(?: for)?(?: the)? (?:full |whole )?year" + _YEAR, "year_estimate"),
    (r"\buoc(?: thuc hien| tinh)? thang " + _M + _YEAR + r"\b", "month_estimate"),
    (r"\b(?:quy|qui) (?P<q>iv|i{1,3}|[1-4])\b" + _YEAR, "quy"),
    (r"\b(?P<n>1[0-2]|[1-9]) thang(?! cuoi)(?: dau)?(?: nam)?" + _YEAR, "months"),
    (r"(?<![\w/])t" + _M + r"[/.-](?P<year>\d{4})\b", "month"),
    (r"\bthang " + _M + _YEAR + r"\b", "month"),
    (r"\bmonth " + _M + r" alone" + _YEAR, "month"),
    (r"\bca nam" + _YEAR, "year"),
    (r"\bq(?P<q>[1-4])\b" + _YEAR, "q"),
    (r"\b(?P<w>" + "|".join(_NUMBER_WORDS) + r") months" + _YEAR, "months"),
    (r"\bjan(?:uary)? ?[-–] ?" + _MONTH_NAME + _YEAR, "months"),
    (r"\b(?:first|1st) half" + _YEAR, "half"),
    (r"\b(?:first|1st) quarter" + _YEAR, "first"),
    (r"\b(?:full|whole) year" + _YEAR, "year"),
    (r"\bjanuary" + _YEAR, "january"),
))
# Only in a value heading: `Thực hiện năm 2024`, `Actual, the year 2024` (the writers' full
# year). In a title, `năm 2024` is the plan's year (`chỉ tiêu năm 2024`), not a period.
_YEAR_ONLY = re.compile(r"\b(?:nam|the year) (?P<year>\d{4})\b")
# A date line (`Hậu Lộc, ngày 9 tháng 10 năm 2024`) names a day, not a period: `9 tháng` there
# is not nine months.
_DATE_LINE = re.compile(r"\bngay\s*\d{1,2}\s*thang\s*\d{1,2}(?:\s*nam\s*\d{4})?")


def find(text: str, heading: bool) -> Found | None:
    """The period a heading (`heading`) or a title row names, in Vietnamese or English:
    `9 tháng năm 2024`, `10 tháng đầu năm 2026`, `Quý I năm 2024`, `quý III/2024`, `tháng 10`,
    `ước cả năm`, `cả năm 2024`, `nine months of 2024`, `Q3 2024`, `January–October 2026`;
    None when none. `quý II`…`quý IV` in a heading is that quarter alone; in a title it names
    the report's quarter."""
    said = _DATE_LINE.sub(" ", toneless(text))
    for pattern, kind in _FORMS:
        if m := pattern.search(said):
            return _found(m, kind, heading)
    if heading and (m := _YEAR_ONLY.search(said)):
        return Found(MONTHS_PER_YEAR, int(m.group("year")), False, m.group(0))
    return None


def _found(m: re.Match[str], kind: str, heading: bool) -> Found:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    said = m.group(0)
    if kind in ("quy", "q"):
        q = groups["q"]
        quarter = int(q) if q.isdigit() else _ROMAN[q]
        alone = heading and kind == "quy" and quarter > 1
        return Found(3 * quarter, year, alone, said, 3 if alone else 0)
    if kind == "month" or kind == "month_estimate":
        month = int(groups["m"])
        alone = month > 1  # January alone is the year to date at its end
        return Found(month, year, alone, said, 1 if alone else 0, kind == "month_estimate")
    if kind == "year_estimate":
        return Found(MONTHS_PER_YEAR, year, False, said, estimate=True)
    if kind == "months":
        if groups.get("name"):
            month = _MONTH_WORDS[groups["name"][:3]]
        elif groups.get("w"):
            month = _NUMBER_WORDS[groups["w"]]
        else:
            month = int(groups["n"])
        return Found(month, year, False, said)
    month = {"half": 6, "first": 3, "year": MONTHS_PER_YEAR, "january": 1}[kind]
    return Found(month, year, False, said)


class PeriodError(ValueError):
    """Why a text is not a year-to-date period of the plan's year: (code, message, hint)."""

    def __init__(self, code: Code, message: Text, hint: Text) -> None:
        super().__init__(str(message))
        self.code, self.message, self.hint = code, message, hint


_CANONICAL = re.compile(r"(\d{4})-(?:q([1-4])|(1[0-2]|0[1-9]))")
# A whole cell: the period's words and the year, either way round, nothing else.
_YEAR_AROUND = re.compile(r"(?P<rest>.*?)[\s/,.-]*\b(?P<year>\d{4})|(?P<year2>\d{4})\b"
                          r"[\s/,.-]*(?P<rest2>.+)")
_BARE_YEAR = re.compile(r"(?:ca )?nam|12 thang|the year")
# A period typed as a date (31/10/2026), or an Excel date cell read as ISO text.
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?")


def parse(text: str) -> Period | None:
    """`'2024-Q2'` → `Period(2024, 6)`, `'2026-10'` → `Period(2026, 10)`; None when the text
    is not of that form."""
    m = _CANONICAL.fullmatch(text.strip().lower())
    if m is None:
        return None
    year = int(m.group(1))
    return Period.at_quarter(year, int(m.group(2))) if m.group(2) else Period(year, int(m.group(3)))


def read(text: str, year: int) -> Found:
    """A whole cell or `--period` as a period of the plan's `year`, or PeriodError saying why
    it is not one.

    Accepts `2024-Q2`, `2026-10`, `Q2`, the quarters' words (`Quý I`, `6 tháng`, `9 tháng`,
    `Cả năm`, `năm`), every month's year to date (`10 tháng`, `10 tháng đầu năm 2026`, a date
    at a month's end), the month alone (`tháng 10`, `tháng 10/2026`, `T10/2026`) and the
    estimates (`ước tháng 12`, `ước cả năm`), with or without the year. Refuses `Quý II`…
    `Quý IV` (one quarter alone), a month after December and other years.
    """
    found = _whole(text, year)
    if found is None:
        raise PeriodError(
            Code.BAD_PERIOD, message("period.empty") if not text.strip()
            else message("period.not_a_period", text=text),
            message("period.hint_write", year=year))
    if found.alone and found.span == 3:
        quarter = found.month // 3
        raise PeriodError(
            Code.QUARTER_ALONE, message("period.quarter_alone", text=text, quarter=quarter),
            message("period.hint_ytd", words=heading(Period(year, found.month), "vi"),
                    period=f"{year}-Q{quarter}"))
    if found.year is not None and found.year != year:
        raise PeriodError(Code.WRONG_YEAR,
                          message("period.wrong_year", text=text, year=year),
                          message("period.hint_last_year", year=year, other=found.year)
                          if found.year == year - 1 else
                          message("period.hint_other_year", year=year, other=found.year))
    return found


def _whole(text: str, year: int) -> Found | None:
    if (period := parse(text)) is not None:
        return Found(period.month, period.year, False, text)
    if (period := _date(text, year)) is not None:
        return Found(period.month, period.year, False, text)
    said = toneless(unicodedata.normalize("NFC", text))
    rest, in_year = said, None
    if (m := _YEAR_AROUND.fullmatch(said)) and not _CANONICAL_MONTH.fullmatch(said):
        rest = m.group("rest") if m.group("year") else m.group("rest2")
        in_year = int(m.group("year") or m.group("year2"))
    rest = rest.strip(" /,.-")
    if rest.endswith((" nam", " of")) and not rest.endswith("ca nam"):
        rest = rest.rsplit(" ", 1)[0]  # `quý I năm`, `nine months of`: the year's word
    if _BARE_YEAR.fullmatch(rest):
        return Found(MONTHS_PER_YEAR, in_year, False, said)
    for pattern, kind in _FORMS:
        if (m := pattern.fullmatch(rest)) is not None:
            found = _found(m, kind, heading=True)
            return found._replace(year=found.year or in_year)
    return None


# `T10/2026`: the month alone with its year, read whole by its own form.
_CANONICAL_MONTH = re.compile(r"t" + _M + r"[/.-]\d{4}")


def _date(text: str, year: int) -> Period | None:
    """The month a date at a month's end stands for (`31/10/2026` → 10 months); None when the
    text is not a date; PeriodError for any other date."""
    said = text.strip()
    if m := _DAY_FIRST.fullmatch(said):
        day, month, in_year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _ISO_DATE.fullmatch(said):
        in_year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        return None
    if 1 <= month <= MONTHS_PER_YEAR and Period(in_year, month).end.day == day:
        return Period(in_year, month)
    raise PeriodError(
        Code.BAD_PERIOD, message("period.date_not_month_end", text=text),
        message("period.hint_month_end", year=year))

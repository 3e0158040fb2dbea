"""One stated target, in the resolution's own words, read as a plan's target: its name, measure,
kind, direction, value or range, strictness and deadline — or refused, with the reason.

A sentence (`read_sentence`: "thu nhập bình quân đầu người đạt 69 triệu đồng/năm trở lên")
and a row of an annex table (`read_row`: name | ĐVT | plan value) are read by the same rules
(docs/plan-import.md). Nothing is guessed: a statement with two
figures, a `giảm … %` of a rate (points or per cent?), a comparison with something other than
last year, words after the figure that say more than its unit, a number that could be read two
ways — each is a `Refused` with the reason, for a person to write by hand.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from hauloc_cli.inputs.actuals.values import parse_number
from hauloc_cli.model.plan import Direction, Kind, is_measure
from hauloc_cli.vocab import milestone
from hauloc_cli.vocab.messages import Text
from hauloc_cli.vocab.messages import text as message

Change = Literal["percent", "points"]


@dataclass(frozen=True)
class Reading:
    """A target as read: the keys of the draft plan (docs/plan.md)."""

    name: str
    kind: Kind
    direction: Direction | None = None
    target: float | tuple[float, float] | None = None  # a number, or a range (low, high)
    about: float | None = None
    strict: bool = False
    change: Change | None = None
    measure: str | None = None
    deadline: date | None = None


@dataclass(frozen=True)
class Refused:
    """A statement that is not read, and why (said in the draft and on stderr)."""

    why: Text


# --- numbers ------------------------------------------------------------------------------

_NUM = r"\d[\d.,]*\d|\d"
_DASH = r"\s*(?:-|–|—|‐|đến)\s*"
_FIGURE = re.compile(rf"(?P<a>{_NUM})(?:{_DASH}(?P<b>{_NUM}))?")
# What is not a figure: a year (`năm 2024`, `2020-2025`), a date (`5/1`, `6/2024`,
# `30/6/2024`), a numbered name (`Nghị quyết số 12`).
_NOT_FIGURES = re.compile(
    r"(?:năm|nhiệm kỳ|giai đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?"
    r"|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b"
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bsố\s+\d+", re.IGNORECASE)


def mask(text: str) -> str:
    """`text` with the digits that are no figure (years, dates) turned into `#`, the same
    length, so that positions found in it hold in `text`."""
    return _NOT_FIGURES.sub(lambda m: re.sub(r"\d", "#", m.group(0)), text)


def has_figure(text: str) -> bool:
    """Whether a statement gives a figure (or a deadline): a candidate target."""
    return bool(re.search(r"\d", mask(text))) or find_deadline(text, 2000) is not None


def number(text: str) -> float | Refused:
    """A number as Vietnamese writes it: `1.234,5`, `12,5`, `5.400`; `2.5` is refused."""
    found = parse_number(text, decimal_comma=True)
    if isinstance(found, tuple):
        return Refused(message("refused.two_ways", number=text))
    return found


# --- deadlines ----------------------------------------------------------------------------

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_DEADLINE = re.compile(
    r"\b(?P<how>trước|trong|đến hết|đến|chậm nhất(?: là)?)\s+"
    r"(?:tháng\s+(?P<month>\d{1,2})(?:(?:\s*/\s*|\s+năm\s+)(?P<myear>\d{4}))?"
    r"|(?P<month2>\d{1,2})\s*/\s*(?P<myear2>\d{4})\b"
    r"|quý\s+(?P<quarter>iv|i{1,3}|[1-4])\b(?:\s*(?:/|năm)\s*(?P<qyear>\d{4}))?"
    r"|(?:ngày\s+)?(?P<day>\d{1,2})\s*/\s*(?P<dmonth>\d{1,2})(?:\s*/\s*(?P<dyear>\d{4}))?)",
    re.IGNORECASE)


def find_deadline(text: str, year: int) -> tuple[re.Match[str], date | Refused] | None:
    """A deadline named in `text` (`trước tháng 6/2024`: 31 May 2024; `trong quý III`: 30
    September; `trước ngày 30/6`: 29 June), the year the plan's when not written; None when
    none is named."""
    m = _DEADLINE.search(text)
    if m is None:
        return None
    how = m.group("how").lower()
    before = how == "trước"
    if m.group("month") or m.group("month2"):
        at_year = int(m.group("myear") or m.group("myear2") or year)
        month = int(m.group("month") or m.group("month2"))
        if not 1 <= month <= 12:
            return m, Refused(message("refused.no_month", words=m.group(0)))
        month -= before
        if month == 0:
            return m, date(at_year - 1, 12, 31)
        return m, date(at_year, month, calendar.monthrange(at_year, month)[1])
    if m.group("quarter"):
        q = m.group("quarter").lower()
        quarter = (int(q) if q.isdigit() else _ROMAN[q]) - before
        at_year = int(m.group("qyear") or year)
        if quarter == 0:
            return m, date(at_year - 1, 12, 31)
        month = 3 * quarter
        return m, date(at_year, month, calendar.monthrange(at_year, month)[1])
    at_year = int(m.group("dyear") or year)
    try:
        day = date(at_year, int(m.group("dmonth")), int(m.group("day")))
    except ValueError:
        return m, Refused(message("refused.no_date", words=m.group(0)))
    return m, (date.fromordinal(day.toordinal() - 1) if before else day)


# --- the words around a figure ------------------------------------------------------------

# Before the figure: what it is compared with. `còn` (giảm còn 0,8%): a ceiling on the level.
_BEFORE = re.compile(
    r"(?P<cmp>từ|ít nhất|tối thiểu|trên|dưới|không quá|không vượt quá|tối đa|không dưới"
    r"|không thấp hơn|khoảng|xấp xỉ|≥|>=|≤|<=|>|<)\s*$", re.IGNORECASE)
_STILL = re.compile(r"(?:\b(?:giảm|tăng)\s+)?\bcòn\s*$", re.IGNORECASE)
_COMPARISONS: dict[str, tuple[Direction | None, bool]] = {
    "từ": ("at_least", False), "ít nhất": ("at_least", False), "tối thiểu": ("at_least", False),
    "không dưới": ("at_least", False), "không thấp hơn": ("at_least", False),
    "≥": ("at_least", False), ">=": ("at_least", False),
    "trên": ("at_least", True), ">": ("at_least", True),
    "dưới": ("at_most", True), "<": ("at_most", True),
    "không quá": ("at_most", False), "không vượt quá": ("at_most", False),
    "tối đa": ("at_most", False), "≤": ("at_most", False), "<=": ("at_most", False),
    "còn": ("at_most", False), "khoảng": (None, False), "xấp xỉ": (None, False),
}
# Words between the name and the figure that say nothing more: `đạt`, `là`, `ở mức`.
_FILLER = re.compile(r"(?:\s*(?:đạt|là|ở mức|bằng|có|được|phấn đấu|đảm bảo|bảo đảm|duy trì"
                     r"|thêm)\b)+\s*$", re.IGNORECASE)
_LEADING = re.compile(r"^(?:\s*(?:[-+•*–]+|\d+[.)]|[a-zđ][.)])\s+)?(?:\s*(?:phấn đấu|đạt|có thêm"
                      r"|có|thêm|đảm bảo|bảo đảm|duy trì|trong đó|mỗi năm)\b[\s:,]*)*",
                      re.IGNORECASE)
# A change from last year: the verb just before the figure (tăng trưởng is a rate, no change).
_CHANGE = re.compile(r"\b(?P<verb>tăng(?! trưởng)|giảm)\s*$", re.IGNORECASE)
_CHANGE_FIRST = re.compile(r"^(?P<verb>tăng(?! trưởng)|giảm)\s+", re.IGNORECASE)
# After the figure: its measure (`%`, `điểm %`, `triệu đồng/năm`, `tấn`), then `trở lên`.
_POINTS = re.compile(r"\s*(?:điểm\s*%|điểm phần trăm)", re.IGNORECASE)
_MEASURE = re.compile(
    r"\s*(?:%|(?:(?:nghìn|ngàn|triệu|tỷ)\s+)?(?:đồng|usd|vnd)(?:\s*/\s*[^\s,;.()]+)*"
    r"|(?:(?:nghìn|ngàn|triệu)\s+)?(?:tấn|tạ|ha|km|m2|m²|m3|m³|kg|lít|kwh|mw|lượt khách"
    r"|lượt|lần|điểm)\b(?:\s*/\s*[^\s,;.()]+)*)", re.IGNORECASE)
_AFTER = re.compile(r"\s*(?P<after>trở lên|trở xuống)", re.IGNORECASE)
_LAST_YEAR = re.compile(r"^\s*,?\s*so với\s+(?P<what>.*)$", re.IGNORECASE)
_OF_LAST_YEAR = re.compile(r"^(?:năm trước|cùng kỳ(?: năm trước)?|(?:thực hiện |kết quả )?"
                           r"năm \d{4})\W*$", re.IGNORECASE)
# Nouns of more than one syllable that a count names things by (`6 sản phẩm OCOP`).
_COUNT_NOUNS = ("hợp tác xã", "sản phẩm", "trường học", "doanh nghiệp", "công trình", "dự án",
                "lao động", "hộ gia đình", "nhà văn hóa", "thôn, xóm", "khu dân cư", "cơ sở")


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    value: float | tuple[float, float]


def _figures(text: str) -> list[_Figure] | Refused:
    found = []
    for m in _FIGURE.finditer(mask(text)):
        values = [number(m.group(k)) for k in ("a", "b") if m.group(k)]
        bad = next((v for v in values if isinstance(v, Refused)), None)
        if bad is not None:
            return bad
        numbers = [v for v in values if isinstance(v, float)]
        if len(numbers) == 2 and not numbers[0] < numbers[1]:
            return Refused(message("refused.range_order", words=m.group(0)))
        value = numbers[0] if len(numbers) == 1 else (numbers[0], numbers[1])
        found.append(_Figure(m.start(), m.end(), value))
    return found


def read_sentence(text: str, year: int) -> Reading | Refused:
    """One statement of a target list (a clause of a sentence, or a bullet)."""
    words = " ".join(text.split()).strip(" .;,…")
    cut = _DEADLINE_CUT.search(words)
    if cut is not None:  # `…, phấn đấu trước tháng 6/2024 huyện …`: the target begins there
        words = words[cut.start():]
    deadline = find_deadline(words, year)
    figures = _figures(words if deadline is None else words.replace(
        deadline[0].group(0), " " * len(deadline[0].group(0))))
    if isinstance(figures, Refused):
        return figures
    if deadline is not None:
        match = deadline[0]
        return _milestone(words[:match.start()] + " " + words[match.end():], deadline[1],
                          figures, year)
    if not figures:
        return Refused(message("refused.nothing"))
    if len(figures) > 1:
        return Refused(message("refused.figures", n=len(figures)))
    figure = figures[0]
    return _around(words[:figure.start], figure.value, words[figure.end:], None, year)


_DEADLINE_CUT = re.compile(r"\bphấn đấu\b", re.IGNORECASE)


def _milestone(words: str, when: date | Refused, figures: list[_Figure], year: int
               ) -> Reading | Refused:
    """A milestone: what is to be done (`words`, the deadline taken out) by `when`."""
    if isinstance(when, Refused):
        return when
    if figures:
        return Refused(message("refused.figure_and_deadline"))
    if when.year != year:
        return Refused(message("refused.deadline_year", when=when, year=year))
    name = _name(words)
    if not name:
        return Refused(message("refused.deadline_no_name"))
    return Reading(name, "milestone", deadline=when)


def read_row(name: str, measure: str, value: str | float, year: int) -> Reading | Refused:
    """One row of an annex table: the target's name, its ĐVT, and its plan cell (a number,
    or words: `≥ 12`, `10 - 10,5`, `khoảng 8,5`, `trước tháng 6/2026`)."""
    name = " ".join(name.split())
    if isinstance(value, float):
        return _around(name, value, "", _measure(measure), year)
    cell = " ".join(value.split())
    deadline = find_deadline(cell, year)
    if cell.lower() in milestone.READ_DONE - {"1", "x"}:  # `Hoàn thành`: a milestone of the year
        return Reading(_name(name), "milestone")
    if deadline is not None:
        match = deadline[0]
        return _milestone(f"{name} {cell[:match.start()]} {cell[match.end():]}", deadline[1],
                          [], year)
    figures = _figures(cell)
    if isinstance(figures, Refused):
        return figures
    if len(figures) != 1:
        return Refused(message("refused.cell_empty" if not figures else "refused.cell_several"))
    figure = figures[0]
    return _around(f"{name} {cell[:figure.start]}", figure.value, cell[figure.end:],
                   _measure(measure), year)


def _around(before: str, value: float | tuple[float, float], after: str,
            given: str | None, year: int) -> Reading | Refused:
    """A figure read with the words before it (the name, a verb, a comparison) and after it
    (its measure, `trở lên`, `so với năm trước`, or the name of things counted)."""
    before = before.rstrip()
    cmp = _BEFORE.search(before)
    comparison = cmp.group("cmp").lower() if cmp else None
    if cmp is not None:
        before = before[:cmp.start()].rstrip()
    still = _STILL.search(before)  # `giảm còn (dưới) 3%`: a ceiling on the level, no change
    if still is not None:
        before, comparison = before[:still.start()], comparison or "còn"
    before = _FILLER.sub("", before)
    verb = None if still else (_CHANGE.search(before)
                               or _CHANGE_FIRST.search(_LEADING.sub("", before)))
    if verb is not None:
        before = (before[:verb.start()] if verb.re is _CHANGE else
                  _CHANGE_FIRST.sub("", _LEADING.sub("", before), count=1))
    points = _POINTS.match(after)
    unit_match = points or _MEASURE.match(after)
    measure = ("điểm %" if points else " ".join(unit_match.group(0).split())
               if unit_match else None)
    after = after[unit_match.end():] if unit_match else after
    tail = _AFTER.match(after)
    if tail is not None:
        after = after[tail.end():]
    last_year = _LAST_YEAR.match(after)
    if last_year is not None:
        what = last_year.group("what").strip()
        named = re.search(r"\d{4}", what)
        if not _OF_LAST_YEAR.match(what) or (named and int(named.group(0)) != year - 1):
            return Refused(message("refused.compared_with", what=what))
        if verb is None:
            return Refused(message("refused.rise_or_fall"))
        after = ""
    shape = _Shape(_name(before), comparison, tail.group("after").lower() if tail else None,
                   verb.group("verb").lower() if verb else None, measure, given)
    return shape.read(value, after.strip(" .;,…"))


@dataclass(frozen=True)
class _Shape:
    name: str
    comparison: str | None
    after: str | None  # trở lên, trở xuống
    verb: str | None  # tăng, giảm
    measure: str | None
    given: str | None  # the ĐVT column's

    def read(self, value: float | tuple[float, float], rest: str) -> Reading | Refused:
        name, measure = self.name, self.measure or self.given
        first = not name and bool(rest)  # `6 sản phẩm OCOP`, `100% xã … đạt chuẩn`
        # `giải quyết việc làm cho 1.200 lao động`: the things counted, named after it
        things = bool(name) and not measure and _THINGS.fullmatch(rest) is not None
        counted = (first or things) and not measure
        if first:
            name, unit = _counted(rest)
            measure = measure or unit
        elif things:
            name, measure = _PREPOSITION.sub("", name), rest
        elif rest:
            return Refused(message("refused.words_after", words=rest))
        if not name:
            return Refused(message("refused.no_name"))
        direction, strict, about = self._comparison()
        if isinstance(direction, Refused):
            return direction
        if self.verb is not None:
            return self._change(name, value, measure, direction, strict)
        kind = _kind(name, measure, counted)
        if isinstance(kind, Refused):
            return kind
        if about:
            if isinstance(value, tuple):
                return Refused(message("refused.about_range"))
            return Reading(name, kind, about=value, measure=measure)
        if isinstance(value, tuple) and strict:
            return Refused(message("refused.strict_range"))
        if first and measure == "%" and not name.lower().startswith("tỷ lệ"):
            name = "Tỷ lệ " + name[0].lower() + name[1:]
        return Reading(name, kind, direction or "at_least", value, strict=strict,
                       measure=measure)

    def _comparison(self) -> tuple[Direction | None | Refused, bool, bool]:
        """(direction, strict, about) from the words around the figure."""
        word, after = self.comparison, self.after
        if word is None:
            direction: Direction | None = None
            strict = False
        else:
            direction, strict = _COMPARISONS[word]
        if after is not None:
            said: Direction = "at_least" if after == "trở lên" else "at_most"
            if direction is not None and direction != said:
                return Refused(message("refused.disagree", word=word, after=after)), False, False
            direction = said
        if word == "từ" and after is None:
            return Refused(message("refused.from_alone")), False, False
        return direction, strict, word in ("khoảng", "xấp xỉ")

    def _change(self, name: str, value: float | tuple[float, float], measure: str | None,
                direction: Direction | None, strict: bool) -> Reading | Refused:
        """`tăng 7%` (growth over last year's figure, in %), `giảm 1–1,5 điểm %` (a change in
        points): a fall is written as a negative change, at most."""
        fall = self.verb == "giảm"
        if measure == "%" and fall and "tỷ lệ" in name.lower():
            return Refused(message("refused.points_or_percent"))
        if measure not in ("%", "điểm %"):
            return Refused(message("refused.change_measure", measure=measure or "—"))
        if self.comparison in ("khoảng", "xấp xỉ"):
            return Refused(message("refused.about_change"))
        change: Change = "points" if measure == "điểm %" else "percent"
        said: Direction = direction or "at_least"  # of the rise or of the fall
        if fall:  # a fall of at least 1 is a change of at most −1
            value = (-value[1], -value[0]) if isinstance(value, tuple) else -value
            said = "at_most" if said == "at_least" else "at_least"
        kind: Kind = "level" if change == "points" else "annual"
        # points: the figure is a rate in %; a growth in %: the figure's own unit is not said
        return Reading(name, kind, said, value, strict=strict, change=change,
                       measure="%" if change == "points" else None)


# What a count of things named after the figure may be: one or two words (`lao động`, `hộ`).
_THINGS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)?")
_PREPOSITION = re.compile(r"\s+(?:cho|của|với|thêm)$", re.IGNORECASE)


def _measure(given: str) -> str | None:
    """The ĐVT column's words, `điểm phần trăm` as `điểm %`; None when empty."""
    given = " ".join(given.split())
    return "điểm %" if _POINTS.fullmatch(given) else (given or None)


def _counted(rest: str) -> tuple[str, str | None]:
    """`xã NTM kiểu mẫu` → its name and the things counted (`xã`)."""
    name = _cap(rest)
    low = rest.lower()
    unit = next((n for n in _COUNT_NOUNS if low.startswith(n + " ") or low == n), None)
    return name, unit or (low.split()[0] if low.split() else None)


_GROWTH = re.compile(r"tăng trưởng|tốc độ tăng", re.IGNORECASE)
_PER_PERSON = re.compile(r"đầu người|/\s*năm", re.IGNORECASE)
_LEVEL = re.compile(r"^tỷ lệ|bình quân|chỉ số", re.IGNORECASE)
_TOTAL = re.compile(r"lũy kế|tổng số", re.IGNORECASE)


def _kind(name: str, measure: str | None, counted: bool) -> Kind | Refused:
    """The kind from the name and measure: a growth rate or a figure per person or per year
    is of the year (annual); a rate, share or average a level; things counted and amounts
    (money, tonnes) what the year adds (cumulative)."""
    said = f"{name} {measure or ''}"
    if _GROWTH.search(name) or _PER_PERSON.search(said):
        return "annual"
    if measure == "%" or _LEVEL.search(name):
        return "level"
    if _TOTAL.search(name):
        return Refused(message("refused.total_to_date"))
    if measure is None:
        return Refused(message("refused.no_unit"))
    if counted or not is_measure(measure) or re.search(r"đồng|usd|vnd|tấn|tạ|lượt",
                                                       measure, re.IGNORECASE):
        return "cumulative"
    return Refused(message("refused.level_or_added", measure=measure))


def _name(words: str) -> str:
    return _cap(_LEADING.sub("", " ".join(words.split())).strip(" ,:;-–."))


def _cap(words: str) -> str:
    words = words.strip(" ,:;.")
    return words[:1].upper() + words[1:]

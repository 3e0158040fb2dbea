"""Reading quarterly actuals into validated figures, collecting every problem with its place.

A file is first read as a table of cells (`RawTable`: CSV here, Excel in `xlsx.py`), then
`parse_table` gives every row its meaning against the plan. Every problem is collected; a file
with any problem yields no figures. Rows are streamed: only the figures are kept.
"""

from __future__ import annotations

import csv
import difflib
import itertools
import math
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from hauloc_cli.errors import InputError, Problem, UsageError
from hauloc_cli.periods import PeriodError, format_period, read_period
from hauloc_cli.plan import Plan, Target
from hauloc_cli.textio import (
    DEFAULT_MAX_SIZE,
    XLS_MAGIC,
    ZIP_MAGIC,
    check_readable,
    choose_encoding,
    decode_problem,
    encoding_name,
    head,
    open_text,
)

REQUIRED_COLUMNS = ("target", "period", "value")
OPTIONAL_COLUMNS = ("note", "source")
# Columns of the data-entry template that are there for the person filling it in.
REFERENCE_COLUMNS = ("name", "unit", "plan_target")
KNOWN_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS + REFERENCE_COLUMNS
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")

# Plain decimals with '.': at most 300 digits before the point, so float() stays finite.
_NUMBER = re.compile(r"-?[0-9]{1,300}(?:\.[0-9]+)?")
# With --decimal-comma: '.' groups thousands (1.234.567), ',' is the decimal separator.
_COMMA_NUMBER = re.compile(r"-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,300})(?:,[0-9]+)?")
_DONE = {"yes", "true", "1", "có", "đạt", "done", "x"}
_NOT_DONE = {"no", "false", "0", "không", "chưa đạt", "chưa", "not done"}
_PERIOD_CACHE_SIZE = 1000

Value = float | bool
Cell = str | float  # text, or a number as a workbook stores it


@dataclass(frozen=True)
class ReadOptions:
    """How to read an actuals file; the CLI's input options, shared by its commands."""

    encoding: str | None = None  # None: UTF-8, or what a byte-order mark says
    delimiter: str | None = None  # None: detect , ; or tab from the header
    sheet: str | None = None  # None: the first sheet of a workbook
    decimal_comma: bool = False
    max_errors: int = 50
    max_size: int = DEFAULT_MAX_SIZE  # bytes

    def __post_init__(self) -> None:
        if self.encoding is not None:
            encoding_name(self.encoding)
        if self.delimiter is not None and self.delimiter not in DELIMITERS:
            raise UsageError(f"--delimiter: '{self.delimiter}' is not one of , ; tab")
        if self.max_errors < 1:
            raise UsageError("--max-errors must be at least 1")
        if self.max_size <= 0:
            raise UsageError("--max-size must be more than 0")


@dataclass(frozen=True)
class Actuals:
    file: str
    # target id → quarter → year-to-date figure
    series: dict[str, dict[int, Value]]
    warnings: tuple[Problem, ...] = ()
    rows: int = 0  # data rows in the file, with or without a value

    @property
    def latest_quarter(self) -> int | None:
        return max((q for s in self.series.values() for q in s), default=None)

    @property
    def quarters(self) -> list[int]:
        return sorted({q for s in self.series.values() for q in s})


def _line_col(line: int, col: int | None) -> str:
    return f"{line}:{col}" if col else str(line)


@dataclass
class RawTable:
    """A file as rows of cells, before any meaning is given to them.

    `rows` yields the cells of each record; `line_num()` is the last line read so far, so a
    record starts on the line after the previous one ended. Iterating `rows` may raise one of
    `bad_record` for a record that cannot be split into cells (the next one can still be read).
    `where(line, column)` names a cell the way the user sees it (`7:3` in a CSV file,
    `Sheet1!C7` in a workbook).
    """

    name: str
    header: list[str]
    header_line: int
    rows: Iterator[Sequence[Cell]]
    line_num: Callable[[], int]
    where: Callable[[int, int | None], str] = field(default=_line_col)
    bad_record: tuple[type[Exception], ...] = ()


def read_actuals(path: Path, plan: Plan, options: ReadOptions | None = None) -> Actuals:
    """Read an actuals file (CSV or text export, or an .xlsx workbook); check it against the
    plan. Raises InputError listing every problem, UsageError for options that do not apply."""
    opts = options or ReadOptions()
    check_readable(path, opts.max_size)
    start = head(path)
    name = str(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES or start.startswith(ZIP_MAGIC):
        if opts.encoding or opts.delimiter:
            raise UsageError(f"{path}: --encoding and --delimiter apply to CSV files, "
                             "not to a workbook")
        from hauloc_cli.xlsx import xlsx_table

        return _parse(xlsx_table(path, opts.sheet, opts.max_size), plan, opts)
    if start.startswith(XLS_MAGIC):
        raise InputError([Problem(name, "", "unsupported-format",
                                  "this is an Excel 97-2003 workbook (.xls)",
                                  "save it again from Excel as .xlsx or as 'CSV UTF-8'")])
    if opts.sheet is not None:
        raise UsageError(f"{path}: --sheet applies to .xlsx workbooks, not to a CSV file")
    encoding = choose_encoding(path, start, opts.encoding)
    with open_text(path, encoding) as handle:
        try:
            return _parse(csv_table(name, handle, opts.delimiter), plan, opts)
        except UnicodeDecodeError:
            raise InputError([decode_problem(path, encoding)]) from None


def _parse(table: RawTable, plan: Plan, opts: ReadOptions) -> Actuals:
    try:
        return parse_table(table, plan, opts)
    finally:
        close = getattr(table.rows, "close", None)
        if close is not None:
            close()


def _known_columns(cells: list[str]) -> int:
    return sum(_nfc(c).strip().lower() in KNOWN_COLUMNS for c in cells)


def detect_delimiter(header_line: str) -> str:
    """The delimiter that splits the header into the most known column names (, ; or tab);
    among equals, the one that occurs most; ',' when the line has none of them."""
    best, best_key = ",", (-1, -1)
    for delimiter in (",", ";", "\t"):
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        key = (_known_columns(cells), header_line.count(delimiter))
        if key > best_key:
            best, best_key = delimiter, key
    return best


def csv_table(name: str, handle: IO[str] | Iterable[str], delimiter: str | None = None
              ) -> RawTable:
    """A CSV (or tab-separated) text stream as a RawTable; the delimiter is detected from the
    header line unless given."""
    lines = iter(handle)
    seen: list[str] = []
    for text in lines:
        seen.append(text)
        if text.strip():
            break
    if not seen or not seen[-1].strip():
        what = "the file is empty" if not "".join(seen) else "the file has only blank lines"
        raise InputError([Problem(name, "", "empty-file", what,
                                  "the first line names the columns: target,period,value")])
    sep = DELIMITERS[delimiter] if delimiter else detect_delimiter(seen[-1])
    reader = csv.reader(itertools.chain(seen, lines), delimiter=sep, strict=True)

    header: list[str] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                header = row
                break
    except csv.Error as exc:
        raise InputError([Problem(name, str(reader.line_num), "bad-quoting",
                                  f"the header cannot be read ({exc})",
                                  "the first line names the columns: target,period,value",
                                  reader.line_num)]) from None
    return RawTable(name, header, reader.line_num, reader, lambda: reader.line_num,
                    bad_record=(csv.Error,))


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _text(cell: Cell) -> str:
    """A cell as trimmed NFC text; a number as it would be written (2024.0 → 2024)."""
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    return _nfc(cell).strip()


def default_range(target: Target) -> tuple[float, float] | None:
    """The values a target allows: its valid_range, else ≥ 0 for a cumulative count and 0–100
    for a level in %; annual figures have no default range (growth can be negative)."""
    if target.valid_range is not None:
        return target.valid_range
    if target.kind == "cumulative":
        return (0.0, math.inf)
    if target.kind == "level" and (target.unit or "").strip() == "%":
        return (0.0, 100.0)
    return None


class _Collector:
    """Problems up to a cap, and how many more there were."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.kept: list[Problem] = []
        self.more = 0

    @property
    def full(self) -> bool:
        return len(self.kept) >= self.cap

    def add(self, problem: Problem | Callable[[], Problem]) -> None:
        if self.full:
            self.more += 1
        else:
            self.kept.append(problem() if callable(problem) else problem)


def parse_table(table: RawTable, plan: Plan, options: ReadOptions | None = None) -> Actuals:
    """Check every row of `table` against `plan`; raise InputError listing every problem."""
    opts = options or ReadOptions()
    name, where = table.name, table.where
    problems = _Collector(opts.max_errors)
    warnings = _Collector(opts.max_errors)
    year = plan.plan.year

    def problem(line: int, col: int | None, code: str, message: str,
                hint: str | Callable[[], str] = "") -> None:
        problems.add(lambda: Problem(name, where(line, col), code, message,
                                     hint() if callable(hint) else hint, line))

    # A byte-order mark read as text (e.g. with --encoding utf-16-le) is not part of a name.
    columns = [_nfc(c).strip("\ufeff \t\r\n").lower() for c in table.header]
    index: dict[str, int] = {}
    unknown: list[str] = []
    hl = table.header_line
    for i, col in enumerate(columns):
        if col in index and col:
            problem(hl, i + 1, "duplicate-column", f"column '{col}' appears twice",
                    "keep one of them")
        index.setdefault(col, i)
        if col and col not in KNOWN_COLUMNS:
            unknown.append(col)
            warnings.add(lambda i=i, col=col: Problem(  # type: ignore[misc]
                name, where(hl, i + 1), "unknown-column",
                f"column '{col}' is not one hauloc knows; it is ignored",
                f"did you mean '{c[0]}'?" if (c := difflib.get_close_matches(
                    col, KNOWN_COLUMNS, n=1)) else "", hl))
    missing = [c for c in REQUIRED_COLUMNS if c not in index]
    for col in missing:
        close = difflib.get_close_matches(col, unknown, n=1)
        problem(hl, None, "missing-column", f"no column '{col}'",
                f"is '{close[0]}' meant to be '{col}'?" if close else
                "the header needs the columns target, period and value")
    if missing:
        raise InputError(problems.kept, problems.more)
    i_target, i_period, i_value = (index[c] for c in REQUIRED_COLUMNS)
    width = len(columns)

    by_id = plan.by_id
    # Per target: (the target, its place in the plan, lowest and highest value allowed).
    checks: dict[Cell, tuple[Target, int, float, float]] = {}
    for pos, t in enumerate(plan.targets):
        lo, hi = default_range(t) or (-math.inf, math.inf)
        checks[t.id] = (t, pos, lo, hi)
    ids = list(by_id)
    periods: dict[Cell, int | PeriodError] = {}
    suggestions: dict[str, str] = {}
    series: dict[str, dict[int, Value]] = {}
    # The line each figure came from, at 4 × place in the plan + quarter − 1 (0: none yet).
    lines = array("l", bytes(array("l").itemsize * 4 * len(plan.targets)))
    decimal_comma = opts.decimal_comma
    number = _NUMBER.fullmatch
    line_num = table.line_num
    end = table.header_line
    rows = table.rows
    count = 0
    while True:
        try:
            for row in rows:
                line = end + 1
                end = line_num()
                if not any(row):
                    continue  # a blank line
                n = len(row)
                if n > width and any(_text(c) for c in row[width:]):
                    count += 1
                    problem(line, width + 1, "extra-field",
                            f"the row has {n} fields but the header has {width}",
                            "a value with the delimiter in it needs double quotes around it")
                    continue
                raw_value = row[i_value] if i_value < n else ""
                if raw_value.__class__ is str:
                    if not raw_value.isascii():
                        raw_value = unicodedata.normalize("NFC", raw_value)
                    raw_value = raw_value.strip()
                    if not raw_value:
                        if any(_text(c) for c in row):
                            count += 1
                        continue  # not reported: as if the row were absent
                count += 1

                raw_target = row[i_target] if i_target < n else ""
                check = checks.get(raw_target)
                if check is None:
                    target_id = _text(raw_target)
                    check = checks.get(target_id)
                    if check is None:
                        def suggest(tid: str = target_id) -> str:
                            if tid not in suggestions:
                                found = difflib.get_close_matches(tid, ids, n=1)
                                suggestions[tid] = (f"did you mean '{found[0]}'?" if found
                                                    else "run 'hauloc targets' for the ids")
                            return suggestions[tid]
                        problem(line, i_target + 1, "unknown-target",
                                f"no target '{target_id}' in the plan", suggest)

                raw_period = row[i_period] if i_period < n else ""
                quarter = periods.get(raw_period)
                if quarter is None:
                    key = _text(raw_period)
                    try:
                        quarter = read_period(key, year)
                    except PeriodError as exc:
                        quarter = exc
                    if len(periods) < _PERIOD_CACHE_SIZE:
                        periods[raw_period] = quarter
                if type(quarter) is PeriodError:
                    problem(line, i_period + 1, quarter.code,
                            quarter.message, quarter.hint)

                if check is None:
                    continue
                target, pos, lo, hi = check
                value: Value | tuple[str, str, str]
                if (raw_value.__class__ is str and not decimal_comma
                        and target.kind != "milestone" and number(raw_value)):
                    dot = raw_value.find(".")
                    if dot >= 0 and len(raw_value) - dot == 4:
                        value = _plain(raw_value)
                    else:
                        value = float(raw_value)
                        if not lo <= value <= hi:
                            value = _out_of_range(value, target, lo, hi)
                else:
                    value = _value(raw_value, target, decimal_comma, lo, hi)
                if isinstance(value, tuple):
                    code, message, hint = value
                    problem(line, i_value + 1, code, message, hint)
                    continue
                if type(quarter) is not int:
                    continue
                slot = 4 * pos + quarter - 1
                first = lines[slot]
                if first:
                    problem(line, None, "duplicate-row",
                            f"a second figure for {target.id} in "
                            f"{format_period(year, quarter)} "
                            f"(the first is on line {first})",
                            "keep one row per target and quarter")
                    continue
                lines[slot] = line
                figures = series.get(target.id)
                if figures is None:
                    figures = series[target.id] = {}
                figures[quarter] = value
            break
        except table.bad_record as exc:
            line, end = end + 1, line_num()
            count += 1
            if "field limit" in str(exc):
                problem(line, None, "too-long",
                        f"a field is longer than {csv.field_size_limit():,} characters",
                        "check that this is an actuals file, and that every quote is closed")
            else:
                problem(line, None, "bad-quoting",
                        f"the record cannot be split into fields ({exc})",
                        "a value with a quote or the delimiter in it goes in double quotes, "
                        'a quote inside doubled: "12 ""A"" schools"')

    if problems.kept:
        raise InputError(problems.kept, problems.more)
    if count == 0:
        raise InputError([Problem(name, "", "empty-file", "the file has a header but no rows",
                                  "add one row per target and quarter")])
    _decreases(plan, series, lines, table, i_value + 1, warnings)
    if warnings.more:
        warnings.kept.append(Problem(name, "", "more-warnings",
                                     f"{warnings.more} more warning(s) not shown"))
    return Actuals(name, series, tuple(warnings.kept), count)


def _decreases(plan: Plan, series: dict[str, dict[int, Value]], lines: array[int],
               table: RawTable, col: int, warnings: _Collector) -> None:
    """Warn where a cumulative year-to-date figure goes down from one quarter to the next."""
    year = plan.plan.year
    for pos, target in enumerate(plan.targets):
        figures = series.get(target.id)
        if target.kind != "cumulative" or not figures or len(figures) < 2:
            continue
        quarters = sorted(figures)
        values = [figures[q] for q in quarters]
        if values == sorted(values):
            continue
        for before, after in itertools.pairwise(quarters):
            if figures[after] < figures[before]:
                line = lines[4 * pos + after - 1]
                warnings.add(Problem(
                    table.name, table.where(line, col), "decreasing-value",
                    f"{target.id} goes down from {figures[before]:g} in "
                    f"{format_period(year, before)} to {figures[after]:g} in "
                    f"{format_period(year, after)}",
                    "a year-to-date count does not go down; check for a typo "
                    "(a revised figure is fine)", line))


def _value(raw: Cell, target: Target, decimal_comma: bool, lo: float, hi: float
           ) -> Value | tuple[str, str, str]:
    """The figure in a cell for `target`, or (code, message, hint) saying why it is not one."""
    if target.kind == "milestone":
        if isinstance(raw, float):
            word = "1" if raw == 1 else "0" if raw == 0 else repr(raw)
        else:
            word = raw.lower()
        if word in _DONE:
            return True
        if word in _NOT_DONE:
            return False
        return ("bad-value", f"'{_text(raw)}' is not yes or no",
                "write yes/no, true/false, 1/0, có/không or đạt/chưa đạt")
    if isinstance(raw, float):
        parsed: float | tuple[str, str, str] = raw
        if not math.isfinite(raw):
            return ("bad-number", f"'{raw}' is not a number", "write the figure as a number")
    elif not decimal_comma and _NUMBER.fullmatch(raw):
        parsed = _plain(raw)
    else:
        parsed = parse_number(raw, decimal_comma, (target.unit or "").strip() == "%")
    if isinstance(parsed, tuple):
        return parsed
    if not lo <= parsed <= hi:
        return _out_of_range(parsed, target, lo, hi)
    return parsed


def _out_of_range(number: float, target: Target, lo: float, hi: float
                  ) -> tuple[str, str, str]:
    if target.valid_range is not None:
        message = f"{number:g} is outside the valid_range [{lo:g}, {hi:g}] of {target.id}"
        hint = "check the figure, or widen valid_range in the plan"
    elif target.kind == "cumulative":
        message = f"{number:g} is below 0; {target.id} counts up from 0 each year"
        hint = "check the figure"
    else:
        message = f"{number:g} is not a percentage between 0 and 100"
        hint = (f"write a share as a percentage: {number * 100:g}, not {number:g}"
                if 0 < number <= 1 else "check the figure")
    return ("out-of-range", message, hint)


def parse_number(text: str, decimal_comma: bool = False, percent: bool = False
                 ) -> float | tuple[str, str, str]:
    """A number as typed in a report, or (code, message, hint) saying why it is not one.

    Default: `-?digits[.digits]`, refusing one '.' before exactly three digits (`1.234`) as
    ambiguous. With `decimal_comma`: `1.234,5`, `12,5`, `69.000`; a '.' decimal is refused.
    A '%' after the number is accepted when `percent` (the target is in %).
    """
    if text.endswith("%"):
        bare = text[:-1].rstrip()
        if not percent:
            return ("bad-number", f"'{text}' has a % sign but the target is not in %",
                    "write the number alone, in the target's unit")
        parsed = parse_number(bare, decimal_comma, False)
        if isinstance(parsed, tuple):
            return (parsed[0], parsed[1].replace(f"'{bare}'", f"'{text}'", 1), parsed[2])
        return parsed
    if decimal_comma:
        if _COMMA_NUMBER.fullmatch(text):
            number = float(text.replace(".", "").replace(",", "."))
            if math.isfinite(number):
                return number
            return ("bad-number", f"'{text}' is too large", "check the figure")
        if _NUMBER.fullmatch(text):
            return ("ambiguous-number",
                    f"'{text}' has a '.' decimal point, but --decimal-comma makes ',' the "
                    "decimal separator and '.' group thousands",
                    f"write it as {text.replace('.', ',')}, or leave out --decimal-comma")
        return ("bad-number", f"'{text}' is not a number",
                "write a number such as 12,5 or 1.234,5 (with --decimal-comma)")
    if _NUMBER.fullmatch(text):
        return _plain(text)
    if "," in text and _COMMA_NUMBER.fullmatch(text):
        return ("bad-number", f"'{text}' has a ',' in it",
                "if ',' is the decimal separator (12,5), pass --decimal-comma; "
                "otherwise write the number with '.' as the decimal point and no grouping")
    return ("bad-number", f"'{text}' is not a number",
            "write a plain decimal number with '.' as the decimal point, e.g. 12.5")


def _plain(text: str) -> float | tuple[str, str, str]:
    """A number matching `_NUMBER`; one '.' before exactly three digits is ambiguous."""
    dot = text.find(".")
    if dot >= 0 and len(text) - dot == 4:
        return ("ambiguous-number",
                f"'{text}' could be {text} or {text.replace('.', '')} "
                "('.' also groups thousands in Vietnamese)",
                "pass --decimal-comma if '.' groups thousands; if it is a decimal point, "
                f"add a digit: {text}0")
    return float(text)


def describe(plan: Plan, actuals: Actuals | None = None, lang: str = "en") -> str:
    """What `hauloc validate` found: 'OK: 9 targets, 24 rows, quarters Q1–Q3'."""
    from hauloc_cli.i18n import label

    parts = [label(lang, "ok.targets", n=len(plan.targets))]
    if actuals is not None:
        one = "ok.row" if actuals.rows == 1 else "ok.rows"
        parts.append(label(lang, one, n=actuals.rows))
        quarters = actuals.quarters
        if not quarters:
            parts.append(label(lang, "ok.no_figures"))
        elif quarters == list(range(quarters[0], quarters[-1] + 1)) and len(quarters) > 1:
            parts.append(label(lang, "ok.quarters_range", first=quarters[0], last=quarters[-1]))
        else:
            key = "ok.quarter" if len(quarters) == 1 else "ok.quarters"
            parts.append(label(lang, key, list=", ".join(f"Q{q}" for q in quarters)))
    return "OK: " + ", ".join(parts)

"""Reading quarterly actuals into validated figures, collecting every problem with its place.

A file is first read as a table of text cells (`_csv_table`), then each row is checked against
the plan (`parse_table`). Every problem is collected; a file with any problem yields no figures.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hauloc_cli.errors import InputError, Problem
from hauloc_cli.periods import format_period, parse_period
from hauloc_cli.plan import Plan, Target
from hauloc_cli.textio import check_readable

REQUIRED_COLUMNS = ("target", "period", "value")
OPTIONAL_COLUMNS = ("note", "source")
# Columns of the data-entry template that are there for the person filling it in.
REFERENCE_COLUMNS = ("name", "unit", "plan_target")

_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_DONE = {"yes", "true", "1", "có", "đạt", "done"}
_NOT_DONE = {"no", "false", "0", "không", "chưa đạt", "not done"}

Value = float | bool


@dataclass(frozen=True)
class Actuals:
    file: str
    # target id → quarter → year-to-date figure
    series: dict[str, dict[int, Value]]
    warnings: tuple[Problem, ...] = ()
    rows: int = 0

    @property
    def latest_quarter(self) -> int | None:
        return max((q for s in self.series.values() for q in s), default=None)

    @property
    def quarters(self) -> list[int]:
        return sorted({q for s in self.series.values() for q in s})


@dataclass
class RawTable:
    """A file as rows of cells, before any meaning is given to them.

    `rows` yields (line of the record's first line, cells); `where(line, column)` names a cell
    the way the user sees it (`7:3` in a CSV file, `Sheet1!C7` in a workbook).
    """

    name: str
    header: list[str]
    header_line: int
    rows: Iterator[tuple[int, list[str]]]
    where: Callable[[int, int | None], str] = field(
        default=lambda line, col: f"{line}:{col}" if col else str(line)
    )


def read_actuals(path: Path, plan: Plan, max_errors: int = 50) -> Actuals:
    """Read an actuals file and check it against the plan."""
    check_readable(path)
    with path.open("r", encoding="utf-8-sig", newline="") as handle:
        try:
            return parse_table(_csv_table(str(path), handle), plan, max_errors)
        except UnicodeDecodeError as exc:
            raise InputError([Problem(str(path), "", "bad-encoding",
                                      f"the file is not valid UTF-8 ({exc.reason})",
                                      "save it as 'CSV UTF-8' from Excel")]) from None


def _csv_table(name: str, handle: Iterator[str]) -> RawTable:
    reader = csv.reader(handle)
    header: list[str] | None = None
    header_line = 0
    for row in reader:
        if any(cell.strip() for cell in row):
            header, header_line = row, reader.line_num
            break
    if header is None:
        raise InputError([Problem(name, "", "empty-file", "the file has no header row",
                                  "the first line names the columns: target,period,value")])

    def rows() -> Iterator[tuple[int, list[str]]]:
        start = reader.line_num + 1
        for row in reader:
            yield start, row
            start = reader.line_num + 1

    return RawTable(name, header, header_line, rows())


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def parse_table(table: RawTable, plan: Plan, max_errors: int = 50) -> Actuals:
    """Check every row of `table` against `plan`; raise InputError listing every problem."""
    name = table.name
    problems: list[Problem] = []
    warnings: list[Problem] = []

    def problem(line: int, col: int | None, code: str, message: str, hint: str = "") -> None:
        problems.append(Problem(name, table.where(line, col), code, message, hint, line))

    columns = [_nfc(c).strip().lower() for c in table.header]
    index: dict[str, int] = {}
    for i, col in enumerate(columns):
        if col in index and col:
            problem(table.header_line, i + 1, "duplicate-column",
                    f"column '{col}' appears twice", "keep one of them")
        index.setdefault(col, i)
        if col and col not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS + REFERENCE_COLUMNS:
            warnings.append(Problem(name, table.where(table.header_line, i + 1), "unknown-column",
                                    f"column '{col}' is not one hauloc knows; it is ignored",
                                    line=table.header_line))
    missing = [c for c in REQUIRED_COLUMNS if c not in index]
    if missing:
        problem(table.header_line, None, "missing-column",
                f"no column {', '.join(repr(c) for c in missing)}",
                "the header needs the columns target, period and value")
        raise InputError(problems)
    i_target, i_period, i_value = (index[c] for c in REQUIRED_COLUMNS)
    width = len(columns)

    series: dict[str, dict[int, Value]] = {}
    first_line: dict[tuple[str, int], int] = {}
    count = 0
    for line, row in table.rows:
        if len(problems) > max_errors:
            break
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        count += 1
        if len(row) > width and any(c.strip() for c in row[width:]):
            problem(line, width + 1, "extra-field",
                    f"the row has {len(row)} fields but the header has {width}",
                    "a ',' inside a value needs the value in double quotes")
            continue
        raw_value = _cell(row, i_value)
        if not raw_value:
            continue  # not reported: as if the row were absent
        target_id, raw_period = _cell(row, i_target), _cell(row, i_period)

        target = plan.by_id.get(target_id)
        if target is None:
            close = difflib.get_close_matches(target_id, list(plan.by_id), n=1)
            problem(line, i_target + 1, "unknown-target", f"no target '{target_id}' in the plan",
                    f"did you mean '{close[0]}'?" if close else "run 'hauloc targets' for the ids")
        parsed = _quarter(raw_period, plan.plan.year)
        quarter = parsed if isinstance(parsed, int) else None
        if isinstance(parsed, str):
            problem(line, i_period + 1, "bad-period", parsed,
                    f"write the period as {plan.plan.year}-Q1 … {plan.plan.year}-Q4")
        value = _value(raw_value, target) if target is not None else None
        if isinstance(value, tuple):
            code, message, hint = value
            problem(line, i_value + 1, code, message, hint)
            value = None
        if target is None or quarter is None or value is None:
            continue
        key = (target.id, quarter)
        if key in first_line:
            period = format_period(plan.plan.year, quarter)
            problem(line, None, "duplicate-row",
                    f"a second figure for {target.id} in {period} "
                    f"(the first is on line {first_line[key]})",
                    "keep one row per target and quarter")
            continue
        first_line[key] = line
        series.setdefault(target.id, {})[quarter] = value

    if problems:
        shown = problems[:max_errors]
        more = len(problems) - len(shown)
        raise InputError(shown, more)
    if count == 0:
        raise InputError([Problem(name, "", "empty-file", "the file has a header but no rows",
                                  "add one row per target and quarter")])
    return Actuals(name, series, tuple(warnings), count)


def _cell(row: list[str], i: int) -> str:
    return _nfc(row[i]).strip() if i < len(row) else ""


def _quarter(text: str, year: int) -> int | str:
    """The quarter of `text`, or a message saying why it is not one of the plan's quarters."""
    parsed = parse_period(text)
    if parsed is None:
        return f"'{text}' is not a period"
    if parsed[0] != year:
        return f"period {text} is not in the plan's year {year}"
    return parsed[1]


def _value(text: str, target: Target) -> Value | tuple[str, str, str]:
    """The figure in `text` for `target`, or (code, message, hint) saying why it is not one."""
    if target.kind == "milestone":
        word = text.lower()
        if word in _DONE:
            return True
        if word in _NOT_DONE:
            return False
        return ("bad-value", f"'{text}' is not yes or no",
                "write yes/no, true/false, 1/0, có/không or đạt/chưa đạt")
    if not _NUMBER.fullmatch(text):
        return ("bad-number", f"'{text}' is not a number",
                "write a plain decimal number with '.' as the decimal point, e.g. 12.5")
    return float(text)

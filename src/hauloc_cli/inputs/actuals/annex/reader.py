"""Reading an annex table back: the wide layout, one row per target, that offices file with a
quarterly report and send each other (and that `hauloc report` writes).

`read_wide(table, …)` is asked when a file's header names no `target`, `period` and `value`
columns; it returns None when no annex header is found either (the long format's
missing-column is then reported). The header (`header.py`) says which column is which and
the period of the figures; each row is matched to a target by its code or name
(`names.py`); group rows, blank rows and notes below the table are read past.
docs/annex-tables.md has the rules.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from hauloc_cli.errors import Code, InputError, Message, Problem, UsageError
from hauloc_cli.inputs.actuals.annex.header import (
    WideHeader,
    find_wide_header,
    is_column_numbers,
    read_period,
    toneless,
)
from hauloc_cli.inputs.actuals.annex.names import Names, name_key, unit_by_name
from hauloc_cli.inputs.actuals.long import (
    Actuals,
    Collector,
    did_you_mean_target,
    implausible,
    others_warning,
)
from hauloc_cli.inputs.actuals.marks import read_status
from hauloc_cli.inputs.actuals.unit_rows import did_you_mean_unit
from hauloc_cli.inputs.actuals.values import NO_FIGURE, parse_number, read_value, typo
from hauloc_cli.inputs.files.table import HEADER_SEARCH_ROWS, Cell, DateCell, RawTable, cell_text
from hauloc_cli.model.figures import Figure, Figures, FigureStatus, Value
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, Target, default_range, unit_target
from hauloc_cli.model.units import Units
from hauloc_cli.vocab import groups, milestone, plan_words
from hauloc_cli.vocab.messages import Label, text, unit_label
from hauloc_cli.vocab.messages import text as message
from hauloc_cli.vocab.periods import Found

# Group rows: STT a Roman numeral (I, II., …), or a name such as `I. KINH TẾ`, a group's name,
# or a name in capitals, on a row with no figure.
_ROMAN = re.compile(r"(?=[ivxl])l?x{0,3}(?:ix|iv|v?i{0,3})\.?")
_NUMBERED_GROUP = re.compile(r"(?:[ivxl]+|[a-z])\s*[.)/-]\s")
_GROUP_PREFIX = re.compile(r"^(?:linh vuc|nhom chi tieu|nhom|cac chi tieu|chi tieu)(?: ve)?\s+")
# Notes below the table: a row whose first cell starts with one of these words (and a colon)
# begins them; from there on, rows without a figure are read past.
_NOTES = re.compile(r"(?:ghi chu|nguon|nguon so lieu|chu thich|noi nhan|notes?|sources?)\s*:"
                    r"|\(?\*+\)?")
# A note saying the value cell's figure is of an earlier period (`Số liệu quý I`); one with a
# colon (`Số liệu 6 tháng: 5`) names a figure shown for reference only, not in the value cell.
_AS_OF = re.compile(r"(?:so lieu|as of)\s+([^:]+)")
_NO_FIGURE = NO_FIGURE  # a dash in a value cell: no figure (values.NO_FIGURE)


@dataclass(frozen=True)
class WideOptions:
    decimal_comma: bool = False
    max_errors: int = 50
    units: Units | None = None
    period: Period | None = None  # --period: the period of the figures when the file says none
    period_must_match: bool = True  # a file naming another period than `period`: UsageError
    only_plan_targets: bool = False  # rows of other targets: named in a warning, not read


def read_wide(table: RawTable, plan: Plan, options: WideOptions) -> Actuals | None:
    """The figures of an annex table, or None when the table has no annex header."""
    problems, warnings = Collector(options.max_errors), Collector(options.max_errors)
    lines = _Lines(table, problems)
    rows = lines.take(HEADER_SEARCH_ROWS)
    header = find_wide_header(rows, table.merges())
    if header is None:
        return _by_unit(table, plan, options, lines, rows)
    rows += lines.take(None)
    if "value" not in header.index:
        raise InputError([_no_value_column(table, header)])
    reader = _Reader(table, plan, options, header, problems, warnings)
    reader.check_columns()
    reader.read_periods()
    for line, cells in rows:
        if line > header.line:
            reader.row(line, cells)
    for found in table.problems:
        problems.add(found)
    if problems.kept:
        raise InputError(problems.kept, problems.more)
    if reader.count == 0:
        raise InputError([Problem(table.name, "", Code.EMPTY_FILE,
                                  text("annex.header_only"), text("annex.hint_header_only"))])
    if reader.others:
        warnings.add(others_warning(table.name, table.where, reader.others))
    implausible(plan, reader.own, table, reader.main + 1, warnings, reader.typos)
    if warnings.more:
        warnings.kept.append(Problem(table.name, "", Code.MORE_WARNINGS,
                                     text("warning.more", more=warnings.more)))
    by_unit = {u: Figures.indexed(found) for u, found in reader.by_unit.items()}
    return Actuals(table.name, Figures.indexed(reader.own), tuple(warnings.kept), reader.count,
                   table.sheet, by_unit)


def _by_unit(table: RawTable, plan: Plan, options: WideOptions, lines: _Lines,
             rows: list[tuple[int, Sequence[Cell]]]) -> Actuals | None:
    """A table by unit (a row per unit, a column per target: `wide_units.py`), or None."""
    from hauloc_cli.inputs.actuals.annex.units import UnitOptions, find_unit_header, read_by_unit

    found = find_unit_header(rows, Names(plan.targets))
    if found is None:
        return None
    return read_by_unit(table, plan, found, rows + lines.take(None), UnitOptions(
        options.decimal_comma, options.max_errors, options.units, options.period,
        options.period_must_match))


class _Lines:
    """The non-blank rows `(line, cells)` of a table from its first row on, a few at a time
    (the first ones, to look for the header; then the rest: an annex table is small, one row
    per target, or per target and unit)."""

    def __init__(self, table: RawTable, problems: Collector) -> None:
        self.table, self.problems = table, problems
        self.end = table.header_line
        self.first: list[tuple[int, Sequence[Cell]]] = [(table.header_line, table.header)]

    def take(self, limit: int | None) -> list[tuple[int, Sequence[Cell]]]:
        rows, self.first = self.first, []
        table = self.table
        while limit is None or len(rows) < limit:
            try:
                cells = next(table.rows)
            except StopIteration:
                break
            except table.bad_record as exc:
                line, self.end = self.end + 1, table.line_num()
                self.problems.add(Problem(
                    table.name, table.where(line, None), Code.BAD_QUOTING,
                    text("row.cannot_split", error=str(exc)), text("annex.hint_quoting"), line))
                continue
            line, self.end = self.end + 1, table.line_num()
            if any(cell_text(c) for c in cells):
                rows.append((line, cells))
        return rows


def _no_value_column(table: RawTable, header: WideHeader) -> Problem:
    names = ", ".join(f"'{h}'" for h in header.headings if h)
    return Problem(table.name, table.where(header.line, None), Code.MISSING_COLUMN,
                   text("annex.no_value_column", names=names), text("annex.hint_value_column"),
                   header.line)


class _Reader:
    """The state of one annex table's reading: its columns, where problems go, the figures."""

    def __init__(self, table: RawTable, plan: Plan, options: WideOptions, header: WideHeader,
                 problems: Collector, warnings: Collector) -> None:
        self.table, self.plan, self.options, self.header = table, plan, options, header
        self.problems, self.warnings = problems, warnings
        self.names = Names(plan.targets)
        # The headings of the plan's own groups (`groups:`), read past as group rows.
        self.groups = {name_key(n) for g in plan.groups for n in (g.name, g.name_en) if n}
        self.col = header.index
        self.units = options.units if ("unit" in self.col or "unit_code" in self.col) else None
        self.plan_unit = plan.plan.unit
        if self.units is not None and self.plan_unit is None:
            self.plan_unit = next((u.id for u in self.units.units if u.parent is None), None)
        self.own: dict[str, dict[Period, Figure]] = {}
        self.by_unit: dict[str, dict[str, dict[Period, Figure]]] = {}
        self.seen: dict[tuple[str, str | None], int] = {}  # (target, unit) → its row
        self.count = 0
        # The rows of targets the plan does not hold, when only its own are read.
        self.others: dict[str, int] | None = {} if options.only_plan_targets else None
        self.notes = False  # below a `Ghi chú:` row
        self.first_row = True
        self.main = header.index["value"]  # the value column of the report's period
        self.periods: dict[int, Period] = {}  # the period of each value column read
        self.typos: set[tuple[str, Period, int | None]] = set()  # the plan unit's, warned

    def problem(self, line: int, col: int | None, code: Code, message: Message,
                hint: Message = "") -> None:
        self.problems.add(Problem(self.table.name, self.table.where(line, col), code, message,
                                  hint, line))

    def cell(self, cells: Sequence[Cell], key: str) -> Cell:
        col = self.col.get(key)
        return cells[col] if col is not None and col < len(cells) else ""

    def check_columns(self) -> None:
        """Columns named twice, and columns hauloc does not know (a warning)."""
        header, table = self.header, self.table
        for kept, other in header.duplicates:
            self.problem(header.line, other + 1, Code.DUPLICATE_COLUMN,
                         text("annex.columns_same", first=header.headings[kept],
                              second=header.headings[other]), text("hint.keep_one"))
        for col, (heading, kind) in enumerate(zip(header.headings, header.kinds, strict=True)):
            if heading and kind is None:
                self.warnings.add(Problem(
                    table.name, table.where(header.line, col + 1), Code.UNKNOWN_COLUMN,
                    text("annex.unknown_column", column=heading),
                    text("annex.hint_unknown_column"), header.line))

    def read_periods(self) -> None:
        """The period of the figures: the value column's heading, else the title rows, else
        --period; none (with a problem) when it cannot be told. Value columns of several
        periods: see `_several_periods`."""
        self.periods = _periods(self, self.header, self.plan.plan.year, self.options.period)

    def row(self, line: int, cells: Sequence[Cell]) -> None:
        """One row below the header: read past, or matched to a target and its figures kept."""
        first, self.first_row = self.first_row, False
        if first and is_column_numbers(cells):
            return  # the row numbering the columns: A | B | 1 | 2 | 3=2/1
        figures = any(_figure_like(cells[c]) for c in (*self.header.values, self.col.get(
            "last_year", len(cells))) if c < len(cells))
        name, code = (cell_text(self.cell(cells, k)) for k in ("name", "code"))
        leading = next((toneless(cell_text(c)) for c in cells if cell_text(c)), "")
        if _NOTES.match(leading) and not figures:
            self.notes = True
        if not figures and (self.notes or not (name or code)):
            return  # notes below the table, or a row with nothing to read
        number = toneless(cell_text(self.cell(cells, "number")))
        if not figures and _ROMAN.fullmatch(number):
            return  # a group row: I. KINH TẾ
        target = self.target(line, name, code, figures)
        if target is None:
            return
        self.count += 1
        unit = self.unit(line, cells)
        if unit is False or self.duplicate(line, target, unit):
            return
        self.plan_cell(line, cells, target, unit)
        if self.periods:
            self.figures(line, cells, target, unit)

    def target(self, line: int, name: str, code: str, figures: bool) -> Target | None:
        """The target a row names by its code, else by its name; a group row is None."""
        if code:
            found = self.names.ids.get(code.lower())
            if found is None and self.others is not None:
                self.others.setdefault(code, line)
                return None
            if found is None:
                self.count += 1
                self.problem(line, self.col["code"] + 1, Code.UNKNOWN_TARGET,
                             text("target.unknown", target=code),
                             did_you_mean_target(code, self.plan,
                                                 text("target.hint_run_targets")))
                return None
            return self.plan.by_id[found]
        ids = self.names.match(name)
        if len(ids) == 1:
            return self.plan.by_id[ids[0]]
        if not ids and not figures and (_is_group(name) or name_key(name) in self.groups):
            return None
        if not ids and self.others is not None:
            self.others.setdefault(name, line)
            return None
        self.count += 1
        col = self.col.get("name", self.col.get("code", 0)) + 1
        if ids:
            self.problem(line, col, Code.UNKNOWN_TARGET,
                         text("target.name_of_several", name=name, n=len(ids),
                              ids=", ".join(ids)), text("annex.hint_code_column"))
        else:
            what = text("annex.no_target_named", name=name) if name else (
                text("annex.no_name"))
            self.problem(line, col, Code.UNKNOWN_TARGET, what, self.names.suggest(name))
        return None

    def unit(self, line: int, cells: Sequence[Cell]) -> str | None | Literal[False]:
        """The reporting unit of a row (None: the plan's own), False when it is unknown."""
        units = self.units
        if units is None:
            return None
        code = cell_text(self.cell(cells, "unit_code"))
        text = code or cell_text(self.cell(cells, "unit"))
        if not text:
            return None
        found = text if code and code in units.by_id else (
            None if code else unit_by_name(text, units))
        if found is None:
            col = self.col["unit_code" if code else "unit"] + 1
            self.problem(line, col, Code.UNKNOWN_UNIT, message("unit.unknown", unit=text),
                         did_you_mean_unit(text, units))
            return False
        return None if found == self.plan_unit else found

    def duplicate(self, line: int, target: Target, unit: str | None) -> bool:
        """A second row for the same target (and unit) is a problem naming both rows."""
        first = self.seen.setdefault((target.id, unit), line)
        if first == line:
            return False
        col = self.col.get("name", self.col.get("code", 0)) + 1
        name = Label(target.id, target.name)
        of: Message = text("what.of_unit", target=name, unit=unit_label(self.units, unit)) \
            if unit else name
        self.problem(line, col, Code.DUPLICATE_ROW,
                     text("annex.duplicate", what=of, where=self.table.where(first, col)),
                     text("annex.hint_one_row" + ("_unit" if unit else "") + (
                         "_sheet" if self.units is None and (
                             "unit" in self.col or "unit_code" in self.col) else "")))
        return True

    def plan_cell(self, line: int, cells: Sequence[Cell], target: Target, unit: str | None
                  ) -> None:
        """A plan cell that differs from the plan file's target is a warning (the plan wins)."""
        raw = self.cell(cells, "plan")
        shown = unit_target(target, unit) if unit else target
        if shown.target is None or cell_text(raw) in _NO_FIGURE or (
                isinstance(raw, str) and plan_words.reads_back(raw, shown)):
            return
        number = raw if isinstance(raw, float) else parse_number(
            cell_text(raw), self.options.decimal_comma, (target.measure or "").strip() == "%")
        if isinstance(number, float) and math.isclose(number, shown.target, rel_tol=1e-9,
                                                      abs_tol=1e-12):
            return
        col = self.col["plan"] + 1
        self.warnings.add(Problem(
            self.table.name, self.table.where(line, col), Code.PLAN_MISMATCH,
            text("annex.plan_mismatch_unit", cell=cell_text(raw),
                 target=Label(target.id, target.name), unit=unit_label(self.units, unit),
                 plan=f"{shown.target:g}") if unit else
            text("annex.plan_mismatch", cell=cell_text(raw), target=Label(target.id, target.name),
                 plan=f"{shown.target:g}"), text("annex.hint_plan_mismatch"), line))

    def figures(self, line: int, cells: Sequence[Cell], target: Target, unit: str | None
                ) -> None:
        """The row's figure of each value column's period, and of the report's period last
        year (`status` is of the report's period)."""
        shown = unit_target(target, unit) if unit else target
        status = self.status(line, cells)
        kept = self.own if unit is None else self.by_unit.setdefault(unit, {})
        columns = [(col, period, status if col == self.main else self.estimate(col))
                   for col, period in self.periods.items()]
        if "last_year" in self.col:
            columns.append((self.col["last_year"], self.periods[self.main].same_last_year(),
                            None))
        earlier = self.earlier(cells)
        for col, at, mark in columns:
            raw = cells[col] if col < len(cells) else ""
            value = self.value(line, col, raw, shown)
            if value is None or mark is False:
                continue
            if col == self.main and earlier is not None and earlier < at:
                at = earlier
            self.typo(line, col, raw, value, shown, unit, at)
            kept.setdefault(target.id, {})[at] = Figure(
                target.id, at, value, unit, mark, None, self.table.name, line)

    def earlier(self, cells: Sequence[Cell]) -> Period | None:
        """The period of a figure that stands in for the report's period, as the `Ghi chú`
        cell says it (`Số liệu quý I`, `As of Q1`: the value cell holds the figure of Q1, as
        `hauloc report` writes a count reached earlier); None when it says no such thing."""
        if "note" not in self.col or not self.periods:
            return None
        for part in cell_text(self.cell(cells, "note")).split(";"):
            found = _AS_OF.fullmatch(toneless(part).strip())
            named = read_period(found.group(1), heading=False) if found else None
            if named is not None and named.year in (None, self.periods[self.main].year):
                return Period(self.periods[self.main].year, named.month)
        return None

    def typo(self, line: int, col: int, raw: Cell, value: Value, target: Target,
             unit: str | None, at: Period) -> None:
        """A warning when a figure read looks like a slip (`values.typo`), as in the long
        format."""
        found = typo(value, cell_text(raw) if isinstance(raw, str) else raw, target,
                     self.options.decimal_comma,
                     text("what.of_unit", target=Label(target.id, target.name),
                          unit=unit_label(self.units, unit)) if unit
                     else Label(target.id, target.name))
        if found is not None:
            self.warnings.add(Problem(self.table.name, self.table.where(line, col + 1), *found,
                                      line))
            if unit is None:
                self.typos.add((target.id, at, line))

    def estimate(self, col: int) -> FigureStatus | None:
        """An estimate when the column is headed `Ước thực hiện…`."""
        kind = self.header.kinds[col]
        return FigureStatus.ESTIMATE if kind is not None and kind.estimate else None

    def status(self, line: int, cells: Sequence[Cell]) -> FigureStatus | None | Literal[False]:
        """How final the row's figure of the report's period is: its `Loại số liệu` cell, else
        its column's heading (`estimate`); False when the cell says no status."""
        found = read_status(self.cell(cells, "status"))
        if isinstance(found, tuple):
            self.problem(line, self.col["status"] + 1, *found)
            return False
        return self.estimate(self.main) if found is None else found

    def value(self, line: int, col: int, raw: Cell, target: Target) -> Value | None:
        """The figure of a cell (None when it is empty or not a figure: a problem then)."""
        if isinstance(raw, str) and not isinstance(raw, DateCell):
            raw = cell_text(raw)
            if raw in _NO_FIGURE:
                return None
        lo, hi = default_range(target) or (-math.inf, math.inf)
        found = read_value(raw, target, self.options.decimal_comma, lo, hi)
        if isinstance(found, tuple):
            self.problem(line, col + 1, *found)
            return None
        return found


def _figure_like(cell: Cell) -> bool:
    """Whether a value cell looks like a figure, to tell a row of the table from text beside
    or below it (a signature, `TM. ỦY BAN NHÂN DÂN`): a number, text with a digit, or a
    milestone's word. A row of a target is read whatever its cells hold."""
    if isinstance(cell, float):
        return True
    text = cell_text(cell)
    return text not in _NO_FIGURE and (any(c.isdigit() for c in text)
                                       or milestone.read(text) is not None)


def _is_group(name: str) -> bool:
    """A name that heads a group of targets: `I. KINH TẾ`, `Văn hóa - xã hội`, `ECONOMY`."""
    words = toneless(name)
    bare = _GROUP_PREFIX.sub("", words)
    return bool(_NUMBERED_GROUP.match(words) or groups.known(bare)
                or (any(c.isalpha() for c in name) and name == name.upper()))


def heads_group(number: str, name: str) -> bool:
    """Whether a row with no figure heads a group of targets (read past here, kept by `plan
    import`): its STT a Roman numeral (`I`, `II.`), or its name a group's (`I. KINH TẾ`)."""
    return bool(_ROMAN.fullmatch(toneless(number))) or _is_group(name)


def _periods(reader: _Reader, header: WideHeader, year: int, given: Period | None
             ) -> dict[int, Period]:
    """The period of each value column read: see `_Reader.periods`."""
    title = next(((ln, text, n) for ln, text in header.title
                  if (n := read_period(text, heading=False)) is not None), None)
    if title is not None and title[2].year not in (None, year):
        reader.problem(title[0], None, Code.WRONG_YEAR,
                       text("annex.title_wrong_year", title=title[1], year=year),
                       text("period.hint_other_year", year=year, other=title[2].year))
        return {}
    named: dict[int, Found | None] = {}
    for col in header.values:
        kind, heading = header.kinds[col], header.headings[col]
        assert kind is not None
        found = read_period(kind.rest, heading=True) if kind.rest else None
        if found is not None and found.alone and not kind.cumulative:
            alone = (text("annex.quarter_n", n=found.month // 3) if found.span == 3
                     else text("annex.month_n", n=found.month))
            reader.problem(header.line, col + 1,
                           Code.QUARTER_ALONE if found.span == 3 else Code.MONTH_ALONE,
                           text("annex.column_alone", column=heading, alone=alone),
                           text("annex.hint_column_alone", year=year))
            return {}
        if found is not None and found.year not in (None, year):
            reader.problem(header.line, col + 1, Code.WRONG_YEAR,
                           text("annex.heading_wrong_year", heading=heading, year=year),
                           text("period.hint_other_year", year=year, other=found.year))
            return {}
        named[col] = found
    if len(named) == 1:
        return _one_period(reader, header, year, given, title)
    return _several_periods(reader, header, year, named, given, title)


Title = tuple[int, str, Found] | None  # the first title row naming a period: line, text, it


def _one_period(reader: _Reader, header: WideHeader, year: int, given: Period | None,
                title: Title) -> dict[int, Period]:
    """The period of the one value column: its heading's, else the title's, else --period."""
    col = header.values[0]
    heading, where = header.headings[col], reader.table.where
    rest = header.value.rest
    named = read_period(rest, heading=True) if rest else None
    if named is not None and title is not None and named.month != title[2].month:
        reader.problem(header.line, col + 1, Code.BAD_PERIOD,
                       text("annex.column_title_differ", column=heading,
                            period=Period(year, named.month), where=where(title[0], None),
                            title=Period(year, title[2].month)),
                       text("annex.hint_correct_one"))
        return {}
    if named is not None:
        found = _with_option(reader, heading, Period(year, named.month), given,
                             text("annex.source_heading", heading=heading,
                                  where=where(header.line, col + 1)))
    elif title is not None:
        found = _with_option(reader, heading, Period(year, title[2].month), given,
                             text("annex.source_title", title=title[1],
                                  where=where(title[0], None)))
    else:
        found = _with_option(reader, heading, None, given, "")
    return {} if found is None else {col: found}


def _several_periods(reader: _Reader, header: WideHeader, year: int,
                     named: dict[int, Found | None], given: Period | None, title: Title
                     ) -> dict[int, Period]:
    """Value columns of several periods (`Thực hiện 6 tháng` | `Ước thực hiện 9 tháng` |
    `Ước thực hiện cả năm`): each column up to the report's period (the title's, else
    --period) gives figures of its own; a later one (a forecast) is read past, with a warning.
    """
    cols = list(named)
    quarters: dict[int, int] = {}
    for col, found in named.items():
        quarter = 0 if found is None else found.month
        clash = next((c for c, q in quarters.items() if q == quarter or not (q and quarter)),
                     None)
        if clash is not None:
            reader.problem(header.line, col + 1, Code.DUPLICATE_COLUMN,
                           text("annex.columns_one_period", first=header.headings[clash],
                                second=header.headings[col]),
                           text("annex.hint_columns_one_period"))
            return {}
        quarters[col] = quarter
    periods = {c: Period(year, q) for c, q in quarters.items()}
    in_words = ", ".join(f"'{header.headings[c]}' ({p})" for c, p in periods.items())
    if title is None and given is None:
        reader.problem(header.line, cols[0] + 1, Code.MISSING_PERIOD,
                       text("annex.several_periods", columns=in_words),
                       text("annex.hint_several_periods"))
        return {}
    source: Message = (text("annex.source_title", title=title[1],
                            where=reader.table.where(title[0], None))
                       if title is not None else "")
    report = _with_option(reader, header.headings[cols[0]], title and Period(
        year, title[2].month), given, source)
    assert report is not None
    if report not in periods.values():
        reader.problem(header.line, cols[0] + 1, Code.BAD_PERIOD,
                       text("annex.no_column_of_report", period=report, columns=in_words),
                       text("annex.hint_title_or_headings"))
        return {}
    for col, period in periods.items():
        if period > report:
            reader.warnings.add(Problem(
                reader.table.name, reader.table.where(header.line, col + 1),
                Code.FORECAST_COLUMN,
                text("annex.forecast", column=header.headings[col], period=period,
                     report=report),
                text("annex.hint_forecast"), header.line))
    reader.main = next(c for c, p in periods.items() if p == report)
    return {c: p for c, p in periods.items() if p <= report}


def _with_option(reader: _Reader, heading: str, found: Period | None, given: Period | None,
                 source: Message) -> Period | None:
    """The file's period (read from `source`) and --period: both given must agree; neither
    is a problem."""
    header = reader.header
    col = header.index["value"] + 1
    if (found is not None and given is not None and found != given
            and reader.options.period_must_match):
        raise UsageError(text("annex.option_period_differs", given=given,
                              file=reader.table.name, found=found, source=source))
    if found is None and given is None:
        year = reader.plan.plan.year
        reader.problem(header.line, col, Code.MISSING_PERIOD,
                       text("annex.no_period", column=heading),
                       text("annex.hint_no_period", year=year))
    return found or given

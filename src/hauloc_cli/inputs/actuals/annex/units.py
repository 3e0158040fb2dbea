"""Reading the table by unit back: one row per unit, one column per target, as `hauloc
report` writes its sheet "Theo đơn vị" / "By unit" (render/report/cells.unit_table) and as
offices lay out a compilation of their communes.

The header is the first row with a unit column (`Đơn vị`, `Xã`, `Reporting unit`, `Mã đơn
vị`) and at least one column whose heading names a target of the plan, with or without its
number and unit of measure (`(3) Sản phẩm OCOP mới (sản phẩm)`). The period of the figures is
the title's (`… 9 THÁNG NĂM 2024`), else --period. Below the header, each row naming a unit
gives that unit's figure of each target; `—` or an empty cell is no figure; a figure followed
by a period in parentheses (`đã đạt (6 tháng)`, `done (Q2)`) is that earlier period's figure,
standing in. Assessment and notes columns are worked out again, not read; the total rows
(`Tổng hợp`, `Đã báo cáo`: no number in the STT column), and the notes and signature below the
table, are read past. The units file (--units) says which unit a row names.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from hauloc_cli.errors import Code, InputError, Message, Problem, UsageError
from hauloc_cli.inputs.actuals.annex.header import Rows, classify, read_period, toneless
from hauloc_cli.inputs.actuals.annex.names import Names, unit_by_name
from hauloc_cli.inputs.actuals.long import Actuals, Collector, implausible
from hauloc_cli.inputs.actuals.unit_rows import did_you_mean_unit
from hauloc_cli.inputs.actuals.values import NO_FIGURE, read_value
from hauloc_cli.inputs.files.table import Cell, DateCell, RawTable, cell_text
from hauloc_cli.model.figures import Figure, Figures
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, Target, default_range, unit_target
from hauloc_cli.model.units import Units
from hauloc_cli.vocab.messages import text as message

_NUMBERED = re.compile(r"^\(\d+\)\s*")  # `(3) Sản phẩm OCOP mới`: the column's number
_TRAILING = re.compile(r"\s*\(([^()]*)\)$")  # `(sản phẩm)`, `(6 tháng)`
_NO_FIGURE = NO_FIGURE  # a dash in a value cell: no figure (values.NO_FIGURE)
_NOTES = re.compile(r"(?:ghi chu|nguon|nguon so lieu|chu thich|noi nhan|notes?|sources?)\s*:")


@dataclass(frozen=True)
class UnitHeader:
    """The columns of a table by unit: the header's line, the unit column (and whether it
    holds ids), the STT column if any, each target's column, and the title rows above."""

    line: int
    unit: int
    by_id: bool
    number: int | None
    targets: dict[int, str]  # column (0-based) → target id
    title: list[tuple[int, str]]


def target_of(heading: str, names: Names) -> str | None:
    """The target a column heading names: `(3) Sản phẩm OCOP mới (sản phẩm)` → ocop_products;
    None when it names none, or several."""
    text = _NUMBERED.sub("", heading.strip())
    for candidate in (text, _TRAILING.sub("", text)):
        ids = names.match(candidate) if candidate else []
        if len(ids) == 1:
            return ids[0]
    return None


def find_unit_header(rows: Rows, names: Names) -> UnitHeader | None:
    """The header of a table by unit among the first rows `(line, cells)`, or None."""
    for n, (line, cells) in enumerate(rows):
        texts = [cell_text(c) for c in cells]
        kinds = [classify(t) if t else None for t in texts]
        unit = next((c for c, k in enumerate(kinds)
                     if k is not None and k.key in ("unit", "unit_code")), None)
        if unit is None:
            continue
        targets = {c: found for c, t in enumerate(texts)
                   if c != unit and t and (found := target_of(t, names)) is not None}
        if targets:
            number = next((c for c, k in enumerate(kinds) if k is not None
                           and k.key == "number"), None)
            kind = kinds[unit]
            assert kind is not None
            title = [(ln, " ".join(t for t in map(cell_text, c) if t)) for ln, c in rows[:n]]
            return UnitHeader(line, unit, kind.key == "unit_code", number, targets, title)
    return None


def read_by_unit(table: RawTable, plan: Plan, header: UnitHeader, rows: Rows,
                 options: UnitOptions) -> Actuals:
    """The figures of a table by unit (see the module's description)."""
    if options.units is None:
        raise InputError([Problem(
            table.name, table.where(header.line, header.unit + 1), Code.UNKNOWN_UNIT,
            message("by_unit.needs_units"), message("by_unit.hint_needs_units"),
            header.line)])
    reader = _UnitReader(table, plan, header, options, options.units)
    period = reader.period()
    for line, cells in rows:
        if line > header.line and not reader.row(line, cells, period):
            break
    for found in table.problems:
        reader.problems.add(found)
    if reader.problems.kept:
        raise InputError(reader.problems.kept, reader.problems.more)
    if reader.count == 0:
        raise InputError([Problem(table.name, "", Code.EMPTY_FILE,
                                  message("by_unit.header_only"),
                                  message("by_unit.hint_header_only"))])
    implausible(plan, reader.own, table, min(header.targets) + 1, reader.warnings)
    by_unit = {u: Figures.indexed(found) for u, found in reader.by_unit.items()}
    return Actuals(table.name, Figures.indexed(reader.own), tuple(reader.warnings.kept),
                   reader.count, table.sheet, by_unit)


@dataclass(frozen=True)
class UnitOptions:
    decimal_comma: bool
    max_errors: int
    units: Units | None
    period: Period | None
    period_must_match: bool


class _UnitReader:
    def __init__(self, table: RawTable, plan: Plan, header: UnitHeader, options: UnitOptions,
                 units: Units) -> None:
        self.table, self.plan, self.header, self.options = table, plan, header, options
        self.units = units
        self.problems, self.warnings = (Collector(options.max_errors),
                                        Collector(options.max_errors))
        self.plan_unit = plan.plan.unit or next(
            (u.id for u in units.units if u.parent is None), None)
        self.own: dict[str, dict[Period, Figure]] = {}
        self.by_unit: dict[str, dict[str, dict[Period, Figure]]] = {}
        self.seen: dict[str, int] = {}
        self.count = 0

    def problem(self, line: int, col: int | None, code: Code, message: Message,
                hint: Message = "") -> None:
        self.problems.add(Problem(self.table.name, self.table.where(line, col), code, message,
                                  hint, line))

    def period(self) -> Period | None:
        """The title's period, else --period; both given must agree (as in an annex table)."""
        year, given = self.plan.plan.year, self.options.period
        title = next(((ln, text, n) for ln, text in self.header.title
                      if (n := read_period(text, heading=False)) is not None), None)
        if title is not None and title[2].year not in (None, year):
            self.problem(title[0], None, Code.WRONG_YEAR,
                         message("annex.title_wrong_year", title=title[1], year=year),
                         message("period.hint_other_year", year=year, other=title[2].year))
            return None
        found = None if title is None else Period(year, title[2].month)
        if (found is not None and given is not None and found != given
                and self.options.period_must_match):
            raise UsageError(message(
                "annex.option_period_differs", given=given, file=self.table.name, found=found,
                source=message("by_unit.source_title", title=title[1] if title else "")))
        if found is None and given is None:
            self.problem(self.header.line, None, Code.MISSING_PERIOD,
                         message("by_unit.no_period"),
                         message("by_unit.hint_no_period", year=year))
        return found or given

    def row(self, line: int, cells: Sequence[Cell], period: Period | None) -> bool:
        """One row below the header; False at the notes below the table (read no further)."""
        header = self.header
        leading = next((toneless(cell_text(c)) for c in cells if cell_text(c)), "")
        if _NOTES.match(leading):
            return False
        text = cell_text(cells[header.unit]) if header.unit < len(cells) else ""
        numbered = header.number is not None and header.number < len(cells) and bool(
            cell_text(cells[header.number]))
        if not text:
            return True
        found = (text if text in self.units.by_id else None) if header.by_id else \
            unit_by_name(text, self.units)
        if found is None:
            if numbered:  # a unit's row (it has its number) naming no unit: a problem
                self.problem(line, header.unit + 1, Code.UNKNOWN_UNIT,
                             message("unit.unknown", unit=text),
                             did_you_mean_unit(text, self.units))
            return True  # a total row (`Tổng hợp`, `Đã báo cáo`), or text beside the table
        self.count += 1
        first = self.seen.setdefault(found, line)
        if first != line:
            self.problem(line, header.unit + 1, Code.DUPLICATE_ROW,
                         message("annex.duplicate", what=found,
                                 where=self.table.where(first, header.unit + 1)),
                         message("by_unit.hint_one_row"))
            return True
        if period is not None:
            unit = None if found == self.plan_unit else found
            for col, tid in header.targets.items():
                self.figure(line, col, cells[col] if col < len(cells) else "",
                            self.plan.by_id[tid], unit, period)
        return True

    def figure(self, line: int, col: int, raw: Cell, target: Target, unit: str | None,
               period: Period) -> None:
        """A unit's figure of a target, of `period` or of the earlier period it names."""
        at = period
        if isinstance(raw, str) and not isinstance(raw, DateCell):
            raw = cell_text(raw)
            if raw in _NO_FIGURE:
                return
            if (m := _TRAILING.search(raw)) and (
                    named := read_period(m.group(1), heading=False)) is not None:
                if named.year not in (None, period.year) or named.month > period.month:
                    self.problem(line, col + 1, Code.BAD_PERIOD,
                                 message("by_unit.period_not_before", raw=raw, period=period),
                                 message("by_unit.hint_period_not_before"))
                    return
                raw, at = raw[:m.start()].strip(), Period(period.year, named.month)
        shown = unit_target(target, unit) if unit else target
        lo, hi = default_range(shown) or (-math.inf, math.inf)
        value = read_value(raw, shown, self.options.decimal_comma, lo, hi)
        if isinstance(value, tuple):
            self.problem(line, col + 1, *value)
            return
        kept = self.own if unit is None else self.by_unit.setdefault(unit, {})
        kept.setdefault(target.id, {})[at] = Figure(target.id, at, value, unit, None, None,
                                                    self.table.name, line)

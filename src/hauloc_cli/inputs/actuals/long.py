"""The row checker: every row of a table given its meaning against the plan.

Every problem is collected (up to a cap); a file with any problem yields no figures. Rows are
streamed: only the figures are kept. The loop over rows is the hot path of a large file, so
its common case (a known target, a plain number, a period seen before) stays inline; the rest
is in the helpers below it.
"""

from __future__ import annotations

import csv
import difflib
import functools
import itertools
import math
import re
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from hauloc_cli.errors import Code, InputError, Message, Problem
from hauloc_cli.inputs.actuals import columns, unit_rows
from hauloc_cli.inputs.actuals.annex.names import Names
from hauloc_cli.inputs.actuals.marks import read_reported, read_status
from hauloc_cli.inputs.actuals.values import (
    NO_FIGURE,
    PLAIN,
    Refusal,
    quiet,
    read_value,
    typo,
)
from hauloc_cli.inputs.files.table import (
    Cell,
    RawTable,
    canonical_column,
    cell_text,
    column_name,
    nfc,
)
from hauloc_cli.model.figures import Figure, Figures, FigureStatus, Value, revise
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, Target, default_range, unit_target
from hauloc_cli.model.units import Units
from hauloc_cli.vocab.columns import FIGURE as FIGURE_COLUMNS
from hauloc_cli.vocab.columns import KNOWN as KNOWN_COLUMNS
from hauloc_cli.vocab.columns import REQUIRED as REQUIRED_COLUMNS
from hauloc_cli.vocab.columns import UNIT as UNIT_COLUMNS
from hauloc_cli.vocab.messages import Label, Name, text, unit_label
from hauloc_cli.vocab.messages import text as message
from hauloc_cli.vocab.periods import Found, PeriodError, read, words

_PERIOD_CACHE_SIZE = 1000
ByTarget = dict[str, dict[Period, Figure]]


# A target cell written as an id (else it is taken for a name: the hint says so).
_ID = re.compile(r"[a-z0-9_]+")


class Check(NamedTuple):
    """What the row checker knows of a target (of a unit's rows of it, or the plan unit's).
    A unit's check is its target view's first six fields and its own last three."""

    target: Target  # what its values are read against
    lo: float  # the lowest and highest value allowed
    hi: float
    inline: bool  # a plain number with '.' is read inline (the common case of a large file)
    quiet_lo: float  # the values read inline: within the range, no typo warning concerns them
    quiet_hi: float  # (`values.quiet`)
    target_id: str  # the id its figures take
    unit: str | None  # the reporting unit; None: the plan's own
    figures: ByTarget  # that unit's figures by target

_NO_CHECKS: dict[object, Check] = {}


class Written(NamedTuple):
    """A period cell that is not a plain year to date: the month alone (`tháng 10`), or an
    estimate (`ước cả năm`); `month_alone` gathers its figures (`compile_months`)."""

    period: Period  # the year to date it speaks of: the month's end
    found: Found
    text: str  # as written


class Alone(NamedTuple):
    value: Value
    line: int
    written: Written


@dataclass(frozen=True)
class Actuals:
    """What one file holds: its figures, the warnings about it, and how many rows it had."""

    file: str
    figures: Figures
    warnings: tuple[Problem, ...] = ()
    rows: int = 0  # data rows in the file, with or without a value
    sheet: str | None = None  # the sheet read, for a workbook
    by_unit: Mapping[str, Figures] = field(default_factory=dict)  # the other units' figures
    units: Units | None = None  # the units tree the figures were read with


class Collector:
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


class _Checker:
    """The state of one table's check: where problems go, and what is known of the plan."""

    def __init__(self, table: RawTable, plan: Plan, max_errors: int,
                 decimal_comma: bool, units: Units | None = None,
                 others: dict[str, int] | None = None) -> None:
        self.table = table
        self.plan = plan
        # Read with only the plan's targets (`hauloc term`): the rows of other targets, by id
        # and first line, are named in one warning (`others_warning`) instead of refused.
        self.others = others
        self.decimal_comma = decimal_comma
        self.units = units
        # The plan's own unit: its rows are the plan unit's figures, unit cell empty or not.
        self.own_unit = plan.plan.unit or (
            None if units is None else next((u.id for u in units.units if u.parent is None),
                                            None))
        self.problems = Collector(max_errors)
        self.warnings = Collector(max_errors)
        # The figures kept: the plan unit's by target and period, and each unit's.
        self.own: ByTarget = {}
        self.by_unit: dict[str, ByTarget] = {}
        # Per target id: what is known of it.
        self.checks: dict[object, Check] = {}
        for t in plan.targets:
            self.checks[t.id] = self._check(t, t.id, None)
        # Per unit cell as written, per target cell as written: the check of such rows.
        self.unit_checks: dict[object, dict[object, Check]] = {}
        # Per unit cell as written, the id of a unit of the units file other than the plan's;
        # per target cell as written, the plan's check of its target (`row_check`).
        self.known_units: dict[object, str] = {}
        self.known_targets: dict[object, Check] = {}
        # The target as units see it, by target id and assignment (model/plan.unit_target).
        self._views: dict[tuple[str, float | None], Check] = {}
        self.i_unit: int | None = None
        self.periods: dict[object, Period | Written | PeriodError] = {}
        # The months' figures given alone, per (unit, target id): month → the figure.
        self.alone: dict[tuple[str | None, str], dict[int, Alone]] = {}
        self.i_period = 0
        self._suggestions: dict[str, Message] = {}
        # The plan unit's figures warned about as typos, (target, period, line): not warned
        # about again as implausible.
        self.typos: set[tuple[str, Period, int | None]] = set()
        # Figures as reports give them (marks.py): the columns status, reported, last_year
        # where the file has them, and the figures that later rows revised.
        self.marks: dict[str, int] = {}
        self.replaced: dict[tuple[str, Period], tuple[Figure, ...]] = {}
        self.unit_replaced: dict[str, dict[tuple[str, Period], tuple[Figure, ...]]] = {}

    def problem(self, line: int, col: int | None, code: Code, message: Message,
                hint: Message | Callable[[], Message] = "") -> None:
        name, where = self.table.name, self.table.where
        self.problems.add(lambda: Problem(name, where(line, col), code, message,
                                          hint() if callable(hint) else hint, line))

    def columns(self) -> tuple[int, int, int, int]:
        """The positions of the target, period and value columns, and the header's width."""
        table, units = self.table, self.units
        columns = [canonical_column(c) for c in table.header]
        index: dict[str, int] = {}
        unknown: list[str] = []
        hl = table.header_line
        for i, col in enumerate(columns):
            if col in index and col:
                self.problem(hl, i + 1, Code.DUPLICATE_COLUMN,
                             text("column.twice", column=col), text("hint.keep_one"))
            index.setdefault(col, i)
            if col and col not in KNOWN_COLUMNS and not (
                    units and col in UNIT_COLUMNS):
                unknown.append(col)
                self.warnings.add(lambda i=i, col=col: Problem(  # type: ignore[misc]
                    table.name, table.where(hl, i + 1), Code.UNKNOWN_COLUMN,
                    text("column.unknown", column=col),
                    _did_you_mean(col, KNOWN_COLUMNS, ""), hl))
        self._mark_columns(columns)
        missing = [c for c in REQUIRED_COLUMNS if c not in index]
        found = ", ".join(f"'{c}'" for c in map(column_name, table.header) if c)
        for col in missing:
            close = difflib.get_close_matches(col, unknown, n=1)
            self.problem(hl, None, Code.MISSING_COLUMN,
                         text("column.missing", column=col, found=found) if found else
                         text("column.missing_none", column=col),
                         text("column.hint_meant", close=close[0], column=col) if close else
                         text("column.hint_needed"))
        if missing:
            raise InputError(self.problems.kept, self.problems.more)
        i_target, i_period, i_value = (index[c] for c in REQUIRED_COLUMNS)
        i_unit = next((index[c] for c in UNIT_COLUMNS if c in index), None)
        if units is not None and i_unit is not None:
            self.i_unit = i_unit
        return i_target, i_period, i_value, len(columns)

    def _mark_columns(self, columns: list[str]) -> None:
        """Where the status, reported and last_year columns are, under any of their names."""
        for i, col in enumerate(columns):
            meaning = FIGURE_COLUMNS.get(col)
            if meaning is None:
                continue
            if meaning in self.marks and columns[self.marks[meaning]] != col:
                self.problem(self.table.header_line, i + 1, Code.DUPLICATE_COLUMN,
                             text("column.both", first=columns[self.marks[meaning]],
                                  column=col, meaning=text("column.meaning." + meaning)),
                             text("hint.keep_one"))
            self.marks.setdefault(meaning, i)

    def target(self, raw: object, line: int, col: int) -> Check | None:
        """The target a cell names once trimmed, by its id or by one of its names as the
        annex reader matches them (annex.names.Names: name, name_en, aliases; NFC, any case);
        an unknown-target problem when none, or when the name is several targets'."""
        target_id = cell_text(raw)  # type: ignore[arg-type]
        check = self.checks.get(target_id)
        if check is None and target_id:
            ids = self.names.match(target_id)
            if len(ids) > 1:
                self.problem(line, col, Code.UNKNOWN_TARGET,
                             text("target.name_of_several", name=target_id, n=len(ids),
                                  ids=", ".join(ids)), text("target.hint_write_id"))
                return None
            if ids:  # kept under the name as written, for the next rows that write it
                check = self.checks[target_id] = self.checks[ids[0]]
        if check is None and target_id and self.others is not None:
            self.others.setdefault(target_id, line)
            return None
        if check is None:
            def suggest() -> Message:
                if target_id not in self._suggestions:
                    self._suggestions[target_id] = did_you_mean_target(
                        target_id, self.plan, text("target.hint_run_targets")
                    ) if _ID.fullmatch(target_id) else self.names.suggest(
                        target_id, text("target.hint_id_where_long"))
                return self._suggestions[target_id]
            self.problem(line, col, Code.UNKNOWN_TARGET,
                         text("target.unknown", target=target_id), suggest)
        return check

    @functools.cached_property
    def names(self) -> Names:
        """The targets' names, made when a target cell is not an id."""
        return Names(self.plan.targets)

    def unit_target(self, target_id: str, unit: str, line: int, col: int) -> Check | None:
        """The check of a unit's row of `target_id` (`unit_checks` keeps it for the next rows
        that write the pair the same way)."""
        found = self.target(target_id, line, col)
        assert self.units is not None
        if unit not in self.units.by_id:
            units = self.units
            assert self.i_unit is not None
            self.problem(line, self.i_unit + 1, Code.UNKNOWN_UNIT,
                         text("unit.unknown", unit=unit),
                         lambda: unit_rows.did_you_mean_unit(unit, units))
            return None
        if found is None:
            return None
        return self._unit_check(found.target, unit)

    def _unit_check(self, target: Target, unit: str) -> Check:
        """The check of a unit's rows of `target`: the target as the unit sees it, made once
        per assignment (every unit without one of its own shares it)."""
        assigned = target.assigned(unit)
        view = self._views.get((target.id, assigned))
        if view is None:
            view = self._views[target.id, assigned] = self._check(
                unit_target(target, unit), target.id, None)
        # tuple.__new__: a NamedTuple's own constructor is Python, and this runs per unit
        return tuple.__new__(Check, (*view[:6], target.id, unit,
                                     self.by_unit.setdefault(unit, {})))

    def _check(self, target: Target, target_id: str, unit: str | None) -> Check:
        """What the loop over rows needs to know of a target (see `Check`)."""
        lo, hi = default_range(target) or (-math.inf, math.inf)
        inline = target.kind != "milestone" and not self.decimal_comma
        figures = self.own if unit is None else self.by_unit.setdefault(unit, {})
        return Check(target, lo, hi, inline, *quiet(target, lo, hi, self.decimal_comma),
                     target_id, unit, figures)

    def row_check(self, raw_unit: object, raw_target: object, line: int, col: int
                  ) -> Check | None:
        """The check of a row that names `raw_unit` (a cell of the unit column, "" without
        one) and `raw_target`, kept for the next rows that write both the same way. A row
        without a unit, or naming the plan's own unit, is the plan unit's figure."""
        # A unit cell and a target cell seen before, each on its own (`known`): the pair's
        # check is made without reading either cell again.
        known, seen = self.known_units.get(raw_unit), self.known_targets.get(raw_target)
        if known is not None and seen is not None:
            pair = self._unit_check(seen.target, known)
            self.unit_checks.setdefault(raw_unit, {})[raw_target] = pair
            return pair
        unit = cell_text(raw_unit) if raw_unit != "" else ""  # type: ignore[arg-type]
        if unit and unit != self.own_unit and raw_target is not None:
            target_id = cell_text(raw_target)  # type: ignore[arg-type]
            found = self.checks.get(target_id)
            if found is not None and found.unit is None and unit in self.units.by_id:  # type: ignore[union-attr]
                self.known_units[raw_unit], self.known_targets[raw_target] = unit, found
                check: Check | None = self._unit_check(found.target, unit)
            else:  # the problems of the row, as `target` finds them
                check = self.unit_target(target_id, unit, line, col)
        else:
            check = self.checks.get(raw_target) or self.target(
                "" if raw_target is None else raw_target, line, col)
        if check is not None:
            self.unit_checks.setdefault(raw_unit, {})[raw_target] = check
        return check

    def typo(self, check: Check, raw: Cell, value: Value, period: object, line: int,
             col: int) -> None:
        """A warning when a figure read looks like a slip (`values.typo`)."""
        target, target_id, unit = check.target, check.target_id, check.unit
        found = typo(value, raw, target, self.decimal_comma,
                     Label(target_id, target.name) if unit is None else
                     text("what.of_unit", target=Label(target_id, target.name),
                          unit=unit_label(self.units, unit)))
        if found is None:
            return
        self.warnings.add(Problem(self.table.name, self.table.where(line, col), *found,
                                  line))
        if unit is None and type(period) is Period:
            self.typos.add((target_id, period, line))

    def refusal(self, check: Check, raw: Cell) -> Refusal | Value:
        """Why a cell is not a figure of `check`, named as the row checker names a unit's
        target (`schools of hoa_loc`), or its figure."""
        target, lo, hi, _, _, _, target_id, unit, _ = check
        if unit is not None:
            target = unit_rows.unit_check(self.plan.by_id[target_id], unit)
        return read_value(raw, target, self.decimal_comma, lo, hi)

    def period(self, raw: object) -> Period | Written | PeriodError:
        """The period a cell names (remembered for the next rows that write it the same way):
        the year to date, or `Written` for the month alone and estimates."""
        year = self.plan.plan.year
        text = cell_text(raw)  # type: ignore[arg-type]
        found: Period | Written | PeriodError
        try:
            said = read(text, year)
            found = Period(year, said.month)
            if said.alone or said.estimate:
                found = Written(found, said, text)
        except PeriodError as exc:
            found = exc
        if len(self.periods) < _PERIOD_CACHE_SIZE:
            self.periods[raw] = found
        return found

    def extra_field(self, row: Sequence[Cell], line: int) -> bool:
        """A row with text beyond the header's last column is a problem (True)."""
        width = len(self.table.header)
        if not any(cell_text(c) for c in row[width:]):
            return False
        self.problem(line, width + 1, Code.EXTRA_FIELD,
                     text("row.extra_field", n=len(row), width=width),
                     text("row.hint_quote_delimiter"))
        return True

    def bad_record(self, exc: Exception, line: int) -> None:
        if "field limit" in str(exc):
            self.problem(line, None, Code.TOO_LONG,
                         text("row.field_too_long", limit=f"{csv.field_size_limit():,}"),
                         text("row.hint_too_long"))
        else:
            self.problem(line, None, Code.BAD_QUOTING,
                         text("row.cannot_split", error=str(exc)),
                         text("row.hint_quoting"))

    def duplicate(self, line: int, first: Figure) -> None:
        target, unit = first.target, first.unit
        of: Message = text("what.of_unit", target=target, unit=unit) if unit else target
        where: Message = (text("where.line", line=first.line)
                          if first.file == self.table.name else f"{first.file}:{first.line}")
        self.problem(line, None, Code.DUPLICATE_ROW,
                     text("row.duplicate", what=of, period=first.period, where=where),
                     text("row.hint_one_row" + ("_unit" if unit else "")
                          + ("_marks" if self.marks else "")))

    def other_year(self, raw: object, error: PeriodError, target: Target | None, line: int,
                   col: int) -> Period | None:
        """A period of the year before the plan's, for a target compared with last year;
        else the problem of the period is reported."""
        if error.code is Code.WRONG_YEAR and target is not None and target.reads_last_year:
            year = self.plan.plan.year - 1
            try:
                said = read(cell_text(raw), year)  # type: ignore[arg-type]
                if not said.alone:
                    return Period(year, said.month)
            except PeriodError:
                pass
        self.problem(line, col, error.code, error.message, error.hint)
        return None

    def written(self, written: Written, value: Value, check: Check, row: Sequence[Cell],
                line: int) -> None:
        """A figure whose period cell is not a plain year to date: an estimate (`ước cả năm`)
        is the figure of the period's end marked as an estimate; the month alone is kept for
        `compile_months`."""
        if written.found.alone:
            key = (check.unit, check.target_id)
            months = self.alone.setdefault(key, {})
            if written.period.month in months:
                self.problem(line, self.i_period + 1, Code.DUPLICATE_ROW,
                             text("row.duplicate_month",
                                  target=Label(check.target_id, check.target.name),
                                  text=written.text, line=months[written.period.month].line),
                             text("row.hint_one_row_month"))
                return
            months[written.period.month] = Alone(value, line, written)
            return
        figure = Figure(check.target_id, written.period, value, check.unit,
                        FigureStatus.ESTIMATE, None, self.table.name, line)
        if self.marks:
            self.marked(row, figure, check)
        else:
            self.keep(figure, check.figures)

    def compile_months(self) -> None:
        """The months given alone, made into the year to date (issue 22): for a flow (a
        cumulative target) the sum of the months from January when every one is there, said
        as compiled, with a warning when a year-to-date figure given beside it disagrees, and
        a `month-alone` problem when months are missing; for a state (a level, a rate, a
        milestone) the month's figure is the state at its end."""
        year = self.plan.plan.year
        for (unit, target_id), months in self.alone.items():
            target = self.plan.by_id[target_id]
            check = self.checks[target_id] if unit is None else next(
                c for by_t in self.unit_checks.values() for c in by_t.values()
                if c.unit == unit and c.target_id == target_id)
            # the unit's figures as filed now: the columnar path files them anew after the
            # rows (`columns._file`), so the check's own reference may be to the old ones
            figures = check.figures if unit is None else self.by_unit.setdefault(unit, {})
            given = figures.setdefault(target_id, {})
            if target.kind != "cumulative":
                for _, alone in sorted(months.items()):
                    self._compiled(check, given, alone, alone.value, range(0))
                continue
            # January alone is the year to date at its end: read as such, it counts here
            january = given.get(Period(year, 1))
            have = set(months) | ({1} if january is not None else set())
            total = 0.0 if january is None else float(january.value)
            compiled: list[Alone] = []
            for month in range(1, max(months) + 1):
                if month not in have:
                    break
                if month in months:
                    total += float(months[month].value)
                    if self._compiled(check, given, months[month], total, range(1, month + 1)):
                        compiled.append(months[month]._replace(value=total))
            if compiled:
                self._said_compiled(check.target_id, compiled)
            for month, alone in sorted(months.items()):
                if have.issuperset(range(1, month)):
                    continue
                if Period(year, month) in given:
                    continue  # the year to date is given: the month alone is not needed
                lacking = [m for m in range(1, month) if m not in have]
                self.problem(
                    alone.line, self.i_period + 1, Code.MONTH_ALONE,
                    text("period.month_alone", text=alone.written.text, month=month,
                         lacking=", ".join(map(str, lacking)), target=target_id),
                    text("period.hint_month_alone", words=words(Period(year, month), "vi"),
                         period=Period(year, month)))

    def _said_compiled(self, target_id: str, compiled: list[Alone]) -> None:
        """One warning per target whose year to date is compiled from months alone: at the
        last one, with its first and last period."""
        last = compiled[-1]
        first = compiled[0].written.period
        periods: Message = (f"{first}" if len(compiled) == 1 else
                            text("period.range", first=first, last=last.written.period))
        self.warnings.add(Problem(
            self.table.name, self.table.where(last.line, self.i_period + 1), Code.MONTHS_COMPILED,
            text("warning.months_compiled",
                 target=Label(target_id, self.plan.by_id[target_id].name), periods=periods,
                 month=last.written.period.month, value=f"{last.value:g}"), "",
            last.line))

    def _compiled(self, check: Check, given: dict[Period, Figure], alone: Alone,
                  value: Value, months: range) -> bool:
        """Keep the year to date made of months alone (True), unless one is given beside it:
        then a warning when they disagree."""
        period = alone.written.period
        text = alone.written.text
        kept = given.get(period)
        if kept is not None:
            if isinstance(kept.value, bool) or isinstance(value, bool):
                same = kept.value == value
            else:
                same = math.isclose(float(kept.value), float(value), rel_tol=1e-9,
                                    abs_tol=1e-9)
            if not same:
                compiled = message("warning.months_add_up", start=months.start,
                                   stop=months.stop - 1, value=f"{value:g}") \
                    if months else message("warning.month_says", text=text, value=f"{value:g}")
                self.warnings.add(Problem(
                    self.table.name, self.table.where(alone.line, self.i_period + 1),
                    Code.MONTHS_DISAGREE,
                    message("warning.months_disagree", target=check.target_id, period=period,
                            compiled=compiled, given=f"{kept.value:g}", line=kept.line),
                    message("warning.hint_months_disagree"),
                    alone.line))
            return False
        status = FigureStatus.ESTIMATE if alone.written.found.estimate else None
        given[period] = Figure(check.target_id, period, value, check.unit, status, None,
                               self.table.name, alone.line)
        return bool(months)

    def marked(self, row: Sequence[Cell], figure: Figure, check: Check) -> None:
        """A figure of a row that may carry its status, reported date and last year's figure."""
        target, lo, hi, *_ = check
        line = figure.line or 0
        cells = {k: (row[i] if i < len(row) else "") for k, i in self.marks.items()}
        status, reported = read_status(cells.get("status", "")), read_reported(
            cells.get("reported", ""))
        last = cell_text(cells.get("last_year", ""))
        last_value = read_value(last, target, self.decimal_comma, lo, hi) if last else None
        if isinstance(last_value, tuple):
            last_value = self.refusal(check, last)
        bad = False
        for key, got in (("status", status), ("reported", reported), ("last_year", last_value)):
            if isinstance(got, tuple):
                self.problem(line, self.marks[key] + 1, *got)
                bad = True
        if bad:
            return
        assert not isinstance(status, tuple) and not isinstance(reported, tuple)
        figure = figure._replace(status=figure.status if status is None else status,
                                 reported=reported,
                                 cause=" ".join(cell_text(cells.get("cause", "")).split()),
                                 solution=" ".join(
                                     cell_text(cells.get("solution", "")).split()))
        self.keep(figure, check.figures)
        if last_value is not None and not isinstance(last_value, tuple):
            earlier = figure.period.same_last_year()
            self.typo(check, last, last_value, earlier, line, self.marks["last_year"] + 1)
            self.keep(figure._replace(period=earlier, value=last_value, status=None),
                      check.figures, beside=True)

    def keep(self, figure: Figure, by_target: ByTarget, beside: bool = False) -> None:
        """Keep `figure`, or let it revise the one kept for its target and period: the later
        reported, then the more final is used (`precedence`); equal ones are duplicate rows.
        A last-year figure given `beside` another row's value and equal to the one kept is the
        same figure said again."""
        replaced = self.replaced if figure.unit is None else self.unit_replaced.setdefault(
            figure.unit, {})
        clash = revise(by_target, replaced, figure, beside)
        if clash is not None:
            self.duplicate(figure.line or 0, clash)


def _did_you_mean(word: str, choices: list[str] | tuple[str, ...], otherwise: Message
                  ) -> Message:
    found = difflib.get_close_matches(word, choices, n=1)
    return text("hint.did_you_mean", word=found[0]) if found else otherwise


def did_you_mean_target(word: str, plan: Plan, otherwise: Message) -> Message:
    """'did you mean 'ocop_new' (Số sản phẩm OCOP mới)?': the closest id, with its name."""
    found = difflib.get_close_matches(word, list(plan.by_id), n=1)
    if not found:
        return otherwise
    target = plan.by_id[found[0]]
    if not target.name:
        return text("hint.did_you_mean", word=found[0])
    return text("hint.did_you_mean_named", word=found[0],
                name=Name(str(target.name), target.name_en))


def parse_table(table: RawTable, plan: Plan, *, decimal_comma: bool = False,
                max_errors: int = 50, units: Units | None = None,
                only_plan_targets: bool = False, source: Path | None = None) -> Actuals:
    """Check every row of `table` against `plan` (and the units, when there are); raise
    InputError listing every problem. With `only_plan_targets`, rows of other targets are
    named in a warning, not read. `source`: the UTF-8 CSV file `table` reads, which a large
    file's rows may be checked from in columns (`columns.py`, the `fast` extra)."""
    others: dict[str, int] | None = {} if only_plan_targets else None
    checker = _Checker(table, plan, max_errors, decimal_comma, units, others)
    i_target, i_period, i_value, width = checker.columns()
    checker.i_period = i_period
    state = [table.header_line, 0]  # the last line read, and the data rows counted
    if source is not None and columns.wanted(source):
        dialect = getattr(table.rows, "dialect", None)
        counted = columns.read(checker, source, (i_target, i_period, i_value, width),
                               getattr(dialect, "delimiter", ""))
        if counted is not None:
            state[1] = counted
            table.rows = iter(())  # read in columns
        else:  # the row path reads the file, from a checker that has seen nothing
            checker = _Checker(table, plan, max_errors, decimal_comma, units,
                               {} if only_plan_targets else None)
            checker.columns()
            checker.i_period = i_period
    while True:
        try:
            _rows(checker, (i_target, i_period, i_value, width), state)
            break
        except table.bad_record as exc:
            line, state[0] = state[0] + 1, table.line_num()
            state[1] += 1
            checker.bad_record(exc, line)
    if checker.alone:
        checker.compile_months()
    problems = checker.problems
    for found in table.problems:
        problems.add(found)
    if problems.kept:
        raise InputError(problems.kept, problems.more)
    if state[1] == 0:
        raise InputError([Problem(table.name, "", Code.EMPTY_FILE,
                                  text("file.header_only"), text("file.hint_header_only"))])
    own = checker.own
    if others:
        checker.warnings.add(others_warning(table.name, table.where, others))
    _decreases(plan, own, table, i_value + 1, checker.warnings)
    implausible(plan, own, table, i_value + 1, checker.warnings, checker.typos)
    warnings = checker.warnings
    if warnings.more:
        warnings.kept.append(Problem(table.name, "", Code.MORE_WARNINGS,
                                     text("warning.more", more=warnings.more)))
    by_unit = {u: Figures.indexed(found, checker.unit_replaced.get(u))
               for u, found in checker.by_unit.items() if found}
    return Actuals(table.name, Figures.indexed(own, checker.replaced), tuple(warnings.kept),
                   state[1], table.sheet, by_unit)


def others_warning(name: str, where: Callable[[int, int | None], str],
                   others: Mapping[str, int]) -> Problem:
    """The rows of targets the plan does not hold, read with only the plan's targets: named
    (the first few, at the first one's row), not read."""
    line = min(others.values())
    shown = ", ".join(list(others)[:5]) + (", …" if len(others) > 5 else "")
    return Problem(name, where(line, None), Code.UNUSED_FIGURE,
                   text("warning.others_not_read", n=len(others), shown=shown),
                   text("warning.hint_others_not_read"), line)


def _rows(checker: _Checker, columns: tuple[int, int, int, int], state: list[int]) -> None:
    """The loop over rows; `state` keeps the last line read and the rows counted, so that it
    can go on after a record that cannot be split. Inline: the check of unit and target cells
    seen before, a plain number (`values.PLAIN`, not `1.234`) in range and in the range no
    typo warning concerns, a period seen before; a figure made by tuple.__new__ (NamedTuple's
    is Python). No unit column: every unit is ""."""
    i_target, i_period, i_value, width = columns
    unit_checks, periods, problem = checker.unit_checks, checker.periods, checker.problem
    name, line_num, number = checker.table.name, checker.table.line_num, PLAIN.fullmatch
    decimal_comma, new, marks = checker.decimal_comma, tuple.__new__, checker.marks
    i_unit, (end, count) = sys.maxsize if checker.i_unit is None else checker.i_unit, state
    value: Value | Refusal
    try:
        for row in checker.table.rows:
            line = end + 1
            end = line_num()
            if not any(row):
                continue  # a blank line
            n = len(row)
            if n > width and checker.extra_field(row, line):
                count += 1
                continue
            raw_value = row[i_value] if i_value < n else ""
            if raw_value.__class__ is str:
                if not raw_value.isascii():
                    raw_value = nfc(raw_value)
                raw_value = raw_value.strip()
                if not raw_value or raw_value in NO_FIGURE:
                    count += any(cell_text(c) for c in row)
                    continue  # not reported (empty, or a dash): as if the row were absent
            count += 1
            raw_unit, raw_target = row[i_unit] if i_unit < n else "", (
                row[i_target] if i_target < n else None)
            check = (unit_checks.get(raw_unit, _NO_CHECKS).get(raw_target)
                     or checker.row_check(raw_unit, raw_target, line, i_target + 1))
            raw_period = row[i_period] if i_period < n else ""
            period = periods.get(raw_period) or checker.period(raw_period)
            if type(period) is PeriodError:
                period = checker.other_year(raw_period, period, check and check.target, line,  # type: ignore[assignment]
                                            i_period + 1)
            if check is None:
                continue
            target, lo, hi, inline, qlo, qhi, target_id, unit, by_target = check
            if not (inline and raw_value.__class__ is str and number(raw_value)
                    and qlo <= (value := float(raw_value)) <= qhi):
                value = read_value(raw_value, target, decimal_comma, lo, hi)
                if value.__class__ is tuple:
                    problem(line, i_value + 1, *checker.refusal(check, raw_value))  # type: ignore[misc]
                    continue
                if not qlo <= value <= qhi:  # type: ignore[operator]
                    checker.typo(check, raw_value, value, period, line, i_value + 1)  # type: ignore[arg-type]
            if type(period) is not Period:
                if type(period) is Written:
                    checker.written(period, value, check, row, line)  # type: ignore[arg-type]
                continue
            figure = new(Figure, (target_id, period, value, unit, None, None, name, line,
                                         "", ""))
            figures = by_target.get(target_id) or by_target.setdefault(target_id, {})
            if marks:
                checker.marked(row, figure, check)
            elif (first := figures.get(period)) is not None:
                checker.duplicate(line, first)
            else:
                figures[period] = figure
    finally:
        state[0], state[1] = end, count


def _decreases(plan: Plan, by_target: dict[str, dict[Period, Figure]], table: RawTable,
               col: int, warnings: Collector) -> None:
    """Warn where a cumulative year-to-date figure goes down from one quarter to the next."""
    for target in plan.targets:
        figures = by_target.get(target.id)
        if target.kind != "cumulative" or not figures or len(figures) < 2:
            continue
        ordered = [figures[p] for p in sorted(figures) if p.year == plan.plan.year]
        values: list[Value] = [f.value for f in ordered]
        if values == sorted(values):
            continue
        for before, after in itertools.pairwise(ordered):
            if after.value < before.value:
                _warn(warnings, table, after, col, Code.DECREASING_VALUE,
                      text("warning.decreasing", target=Label(target.id, target.name),
                           before=f"{before.value:g}",
                           then=before.period, after=f"{after.value:g}", now=after.period),
                      text("warning.hint_decreasing"))


def _warn(warnings: Collector, table: RawTable, figure: Figure, col: int, code: Code,
          message: Message, hint: Message) -> None:
    """A warning about one figure, at its value cell."""
    line = figure.line or 0
    warnings.add(Problem(table.name, table.where(line, col), code, message, hint, line))


# A figure more than this many times its target is most likely a typo or a misread number.
IMPLAUSIBLE = 100


def implausible(plan: Plan, by_target: dict[str, dict[Period, Figure]], table: RawTable,
                 col: int, warnings: Collector,
                 typos: Collection[tuple[str, Period, int | None]] = ()) -> None:
    """Warn about a figure more than `IMPLAUSIBLE` times its target (12.500 read as 12500),
    unless it is warned about as a typo already (`typos`: target, period, line)."""
    for target in plan.targets:
        t = target.target
        figures = by_target.get(target.id)
        if not figures or target.kind == "milestone" or t is None or t <= 0:
            continue
        for figure in sorted(figures.values(), key=lambda f: f.period):
            if abs(figure.value) > IMPLAUSIBLE * t and (
                    target.id, figure.period, figure.line) not in typos:
                _warn(warnings, table, figure, col, Code.IMPLAUSIBLE_VALUE,
                      text("warning.implausible", target=Label(target.id, target.name),
                           value=f"{figure.value:g}",
                           period=figure.period, times=IMPLAUSIBLE, t=f"{t:g}"),
                      text("warning.hint_implausible"))

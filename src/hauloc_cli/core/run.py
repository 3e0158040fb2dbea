"""The one pipeline: load the plan, its units and the figures, choose the period, judge once.

Every command that judges figures calls `run` and renders the `Outcome` it returns: `check` in
every format, `--unit`, `--by-unit`, `summary`, `report`; `validate` and `template` load
through `load_plan` and `load` the same way. No typer and no printing here: the CLI parses
options, calls the pipeline, picks a renderer, writes, and maps errors to exit codes.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from hauloc_cli.errors import Code, InputError, OptionError, Problem, UsageError
from hauloc_cli.vocab.messages import Label, text, unit_label

if TYPE_CHECKING:
    from hauloc_cli.inputs.actuals.read import Actuals, ReadOptions
    from hauloc_cli.model.figures import Figure
    from hauloc_cli.model.periods import Period
    from hauloc_cli.model.plan import Plan
    from hauloc_cli.model.term import TermPlan
    from hauloc_cli.model.units import Units
    from hauloc_cli.rules.rollup import Mismatch, UnitsReport
    from hauloc_cli.rules.status import Judgement
    from hauloc_cli.views.annex import Annex
    from hauloc_cli.views.brief import Brief


@dataclass(frozen=True)
class Request:
    """What a run is asked: the actuals (files and folders), the plan (None: the shipped
    one), the period as written (None: the latest with a figure), how to read the files, and
    last year's file."""

    actuals: Sequence[Path]
    targets: Path | None = None
    period: str | None = None
    options: ReadOptions | None = None  # None: the defaults
    last_year: Path | None = None


@dataclass(frozen=True)
class Loaded:
    """What was read: the plan, the units tree in effect (None: no units), and the figures."""

    plan: Plan
    units: Units | None
    data: Actuals
    asked: Period | None  # --period, read


@dataclass(frozen=True)
class Outcome:
    """The one result of a run, which every output renders.

    `report` is the plan unit's (its units rolled up when there is a units tree), at
    `period`; `units` the units' side of it (None without units); `warnings` every warning of
    the run (the files', the period after the data, the roll-up's mismatches); `data_end` the
    latest period with a figure.
    """

    loaded: Loaded
    report: Judgement
    units: UnitsReport | None
    warnings: tuple[Problem, ...]
    data_end: Period | None

    @property
    def plan(self) -> Plan:
        return self.report.plan

    @property
    def period(self) -> Period:
        return self.report.period

    def at(self, period: Period) -> Judgement:
        """The report at another period of the year, judged by the same rules."""
        if self.units is not None:
            return self.units.at(period)
        if period == self.period:
            return self.report
        from hauloc_cli.rules.status import evaluate

        return evaluate(self.plan, self.report.figures, period, self.data_end)

    @functools.cached_property
    def brief(self) -> Brief:
        """The meeting brief of the period: every period before it judged by `at`."""
        from hauloc_cli.views.brief import build_brief

        return build_brief(self.plan, self.report.figures, self.period, self.at, self.units)

    def annex(self, issued: date | None, number: str | None = None,
              term: TermPlan | None = None, next_plan: Plan | None = None) -> Annex:
        """The official report's annex table, dated `issued`, numbered `number` (None: left
        blank for the clerk); beside the year's targets at its end, the term plan's (`term`),
        and next year's plan (`next_plan`)."""
        from hauloc_cli.views.annex import build_annex

        return build_annex(self.brief, self.units, issued, number, term, next_plan)

    def missing(self) -> list[str]:
        """Targets with no figure for the period judged (none at all, or only older ones)."""
        return [r.target.id for r in self.report.results if r.as_of != self.period]

    def missing_units(self) -> dict[str, tuple[str, ...]]:
        """Per rolled-up target, the units that did not report for the period judged (those
        whose earlier state stands in too)."""
        if self.units is None:
            return {}
        return {tid: cover.not_reported for tid, cover in self.units.not_reported().items()}

    def for_unit(self, unit: str) -> Judgement:
        """One unit's own report (`--unit`), judged against its assignments."""
        units = self.units
        if units is None:
            raise UsageError(text("option.unit_needs_units"))
        if unit not in units.units.by_id:
            from hauloc_cli.inputs.actuals.unit_rows import did_you_mean_unit

            raise UsageError(text("option.unit_unknown", unit=unit,
                                  hint=did_you_mean_unit(unit, units.units)))
        if unit == units.plan_unit:
            return self.report
        from hauloc_cli.model.figures import Figures
        from hauloc_cli.rules.rollup import unit_plan
        from hauloc_cli.rules.status import evaluate

        own = unit_plan(self.plan, units.units, unit)
        if own is None:
            raise UsageError(text("option.unit_no_target", unit=unit))
        return evaluate(own, units.rolled.get(unit, Figures()), self.period, self.data_end)


def load_plan(targets: Path | None, max_size: int | None = None) -> Plan:
    """The plan file (None: the shipped one)."""
    from hauloc_cli.inputs.plan_file import default_plan_path
    from hauloc_cli.inputs.plan_file import load_plan as read

    return read(targets or default_plan_path(), max_size)


def load_units(plan: Plan, targets: Path | None, units_file: Path | None,
               max_size: int | None = None) -> Units | None:
    """The units tree in effect: --units, else the plan's `units:`, else none."""
    from hauloc_cli.inputs.plan_file import default_plan_path
    from hauloc_cli.inputs.units_file import units_for_plan

    return units_for_plan(plan, targets or default_plan_path(), units_file, max_size)


def period_option(period: str | None, year: int) -> Period | None:
    """--period in any spelling an actuals file takes (`2024-Q2`, `Q2`, `6 tháng`, `2026-10`,
    `10 tháng`, `tháng 10`, `ước cả năm`, …): the year to date at the end of the month it
    names."""
    if period is None:
        return None
    from hauloc_cli.model.periods import Period
    from hauloc_cli.vocab.periods import PeriodError, read

    try:
        return Period(year, read(period, year).month)
    except PeriodError as exc:
        message = (text("option.period_wrong_year", period=period, year=year)
                   if exc.code is Code.WRONG_YEAR
                   else text("option.period_bad", message=exc.message, hint=exc.hint))
        raise OptionError(message, "--period") from None


def number_format(options: ReadOptions, plan: Plan, environ: Mapping[str, str]) -> ReadOptions:
    """--decimal-comma, else $HAULOC_DECIMAL (`comma` or `point`), else the plan's
    `number_format` (`vi` reads 1.234,5)."""
    if options.decimal_comma:
        return options
    setting = environ.get("HAULOC_DECIMAL", "").strip().lower()
    if setting not in ("", "comma", "point"):
        raise OptionError(text("option.decimal", setting=setting), "HAULOC_DECIMAL")
    comma = setting == "comma" if setting else plan.plan.number_format == "vi"
    return dataclasses.replace(options, decimal_comma=comma)


def load(request: Request, environ: Mapping[str, str] | None = None) -> Loaded:
    """The plan, the units tree and every figure of the run (several files and folders merged,
    last year's added), by the one policy for figures that meet (`Figures.merged`)."""
    import os

    from hauloc_cli.inputs.actuals.read import ReadOptions, with_last_year
    from hauloc_cli.inputs.actuals.sources import read_sources
    from hauloc_cli.inputs.plan_file import default_plan_path
    from hauloc_cli.inputs.units_file import units_named

    options = request.options or ReadOptions()
    plan = load_plan(request.targets, options.max_size)
    asked = period_option(request.period, plan.plan.year)
    units = load_units(plan, request.targets, options.units_file, options.max_size)
    options = number_format(dataclasses.replace(options, units=units, period=asked), plan,
                            os.environ if environ is None else environ)
    plan_path = request.targets or default_plan_path()
    data = read_sources(request.actuals, plan, options,
                        (plan_path, options.units_file or units_named(plan_path)))
    if request.last_year is not None:
        data = with_last_year(data, request.last_year, plan, options)
    if plan.plan.term_plan is not None:  # the term plan the year carries out
        from hauloc_cli.core.term import term_warnings

        data = dataclasses.replace(data, warnings=term_warnings(
            plan, request.targets or default_plan_path(), options.max_size) + data.warnings)
    return Loaded(plan, units, dataclasses.replace(data, units=units), asked)


def judge(loaded: Loaded) -> Outcome:
    """Choose the period (asked, else the latest with a figure) and judge it, once."""
    data, plan = loaded.data, loaded.plan
    data_end = max(filter(None, (f.latest for f in (data.figures, *data.by_unit.values()))),
                   default=None)
    period = loaded.asked or data_end
    if period is None:
        raise InputError([Problem(
            data.file, "", Code.EMPTY_FILE, text("run.all_empty"), text("run.hint_all_empty"))])
    warnings = data.warnings
    if data_end is not None and period > data_end:
        warnings += (Problem(data.file, "", Code.PERIOD_AFTER_DATA,
                             text("run.period_after_month" if data_end.quarter is None
                                  else "run.period_after_quarter", period=period,
                                  end=data_end),
                             text("run.hint_period_after")),)
    if loaded.units is None:
        from hauloc_cli.rules.status import evaluate

        return Outcome(loaded, evaluate(plan, data.figures, period, data_end), None, warnings,
                       data_end)
    from hauloc_cli.inputs.units_file import plan_unit
    from hauloc_cli.rules.rollup import evaluate_units, unused

    found = evaluate_units(plan, loaded.units, plan_unit(plan, loaded.units), data.figures,
                           data.by_unit, period, data_end)
    warnings += tuple(mismatch_warning(m, plan, loaded.units) for m in found.mismatches)
    warnings += tuple(unused_warning(f, n, plan, loaded.units)
                      for f, n in unused(plan, data.by_unit))
    return Outcome(loaded, found.report, found, warnings, data_end)


def run(request: Request, environ: Mapping[str, str] | None = None) -> Outcome:
    """Load and judge: the one result every output renders."""
    return judge(load(request, environ))


def unused_warning(figure: Figure, units: int, plan: Plan, tree: Units | None) -> Problem:
    """Units' figures that no output uses (`rollup.unused`), named rather than dropped: the
    first one's place, and how many units sent such figures."""
    unit = unit_label(tree, figure.unit or "")
    who = unit if units == 1 else text("run.units_first", n=units, unit=unit)
    target = Label(figure.target, plan.by_id[figure.target].name)
    return Problem(figure.file, str(figure.line or ""), Code.UNUSED_FIGURE,
                   text("run.unused", target=target, who=who),
                   text("run.hint_unused"), figure.line)


def mismatch_warning(m: Mismatch, plan: Plan, tree: Units | None) -> Problem:
    figure = m.own_figure
    return Problem(figure.file, str(figure.line or ""), Code.ROLLUP_MISMATCH,
                   text("run.rollup_mismatch", target=Label(m.target, plan.by_id[m.target].name),
                        unit=unit_label(tree, m.unit), period=m.period,
                        own=f"{m.own:g}", compiled=f"{m.compiled:g}",
                        tolerance=f"{plan.rollup_tolerance:.1%}"),
                   text("run.hint_rollup_mismatch"), figure.line)

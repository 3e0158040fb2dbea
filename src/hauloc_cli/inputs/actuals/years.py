"""The years' figures of a term: the yearly actuals files of several years, read in one run.

Each file is an ordinary actuals file of one year (any layout `read_actuals` reads), read
against a yearly stand-in of the term plan (`year_plan`: each term target as the yearly
target its figures are, so the same checks and typo warnings apply). A file's year is the one
year of the term its periods are read in; a file whose periods name no year, or one of no year
of the term, is a located, coded problem. Only the term's targets are read: a year's file holds
more, named in one warning. Of each year the latest figure is kept (its period and status say
whether it is an estimate); the earlier ones of the year are superseded by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from hauloc_cli.errors import Code, InputError, Problem
from hauloc_cli.inputs.actuals.read import Actuals, NotActuals, ReadOptions, read_actuals
from hauloc_cli.inputs.actuals.sources import gather, merge, nothing_read, skipped_file
from hauloc_cli.model.figures import Figure
from hauloc_cli.model.plan import Plan
from hauloc_cli.model.term import TermPlan, TermTarget
from hauloc_cli.vocab.messages import text


@dataclass(frozen=True)
class YearActuals:
    """The latest figure of each target in each year of the term, and the run's warnings."""

    figures: dict[str, dict[int, Figure]]
    warnings: tuple[Problem, ...]
    files: tuple[str, ...]
    years: dict[str, int]  # each file's year


def year_plan(plan: TermPlan, year: int) -> Plan:
    """The term plan as one year's plan: a growth's figure is the year's growth (in %) or
    level, a level's the level, a total's the year's part of it, a milestone done or not."""
    return Plan.model_validate({
        "plan": {"id": plan.plan.id, "year": year,
                 **({"number_format": plan.plan.number_format}
                    if plan.plan.number_format else {})},
        "status_bands": plan.status_bands.model_dump(),
        "targets": [_stand_in(plan, t, year) for t in plan.targets]})


def _stand_in(plan: TermPlan, target: TermTarget, year: int) -> dict[str, Any]:
    common: dict[str, Any] = {"id": target.id, "name": target.name}
    if target.kind == "milestone":
        return {**common, "kind": "milestone"}
    t = target.target
    assert t is not None
    if target.kind == "average_growth":
        if target.figures == "rate":
            return {**common, "kind": "annual", "target": t, "unit": "%"}
        assert target.base is not None  # the level expected this year, for the typo checks
        expected = target.base * (1 + t / 100) ** (year - plan.plan.base)
        return {**common, "kind": "annual", "target": expected, "measure": target.measure}
    if target.kind == "level":
        return {**common, "kind": "level", "direction": target.direction, "target": t,
                "baseline": target.base, "measure": target.measure}
    return {**common, "kind": "cumulative", "direction": target.direction,
            "target": t / plan.years, "measure": target.measure}


def read_years(paths: Sequence[Path], plan: TermPlan, options: ReadOptions,
               exclude: Sequence[Path | None] = ()) -> YearActuals:
    """Every file's figures, each file in its year; InputError lists every problem. A file
    of a folder that is not actuals is skipped with a `skipped-file` warning, as `check`
    skips it (sources.py)."""
    options = replace(options, only_plan_targets=True)  # a year's file holds more targets
    parts: list[Actuals] = []
    problems: list[Problem] = []
    years: dict[str, int] = {}
    plans = {y: year_plan(plan, y) for y in plan.plan.judged_years}
    gathered = gather(paths, exclude)
    skipped = list(gathered.skipped)
    for path in gathered.files:
        found = _read_one(path, plans, plan, options, problems)
        if isinstance(found, NotActuals) and path in gathered.in_folder:
            skipped.append(skipped_file(path, "skipped.header"))
        elif isinstance(found, NotActuals):
            problems.extend(found.problems)
        elif found is not None:
            years[str(path)], actuals = found
            parts.append(actuals)
    if problems:
        raise InputError(problems)
    if not parts:
        raise nothing_read(paths, skipped)
    data = merge(parts)
    data = replace(data, warnings=(*sorted(skipped, key=lambda w: w.file), *data.warnings))
    latest: dict[str, dict[int, Figure]] = {}
    unused: dict[str, Figure] = {}
    for figure in data.figures:
        year = figure.period.year
        if years.get(figure.file) != year:  # a file's figure of another year (last_year)
            unused.setdefault(figure.file, figure)
            continue
        kept = latest.setdefault(figure.target, {}).get(year)
        if kept is None or figure.period > kept.period:
            latest[figure.target][year] = figure
    # An annex table's plan cells are the year's plan, not the term's target the stand-in has:
    # no mismatch to say (they are no figures; nothing is dropped).
    warnings = tuple(w for w in data.warnings if w.code is not Code.PLAN_MISMATCH)
    return YearActuals(latest, warnings + tuple(map(_unused, unused.values())),
                       tuple(years), years)


def _unused(figure: Figure) -> Problem:
    """Figures of another year than the file's (its `last_year` column): named, not used."""
    return Problem(figure.file, str(figure.line or ""), Code.UNUSED_FIGURE,
                   text("years.last_year_column", year=figure.period.year,
                        file_year=figure.period.year + 1),
                   text("years.hint_last_year_column"), figure.line)


def _read_one(path: Path, plans: dict[int, Plan], plan: TermPlan, options: ReadOptions,
              problems: list[Problem]) -> tuple[int, Actuals] | NotActuals | None:
    """The file read in the one year of the term it is of; NotActuals when it is no table of
    figures in any year; else its problems are added."""
    read: dict[int, Actuals] = {}
    failed: dict[int, InputError] = {}
    for year, stand_in in plans.items():
        try:
            read[year] = read_actuals(path, stand_in, options)
        except InputError as exc:
            failed[year] = exc
    if len(read) == 1:
        return next(iter(read.items()))
    not_actuals = [exc for exc in failed.values() if isinstance(exc, NotActuals)]
    if not read and not_actuals and len(not_actuals) == len(failed):
        return not_actuals[0]
    name = str(path)
    span = plan.plan.span
    if read:
        problems.append(Problem(
            name, "", Code.NO_YEAR, text("years.no_year", span=span),
            text("years.hint_no_year")))
        return None

    def wrong(exc: InputError) -> int:
        return sum(p.code is Code.WRONG_YEAR for p in exc.problems)

    _, first = min(failed.items(), key=lambda item: (wrong(item[1]), -item[0]))
    if wrong(first):
        problems.append(Problem(
            name, "", Code.OUTSIDE_TERM, text("years.outside", span=span),
            text("years.hint_outside")))
    problems.extend(first.problems)
    return None

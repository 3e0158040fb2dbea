"""The term's pipeline: load the term plan and the years' figures, judge once.

`hauloc term` calls `run_term` and renders the `TermOutcome` it returns in every format; as
`core.run` is for the year, no typer and no printing here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hauloc_cli.errors import Problem
    from hauloc_cli.inputs.actuals.read import ReadOptions
    from hauloc_cli.inputs.actuals.years import YearActuals
    from hauloc_cli.model.term import TermPlan
    from hauloc_cli.rules.term import TermReport


@dataclass(frozen=True)
class TermRequest:
    """The term plan and the yearly actuals (files and folders of several years)."""

    plan: Path
    actuals: Sequence[Path]
    options: ReadOptions | None = None


@dataclass(frozen=True)
class TermOutcome:
    """The one result of a term run: the report, the figures read, every warning."""

    report: TermReport
    data: YearActuals
    warnings: tuple[Problem, ...]

    @property
    def plan(self) -> TermPlan:
        return self.report.plan


def load_term(path: Path, max_size: int | None = None) -> TermPlan:
    from hauloc_cli.inputs.term_file import load_term_plan

    return load_term_plan(path, max_size)


def run_term(request: TermRequest, environ: Mapping[str, str] | None = None) -> TermOutcome:
    """Load the term plan and every year's figures, and judge the term."""
    import os

    from hauloc_cli.core.run import number_format
    from hauloc_cli.inputs.actuals.read import ReadOptions
    from hauloc_cli.inputs.actuals.years import read_years, year_plan
    from hauloc_cli.rules.term import evaluate_term

    options = request.options or ReadOptions()
    plan = load_term(request.plan, options.max_size)
    options = number_format(options, year_plan(plan, plan.plan.last),
                            os.environ if environ is None else environ)
    data = read_years(request.actuals, plan, options)
    return TermOutcome(evaluate_term(plan, data.figures), data, data.warnings)

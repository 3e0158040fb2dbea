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
    from hauloc_cli.model.plan import Plan
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
    data = read_years(request.actuals, plan, options, (request.plan, options.units_file))
    return TermOutcome(evaluate_term(plan, data.figures), data, data.warnings)


def term_warnings(plan: Plan, plan_path: Path, max_size: int | None = None
                  ) -> tuple[Problem, ...]:
    """A yearly plan's `term_plan:` read, and a `below-term` warning, at the target's line, for
    each of the year's targets that the term also holds (the same id) and that falls short of
    what the term needs of the year (`rules.term.below_term`)."""
    from hauloc_cli.errors import Code, Problem
    from hauloc_cli.inputs.term_link import linked_term, target_place
    from hauloc_cli.rules.term import below_term
    from hauloc_cli.vocab.messages import text

    term = linked_term(plan, plan_path, max_size)
    if term is None:
        return ()
    year = plan.plan.year
    problems = []
    for i, target in enumerate(plan.targets):
        held = term.by_id.get(target.id)
        if held is None or target.target is None:
            continue
        floor = below_term(term, held, year, target.target)
        if floor is None:
            continue
        line, col = target_place(plan_path, i, max_size)
        problems.append(Problem(
            str(plan_path), f"{line}:{col}", Code.BELOW_TERM,
            text("term.above" if held.direction == "at_most" else "term.below", i=i,
                 id=target.id, target=f"{target.target:g}", span=term.plan.span, year=year,
                 floor=f"{floor:.4g}", plan=plan.plan.term_plan),
            text("term.hint_below"), line))
    return tuple(problems)

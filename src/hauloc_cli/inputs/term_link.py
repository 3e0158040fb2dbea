"""A yearly plan's `term_plan:`: the term plan it carries out (core/term.py checks the year's
targets against it)."""

from __future__ import annotations

import re
from pathlib import Path

from hauloc_cli.errors import Code, InputError, Problem
from hauloc_cli.inputs.files.text import DEFAULT_MAX_SIZE
from hauloc_cli.inputs.files.yaml import load_yaml
from hauloc_cli.inputs.term_file import load_term_plan
from hauloc_cli.model.plan import Plan
from hauloc_cli.model.term import TermPlan
from hauloc_cli.vocab.messages import text


def linked_term(plan: Plan, plan_path: Path, max_size: int | None = None) -> TermPlan | None:
    """The term plan the yearly plan names (relative to the plan file), None without one; the
    plan's year must be one the term judges."""
    named = plan.plan.term_plan
    if named is None:
        return None
    term = load_term_plan(plan_path.parent / named, max_size)
    if plan.plan.year not in term.plan.judged_years:
        _, locator = load_yaml(plan_path, max_size)
        line, col = locator().position(["plan", "term_plan"])
        raise InputError([Problem(
            str(plan_path), f"{line}:{col}", Code.OUTSIDE_TERM,
            text("term.not_in_term", year=plan.plan.year, span=term.plan.span, named=named),
            text("term.hint_not_in_term"), line)])
    return term


def target_place(plan_path: Path, index: int, max_size: int | None = None
                 ) -> tuple[int, int]:
    """The line and column of `targets[index].target` in the plan file."""
    _, locator = load_yaml(plan_path, max_size)
    return locator().position(["targets", index, "target"])


_TERM_KEY = re.compile(r"""^[ \t]+term_plan:[ \t]*("[^"\n]*"|'[^'\n]*'|[^#\n]*?)[ \t]*(?:#.*)?$""",
                       re.MULTILINE)


def term_named(plan_path: Path | None) -> Path | None:
    """The term plan a YAML plan names (`term_plan:` under `plan:`, relative to the plan),
    found by a cheap look at its text before anything is loaded, so that no output can replace
    it (as `units_file.units_named`); None for anything else or anything unreadable."""
    if plan_path is None or plan_path.suffix.lower() not in (".yaml", ".yml"):
        return None
    try:
        with plan_path.open("rb") as handle:
            text = handle.read(DEFAULT_MAX_SIZE).decode("utf-8", "replace")
    except OSError:
        return None
    found = _TERM_KEY.search(text)
    name = found.group(1).strip("'\"") if found else ""
    return plan_path.parent / name if name else None

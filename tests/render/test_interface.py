"""render/__init__.py: every product's every format is a module behind the one interface."""

from __future__ import annotations

import importlib
import inspect

import pytest

from hauloc_cli import render
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.render import (
    ANNEX_FORMATS,
    BRIEF_FORMATS,
    CHECK_FORMATS,
    MATRIX_FORMATS,
    PLAN_FORMATS,
    TEMPLATE_FORMATS,
    VALIDATE_FORMATS,
    Options,
    render_as,
    render_file,
)
from hauloc_cli.render.validate import Checked
from hauloc_cli.views.template import template_rows
from tests.conftest import PLAN_2024

EVERY = {"check": CHECK_FORMATS, "matrix": MATRIX_FORMATS, "brief": BRIEF_FORMATS,
         "plan": PLAN_FORMATS, "annex": ANNEX_FORMATS, "template": TEMPLATE_FORMATS,
         "validate": VALIDATE_FORMATS}


@pytest.mark.parametrize("product", EVERY)
def test_every_format_is_a_module_with_render(product: str) -> None:
    for module in EVERY[product].values():
        found = importlib.import_module(f"{render.__name__}.{module}")
        assert list(inspect.signature(found.render).parameters)[1] == "options"


def test_template_and_validate_render_through_the_interface() -> None:
    plan = load_plan(PLAN_2024)
    rows = template_rows(plan)
    csv = render_file(TEMPLATE_FORMATS, "csv", rows, Options())
    assert isinstance(csv, str) and csv.startswith("target,period,value,")
    assert len(csv.splitlines()) == 1 + 4 * len(plan.targets)  # a row per target and quarter
    assert render_file(TEMPLATE_FORMATS, "xlsx", rows, Options())[:2] == b"PK"  # a zip
    assert render_as(VALIDATE_FORMATS, "text", Checked(plan), Options(lang="en")) == (
        f"OK: {len(plan.targets)} targets")

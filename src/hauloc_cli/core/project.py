"""A new project folder (`hauloc init`): its plan (a skeleton with the place's name and year,
or drafted from a resolution by the code of `hauloc plan import`), its units file if one is
given, the data-entry template, and hauloc.toml, which makes every command run in the folder
find them (inputs/project.py).

`project_files` reads and checks everything and returns the files to write, as bytes, so that
the CLI writes them all or none. No typer and no printing here.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hauloc_cli.errors import Code, Problem

if TYPE_CHECKING:
    from hauloc_cli.inputs.resolution.draft import Draft

PLAN_NAME = "plan.yaml"
# The data-entry template's name, in the folder's language.
TEMPLATE_NAMES = {"vi": "mau-nhap-lieu-{year}.xlsx", "en": "template-{year}.xlsx"}


@dataclass(frozen=True)
class Request:
    """What `hauloc init` is asked."""

    folder: Path
    name: str | None
    year: int | None  # None: the resolution's (with one), else this year
    lang: str
    resolution: Path | None = None
    units: Path | None = None
    max_size: int | None = None
    encoding: str | None = None


@dataclass(frozen=True)
class Project:
    """The files of a new project folder, and what to say of them."""

    files: dict[Path, bytes]
    plan: Path
    template: Path
    settings: Path
    units: Path | None
    targets: int
    year: int
    resolution: Path | None
    warnings: tuple[Problem, ...] = ()


def refused_warnings(draft: Draft) -> tuple[Problem, ...]:
    """An `unread-target` warning for each statement of the resolution that is not read."""
    from hauloc_cli.vocab.messages import text

    return tuple(Problem(
        draft.file, s.where, Code.UNREAD_TARGET,
        text("import.not_read", words=s.words, why=getattr(s.reading, "why", "")),
        text("import.hint_not_read"), s.line) for s in draft.refused)


def project_files(request: Request) -> Project:
    """Every file of the new folder, read and checked (the plan loads; the units file loads),
    as bytes; InputError or UsageError before anything is written."""
    from hauloc_cli.inputs.plan_file import load_plan
    from hauloc_cli.inputs.project import SETTINGS_NAME, settings_text
    from hauloc_cli.inputs.units_file import plan_unit, units_for_plan
    from hauloc_cli.render import TEMPLATE_FORMATS, Options, render_file
    from hauloc_cli.render.draft import render_draft, render_skeleton
    from hauloc_cli.views.template import template_rows, unit_template_rows

    folder = request.folder
    warnings: tuple[Problem, ...] = ()
    if request.resolution is not None:
        from hauloc_cli.inputs.files.text import DEFAULT_MAX_SIZE
        from hauloc_cli.inputs.resolution.read import read_resolution

        draft = read_resolution(request.resolution, request.year,
                                request.max_size or DEFAULT_MAX_SIZE, request.encoding)
        plan_text = render_draft(draft, None, request.name)
        warnings = refused_warnings(draft)
    else:
        from datetime import date

        year = date.today().year if request.year is None else request.year
        plan_text = render_skeleton(request.name, year, request.lang)
    with tempfile.TemporaryDirectory(prefix="hauloc-init-") as scratch:
        written = Path(scratch) / PLAN_NAME
        written.write_text(plan_text, encoding="utf-8")
        plan = load_plan(written)
        tree = (None if request.units is None
                else units_for_plan(plan, written, request.units, request.max_size))
    files: dict[Path, bytes] = {folder / PLAN_NAME: plan_text.encode()}
    units_path: Path | None = None
    if request.units is not None:
        units_path = folder / request.units.name
        if not _same(request.units, units_path):
            files[units_path] = request.units.read_bytes()
    rows = (template_rows(plan) if tree is None
            else unit_template_rows(plan, tree, plan_unit(plan, tree)))
    template = folder / TEMPLATE_NAMES[request.lang].format(year=plan.plan.year)
    data = render_file(TEMPLATE_FORMATS, "xlsx", rows, Options(lang=request.lang))
    files[template] = data if isinstance(data, bytes) else data.encode()
    settings = folder / SETTINGS_NAME
    files[settings] = settings_text(PLAN_NAME, None if units_path is None else units_path.name,
                                    request.lang).encode()
    return Project(files, folder / PLAN_NAME, template, settings, units_path,
                   len(plan.targets), plan.plan.year, request.resolution, warnings)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False

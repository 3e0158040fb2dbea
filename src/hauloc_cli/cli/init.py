"""`hauloc init`: a commune's or province's project folder, in which every command finds its
plan, units file and language without options (core/project.py makes the files)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hauloc_cli.cli import common
from hauloc_cli.cli import options as opt

if TYPE_CHECKING:
    from hauloc_cli.core.project import Project


@common.exits
def init(
    folder: Annotated[Path, typer.Argument(
        help="The project folder; made if it does not exist.", file_okay=False)] = Path("."),
    name: Annotated[str | None, typer.Option(
        "--name", help="The place's name, as its reports write it, e.g. 'Xã Hoằng Phú'.",
        show_default=False)] = None,
    year: Annotated[int | None, typer.Option(
        "--year", min=1900, max=9999, help="The plan's year. Default: the one the resolution "
        "names (with --from), else this year.", show_default=False)] = None,
    resolution: Annotated[Path | None, typer.Option(
        "--from", help="Draft the plan from this resolution (as hauloc plan import does): "
        "its annex table (.xlsx, .ods, .csv, a table in a .docx) or its text (.docx, .txt). "
        "Default: a plan with three example targets.", dir_okay=False, show_default=False)
    ] = None,
    units: Annotated[Path | None, typer.Option(
        "--units", help="A units file (YAML, CSV or .xlsx) to copy into the folder.",
        dir_okay=False, show_default=False)] = None,
    lang: opt.LangOpt = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Write over the folder's plan, settings, template and units file if "
        "they exist.")] = False,
    encoding: opt.EncodingOpt = None,
) -> None:
    """Make a project folder: a plan, hauloc.toml, the data-entry template (and units file)."""
    language = common.language(lang)
    from hauloc_cli.core.project import Request, project_files

    project = project_files(Request(folder, name, year, language, resolution, units,
                                    encoding=encoding))
    common.warn(project.warnings)
    made = _make_folder(folder)
    try:
        from hauloc_cli.cli.output import write_all

        write_all(project.files, replace=force)
    except BaseException:
        for path in reversed(made):
            path.rmdir()
        raise
    typer.echo(_said(project, name, language), err=True)


def _make_folder(folder: Path) -> list[Path]:
    """Make `folder` and those above it that are missing; the ones made, outermost first."""
    from hauloc_cli.errors import UsageError
    from hauloc_cli.vocab.messages import text

    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(text("init.cannot_make", folder=folder, why=exc.strerror)) from None
    return missing


def _said(project: Project, name: str | None, lang: str) -> str:
    """What was made, a line a file, and what to do next."""
    from hauloc_cli.vocab.messages import text

    def say(key: str, **args: object) -> str:  # args may hold a `lang` of their own
        return text(key, **args).render(lang)

    plan = (say("init.plan.skeleton", count=project.targets) if project.resolution is None
            else say("init.plan.drafted", count=project.targets,
                     resolution=project.resolution.name))
    rows = [(project.plan, plan)]
    if project.units is not None:
        rows.append((project.units, say("init.units")))
    rows.append((project.template, say("init.template")))
    rows.append((project.settings, say("init.settings", lang=lang, units=say(
        "init.settings.units") if project.units is not None else "")))
    width = max(len(p.name) for p, _ in rows)
    lines = [say("init.made", folder=project.plan.parent, name=name or say("init.unnamed"),
                 year=project.year)]
    lines += [f"  {p.name:<{width}}  {what}" for p, what in rows]
    lines.append(say("init.next", example="so-lieu.csv" if lang == "vi" else "actuals.csv"))
    return "\n".join(lines)

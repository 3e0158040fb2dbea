"""Where a run's plan, units file and language come from when no option names them: the
environment, then the nearest hauloc.toml (inputs/project.py has the rule). The options'
callbacks (`options.py`) call these, so that every command follows the one rule.

Not a command (`hauloc init` is init.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from hauloc_cli.inputs.project import Settings


def _settings() -> Settings | None:
    """The nearest hauloc.toml's settings; a bad one ends the run (exit 2, file:line)."""
    from hauloc_cli.inputs.project import SettingsError, find_settings, read_settings

    try:
        found = find_settings(Path.cwd())
    except OSError:  # the working directory was removed under us: no settings to find
        return None
    if found is None:
        return None
    try:  # named as the user would type it from here: hauloc.toml, ../hauloc.toml
        return read_settings(Path(os.path.relpath(found)))
    except SettingsError as exc:
        from hauloc_cli.cli import common

        lang = common.error_language(None)
        typer.echo(common.say(lang, "cli.error", message=exc.render(lang)), err=True)
        raise typer.Exit(exc.exit_code) from None


def plan(value: Path | None, lang_asked: str | None = None) -> Path | None:
    """--targets, else $HAULOC_PLAN, else hauloc.toml's plan; else None (the shipped plan),
    said once at the top of stderr, in `lang_asked` (--lang or hauloc.toml's, when it is a
    language), else in that of $HAULOC_LANG or the locale."""
    from hauloc_cli.inputs.project import choose

    settings = _settings()
    chosen = choose("plan", None if value is None else str(value), os.environ, settings)
    if chosen.value is None:
        from hauloc_cli.vocab.i18n import resolve_language
        from hauloc_cli.vocab.messages import text

        lang = resolve_language(lang_asked, os.environ) or "en"
        typer.echo(text("notice.shipped_plan").render(lang), err=True)
        return None
    return value if chosen.source == "option" else Path(chosen.value)


def units(value: Path | None) -> Path | None:
    """--units, else $HAULOC_UNITS, else hauloc.toml's units; else None (the plan's units:,
    else none)."""
    from hauloc_cli.inputs.project import choose

    chosen = choose("units", None if value is None else str(value), os.environ, _settings())
    if chosen.value is None or chosen.source == "option":
        return value
    return Path(chosen.value)


def lang(value: str | None) -> str | None:
    """--lang, else $HAULOC_LANG (read, and refused if it is no language, by
    `common.language`), else hauloc.toml's lang; else None (the locale's)."""
    from hauloc_cli.inputs.project import choose

    if value is not None or os.environ.get("HAULOC_LANG", "").strip():
        return value
    return choose("lang", None, os.environ, _settings()).value

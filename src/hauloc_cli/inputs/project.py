"""A project folder's settings: `hauloc.toml`, found upwards from the working directory (as
ruff and pytest find theirs), and the one rule that says which plan, units file and language
a run uses (docs/project.md):

    the command-line option > the environment (HAULOC_PLAN, HAULOC_UNITS, HAULOC_LANG)
    > hauloc.toml > the shipped example plan (no units file; the language of the locale).

Paths in hauloc.toml are relative to the folder that holds it. A bad hauloc.toml is a usage
error (exit 2: the settings are options written down), `FILE:LINE: what — how to fix it`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from hauloc_cli.errors import UsageError
from hauloc_cli.vocab.messages import Text, text

SETTINGS_NAME = "hauloc.toml"
# Each key of hauloc.toml, and the environment variable that wins over it.
ENVIRONMENT = {"plan": "HAULOC_PLAN", "units": "HAULOC_UNITS", "lang": "HAULOC_LANG"}
LANGUAGES = ("vi", "en")


class SettingsError(UsageError):
    """hauloc.toml cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Settings:
    """What a hauloc.toml says (None: not said), its paths made absolute."""

    file: Path
    plan: Path | None = None
    units: Path | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Chosen:
    """A setting's value and where it came from: `option`, `environment`, the hauloc.toml
    file, or None (nothing given: the default)."""

    value: str | None
    source: str | None


def find_settings(start: Path) -> Path | None:
    """The nearest hauloc.toml in `start` or a folder above it."""
    for folder in (start, *start.parents):
        candidate = folder / SETTINGS_NAME
        if candidate.is_file():
            return candidate
    return None


def read_settings(path: Path) -> Settings:
    """Read and check a hauloc.toml; SettingsError names the file and the line."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10: tomllib's own origin, a dependency there
        import tomli as tomllib

    try:
        raw = path.read_bytes()
        source = raw.decode("utf-8-sig")
    except OSError as exc:
        raise SettingsError(_at(path, None, text("settings.unreadable", why=exc.strerror))
                            ) from None
    except UnicodeDecodeError:
        raise SettingsError(_at(path, 1, text("settings.not_utf8"))) from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = f"{found.group(1)}:{found.group(2)}" if found else "1"
        why = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) or str(exc)
        raise SettingsError(_at(path, where, text("settings.syntax", why=why))) from None
    lines = source.splitlines()
    values: dict[str, str] = {}
    for key, value in data.items():
        line = _line_of(key, lines)
        if key not in ENVIRONMENT:
            raise SettingsError(_at(path, line, text(
                "settings.unknown_key", setting=key, keys=", ".join(ENVIRONMENT))))
        if not isinstance(value, str) or not value.strip():
            raise SettingsError(_at(path, line, text("settings.not_text", setting=key)))
        values[key] = value.strip()
    lang = values.get("lang")
    if lang is not None and lang.lower() not in LANGUAGES:
        raise SettingsError(_at(path, _line_of("lang", lines),
                                text("settings.bad_lang", lang=lang)))
    folder = path.parent
    found_paths: dict[str, Path] = {}
    for key in ("plan", "units"):
        if key in values:
            named = folder / values[key]
            if not named.is_file():
                raise SettingsError(_at(path, _line_of(key, lines), text(
                    "settings.missing_file", setting=key, value=values[key], folder=folder)))
            found_paths[key] = named
    return Settings(path, found_paths.get("plan"), found_paths.get("units"),
                    None if lang is None else lang.lower())


def _at(path: Path, where: object, message: Text) -> Text:
    """`hauloc.toml:2: message`: the message at its place in the file."""
    place = str(path) if where is None else f"{path}:{where}"
    return text("settings.at", where=place, message=message)


def _line_of(key: str, lines: list[str]) -> int:
    """The line on which `key` is set (1 when it cannot be told)."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    return next((n for n, line in enumerate(lines, start=1) if pattern.match(line)), 1)


def choose(key: str, option: str | None, environ: Mapping[str, str],
           settings: Settings | None) -> Chosen:
    """The rule: the option, else the environment variable (when not empty), else
    hauloc.toml, else nothing (the caller's default)."""
    if option is not None:
        return Chosen(option, "option")
    env = environ.get(ENVIRONMENT[key], "")
    if env.strip():
        return Chosen(env, "environment")
    said = None if settings is None else getattr(settings, key)
    if said is not None:
        return Chosen(str(said), str(settings.file) if settings is not None else None)
    return Chosen(None, None)


def settings_text(plan: str, units: str | None, lang: str) -> str:
    """A new hauloc.toml (`hauloc init`): the keys, with a comment saying what they do."""
    lines = [f"# {line}" for line in text("settings.comment").render(lang).splitlines()]
    lines.append(f"plan = {_quoted(plan)}")
    if units is not None:
        lines.append(f"units = {_quoted(units)}")
    lines.append(f"lang = {_quoted(lang)}")
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    """A TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'

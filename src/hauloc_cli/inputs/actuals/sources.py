"""The sources of a run's actuals: one file, several, or folders of them (one file per
commune is how figures arrive).

`read_sources(paths, plan, options)` reads every file named, and every actuals file in a
folder named (`*.csv`, `*.tsv`, `*.txt`, `*.xlsx`, `*.xlsm`, `*.ods`, in name order; the
other files of a folder, and those that hold no table of figures, are skipped with a
`skipped-file` warning each, as offices keep notes and the units file beside them), and
merges their figures by the one policy for figures that meet (`Figures.merged`). Each problem
still names its file and place; two figures that neither revises are `duplicate-row`, naming
both places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from hauloc_cli.errors import Code, InputError, Problem, UsageError
from hauloc_cli.inputs.actuals.read import (
    Actuals,
    NotActuals,
    ReadOptions,
    duplicate,
    names_no_columns,
    read_actuals,
)
from hauloc_cli.model.figures import Figures
from hauloc_cli.model.plan import Plan

ACTUALS_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".ods")
# Read in a folder though hauloc refuses them, so that figures in them are never passed over.
_REFUSED_SUFFIXES = (".xls",)
SETTINGS_NAME = "hauloc.toml"


@dataclass(frozen=True)
class Gathered:
    """The files of a run's actuals: those to read (named, and those of the folders named, in
    name order, each once), which of them came from a folder (skipped if they are no table of
    figures), and a `skipped-file` warning for each file of a folder that is not read."""

    files: list[Path]
    in_folder: frozenset[Path] = frozenset()
    skipped: tuple[Problem, ...] = ()


def gather(paths: Sequence[Path], exclude: Sequence[Path | None] = ()) -> Gathered:
    """The files named, a folder as the files in it that may be actuals; `exclude` (the plan
    and the units file in effect) and the files that are no actuals by their name (hidden
    files, Office lock files, hauloc.toml, documents) and a folder's folders (not read: name
    one to read it) are skipped, each with a warning."""
    found: list[Path] = []
    in_folder: set[Path] = set()
    skipped: list[Problem] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        inside: list[Path] = []
        for member in sorted(path.iterdir()):
            if member.is_dir():  # not read, and said: figures may be in it
                if not member.name.startswith("."):
                    skipped.append(skipped_file(member, "skipped.folder"))
                continue
            if not member.is_file():
                continue
            reason = _not_actuals(member, exclude)
            if reason is None:
                inside.append(member)
            elif reason:
                skipped.append(skipped_file(member, reason))
        if not inside:
            from hauloc_cli.vocab.messages import text

            raise UsageError(text("folder.no_actuals", folder=str(path),
                                  suffixes=", ".join("*" + s for s in ACTUALS_SUFFIXES)))
        found += inside
        in_folder.update(inside)
    return Gathered(list(dict.fromkeys(found)), frozenset(in_folder), tuple(skipped))


def _not_actuals(path: Path, exclude: Sequence[Path | None]) -> str | None:
    """Why a file of a folder is not read as actuals (a key of `skipped-file`), None when it
    may be actuals."""
    name = path.name
    if name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#")):
        return "skipped.lock"
    if name.startswith("."):
        return "skipped.hidden"
    if name == SETTINGS_NAME:
        return "skipped.settings"
    for other, key in zip(exclude, ("skipped.plan", "skipped.units"), strict=False):
        if other is not None and _same(path, other):
            return key
    if path.suffix.lower() not in ACTUALS_SUFFIXES + _REFUSED_SUFFIXES:
        return "skipped.format"
    return None


def _same(path: Path, other: Path) -> bool:
    try:
        return path.samefile(other)
    except OSError:
        return False


def skipped_file(path: Path, reason: str) -> Problem:
    """The warning for a file of a folder that is not read."""
    from hauloc_cli.vocab.messages import text

    message = text(reason, suffixes=", ".join(ACTUALS_SUFFIXES))
    hint = text(f"{reason}.hint") if reason in ("skipped.header", "skipped.folder") else ""
    return Problem(str(path), "", Code.SKIPPED_FILE, message, hint)


def _undecodable_notes(path: Path, exc: InputError) -> bool:
    """A text file that is not UTF-8 (notes saved by Notepad in Windows-1258) and names none
    of the columns of figures: skipped like notes in UTF-8, not refused."""
    return (all(p.code is Code.BAD_ENCODING for p in exc.problems)
            and path.suffix.lower() in (".txt", ".csv", ".tsv") and names_no_columns(path))


def actuals_files(paths: Sequence[Path]) -> list[Path]:
    """The files named, a folder as the files in it that may be actuals (in name order), each
    once."""
    return gather(paths).files


def read_sources(paths: Sequence[Path], plan: Plan, options: ReadOptions,
                 exclude: Sequence[Path | None] = ()) -> Actuals:
    """Read and merge every actuals file; InputError lists the problems of all of them. A file
    of a folder that is not actuals (`gather`; or, read, no table of figures: `NotActuals`) is
    skipped with a `skipped-file` warning; one named is read, and its problems said."""
    gathered = gather(paths, exclude)
    files = gathered.files
    if len(files) > 1:
        options = replace(options, period_must_match=False)  # --period: only the quarter judged
    parts: list[Actuals] = []
    problems: list[Problem] = []
    skipped = list(gathered.skipped)
    more = 0
    for path in files:
        try:
            parts.append(read_actuals(path, plan, options))
        except NotActuals as exc:
            if path not in gathered.in_folder:
                problems += exc.problems
                more += exc.more
            else:
                skipped.append(skipped_file(path, "skipped.header"))
        except InputError as exc:
            if path in gathered.in_folder and _undecodable_notes(path, exc):
                skipped.append(skipped_file(path, "skipped.header"))
                continue
            problems += exc.problems
            more += exc.more
    if problems:
        raise InputError(problems, more)
    if not parts:
        raise nothing_read(paths, skipped)
    data = parts[0] if len(parts) == 1 else merge(parts)
    if skipped:
        skipped.sort(key=lambda w: w.file)
        data = replace(data, warnings=(*skipped, *data.warnings))
    return data


def nothing_read(paths: Sequence[Path], skipped: Sequence[Problem]) -> UsageError:
    """The error of a run whose files and folders held no figures at all: what was skipped."""
    from hauloc_cli.vocab.messages import text

    return UsageError(text("folder.nothing_read", paths=", ".join(map(str, paths)),
                           skipped="; ".join(str(w) for w in skipped)))


def merge(parts: Sequence[Actuals]) -> Actuals:
    """One Actuals from several files, by the one policy for figures that meet
    (`Figures.merged`: the later reported, then the more final revises the other, which is
    kept as revised); two figures that neither revises are `duplicate-row`, naming both."""
    own = Figures()
    by_unit: dict[str, Figures] = {}
    problems: list[Problem] = []
    for part in parts:
        own = _merge(own, part.figures, problems)
        for unit, figures in part.by_unit.items():
            by_unit[unit] = _merge(by_unit.get(unit, Figures()), figures, problems)
    if problems:
        raise InputError(problems)
    return Actuals(", ".join(p.file for p in parts), own,
                   tuple(w for p in parts for w in p.warnings), sum(p.rows for p in parts),
                   by_unit=by_unit)


def _merge(kept: Figures, more: Figures, problems: list[Problem]) -> Figures:
    merged, clashes = kept.merged(more)
    problems += (duplicate(figure, first) for figure, first in clashes)
    return merged

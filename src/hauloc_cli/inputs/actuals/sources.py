"""The sources of a run's actuals: one file, several, or folders of them (one file per
commune is how figures arrive).

`read_sources(paths, plan, options)` reads every file named, and every actuals file in a
folder named (`*.csv`, `*.tsv`, `*.txt`, `*.xlsx`, `*.xlsm`, `*.ods`, in name order), and
merges their figures by the one policy for figures that meet (`Figures.merged`). Each problem
still names its file and place; two figures that neither revises are `duplicate-row`, naming
both places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from hauloc_cli.errors import InputError, Problem, UsageError
from hauloc_cli.inputs.actuals.read import Actuals, ReadOptions, duplicate, read_actuals
from hauloc_cli.model.figures import Figures
from hauloc_cli.model.plan import Plan

ACTUALS_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".ods")


def actuals_files(paths: Sequence[Path]) -> list[Path]:
    """The files named, a folder as the actuals files in it (in name order), each once."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.iterdir()
                            if p.is_file() and p.suffix.lower() in ACTUALS_SUFFIXES
                            and not p.name.startswith(("~$", ".")))
            if not inside:
                raise UsageError(f"{path}: the folder has no actuals files "
                                 f"({', '.join('*' + s for s in ACTUALS_SUFFIXES)})")
            found += inside
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def read_sources(paths: Sequence[Path], plan: Plan, options: ReadOptions) -> Actuals:
    """Read and merge every actuals file; InputError lists the problems of all of them."""
    files = actuals_files(paths)
    if len(files) == 1:
        return read_actuals(files[0], plan, options)
    options = replace(options, period_must_match=False)  # --period: only the quarter judged
    parts: list[Actuals] = []
    problems: list[Problem] = []
    more = 0
    for path in files:
        try:
            parts.append(read_actuals(path, plan, options))
        except InputError as exc:
            problems += exc.problems
            more += exc.more
    if problems:
        raise InputError(problems, more)
    return merge(parts)


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

"""Errors a user can cause, each with the place it comes from and the exit code it means.

Loaders raise these; only the CLI prints them. A bug is not one of these: it keeps its
traceback and exits with EXIT_INTERNAL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

EXIT_OK = 0
EXIT_FAIL_ON = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_INTERNAL = 4


@dataclass(frozen=True)
class Problem:
    """One problem in one input file, at one place.

    `where` is the place as the user sees it: `line` or `line:column` for text files,
    `Sheet1!C7` for workbooks; empty when the problem concerns the whole file.
    """

    file: str
    where: str
    code: str
    message: str
    hint: str = ""
    line: int | None = None

    def __str__(self) -> str:
        place = f"{self.file}:{self.where}" if self.where else self.file
        text = f"{place}: [{self.code}] {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class HaulocError(Exception):
    """An error in what the user gave us; `str()` is the whole message."""

    exit_code = EXIT_INPUT


class UsageError(HaulocError):
    """The command line itself is wrong (an option value, a missing file)."""

    exit_code = EXIT_USAGE


class InputError(HaulocError):
    """A plan or actuals file has problems; all of them are carried, in file order."""

    exit_code = EXIT_INPUT

    def __init__(self, problems: Sequence[Problem], more: int = 0) -> None:
        self.problems = tuple(problems)
        self.more = more  # problems found but not kept (see --max-errors)
        super().__init__(self.render())

    def render(self) -> str:
        lines = [str(p) for p in self.problems]
        if self.more:
            lines.append(f"... and {self.more} more problem(s) not shown (see --max-errors)")
        return "\n".join(lines)

"""Errors a user can cause, each with the place it comes from and the exit code it means.

Loaders raise these; only the CLI prints them. A bug is not one of these: it keeps its
traceback and exits with EXIT_INTERNAL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

EXIT_OK = 0
EXIT_FAIL_ON = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_INTERNAL = 4
EXIT_INTERRUPTED = 130  # SIGINT (Ctrl-C): 128 + 2, as shells say it
EXIT_BROKEN_PIPE = 141  # the reader of stdout stopped reading: 128 + SIGPIPE, as shells say it


class Code(str, Enum):
    """Every problem code hauloc reports: the one catalogue (docs/errors.md).

    A member is its code as text: it prints, compares and serialises as `"bad-number"`.
    """

    # Files
    EMPTY_FILE = "empty-file"
    BAD_ENCODING = "bad-encoding"
    NOT_TEXT = "not-text"
    UNSUPPORTED_FORMAT = "unsupported-format"
    BAD_WORKBOOK = "bad-workbook"
    TOO_LARGE = "too-large"
    TOO_LONG = "too-long"
    BAD_QUOTING = "bad-quoting"
    # Columns and rows of actuals
    MISSING_COLUMN = "missing-column"
    DUPLICATE_COLUMN = "duplicate-column"
    EXTRA_FIELD = "extra-field"
    UNKNOWN_TARGET = "unknown-target"
    BAD_PERIOD = "bad-period"
    QUARTER_ALONE = "quarter-alone"
    MONTH_ALONE = "month-alone"
    WRONG_YEAR = "wrong-year"
    BAD_NUMBER = "bad-number"
    AMBIGUOUS_NUMBER = "ambiguous-number"
    BAD_VALUE = "bad-value"
    OUT_OF_RANGE = "out-of-range"
    DUPLICATE_ROW = "duplicate-row"
    UNKNOWN_UNIT = "unknown-unit"
    FORMULA_WITHOUT_VALUE = "formula-without-value"
    BAD_DATE = "bad-date"
    MISSING_PERIOD = "missing-period"
    # Plans
    YAML_SYNTAX = "yaml-syntax"
    YAML_LIMIT = "yaml-limit"
    DUPLICATE_KEY = "duplicate-key"
    UNKNOWN_KEY = "unknown-key"
    MISSING_KEY = "missing-key"
    PLAN_RULE = "plan-rule"
    DUPLICATE_ID = "duplicate-id"
    UNIT_CYCLE = "unit-cycle"
    # Term plans and the years' figures judged against them
    OUTSIDE_TERM = "outside-term"
    NO_YEAR = "no-year"
    # Resolutions (hauloc plan import)
    NO_TARGETS = "no-targets"
    # Warnings
    UNKNOWN_COLUMN = "unknown-column"
    DECREASING_VALUE = "decreasing-value"
    ROLLUP_MISMATCH = "rollup-mismatch"
    IMPLAUSIBLE_VALUE = "implausible-value"
    PERCENT_AS_FRACTION = "percent-as-fraction"
    RATE_OFF_BY_TEN = "rate-off-by-ten"
    POINT_AS_THOUSANDS = "point-as-thousands"
    PERIOD_AFTER_DATA = "period-after-data"
    PLAN_MISMATCH = "plan-mismatch"
    FORECAST_COLUMN = "forecast-column"
    MORE_WARNINGS = "more-warnings"
    UNWRITABLE_TEXT = "unwritable-text"
    UNUSED_FIGURE = "unused-figure"
    MONTHS_COMPILED = "months-compiled"
    MONTHS_DISAGREE = "months-disagree"
    BELOW_TERM = "below-term"
    UNREAD_TARGET = "unread-target"
    SKIPPED_FILE = "skipped-file"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return self.value.__format__(spec)


class Renderable(Protocol):
    """A message that can be said in a language (`hauloc_cli.vocab.messages.Text`); `str()`
    is its English."""

    def render(self, lang: str) -> str: ...


# A message: a `Text` from the catalogue (hauloc_cli/vocab/messages.py), or a plain str only
# where the words are not hauloc's own (a YAML parser's message, the user's own data).
Message = str | Renderable


def say(message: Message, lang: str) -> str:
    """`message` in `lang` (a plain str as it is)."""
    return message if isinstance(message, str) else message.render(lang)


@dataclass(frozen=True)
class Problem:
    """One problem in one input file, at one place.

    `where` is the place as the user sees it: `line` or `line:column` for text files,
    `Sheet1!C7` for workbooks; empty when the problem concerns the whole file.
    """

    file: str
    where: str
    code: Code
    message: Message
    hint: Message = ""
    line: int | None = None

    def render(self, lang: str = "en") -> str:
        """`file:where: [code] message — hint`, the message and hint in `lang`."""
        place = f"{self.file}:{self.where}" if self.where else self.file
        text = f"{place}: [{self.code}] {say(self.message, lang)}"
        hint = say(self.hint, lang)
        return f"{text} — {hint}" if hint else text

    def __str__(self) -> str:
        return self.render("en")


class HaulocError(Exception):
    """An error in what the user gave us; `str()` is the whole message in English,
    `render(lang)` in a language."""

    exit_code = EXIT_INPUT

    def __init__(self, message: Message = "") -> None:
        self.text = message
        super().__init__(str(message))

    def render(self, lang: str = "en") -> str:
        return say(self.text, lang)


class UsageError(HaulocError):
    """The command line itself is wrong (an option value, a missing file)."""

    exit_code = EXIT_USAGE


class OptionError(UsageError):
    """The value of one option (or environment variable, `param`) is wrong; the CLI says it
    as it says any bad option value."""

    def __init__(self, message: Message, param: str) -> None:
        self.param = param
        super().__init__(message)


class InputError(HaulocError):
    """A plan or actuals file has problems; all of them are carried, in file order."""

    exit_code = EXIT_INPUT

    def __init__(self, problems: Sequence[Problem], more: int = 0) -> None:
        self.problems = tuple(problems)
        self.more = more  # problems found but not kept (see --max-errors)
        super().__init__()
        self.args = (self.render(),)

    def render(self, lang: str = "en") -> str:
        """Every problem, one a line, in `lang`; then how many more were not kept."""
        lines = [p.render(lang) for p in self.problems]
        if self.more:
            lines.append(_MORE.get(lang, _MORE["en"]).format(more=self.more))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render("en")


# The one sentence this module says itself (the catalogue, in hauloc_cli.vocab, is a layer up).
_MORE = {"en": "... and {more} more problem(s) not shown (see --max-errors)",
         "vi": "... và {more} vấn đề nữa không hiện ra (xem --max-errors)"}

"""One cell as a figure: numbers as reports type them, milestone words, the allowed range.

`read_value` gives the figure, or (code, message, hint) saying why the cell is not one; the
row checker (`rows.py`) decides where the problem is reported.
"""

from __future__ import annotations

import math
import re

from hauloc_cli.errors import Code
from hauloc_cli.inputs.table import Cell, DateCell, cell_text
from hauloc_cli.model.figures import Value
from hauloc_cli.model.plan import Target

# Plain decimals with '.': at most 300 digits before the point, so float() stays finite.
NUMBER = re.compile(r"[-+]?[0-9]{1,300}(?:\.[0-9]+)?")
# The same, less the ambiguous `1.234` (a '.' before exactly three digits, see `plain`): what
# the row checker reads inline.
PLAIN = re.compile(r"[-+]?[0-9]{1,300}(?:\.(?:[0-9]{1,2}|[0-9]{4,}))?")
# With --decimal-comma: '.' groups thousands (1.234.567), ',' is the decimal separator.
_COMMA_NUMBER = re.compile(
    r"[-+]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,300})(?:,[0-9]+)?")
# Every word hauloc prints for a milestone reads back (done / not done, đã đạt / chưa đạt,
# đã hoàn thành / chưa hoàn thành); `x` is a tick in a form's box.
DONE = frozenset({"yes", "true", "1", "có", "đạt", "đã đạt", "hoàn thành", "đã hoàn thành",
                  "done", "x"})
NOT_DONE = frozenset({"no", "false", "0", "không", "chưa", "chưa đạt", "chưa hoàn thành",
                      "not done"})

Refusal = tuple[Code, str, str]  # why a cell is not a figure: code, message, hint


def read_value(raw: Cell, target: Target, decimal_comma: bool, lo: float, hi: float
               ) -> Value | Refusal:
    """The figure in a cell for `target`, or (code, message, hint) saying why it is not one."""
    if target.kind == "milestone":
        if isinstance(raw, float):
            word = "1" if raw == 1 else "0" if raw == 0 else repr(raw)
        else:
            word = " ".join(raw.lower().split())
        if word in DONE:
            return True
        if word in NOT_DONE:
            return False
        return (Code.BAD_VALUE, f"'{cell_text(raw)}' is not yes or no",
                "write yes/no, done/not done, true/false, 1/0, có/không, đạt/chưa đạt or "
                "hoàn thành/chưa hoàn thành")
    if isinstance(raw, DateCell):
        return (Code.BAD_NUMBER, f"the cell is formatted as a date ({raw}), not a number",
                "format the cell as a number (Format Cells → Number) and type the figure again")
    if isinstance(raw, float):
        parsed: float | Refusal = raw
        if not math.isfinite(raw):
            return (Code.BAD_NUMBER, f"'{raw}' is not a number", "write the figure as a number")
    elif not decimal_comma and NUMBER.fullmatch(raw):
        parsed = plain(raw)
    else:
        parsed = parse_number(raw, decimal_comma, (target.unit or "").strip() == "%")
    if isinstance(parsed, tuple):
        return parsed
    if not lo <= parsed <= hi:
        return out_of_range(parsed, target, lo, hi)
    return parsed


def out_of_range(number: float, target: Target, lo: float, hi: float
                  ) -> Refusal:
    if target.valid_range is not None:
        message = f"{number:g} is outside the valid_range [{lo:g}, {hi:g}] of {target.id}"
        hint = "check the figure, or widen valid_range in the plan"
    elif target.kind == "cumulative":
        message = f"{number:g} is below 0; {target.id} counts up from 0 each year"
        hint = "check the figure"
    else:
        message = f"{number:g} is not a percentage between 0 and 100"
        hint = (f"write a share as a percentage: {number * 100:g}, not {number:g}"
                if 0 < number <= 1 else "check the figure")
    return (Code.OUT_OF_RANGE, message, hint)


def parse_number(text: str, decimal_comma: bool = False, percent: bool = False
                 ) -> float | Refusal:
    """A number as typed in a report, or (code, message, hint) saying why it is not one.

    Default: `[+-]digits[.digits]`, refusing one '.' before exactly three digits (`1.234`) as
    ambiguous. With `decimal_comma`: `1.234,5`, `12,5`, `69.000`; a '.' decimal is refused.
    A '%' after the number is accepted when `percent` (the target is in %).
    """
    if text.endswith("%"):
        bare = text[:-1].rstrip()
        if not percent:
            return (Code.BAD_NUMBER, f"'{text}' has a % sign but the target is not in %",
                    "write the number alone, in the target's unit")
        parsed = parse_number(bare, decimal_comma, False)
        if isinstance(parsed, tuple):
            return (parsed[0], parsed[1].replace(f"'{bare}'", f"'{text}'", 1), parsed[2])
        return parsed
    if decimal_comma:
        if _COMMA_NUMBER.fullmatch(text):
            number = float(text.replace(".", "").replace(",", "."))
            if math.isfinite(number):
                return number
            return (Code.BAD_NUMBER, f"'{text}' is too large", "check the figure")
        if NUMBER.fullmatch(text):
            return (Code.AMBIGUOUS_NUMBER,
                    f"'{text}' has a '.' decimal point, but --decimal-comma makes ',' the "
                    "decimal separator and '.' group thousands",
                    f"write it as {text.replace('.', ',')}, or leave out --decimal-comma")
        return (Code.BAD_NUMBER, f"'{text}' is not a number",
                "write a number such as 12,5 or 1.234,5 (with --decimal-comma)")
    if NUMBER.fullmatch(text):
        return plain(text)
    if "," in text and _COMMA_NUMBER.fullmatch(text):
        return (Code.BAD_NUMBER, f"'{text}' has a ',' in it",
                "if ',' is the decimal separator (12,5), pass --decimal-comma; "
                "otherwise write the number with '.' as the decimal point and no grouping")
    return (Code.BAD_NUMBER, f"'{text}' is not a number",
            "write a plain decimal number with '.' as the decimal point, e.g. 12.5")


def plain(text: str) -> float | Refusal:
    """A number matching `NUMBER`; one '.' before exactly three digits is ambiguous."""
    dot = text.find(".")
    if dot >= 0 and len(text) - dot == 4:
        return (Code.AMBIGUOUS_NUMBER,
                f"'{text}' could be {text} or {text.replace('.', '')} "
                "('.' also groups thousands in Vietnamese)",
                "pass --decimal-comma if '.' groups thousands; if it is a decimal point, "
                f"add a digit: {text}0")
    return float(text)

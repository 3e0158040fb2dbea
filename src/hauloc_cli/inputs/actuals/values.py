"""One cell as a figure: numbers as reports type them, milestone words, the allowed range,
and the slips a figure that is read may still be (typo warnings).

`read_value` gives the figure, or (code, message, hint) saying why the cell is not one; the
row checker (`long.py`) decides where the problem is reported. `typo` says whether a figure
read looks like a slip of the keyboard (docs/errors.md); `quiet` is the range
of figures it never flags, which the row checker tests inline.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from hauloc_cli.errors import Code, Message
from hauloc_cli.inputs.files.table import Cell, DateCell, cell_text
from hauloc_cli.model.figures import Value
from hauloc_cli.model.plan import Target
from hauloc_cli.vocab import milestone
from hauloc_cli.vocab.messages import Label, Text, text
from hauloc_cli.vocab.messages import text as message

# Plain decimals with '.': at most 300 digits before the point, so float() stays finite.
NUMBER = re.compile(r"[-+]?[0-9]{1,300}(?:\.[0-9]+)?")
# The same, less the ambiguous `1.234` (a '.' before exactly three digits, see `plain`): what
# the row checker reads inline.
PLAIN = re.compile(r"[-+]?[0-9]{1,300}(?:\.(?:[0-9]{1,2}|[0-9]{4,}))?")
# With --decimal-comma: '.' groups thousands (1.234.567), ',' is the decimal separator. A
# number's first group has no leading zero: `0.946` is no thousands grouping. (Digits alone
# first: the common `12,5` is matched without trying the groups.)
_COMMA_NUMBER = re.compile(
    r"[-+]?(?:[0-9]{1,300}|[1-9][0-9]{0,2}(?:\.[0-9]{3})+)(?:,[0-9]+)?")
# With --decimal-comma, a number with one '.' that a decimal point would read otherwise:
# `11.500` is 11500, or 11.5 typed with a decimal point.
_ONE_GROUP = re.compile(r"\+?[1-9][0-9]{0,2}\.[0-9]{3}")

# A value cell that is empty or holds a dash is no figure, in every layout: the row is as if
# it were absent (annex tables write '—' for a target not reported).
NO_FIGURE = frozenset({"", "-", "–", "—"})

Refusal = tuple[Code, Message, Message]  # why a cell is not a figure: code, message, hint


def read_value(raw: Cell, target: Target, decimal_comma: bool, lo: float, hi: float
               ) -> Value | Refusal:
    """The figure in a cell for `target`, or (code, message, hint) saying why it is not one."""
    if target.kind == "milestone":
        if isinstance(raw, float):
            word = "1" if raw == 1 else "0" if raw == 0 else repr(raw)
        else:
            word = raw
        done = milestone.read(word)
        if done is not None:
            return done
        said = cell_text(raw)
        return (Code.BAD_VALUE, text("value.empty") if not said.strip()
                else text("value.not_yes_no", text=said), text("value.hint_yes_no"))
    if isinstance(raw, DateCell):
        return (Code.BAD_NUMBER, text("number.date_cell", date=str(raw)),
                text("number.hint_date_cell"))
    if isinstance(raw, float):
        parsed: float | Refusal = raw
        if not math.isfinite(raw):
            return (Code.BAD_NUMBER, text("number.not_a_number", text=str(raw)),
                    text("number.hint_write_number"))
    elif not decimal_comma and NUMBER.fullmatch(raw):
        parsed = plain(raw)
    else:
        parsed = parse_number(raw, decimal_comma, (target.measure or "").strip() == "%")
    if isinstance(parsed, tuple):
        return parsed
    if not lo <= parsed <= hi:
        return out_of_range(parsed, target, lo, hi)
    return parsed


def out_of_range(number: float, target: Target, lo: float, hi: float
                  ) -> Refusal:
    if target.valid_range is not None:
        message = text("range.outside", number=f"{number:g}", lo=f"{lo:g}", hi=f"{hi:g}",
                       target=Label(target.id, target.name))
        hint = text("range.hint_widen")
    elif target.kind == "cumulative":
        message = text("range.below_zero", number=f"{number:g}",
                       target=Label(target.id, target.name))
        hint = text("hint.check_figure")
    else:
        message = text("range.not_percent", number=f"{number:g}")
        hint = (text("range.hint_share", percent=f"{number * 100:g}", number=f"{number:g}")
                if 0 < number <= 1 else text("hint.check_figure"))
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
            return (Code.BAD_NUMBER, message("number.percent_sign", text=text),
                    message("number.hint_percent_sign"))
        parsed = parse_number(bare, decimal_comma, False)
        if isinstance(parsed, tuple):
            said = parsed[1]
            if isinstance(said, Text) and said.arg("text") == bare:
                said = said.but(text=text)
            return (parsed[0], said, parsed[2])
        return parsed
    if decimal_comma:
        if _COMMA_NUMBER.fullmatch(text):
            number = float(text.replace(".", "").replace(",", "."))
            if math.isfinite(number):
                return number
            return (Code.BAD_NUMBER, message("number.too_large", text=text),
                    message("hint.check_figure"))
        if NUMBER.fullmatch(text):
            return (Code.AMBIGUOUS_NUMBER, message("number.point_with_comma", text=text),
                    message("number.hint_point_with_comma", comma=text.replace(".", ",")))
        return (Code.BAD_NUMBER, message("number.not_a_number", text=text),
                message("number.hint_comma_number"))
    if NUMBER.fullmatch(text):
        return plain(text)
    if "," in text and _COMMA_NUMBER.fullmatch(text):
        return (Code.BAD_NUMBER, message("number.has_comma", text=text),
                message("number.hint_has_comma"))
    return (Code.BAD_NUMBER, message("number.not_a_number", text=text),
            message("number.hint_plain_number"))


def plain(text: str) -> float | Refusal:
    """A number matching `NUMBER`; one '.' before exactly three digits is ambiguous when the
    digits before it could be a first group of thousands (1 to 3 digits, not starting with 0):
    `1.234` and `12.500` are; `0.946` (0946 is no number anyone writes) and `1234.567` (a
    group has three digits) are decimals."""
    dot = text.find(".")
    whole = text[:dot].lstrip("+-")
    if dot >= 0 and len(text) - dot == 4 and len(whole) <= 3 and whole[0] != "0":
        return (Code.AMBIGUOUS_NUMBER,
                message("number.ambiguous", text=text, whole=text.replace(".", "")),
                message("number.hint_ambiguous", longer=f"{text}0"))
    return float(text)


# Typo warnings: a figure far off its target's scale that one slip of the keyboard explains,
# and the figure the slip stands for (docs/errors.md). A target's scale is
# [m, M]: its target, and its baseline when it has one (a level goes from one to the other);
# a figure is far off it at 10 × M or more, or (a level or an annual figure) at m / 10 or
# less. A reading a person could mean lies in the target's band: m / 2 to 2 × M (for a
# cumulative count, which starts the year at 0: above 0 to 2 × M). Only figures above 0 are
# flagged.
FAR = 10
_TINY = math.ulp(0.0)


def scale(target: Target) -> tuple[float, float] | None:
    """The scale [m, M] of a target's figures; None when it has none (a milestone, no target,
    or nothing above 0)."""
    t, b = target.target, target.baseline
    if target.kind == "milestone" or t is None:
        return None
    low, high = (t, t) if b is None else (min(t, b), max(t, b))
    return (low, high) if high > 0 else None


def quiet(target: Target, lo: float, hi: float, decimal_comma: bool) -> tuple[float, float]:
    """The figures within [lo, hi] that `typo` never flags, as one range [qlo, qhi]: what the
    row checker reads inline (a figure outside it goes to `typo`, which decides)."""
    found = scale(target)
    percent = (target.measure or "").strip() == "%"
    if found is None or not (percent or decimal_comma):
        return lo, hi
    m, high = found
    qhi = min(hi, math.nextafter(FAR * high, -math.inf))
    if percent and target.kind != "cumulative" and m > 0:
        return max(lo, math.nextafter(m / FAR, math.inf)), qhi
    return lo, qhi


def typo(value: float, raw: Cell, target: Target, decimal_comma: bool, what: Message
         ) -> Refusal | None:
    """The warning (code, message, hint) when `value`, read from `raw` for `target` (named
    `what` in the message), looks like a slip with a likely intended value; else None.

    In this order, the first that holds:
    - point-as-thousands: with a decimal comma, `raw` is one group `d.ddd` (read as dddd),
      the figure is far above the scale and the text with '.' as a decimal point is in the band;
    - rate-off-by-ten: the unit is %, the figure far above the scale and a tenth of it in the
      band;
    - percent-as-fraction: the unit is %, the kind level or annual, the target 1 or more, the
      figure below 1 and far below the scale, and 100 times it in the band;
    - rate-off-by-ten: the unit is %, the kind level or annual, the figure far below the scale
      and 10 times it in the band.
    """
    found = scale(target)
    if found is None or value.__class__ is bool or not value > 0:
        return None
    m, high = found
    cumulative = target.kind == "cumulative"
    band = (_TINY if cumulative or m <= 0 else m / 2, 2 * high)
    unit = (target.measure or "").strip()
    percent = unit == "%"
    on = _scale_words(target, unit)
    if value >= FAR * high:
        text = raw if isinstance(raw, str) else ""
        bare = text[:-1].rstrip() if text.endswith("%") else text
        if decimal_comma and _ONE_GROUP.fullmatch(bare):
            meant = float(bare)
            if band[0] <= meant <= band[1]:
                return (Code.POINT_AS_THOUSANDS,
                        message("typo.point_as_thousands", text=text, what=what,
                                value=_g(value), on=on, meant=_g(meant)),
                        message("typo.hint_point_as_thousands", meant=_g(meant),
                                comma=_g(meant).replace(".", ",")))
        meant = _shift(value, -1)
        if percent and band[0] <= meant <= band[1]:
            return (Code.RATE_OFF_BY_TEN,
                    message("typo.ten_times_large", value=_g(value), what=what, on=on,
                            meant=_g(meant)),
                    message("typo.hint_ten_times_large", value=_g(value)))
        return None
    if not percent or cumulative or m <= 0 or value > m / FAR:
        return None
    if value < 1 and target.target is not None and target.target >= 1:
        meant = _shift(value, 2)
        if band[0] <= meant <= band[1]:
            return (Code.PERCENT_AS_FRACTION,
                    message("typo.fraction", value=_g(value), what=what, meant=_g(meant)),
                    message("typo.hint_fraction", what=what, meant=_g(meant), value=_g(value),
                            on=on))
    meant = _shift(value, 1)
    if band[0] <= meant <= band[1]:
        return (Code.RATE_OFF_BY_TEN,
                message("typo.ten_times_small", value=_g(value), what=what, on=on,
                        meant=_g(meant)),
                message("typo.hint_ten_times_small", value=_g(value)))
    return None


def _shift(value: float, places: int) -> float:
    """`value` × 10**places, exact in decimal: 0.57 → 57, not 56.99999999999999."""
    return float(Decimal(repr(value)).scaleb(places))


def _g(value: float) -> str:
    """A figure as written in a warning: up to 12 significant digits, no exponent for
    everyday figures."""
    return f"{value:.12g}"


def _scale_words(target: Target, unit: str) -> Text:
    """`a target of 11.5 %`, `a target of 1.5 % from a baseline of 3.2 %`."""
    def of(v: float) -> str:
        return f"{_g(v)} {unit}" if unit else _g(v)
    assert target.target is not None
    if target.baseline is not None:
        return message("typo.scale_baseline", target=of(target.target),
                       baseline=of(target.baseline))
    return message("typo.scale", target=of(target.target))

"""Typo warnings (values.typo): a figure that one slip of the keyboard explains, read as typed
and warned about with the likely intended value, in the long format and in annex tables; and
`ambiguous-number` offering only readings a person could mean.

Every band below is worked out by hand from the rule (docs/errors.md): the
scale [m, M] is the target (and its baseline), far off is ≥ 10 × M or ≤ m / 10, a meant value
lies in [m / 2, 2 × M] ((0, 2 × M] for a cumulative count).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hauloc_cli.errors import Code
from hauloc_cli.inputs.actuals.read import ReadOptions, read_actuals
from hauloc_cli.inputs.actuals.values import _COMMA_NUMBER, parse_number, quiet, typo
from hauloc_cli.inputs.plan_file import load_plan
from hauloc_cli.inputs.units_file import load_units
from hauloc_cli.model.periods import Period
from hauloc_cli.model.plan import Plan, default_range, unit_target
from tests.conftest import ASSETS
from tests.inputs.actuals.annex.support import workbook

PLAN = """\
plan: {id: t, year: 2024, unit: p}
targets:
  - {id: growth, name: Tốc độ tăng trưởng, kind: annual, target: 11.5, unit: '%'}
  - {id: water, name: Tỷ lệ hộ dùng nước sạch, kind: level, target: 95, unit: '%',
     rollup: mean, assign: {b: 50}}
  - {id: poverty, name: Tỷ lệ hộ nghèo, kind: level, direction: at_most, target: 1.5,
     baseline: 3.2, unit: '%'}
  - {id: disbursed, name: Giải ngân vốn đầu tư, kind: cumulative, target: 50, unit: '%'}
  - {id: income, name: Thu nhập bình quân, kind: annual, target: 75, unit: triệu đồng}
  - {id: rice, name: Sản lượng lúa, kind: cumulative, target: 1500, unit: tấn}
  - {id: third_child, name: Tỷ lệ sinh con thứ 3, kind: annual, direction: at_most,
     target: 0.8, unit: '%'}
  - {id: done, name: Đề án, kind: milestone}
"""

FRACTION, TEN, POINT = Code.PERCENT_AS_FRACTION, Code.RATE_OFF_BY_TEN, Code.POINT_AS_THOUSANDS


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return load_plan(path)


def warned(plan: Plan, target: str, value: float, raw: object = None, comma: bool = False
           ) -> tuple[Code, str] | None:
    """(code, the likely intended value as the message writes it), or None."""
    found = typo(value, repr(value) if raw is None else raw,  # type: ignore[arg-type]
                 plan.by_id[target], comma, target)
    if found is None:
        return None
    return found[0], str(found[1]).rsplit("; ", 1)[1]


# growth: annual 11.5 % → scale [11.5, 11.5], band [5.75, 23]; far above ≥ 115, far below
# ≤ 1.15. water: level 95 % (0–100) → band [47.5, 190]; far below ≤ 9.5.
# poverty: at most 1.5 % from a baseline of 3.2 % → scale [1.5, 3.2], band [0.75, 6.4]; far
# above ≥ 32, far below ≤ 0.15.
# disbursed: cumulative 50 % → band (0, 100]; far above ≥ 500; nothing below (a count starts at
# 0). third_child: at most 0.8 % → band [0.4, 1.6]; far below ≤ 0.08; no fraction (target < 1).
@pytest.mark.parametrize(("target", "value", "expected"), [
    # 10 × too large: 115 typed for 11.5; up to 230 (23 = 2 × 11.5 is in the band)
    ("growth", 115, (TEN, "11.5?")), ("growth", 114.99, None),
    ("growth", 230, (TEN, "23?")), ("growth", 230.01, None),
    # honest growth figures: below, at and above the target, a fall
    ("growth", 12, None), ("growth", 5.8, None), ("growth", 30, None), ("growth", 99, None),
    ("growth", -2, None), ("growth", 0, None),
    # 10 × too small: 1.2 typed for 12; from 0.575 (5.75) to 1.15
    ("growth", 1.2, None), ("growth", 1.15, (TEN, "11.5?")), ("growth", 1.16, None),
    ("growth", 0.575, (TEN, "5.75?")), ("growth", 0.574, None),
    # a fraction (below 1, far below the scale): 100 × it in [5.75, 23]
    ("growth", 0.115, (FRACTION, "11.5 %?")), ("growth", 0.23, (FRACTION, "23 %?")),
    ("growth", 0.231, None), ("growth", 0.0575, (FRACTION, "5.75 %?")),
    ("growth", 0.0574, None),
    # the level 95 %: 0.95 is 95 %; 0.475..0.99 are fractions, 4.75..9.5 a tenth
    ("water", 0.95, (FRACTION, "95 %?")), ("water", 0.99, (FRACTION, "99 %?")),
    ("water", 0.475, (FRACTION, "47.5 %?")), ("water", 0.474, None),
    ("water", 1, None), ("water", 9.5, (TEN, "95?")), ("water", 9.51, None),
    ("water", 4.75, (TEN, "47.5?")), ("water", 4.74, None), ("water", 60, None),
    # poverty, at most 1.5 % from 3.2 %: 0.8 (and anything from 0.16 up) is honest
    ("poverty", 0.8, None), ("poverty", 0.16, None), ("poverty", 1.2, None),
    ("poverty", 0.15, (TEN, "1.5?")), ("poverty", 0.075, (TEN, "0.75?")),
    ("poverty", 0.074, None), ("poverty", 0.064, (FRACTION, "6.4 %?")),
    ("poverty", 0.015, (FRACTION, "1.5 %?")), ("poverty", 0.0075, (FRACTION, "0.75 %?")),
    ("poverty", 0.0074, None),
    ("poverty", 32, (TEN, "3.2?")), ("poverty", 31.99, None), ("poverty", 64, (TEN, "6.4?")),
    ("poverty", 64.01, None), ("poverty", 4.1, None),
    # a cumulative figure in %: small figures are honest (the year starts at 0)
    ("disbursed", 0.5, None), ("disbursed", 0.05, None), ("disbursed", 5, None),
    ("disbursed", 500, (TEN, "50?")), ("disbursed", 499.9, None),
    ("disbursed", 1000, (TEN, "100?")), ("disbursed", 1000.1, None),
    # a target below 1 %: no fraction reading, a tenth still
    ("third_child", 0.008, None), ("third_child", 0.08, (TEN, "0.8?")),
    ("third_child", 0.081, None), ("third_child", 0.04, (TEN, "0.4?")),
    ("third_child", 0.039, None), ("third_child", 0.5, None),
    # not in %: no rate rule
    ("income", 750, None), ("income", 7.5, None), ("rice", 15000, None),
])
def test_the_rules_and_their_boundaries(plan: Plan, target: str, value: float,
                                        expected: tuple[Code, str] | None) -> None:
    assert warned(plan, target, float(value)) == expected


@pytest.mark.parametrize(("target", "raw", "value", "expected"), [
    ("growth", "11.500", 11500, (POINT, "11.5?")), ("growth", "11.500 %", 11500, (POINT, "11.5?")),
    ("growth", "23.000", 23000, (POINT, "23?")), ("growth", "23.001", 23001, None),
    ("growth", "5.750", 5750, (POINT, "5.75?")), ("growth", "5.749", 5749, None),
    ("income", "69.000", 69000, (POINT, "69?")), ("income", "150.000", 150000, (POINT, "150?")),
    ("income", "150.001", 150001, None), ("income", "37.500", 37500, (POINT, "37.5?")),
    ("income", "37.499", 37499, None), ("income", "1.500", 1500, None),
    # 1.600 tấn of rice read as 1600 against 1500: on the scale, nothing to say
    ("rice", "1.600", 1600, None), ("rice", "1.500", 1500, None),
    # 14.999 t read as 14999 against 1500: not 10 × 1500, so not far above; 15.000 is, and
    # 15 t is on the scale of a count that starts the year at 0
    ("rice", "14.999", 14999, None), ("rice", "15.000", 15000, (POINT, "15?")),
    # rice is cumulative: any reading above 0 up to 3000 is on the scale
    ("rice", "2.500", 2500, None), ("disbursed", "12.500", 12500, (POINT, "12.5?")),
    ("income", "1.234.567", 1234567, None), ("income", "69.000,5", 69000.5, None),
])
def test_a_point_read_as_thousands(plan: Plan, target: str, raw: str, value: float,
                                   expected: tuple[Code, str] | None) -> None:
    assert warned(plan, target, float(value), raw, comma=True) == expected
    assert parse_number(raw, True, True) == value


def said(found: object) -> object:
    """A typo warning with its message and hint as English text, or None."""
    return None if found is None else tuple(map(str, found))  # type: ignore[call-overload]


def test_the_words(plan: Plan) -> None:
    growth, water = plan.by_id["growth"], plan.by_id["water"]
    assert said(typo(0.95, "0.95", water, False, "water")) == (
        FRACTION, "0.95 for water looks like a fraction; 95 %?",
        "figures of water are in %: write 95, not 0.95 (it is read as 0.95 %, against a "
        "target of 95 %)")
    assert said(typo(115.0, "115", growth, False, "growth")) == (
        TEN, "115 for growth looks 10 times too large for a target of 11.5 %; 11.5?",
        "check the figure: is a decimal point missing? (it is read as 115 %)")
    assert typo(1.2, "1.2", growth, False, "growth") is None  # 1.2 > 1.15
    assert typo(0.57, "0.57", plan.by_id["poverty"], False, "poverty") is None
    assert said(typo(0.15, "0.15", plan.by_id["poverty"], False, "poverty of a")) == (
        TEN, "0.15 for poverty of a looks 10 times too small for a target of 1.5 % from a "
        "baseline of 3.2 %; 1.5?", "check the figure: is a digit missing, or the decimal "
        "point one place off? (it is read as 0.15 %)")
    assert said(typo(11500.0, "11.500", growth, True, "growth")) == (
        POINT, "'11.500' for growth is read as 11500 ('.' groups thousands with a decimal "
        "comma), far above a target of 11.5 %; 11.5?",
        "if 11.5 is meant, write 11,5; otherwise nothing to do")
    assert typo(True, "có", plan.by_id["done"], False, "done") is None


def test_a_units_own_target_is_its_scale(plan: Plan) -> None:
    """b's target of water is its assignment, 50 (band [25, 100]): 0.3 is 30 %? Against the
    plan's 95 (band [47.5, 190]) 30 is no reading."""
    water = plan.by_id["water"]
    assert typo(0.3, "0.3", unit_target(water, "b"), False, "water of b") is not None
    assert typo(0.3, "0.3", unit_target(water, "a"), False, "water of a") is None


values = st.one_of(
    st.floats(-1e7, 1e7, allow_nan=False),
    st.decimals("-1000", "100000", places=3).map(float),
    st.integers(0, 10**7).map(float))


@given(value=values, comma=st.booleans(),
       target=st.sampled_from(["growth", "water", "poverty", "disbursed", "income", "rice",
                               "third_child"]))
def test_the_quiet_range_never_hides_a_typo(plan: Plan, value: float, comma: bool,
                                            target: str) -> None:
    """What the row checker reads inline (`quiet`) is never a figure `typo` warns about,
    whatever the text it was read from."""
    view = plan.by_id[target]
    lo, hi = default_range(view) or (-float("inf"), float("inf"))
    qlo, qhi = quiet(view, lo, hi, comma)
    assert lo <= qlo and qhi <= hi
    if qlo <= value <= qhi:
        whole = int(value)
        texts = [repr(value)] + ([f"{whole // 1000}.{whole % 1000:03d}"]
                                 if comma and 1000 <= whole == value < 10**6 else [])
        for text in texts:
            assert typo(value, text, view, comma, target) is None, text


# ---- the long format -------------------------------------------------------------------

def read(tmp_path: Path, plan: Plan, text: str, **options: object):  # type: ignore[no-untyped-def]
    path = tmp_path / "a.csv"
    path.write_text(text, encoding="utf-8")
    return path, read_actuals(path, plan, ReadOptions(**options))  # type: ignore[arg-type]


def test_long_format_warnings_name_the_row(tmp_path: Path, plan: Plan) -> None:
    path, data = read(tmp_path, plan, "target,period,value\n"
                                      "growth,2024-Q1,115\n"        # 2: 10 × 11.5
                                      "growth,2024-Q2,12.4\n"       # 3: honest
                                      "water,2024-Q1,0.95\n"        # 4: a fraction
                                      "water,2024-Q2,62\n"          # 5: honest
                                      "poverty,2024-Q1,0.8\n"       # 6: honest (at most 1.5)
                                      "poverty,2024-Q2,0.15\n"      # 7: 1.5?
                                      "growth,2024-Q3,1.15\n"       # 8: a tenth of 11.5
                                      "disbursed,2024-Q1,0.5\n"     # 9: honest
                                      "growth,2024-Q4,0.946\n"      # 10: 9.46? (not refused)
                                      "water,2024-Q3,0\n")          # 11: honest
    assert [(w.where, w.code, str(w.message).rsplit("; ", 1)[1]) for w in data.warnings] == [
        ("2:3", TEN, "11.5?"), ("4:3", FRACTION, "95 %?"), ("7:3", TEN, "1.5?"),
        ("8:3", TEN, "11.5?"), ("10:3", TEN, "9.46?")]
    assert str(data.warnings[1]) == (
        f"{path}:4:3: [percent-as-fraction] 0.95 for water looks like a fraction; 95 %? — "
        "figures of water are in %: write 95, not 0.95 (it is read as 0.95 %, against a "
        "target of 95 %)")
    # the rows are read as typed
    values = data.figures.values()
    assert (values["growth"], values["water"][1], values["poverty"][2]) == (
        {1: 115.0, 2: 12.4, 3: 1.15, 4: 0.946}, 0.95, 0.15)


def test_long_format_with_a_decimal_comma(tmp_path: Path, plan: Plan) -> None:
    """`11.500` is 11500 with a decimal comma: one warning naming 11.5 (not implausible-value
    as well); `1.600` t of rice against 1500 t is a figure like any other."""
    path, data = read(tmp_path, plan, "target;period;value\n"
                                      "growth;Q1;11.500\n"
                                      "growth;Q2;11,5\n"
                                      "income;Q1;69.000\n"
                                      "rice;Q1;1.600\n"
                                      "water;Q1;0,95\n"
                                      "growth;Q3;115\n", decimal_comma=True)
    assert [(w.where, w.code) for w in data.warnings] == [
        ("2:3", POINT), ("4:3", POINT), ("6:3", FRACTION), ("7:3", TEN)]
    assert str(data.warnings[0]) == (
        f"{path}:2:3: [point-as-thousands] '11.500' for growth is read as 11500 ('.' groups "
        "thousands with a decimal comma), far above a target of 11.5 %; 11.5? — if 11.5 is "
        "meant, write 11,5; otherwise nothing to do")
    assert data.figures.values()["growth"] == {1: 11500.0, 2: 11.5, 3: 115.0}


def test_implausible_value_still_for_what_no_slip_explains(tmp_path: Path, plan: Plan) -> None:
    """5000 against 11.5 (over 100 ×, not 10 ×): implausible-value, as before."""
    _, data = read(tmp_path, plan, "target,period,value\ngrowth,2024-Q1,5000\n")
    assert [w.code for w in data.warnings] == [Code.IMPLAUSIBLE_VALUE]


def test_units_rows_and_the_last_year_column(tmp_path: Path, plan: Plan) -> None:
    """A unit's row is judged on its own target (b: 50) and named `water of b`; the
    last_year column is read the same way."""
    units = load_units(ASSETS / "units.tree.yaml")
    _, data = read(tmp_path, plan, "unit,target,period,value,last_year\n"
                                   "b,water,2024-Q1,0.3,\n"      # 30 %? (b's target: 50)
                                   "a,water,2024-Q1,0.3,\n"      # a's is 95: nothing
                                   "a,water,2024-Q2,9.5,\n"      # 95?
                                   "p,growth,2024-Q1,12,1.15\n", units=units)
    assert [(w.where, w.code, str(w.message)) for w in data.warnings] == [
        ("2:4", FRACTION, "0.3 for water of b looks like a fraction; 30 %?"),
        ("4:4", TEN, "9.5 for water of a looks 10 times too small for a target of 95 %; 95?"),
        ("5:5", TEN, "1.15 for growth looks 10 times too small for a target of 11.5 %; "
                     "11.5?")]
    assert data.by_unit["b"].values()["water"] == {1: 0.3}


# ---- annex tables ----------------------------------------------------------------------

HEADER = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện 9 tháng năm 2024"]


def test_annex_workbook(tmp_path: Path, plan: Plan) -> None:
    """The same rules on the cells of an annex table: a number cell 0.95 (a share typed as a
    fraction), 115 for 11.5, and a level of 0.8 at most 1.5 (honest)."""
    rows: list[list[object]] = [list(HEADER), [1, "Tỷ lệ hộ dùng nước sạch", "%", 95, 0.95],
            [2, "Tốc độ tăng trưởng", "%", 11.5, 115],
            [3, "Tỷ lệ hộ nghèo", "%", 1.5, 0.8]]
    path = workbook(tmp_path / "a.xlsx", rows)
    data = read_actuals(path, plan)
    assert [(w.where, w.code, str(w.message).rsplit("; ", 1)[1]) for w in data.warnings] == [
        ("'Biểu 01'!E2", FRACTION, "95 %?"), ("'Biểu 01'!E3", TEN, "11.5?")]
    assert data.figures.values() == {
        "water": {3: 0.95}, "growth": {3: 115.0}, "poverty": {3: 0.8}}


def test_annex_csv_with_a_decimal_comma(tmp_path: Path, plan: Plan) -> None:
    """`11.500` in a cell with a decimal comma: one warning, point-as-thousands, at its cell
    (not implausible-value as well); the earlier period's column is read the same way."""
    path = tmp_path / "a.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([
            ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2024", "Thực hiện 6 tháng năm 2024",
             "Thực hiện 9 tháng năm 2024"],
            ["1", "Tốc độ tăng trưởng", "%", "11,5", "1,15", "11.500"],
            ["2", "Thu nhập bình quân", "triệu đồng", "75", "69", "69,5"]])
    data = read_actuals(path, plan, ReadOptions(decimal_comma=True,
                                                period=Period.at_quarter(2024, 3)))
    assert [(w.where, w.code, str(w.message).rsplit("; ", 1)[1]) for w in data.warnings] == [
        ("2:5", TEN, "11.5?"), ("2:6", POINT, "11.5?")]
    assert data.figures.values()["growth"] == {2: 1.15, 3: 11500.0}


# ---- ambiguous-number: only readings a person could mean ------------------------------

@pytest.mark.parametrize(("text", "comma", "read"), [
    ("0.946", False, 0.946), ("-0.946", False, -0.946), ("+0.500", False, 0.5),
    ("00.946", False, 0.946), ("1234.567", False, 1234.567), ("01.234", False, 1.234),
    ("0.95", False, 0.95), ("1.2340", False, 1.234),
    ("1.234", True, 1234.0), ("100.000", True, 100000.0), ("1.000.000", True, 1e6),
])
def test_numbers_with_one_reading_are_read(text: str, comma: bool, read: float) -> None:
    assert parse_number(text, comma) == read


@pytest.mark.parametrize(("text", "comma", "code", "offered"), [
    # a first group of thousands: both readings are meant by someone
    ("1.234", False, "ambiguous-number", "'1.234' could be 1.234 or 1234"),
    ("-12.500", False, "ambiguous-number", "'-12.500' could be -12.500 or -12500"),
    ("999.999", False, "ambiguous-number", "'999.999' could be 999.999 or 999999"),
    # with a decimal comma, a leading zero is no group of thousands: `0.946` is not 946
    ("0.946", True, "ambiguous-number", "write it as 0,946"),
    ("0.500", True, "ambiguous-number", "write it as 0,500"),
    ("00.500", True, "ambiguous-number", "write it as 00,500"),
    # no reading at all: not a number, and no reading is offered
    ("1.000.5", False, "bad-number", "'1.000.5' is not a number"),
    ("1.000.5", True, "bad-number", "'1.000.5' is not a number"),
    ("0.000.500", True, "bad-number", "'0.000.500' is not a number"),
    ("1.2.3", False, "bad-number", "'1.2.3' is not a number"),
])
def test_refusals_offer_only_readings_a_person_could_mean(text: str, comma: bool, code: str,
                                                         offered: str) -> None:
    found = parse_number(text, comma)
    assert isinstance(found, tuple)
    assert found[0] == code
    assert offered in f"{found[1]} — {found[2]}"
    assert "946 " not in f"{found[1]} " and "0946" not in str(found[1])


_OLD_COMMA_NUMBER = re.compile(r"[-+]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,300})(?:,[0-9]+)?")


@given(st.text(alphabet="0123456789.,+-", max_size=12))
def test_decimal_comma_numbers_are_the_old_ones_less_a_leading_zero_group(text: str) -> None:
    """With a decimal comma, a number is what it was before issue 19, less a first group of
    thousands that starts with 0 (`0.946`, `00.500`: no one groups thousands so)."""
    old = bool(_OLD_COMMA_NUMBER.fullmatch(text))
    zero_group = re.fullmatch(r"[-+]?0[0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?", text) is not None
    assert bool(_COMMA_NUMBER.fullmatch(text)) is (old and not zero_group)

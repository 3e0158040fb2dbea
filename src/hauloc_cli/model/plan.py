"""The plan: what a government set itself for one year, as frozen pydantic models.

Reading a plan file is `hauloc_cli.inputs.plan_file.load_plan`; this module is the model and
its rules, which pydantic checks when a plan is built.
"""

from __future__ import annotations

import functools
import math
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from hauloc_cli.errors import Code
from hauloc_cli.model.periods import MONTHS_PER_YEAR, QUARTERS_PER_YEAR, Period, pace_share

Group = Literal["economy", "society", "environment", "security"]  # built in (`groups:` adds)
Kind = Literal["cumulative", "level", "annual", "milestone"]
Direction = Literal["at_least", "at_most"]
Rollup = Literal["sum", "mean", "weighted_mean", "share_meeting", "count_meeting", "min", "max",
                 "none"]
MEETING_RULES = ("share_meeting", "count_meeting")
GROUPS: tuple[str, ...] = Group.__args__  # type: ignore[attr-defined]
Change = Literal["percent", "points"]
# An `about:` target is met within this fraction of its value, either side, unless the target's
# `tolerance:` or the plan's `about_tolerance:` says otherwise (docs/status.md).
ABOUT_TOLERANCE = 0.05

Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Text = Annotated[str, Field(min_length=1)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
Fraction = Annotated[float, Field(strict=True, ge=0, lt=1, allow_inf_nan=False)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _new(default: Any) -> Any:
    """A key added with the target forms (issue 23): left out of the plan's JSON while it has
    its default, so the JSON of a plan that does not use it stays as it was."""
    return Field(default, exclude_if=lambda value: value == default)


def _rule(key: str, message: str) -> PydanticCustomError:
    """A broken plan rule about `key` of the object being validated."""
    return PydanticCustomError("plan_rule", message, {"key": key})


class Signer(_Model):
    """Who signs the report (Decree 30/2020/NĐ-CP): `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH` / name."""

    title: Text  # CHỦ TỊCH, KT. CHỦ TỊCH / PHÓ CHỦ TỊCH …
    on_behalf: str | None = None  # TM. ỦY BAN NHÂN DÂN
    name: str | None = None  # left out: the line stays for the name to be written by hand

    @model_validator(mode="before")
    @classmethod
    def _title_only(cls, data: Any) -> Any:
        return {"title": data} if isinstance(data, str) else data


class LetterTexts(_Model):
    """What the office adds to each section of the report's letter, in its own words (the tool
    never writes causes or tasks of its own): I. the results, II. what is behind and why,
    III. the tasks for the rest of the year. Each a paragraph, or a list of paragraphs."""

    results: tuple[Text, ...] = ()
    shortcomings: tuple[Text, ...] = ()
    tasks: tuple[Text, ...] = ()

    @field_validator("results", "shortcomings", "tasks", mode="before")
    @classmethod
    def _one_paragraph(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value


class PlanInfo(_Model):
    id: Text
    name: str | None = None
    name_en: str | None = None
    year: Annotated[int, Field(strict=True, ge=1900, le=9999)]
    declared_targets: Annotated[int, Field(strict=True, ge=1)] | None = None
    source: str | None = None
    unit: Annotated[str, Field(pattern=r"^[a-z0-9_-]+$")] | None = None  # the plan's own unit
    # How the plan's actuals write numbers: vi = 1.234,5 (as --decimal-comma), en = 1,234.5.
    number_format: Literal["vi", "en"] | None = None
    # The official report (hauloc report): the issuing body's name, top left, in one or more
    # lines (`ỦY BAN NHÂN DÂN` / `HUYỆN HẬU LỘC`), the place of the date line, and who signs.
    issuer: tuple[Text, ...] | None = None
    place: str | None = None
    signer: Signer | None = None
    # "Nơi nhận:": who the report goes to, one line each (`Thường trực Huyện ủy`); the archive
    # line `Lưu: VT.` is always added. None: the Decree's placeholder lines.
    recipients: tuple[Text, ...] | None = None
    letter: LetterTexts = LetterTexts()
    # The tolerance of the plan's `about:` targets that give none of their own.
    about_tolerance: Fraction = _new(ABOUT_TOLERANCE)
    # The term plan the year carries out (hauloc term), relative to the plan file: the year's
    # targets are checked against what the term needs of the year (`below-term` warnings).
    term_plan: str | None = None

    @field_validator("issuer", "recipients", mode="before")
    @classmethod
    def _one_line(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value


class StatusBands(_Model):
    """Ratio of actual to expected progress at or above which a target is on track / at risk."""

    on_track: Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)] = 0.95
    at_risk: Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)] = 0.80

    @model_validator(mode="after")
    def _ordered(self) -> StatusBands:
        if self.at_risk > self.on_track:
            raise _rule("at_risk", "at_risk must not be above on_track (0 < at_risk <= on_track)")
        return self


def measure_was_unit(data: Any) -> Any:
    """`unit:`, the old name of `measure:`, read as it; both given is an error (a target of
    the plan or of a term plan)."""
    if not isinstance(data, dict) or "unit" not in data:
        return data
    if "measure" in data:
        raise _rule("unit", "unit is the old name of measure, and both are given: keep "
                            "measure and delete unit")
    return {("measure" if key == "unit" else key): v for key, v in data.items()}


def measure_was_unit_in_schema(schema: dict[str, Any]) -> None:
    """The JSON Schema takes `unit:`, the old name of `measure:`, too, but not both."""
    schema["properties"]["unit"] = {**schema["properties"]["measure"], "title": "Unit",
                                    "description": "The old name of measure."}
    schema["not"] = {"required": ["unit", "measure"]}


class GroupInfo(_Model):
    """A group of targets the plan declares (`groups:`), as its resolution heads it."""

    id: Id
    name: Text
    name_en: str | None = None


class OtherPlan(_Model):
    """Another plan value for the same target, named by who set it (`KH tỉnh giao`): outputs
    give the ratio of the figure to it beside the ratio to the plan judged by."""

    by: Text  # as reports name it: `KH tỉnh giao`, `dự toán tỉnh giao`
    by_en: str | None = None
    target: Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)]


# `target:` is a number or a range `[low, high]`: the schema says both (the model keeps the
# number judged by in `target` and the range in `target_range`, see `Target._forms`).
_TARGET_SCHEMA = {"anyOf": [
    {"type": "number"},
    {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
    {"type": "null"}]}


class Target(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True,
                              json_schema_extra=measure_was_unit_in_schema)

    id: Id
    name: Text
    name_en: str | None = None
    # Other names the target goes by in the offices' tables (read back by name, NFC, any case).
    aliases: tuple[Text, ...] = ()
    group: Id | None = None  # one of GROUPS or of the plan's `groups:`
    kind: Kind
    direction: Direction | None = None
    # The plan value judged by (docs/status.md): the number, the near end of a
    # range (`target: [low, high]`, kept whole in target_range), or the value of `about:`.
    target: Annotated[Number | None, WithJsonSchema(_TARGET_SCHEMA)] = None
    target_range: SkipJsonSchema[tuple[float, float] | None] = _new(None)
    about: Number | None = _new(None)
    tolerance: Fraction | None = _new(None)  # of `about:`; None: the plan's about_tolerance
    strict: Annotated[bool, Field(strict=True)] = _new(False)  # trên / dưới: equal is not met
    # The target is a change from last year's figure of the same period: growth in % or a
    # change in percentage points; last year's figure from `base:` or the actuals.
    change: Change | None = _new(None)
    base: Number | None = _new(None)
    # Who set the plan value judged by (`KH xã giao`), other plan values for the target, and
    # whether the level above assigned it (chỉ tiêu tỉnh giao).
    set_by: str | None = _new(None)
    set_by_en: str | None = _new(None)
    other_plans: tuple[OtherPlan, ...] = _new(())
    from_above: Annotated[bool, Field(strict=True)] = _new(False)
    # What the figures are counted or measured in (`%`, `xã`, `tỷ đồng`); the YAML key
    # `unit:`, its old name, is still read (`_measure_was_unit`).
    measure: str | None = None
    baseline: Number | None = None
    # 4 shares (one per quarter) or 12 (one per month): `_pace_rules`
    pace: Annotated[tuple[Number, ...], Field(min_length=4, max_length=12)] | None = None
    deadline: date | None = None
    source: str | None = None
    valid_range: tuple[Number, Number] | None = None
    # Roll-up over the units (docs/units.md).
    rollup: Rollup | None = None
    weight: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")] | None = None
    threshold: Number | None = None
    assign: Number | dict[str, Number] | None = None
    min_coverage: Annotated[float, Field(strict=True, ge=0, le=1, allow_inf_nan=False)] = 1.0
    # Read the figures of the year before too (periods of plan year − 1), to compare with them.
    compare_last_year: Annotated[bool, Field(strict=True)] = False
    # The target counts whole things (communes, products, schools): what is expected or still
    # needed of it is said as a whole number. None: see `counts_whole`.
    whole: Annotated[bool, Field(strict=True)] | None = None
    # A figure of an earlier period stands in for a missing one (docs/status.md): a state
    # does (a level, a milestone); a flow (a sum so far) only when set here.
    carry_forward: Annotated[bool, Field(strict=True)] | None = None

    def assigned(self, unit: str | None) -> float | None:
        """`unit`'s own target (or threshold) from `assign:`: its entry of a mapping, or the
        one number every unit is given; None without one."""
        if isinstance(self.assign, dict):
            return None if unit is None else self.assign.get(unit)
        return self.assign

    def assigns(self, unit: str) -> bool:
        """Whether `assign:` gives `unit` a target of its own."""
        return self.assign is not None and (not isinstance(self.assign, dict)
                                            or unit in self.assign)

    @model_validator(mode="before")
    @classmethod
    def _measure_was_unit(cls, data: Any) -> Any:
        return measure_was_unit(data)

    @field_validator("other_plans")
    @classmethod
    def _set_by_each(cls, others: tuple[OtherPlan, ...], info: ValidationInfo) -> Any:
        seen = {info.data.get("set_by")}
        for i, other in enumerate(others):
            if other.by in seen:
                raise PydanticCustomError("plan_rule", f"two plan values set by '{other.by}'",
                                          {"key": "by", "index": i})
            seen.add(other.by)
        return others

    @property
    def reads_last_year(self) -> bool:
        """Whether the actuals' figures of the year before are read for it: to compare with
        (`compare_last_year`), or to measure a change from (`change:` without `base:`)."""
        return self.compare_last_year or (self.change is not None and self.base is None)

    @property
    def carries(self) -> bool:
        """Whether an earlier figure may stand in for a missing one (a state, or asked)."""
        if self.carry_forward is not None:
            return self.carry_forward
        return self.kind in ("level", "milestone")

    @model_validator(mode="before")
    @classmethod
    def _default_direction(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("kind") != "milestone" and "direction" not in data:
            data = {**data, "direction": "at_least"}
        return _forms(data)

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Target:
        _rollup_rules(self)
        year = (info.context or {}).get("year")
        if self.deadline is not None and isinstance(year, int):  # so every target says it
            _in_year(self.deadline, year, {})
        if self.kind == "milestone":
            _milestone_rules(self)
        else:
            _form_rules(self)
            _number_rules(self)
            _pace_rules(self)
            if self.valid_range is not None and self.valid_range[0] > self.valid_range[1]:
                raise _rule("valid_range", "valid_range must be [min, max] with min <= max")
        return self

    @property
    def counts_whole(self) -> bool:
        """`whole` as the plan sets it; by default true when the target (and its baseline) are
        whole numbers and its unit names things counted, not a measure (MEASURE_WORDS, `%`, or
        a rate: `/`). A target without a unit is not taken to count things."""
        if self.whole is not None:
            return self.whole
        if self.kind == "milestone" or self.target is None or not self.measure:
            return False
        numbers = (self.target, self.baseline if self.baseline is not None else 0.0)
        return all(float(x).is_integer() for x in numbers) and not is_measure(self.measure)

    def ends(self) -> tuple[float, float]:
        """(near, far): the target is met at its near end and exceeded beyond its far end.
        A number is both; a range's near end is its low end for at_least, its high end for
        at_most; `about: v` is the range v·(1 ∓ tolerance) (the plan fills in its
        about_tolerance where the target gives none). In the target's own terms: a change, for
        `change:` targets."""
        t = self.target
        assert t is not None
        if self.about is not None:
            share = ABOUT_TOLERANCE if self.tolerance is None else self.tolerance
            tol = abs(self.about) * share
            low, high = self.about - tol, self.about + tol
        elif self.target_range is not None:
            low, high = self.target_range
        else:
            return t, t
        return (low, high) if self.direction == "at_least" else (high, low)

    def pace_at(self, period: Period) -> float:
        """Share of the year's progress expected by the end of `period`."""
        return pace_share(self.pace, period.month)


# Units that measure rather than count (docs/plan.md): a target in one of them is
# not whole by default. Matched against the unit's words, any case (`triệu đồng/người/năm`).
MEASURE_WORDS = frozenset({
    "%", "đồng", "vnd", "usd", "triệu", "tỷ", "nghìn", "million", "billion",
    "ha", "m", "m2", "m²", "m3", "m³", "km", "km2", "km²", "kg", "tạ", "tấn", "tonnes", "tons",
    "lít", "litres", "liters", "kwh", "mwh", "mw", "điểm", "points", "năm", "years", "giờ",
    "hours", "ngày", "days", "tháng", "months", "°c",
})


def is_measure(unit: str) -> bool:
    """A unit that measures (a sum of money, an area, a weight, a rate) rather than counts."""
    if "%" in unit or "/" in unit:
        return True
    return any(word in MEASURE_WORDS for word in unit.lower().split())


def _milestone_rules(target: Target) -> None:
    """A milestone is done or not: nothing numeric applies."""
    for key in _MILESTONE_KEYS:
        if getattr(target, key) is not None:
            raise _rule(key, f"'{key}' does not apply to a milestone (it is done or not)")
    if target.strict or target.other_plans:
        raise _rule("strict" if target.strict else "other_plans",
                    "a milestone is done or not: no strict comparison or other plan values")


def _forms(data: Any) -> Any:
    """`target: [low, high]` as the near end judged by (`target`) and the range; `about: v` as
    its value judged by. A plan dumped and read again (rules/rollup.unit_plan) has both."""
    if not isinstance(data, dict):
        return data
    given = data.get("target")
    if isinstance(given, list | tuple):
        if len(given) != 2 or not all(isinstance(x, int | float) and not isinstance(x, bool)
                                      and math.isfinite(x) for x in given):
            raise _rule("target", "a range is two numbers, low first: target: [10, 10.5]")
        low, high = (float(x) for x in given)
        if not low < high:
            raise _rule("target", f"a range's low end must be below its high end (got "
                        f"[{given[0]}, {given[1]}])")
        near = high if data.get("direction") == "at_most" else low
        return {**data, "target": near, "target_range": (low, high)}
    about = data.get("about")
    if about is None:
        return data
    if given is not None and given != about:
        raise _rule("about", "give 'target' or 'about', not both")
    if isinstance(about, int | float) and not isinstance(about, bool):
        return {**data, "target": about}
    return data


_MILESTONE_KEYS = ("direction", "target", "baseline", "pace", "valid_range", "about",
                   "tolerance", "change", "base")


def _form_rules(target: Target) -> None:
    """The forms of a number's target agree with each other."""
    if target.tolerance is not None and target.about is None:
        raise _rule("tolerance", "'tolerance' applies to 'about:' targets only")
    if target.base is not None and target.change is None:
        raise _rule("base", "'base' applies to targets with 'change:' only")
    if target.change is not None:
        for key in ("baseline", "pace"):
            if getattr(target, key) is not None:
                raise _rule(key, f"'{key}' does not apply to a change from last year (it "
                            "is judged against last year's figure of the same period)")
        if target.change == "percent" and target.base is not None and not target.base > 0:
            raise _rule("base", "a growth in % needs a base above 0")


def _number_rules(target: Target) -> None:
    """A number's target and its baseline agree with its kind and direction."""
    t = target.target
    if t is None:
        raise _rule("target", f"'target' is required for kind '{target.kind}'")
    if target.change is not None:  # a change may be a fall: any sign
        return
    if target.deadline is not None:
        raise _rule("deadline", "'deadline' applies to milestones only")
    if target.baseline is not None:
        if target.kind != "level":
            raise _rule("baseline", "'baseline' applies to kind 'level' only")
        if target.direction == "at_least" and not target.baseline < t:
            raise _rule("baseline", "baseline must be below the target for at_least")
        if target.direction == "at_most" and not target.baseline > t:
            raise _rule("baseline", "baseline must be above the target for at_most")
    elif target.direction == "at_least" and not t > 0:
        raise _rule("target", "target must be > 0 for at_least (or give a baseline)")
    if target.direction == "at_most" and t < 0:
        raise _rule("target", "target must be >= 0 for at_most")


def _pace_rules(target: Target) -> None:
    """Four (quarterly) or twelve (monthly) non-decreasing shares of the year ending at 1,
    where a pace applies."""
    pace = target.pace
    if pace is None:
        return
    if not (target.kind == "cumulative" or target.baseline is not None):
        raise _rule("pace", "'pace' applies to cumulative targets and levels with a baseline")
    if len(pace) not in (QUARTERS_PER_YEAR, MONTHS_PER_YEAR):
        raise _rule("pace", f"pace takes 4 quarterly or 12 monthly shares, not {len(pace)}")
    kind = "four" if len(pace) == QUARTERS_PER_YEAR else "twelve"
    if any(not 0 <= f <= 1 for f in pace) or list(pace) != sorted(pace):
        raise _rule("pace", f"pace must be {kind} non-decreasing fractions between 0 and 1")
    if pace[-1] != 1:
        raise _rule("pace", "the last pace fraction must be 1.0 (the whole year)")


def _rollup_rules(target: Target) -> None:
    rule = target.rollup
    if (rule == "weighted_mean") != (target.weight is not None):
        raise _rule("weight", "'weight' is required with rollup weighted_mean, and only there")
    if target.threshold is not None and rule not in MEETING_RULES:
        raise _rule("threshold", "'threshold' applies to rollup share_meeting and count_meeting")
    if target.kind == "milestone" and rule not in (None, "none", *MEETING_RULES):
        raise _rule("rollup", "a milestone rolls up only by share_meeting or count_meeting")
    if target.kind == "milestone" and target.threshold is not None:
        raise _rule("threshold", "a milestone's units meet it when done; no threshold")


def unit_target(target: Target, unit: str | None = None) -> Target:
    """The target as a unit below the plan's sees it: what its figures are and what it is
    judged against. Under share_meeting or count_meeting a unit reports yes or no (the standard
    is met), or, with a `threshold`, a number that meets it or not; under the other rules the
    same kind of figure as the plan's. An assignment (`assign`) is the unit's own target."""
    assigned = target.assigned(unit)
    if target.rollup in MEETING_RULES:
        threshold = assigned if assigned is not None else target.threshold
        if threshold is None or target.kind == "milestone":
            return target.model_copy(update={
                "kind": "milestone", "direction": None, "target": None, "baseline": None,
                "pace": None, "valid_range": None, "deadline": None, "measure": None,
                **_ONE_NUMBER})
        return target.model_copy(update={
            "kind": "annual", "target": threshold, "baseline": None, "pace": None,
            "valid_range": None, "measure": None, **_ONE_NUMBER})
    if assigned is not None:
        return target.model_copy(update={"target": assigned, **_ONE_NUMBER})
    return target


# A unit's own target or threshold is one number: none of the plan's forms around it.
_ONE_NUMBER = {"target_range": None, "about": None, "tolerance": None, "strict": False,
               "change": None, "base": None, "other_plans": ()}


class Plan(_Model):
    plan: PlanInfo
    units: str | None = None  # a units file, relative to the plan file
    rollup_tolerance: Annotated[float, Field(strict=True, ge=0, allow_inf_nan=False)] = 0.005
    status_bands: StatusBands = StatusBands()
    # The plan's own groups, in the order outputs give them, beside the four built in.
    groups: tuple[GroupInfo, ...] = _new(())
    targets: tuple[Target, ...]

    @field_validator("groups")
    @classmethod
    def _groups_unique(cls, groups: tuple[GroupInfo, ...]) -> Any:
        seen: set[str] = set()
        for i, g in enumerate(groups):
            if g.id in seen:
                raise PydanticCustomError("plan_rule", f"group id '{g.id}' is declared twice",
                                          {"key": "id", "index": i, "code": Code.DUPLICATE_ID})
            seen.add(g.id)
        return groups

    @field_validator("targets")
    @classmethod
    def _unique_and_in_year(cls, targets: tuple[Target, ...], info: ValidationInfo) -> Any:
        if not targets:
            raise PydanticCustomError("plan_rule", "a plan needs at least one target", {})
        known = (*GROUPS, *(g.id for g in info.data.get("groups", ())))
        for i, t in enumerate(targets):
            if t.group is not None and t.group not in known:
                raise PydanticCustomError(
                    "plan_rule", f"'{t.group}' is not a group: one of {', '.join(known)}, or "
                    "declare it under groups:", {"key": "group", "index": i})
        seen: set[str] = set()
        for i, t in enumerate(targets):
            if t.id in seen:
                raise PydanticCustomError(
                    "plan_rule", f"target id '{t.id}' is used twice",
                    {"key": "id", "index": i, "code": Code.DUPLICATE_ID},
                )
            seen.add(t.id)
        info_plan = info.data.get("plan")
        if info_plan is not None:
            for i, t in enumerate(targets):
                if t.deadline is not None:
                    _in_year(t.deadline, info_plan.year, {"index": i})
            return tuple(t.model_copy(update={"tolerance": info_plan.about_tolerance})
                         if t.about is not None and t.tolerance is None else t for t in targets)
        return targets

    @functools.cached_property
    def by_id(self) -> dict[str, Target]:
        return {t.id: t for t in self.targets}

    @functools.cached_property
    def group_order(self) -> tuple[str, ...]:
        """The groups in the order outputs give them: the declared ones, then the built-in
        ones not declared."""
        declared = tuple(g.id for g in self.groups)
        return (*declared, *(g for g in GROUPS if g not in declared))

    def group_name(self, group: str, lang: str) -> str | None:
        """A declared group's name in the language asked (English falls back to Vietnamese);
        None for a group the plan does not declare (the word catalogue names it)."""
        for g in self.groups:
            if g.id == group:
                return g.name_en if lang == "en" and g.name_en else g.name
        return None

    def title(self, lang: str) -> str:
        """The plan's name in the language asked (English falls back to the Vietnamese name)."""
        info = self.plan
        return (info.name_en if lang == "en" and info.name_en else info.name) or info.id

    def deadline_of(self, target: Target) -> date:
        """A milestone's deadline; 31 December of the plan year when the plan gives none."""
        return target.deadline or date(self.plan.year, 12, 31)


def _in_year(deadline: date, year: int, where: dict[str, Any]) -> None:
    """A deadline lies in the plan's year."""
    if deadline.year != year:
        raise PydanticCustomError("plan_rule", f"deadline {deadline} is not in the plan's year "
                                  f"{year}", {"key": "deadline", **where})


def default_range(target: Target) -> tuple[float, float] | None:
    """The values a target allows: its valid_range, else ≥ 0 for a cumulative count and 0–100
    for a level in %; annual figures have no default range (growth can be negative)."""
    if target.valid_range is not None:
        return target.valid_range
    if target.kind == "cumulative":
        return (0.0, math.inf)
    if target.kind == "level" and (target.measure or "").strip() == "%":
        return (0.0, 100.0)
    return None

"""The term plan: what a Party congress's resolution set for its five-year term, as frozen
pydantic models (the term's kinds of target, docs/term.md).

A term runs `from`–`to` (written `term: 2026-2030`), judged against the base year's figures
(by default the year before the term: a 2025 congress sets 2026–2030 from 2025's results).
Reading a term plan file is `hauloc_cli.inputs.term_file.load_term_plan`; the rules that judge
it are `hauloc_cli.rules.term`.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from hauloc_cli.errors import Code
from hauloc_cli.model.plan import (
    Direction,
    LetterTexts,
    Number,
    Signer,
    StatusBands,
    Text,
    _Model,
    _rule,
    measure_was_unit,
    measure_was_unit_in_schema,
)

TermKind = Literal["average_growth", "level", "total", "milestone"]
# How an average growth's yearly figures are given: the year's level (GRDP at constant
# prices), or the year's growth over the year before, in % (`tăng 8,5%`).
GrowthFigures = Literal["level", "rate"]
Year = Annotated[int, Field(strict=True, ge=1900, le=9999)]

_TERM = re.compile(r"\s*(\d{4})\s*[-–—]\s*(\d{4})\s*")


class TermInfo(_Model):
    id: Text
    name: str | None = None
    name_en: str | None = None
    # The years of the term: `term: 2026-2030`, or `from:` and `to:`.
    term: str | None = None
    from_: Year | None = Field(default=None, alias="from")
    to: Year | None = None
    # The year whose figures the targets start from; default the year before the term.
    base_year: Year | None = None
    source: str | None = None
    number_format: Literal["vi", "en"] | None = None
    # The official report's letterhead, as in a yearly plan (`PlanInfo`).
    issuer: tuple[Text, ...] | None = None
    place: str | None = None
    signer: Signer | None = None
    recipients: tuple[Text, ...] | None = None
    letter: LetterTexts = LetterTexts()

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("issuer", "recipients", mode="before")
    @classmethod
    def _one_line(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _years(self) -> TermInfo:
        if self.term is not None and (self.from_ is not None or self.to is not None):
            raise _rule("term", "give the term either as 'term: 2026-2030' or as 'from' and "
                        "'to', not both")
        if self.term is not None and _TERM.fullmatch(self.term) is None:
            raise _rule("term", f"'{self.term}' is not a term; write it as 2026-2030")
        if self.term is None and (self.from_ is None or self.to is None):
            raise _rule("term", "a term plan needs its years: 'term: 2026-2030', or 'from' and "
                        "'to'")
        first, last = self.first, self.last
        if first > last:
            raise _rule("term", f"the term {first}-{last} ends before it starts")
        if not first - 1 <= self.base < last:
            raise PydanticCustomError(
                "plan_rule", f"the term {first}–{last} does not contain the base year "
                f"{self.base}: the base is the year before the term ({first - 1}) or one of its "
                "years before the last", {"key": "base_year", "code": Code.OUTSIDE_TERM})
        return self

    def _span(self) -> tuple[int, int]:
        if self.term is not None:
            m = _TERM.fullmatch(self.term)
            assert m is not None  # checked by the validator
            return int(m.group(1)), int(m.group(2))
        assert self.from_ is not None and self.to is not None
        return self.from_, self.to

    @property
    def first(self) -> int:
        """The first year of the term."""
        return self._span()[0]

    @property
    def last(self) -> int:
        """The last year of the term."""
        return self._span()[1]

    @property
    def base(self) -> int:
        """The base year: `base_year`, else the year before the term."""
        return self.first - 1 if self.base_year is None else self.base_year

    @property
    def judged_years(self) -> tuple[int, ...]:
        """The years whose results are judged: after the base year, to the term's last."""
        return tuple(range(self.base + 1, self.last + 1))

    @property
    def span(self) -> str:
        """`2026–2030`: the years judged, as reports write them."""
        return f"{self.base + 1}–{self.last}"


class TermTarget(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True,
                              json_schema_extra=measure_was_unit_in_schema)

    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    name: Text
    name_en: str | None = None
    kind: TermKind
    direction: Direction | None = None
    target: Number | None = None
    measure: str | None = None  # as the plan's targets' (`unit:`, its old name, is read)
    # The base year's figure (the level the term starts from).
    base: Number | None = None
    # A level's year to reach it by (default the term's last year).
    by: Year | None = None
    # An average growth's yearly figures: the year's level (default) or its growth in %.
    figures: GrowthFigures | None = None
    deadline: date | None = None  # a milestone's
    source: str | None = None  # the resolution's own words

    @model_validator(mode="before")
    @classmethod
    def _measure_was_unit(cls, data: Any) -> Any:
        return measure_was_unit(data)

    @model_validator(mode="before")
    @classmethod
    def _default_direction(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("kind") != "milestone" and "direction" not in data:
            return {**data, "direction": "at_least"}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> TermTarget:
        if self.kind == "milestone":
            for key in ("direction", "target", "base", "by", "figures"):
                if getattr(self, key) is not None:
                    raise _rule(key, f"'{key}' does not apply to a milestone (it is done or "
                                "not)")
            if self.deadline is None:
                raise _rule("deadline", "a milestone of the term needs its 'deadline'")
            return self
        if self.target is None:
            raise _rule("target", f"'target' is required for kind '{self.kind}'")
        if self.deadline is not None:
            raise _rule("deadline", "'deadline' applies to milestones only")
        if self.figures is not None and self.kind != "average_growth":
            raise _rule("figures", "'figures' applies to kind 'average_growth' only")
        if self.by is not None and self.kind != "level":
            raise _rule("by", "'by' applies to kind 'level' only")
        {"average_growth": _growth_rules, "level": _level_rules,
         "total": _total_rules}[self.kind](self)
        return self

    def reach_year(self, info: TermInfo) -> int:
        """The year a level is to be reached by: `by`, else the term's last."""
        return self.by if self.by is not None else info.last


def _growth_rules(target: TermTarget) -> None:
    """An average growth of at least so much a year, from the base year's figure when the
    years' figures are levels."""
    if target.direction == "at_most":
        raise _rule("direction", "an average growth is judged as at_least (a decrease: a "
                    "level to reach, kind 'level' with direction at_most)")
    if target.target is not None and not target.target > 0:
        raise _rule("target", "an average growth's target must be > 0 (%/year; a decrease: a "
                    "level to reach, kind 'level' with direction at_most)")
    if target.base is not None and target.base <= 0:
        raise _rule("base", "the base of a growth must be > 0")
    if target.figures != "rate" and target.base is None:
        raise PydanticCustomError(
            "plan_rule", "an average growth needs the base year's figure 'base' (the level it "
            "grows from), or 'figures: rate' when the years' figures are growth rates in %",
            {"key": "base", "code": Code.MISSING_KEY})


def _level_rules(target: TermTarget) -> None:
    """A level to reach by a year from the base year's figure: the compound path needs both
    above 0, the base on the right side of the target."""
    t, b = target.target, target.base
    assert t is not None
    if b is None:
        raise PydanticCustomError(
            "plan_rule", "a level of the term needs the base year's figure 'base' (the "
            "required yearly rate is (target / base)^(1 / years) − 1)",
            {"key": "base", "code": Code.MISSING_KEY})
    if not (t > 0 and b > 0):
        raise _rule("base", "a level's target and base must be > 0 (a rate of growth runs "
                    "between them)")
    if target.direction == "at_least" and not b < t:
        raise _rule("base", "base must be below the target for at_least")
    if target.direction == "at_most" and not b > t:
        raise _rule("base", "base must be above the target for at_most")


def _total_rules(target: TermTarget) -> None:
    """A total of the term's years: more than 0 to reach, at least 0 to stay under."""
    t = target.target
    assert t is not None
    if target.base is not None:
        raise _rule("base", "'base' does not apply to a total (the years' figures are summed)")
    if target.direction == "at_least" and not t > 0:
        raise _rule("target", "target must be > 0 for at_least")
    if target.direction == "at_most" and t < 0:
        raise _rule("target", "target must be >= 0 for at_most")


class TermPlan(_Model):
    plan: TermInfo
    status_bands: StatusBands = StatusBands()
    targets: tuple[TermTarget, ...]

    @field_validator("targets")
    @classmethod
    def _unique_and_in_term(cls, targets: tuple[TermTarget, ...], info: ValidationInfo) -> Any:
        if not targets:
            raise PydanticCustomError("plan_rule", "a term plan needs at least one target", {})
        seen: set[str] = set()
        for i, t in enumerate(targets):
            if t.id in seen:
                raise PydanticCustomError(
                    "plan_rule", f"target id '{t.id}' is used twice",
                    {"key": "id", "index": i, "code": Code.DUPLICATE_ID})
            seen.add(t.id)
        term = info.data.get("plan")
        if term is not None:
            for i, t in enumerate(targets):
                _in_term(t, term, i)
        return targets

    @functools.cached_property
    def by_id(self) -> dict[str, TermTarget]:
        return {t.id: t for t in self.targets}

    def title(self, lang: str) -> str:
        info = self.plan
        return (info.name_en if lang == "en" and info.name_en else info.name) or info.id

    @property
    def years(self) -> int:
        """N: the years from the base year to the term's last."""
        return self.plan.last - self.plan.base


def _in_term(target: TermTarget, term: TermInfo, index: int) -> None:
    """A milestone's deadline and a level's `by` fall in the years judged."""
    years = term.judged_years
    where = {"index": index, "code": Code.OUTSIDE_TERM}
    if target.deadline is not None and target.deadline.year not in years:
        raise PydanticCustomError("plan_rule", f"deadline {target.deadline} is not in the "
                                  f"term's years {term.span}", {"key": "deadline", **where})
    if target.by is not None and target.by not in years:
        raise PydanticCustomError("plan_rule", f"'by' {target.by} is not in the term's years "
                                  f"{term.span}", {"key": "by", **where})

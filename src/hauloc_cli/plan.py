"""The plan file: what a government set itself for one year, validated with pydantic.

`load_plan(path)` reads a YAML plan with a safe loader and returns a frozen `Plan`, or raises
`InputError` naming the file, line, column, target id and key of every problem it found.
"""

from __future__ import annotations

import difflib
import functools
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from hauloc_cli.errors import InputError, Problem
from hauloc_cli.yamlload import YamlLocator, load_yaml

Group = Literal["economy", "society", "environment", "security"]
Kind = Literal["cumulative", "level", "annual", "milestone"]
Direction = Literal["at_least", "at_most"]
GROUPS: tuple[str, ...] = Group.__args__  # type: ignore[attr-defined]

Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Text = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _rule(key: str, message: str) -> PydanticCustomError:
    """A broken plan rule about `key` of the object being validated."""
    return PydanticCustomError("plan_rule", message, {"key": key})


class PlanInfo(_Model):
    id: Text
    name: str | None = None
    name_en: str | None = None
    year: Annotated[int, Field(strict=True, ge=1900, le=9999)]
    declared_targets: Annotated[int, Field(strict=True, ge=1)] | None = None
    source: str | None = None


class StatusBands(_Model):
    """Ratio of actual to expected progress at or above which a target is on track / at risk."""

    on_track: Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)] = 0.95
    at_risk: Annotated[float, Field(strict=True, gt=0, allow_inf_nan=False)] = 0.80

    @model_validator(mode="after")
    def _ordered(self) -> StatusBands:
        if self.at_risk > self.on_track:
            raise _rule("at_risk", "at_risk must not be above on_track (0 < at_risk <= on_track)")
        return self


class Target(_Model):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    name: Text
    name_en: str | None = None
    group: Group | None = None
    kind: Kind
    direction: Direction | None = None
    target: Number | None = None
    unit: str | None = None
    baseline: Number | None = None
    pace: tuple[Number, Number, Number, Number] | None = None
    deadline: date | None = None
    source: str | None = None
    valid_range: tuple[Number, Number] | None = None

    @model_validator(mode="before")
    @classmethod
    def _default_direction(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("kind") != "milestone" and "direction" not in data:
            return {**data, "direction": "at_least"}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Target:
        if self.kind == "milestone":
            for key in ("direction", "target", "baseline", "pace", "valid_range"):
                if getattr(self, key) is not None:
                    raise _rule(key, f"'{key}' does not apply to a milestone (it is done or not)")
            return self
        if self.target is None:
            raise _rule("target", f"'target' is required for kind '{self.kind}'")
        if self.deadline is not None:
            raise _rule("deadline", "'deadline' applies to milestones only")
        if self.baseline is not None:
            if self.kind != "level":
                raise _rule("baseline", "'baseline' applies to kind 'level' only")
            if self.direction == "at_least" and not self.baseline < self.target:
                raise _rule("baseline", "baseline must be below the target for at_least")
            if self.direction == "at_most" and not self.baseline > self.target:
                raise _rule("baseline", "baseline must be above the target for at_most")
        elif self.direction == "at_least" and not self.target > 0:
            raise _rule("target", "target must be > 0 for at_least (or give a baseline)")
        if self.direction == "at_most" and self.target < 0:
            raise _rule("target", "target must be >= 0 for at_most")
        if self.pace is not None:
            if not (self.kind == "cumulative" or self.baseline is not None):
                raise _rule("pace",
                            "'pace' applies to cumulative targets and levels with a baseline")
            if any(not 0 <= f <= 1 for f in self.pace) or list(self.pace) != sorted(self.pace):
                raise _rule("pace", "pace must be four non-decreasing fractions between 0 and 1")
            if self.pace[3] != 1:
                raise _rule("pace", "the last pace fraction must be 1.0 (the whole year)")
        if self.valid_range is not None and self.valid_range[0] > self.valid_range[1]:
            raise _rule("valid_range", "valid_range must be [min, max] with min <= max")
        return self

    def pace_at(self, quarter: int) -> float:
        """Share of the year's progress expected by the end of `quarter`."""
        return self.pace[quarter - 1] if self.pace is not None else quarter / 4


class Plan(_Model):
    plan: PlanInfo
    status_bands: StatusBands = StatusBands()
    targets: tuple[Target, ...]

    @field_validator("targets")
    @classmethod
    def _unique_and_in_year(cls, targets: tuple[Target, ...], info: ValidationInfo) -> Any:
        if not targets:
            raise PydanticCustomError("plan_rule", "a plan needs at least one target", {})
        seen: set[str] = set()
        for i, t in enumerate(targets):
            if t.id in seen:
                raise PydanticCustomError(
                    "plan_rule", f"target id '{t.id}' is used twice",
                    {"key": "id", "index": i, "code": "duplicate-id"},
                )
            seen.add(t.id)
        info_plan = info.data.get("plan")
        if info_plan is not None:
            for i, t in enumerate(targets):
                if t.deadline is not None and t.deadline.year != info_plan.year:
                    raise PydanticCustomError(
                        "plan_rule",
                        f"deadline {t.deadline} is not in the plan's year {info_plan.year}",
                        {"key": "deadline", "index": i},
                    )
        return targets

    @functools.cached_property
    def by_id(self) -> dict[str, Target]:
        return {t.id: t for t in self.targets}

    def title(self, lang: str) -> str:
        """The plan's name in the language asked (English falls back to the Vietnamese name)."""
        info = self.plan
        return (info.name_en if lang == "en" and info.name_en else info.name) or info.id

    def deadline_of(self, target: Target) -> date:
        """A milestone's deadline; 31 December of the plan year when the plan gives none."""
        return target.deadline or date(self.plan.year, 12, 31)


def load_plan(path: Path, max_size: int | None = None) -> Plan:
    """Read and validate a plan file; raise InputError with every problem found.

    Files larger than `max_size` bytes (default 100 MB) are refused.
    """
    name = str(path)
    data, locator = load_yaml(path, max_size)
    if not isinstance(data, dict):
        raise InputError([Problem(name, "1:1", "bad-value", "a plan is a mapping with the keys "
                                  "'plan' and 'targets'", "see the README, 'Writing a plan'", 1)])
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise InputError(_problems(exc, data, locator(), name)) from None


def _problems(exc: ValidationError, data: Any, locator: YamlLocator, name: str) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    for err in errors:
        loc = list(err["loc"])
        if err["type"] == "too_short" and len(loc) == 1 and any(
            len(e["loc"]) > 1 and e["loc"][0] == loc[0] for e in errors
        ):
            continue  # "no targets left" only because some targets are wrong
        ctx = err.get("ctx") or {}
        if "index" in ctx:
            loc.append(ctx["index"])
        if "key" in ctx:
            loc.append(ctx["key"])
        code, message, hint = _describe(err, loc)
        line, col = locator.position(loc, key_itself=err["type"] == "extra_forbidden")
        problems.append(Problem(name, f"{line}:{col}", code,
                                f"{_path_label(loc, data)}: {message}", hint, line))
    problems.sort(key=lambda p: tuple(int(n) for n in p.where.split(":")))
    return problems


def _path_label(loc: list[Any], data: Any) -> str:
    """`targets[3] (ocop_products).kind` — index and id, so the target is easy to find."""
    parts: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            label = f"[{part}]"
            try:
                node = node[part]
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    label += f" ({node['id']})"
            except (IndexError, KeyError, TypeError):
                node = None
            parts.append(label)
        else:
            node = node.get(part) if isinstance(node, dict) else None
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "plan file"


_KEYS = {
    "": ("plan", "status_bands", "targets"),
    "plan": tuple(PlanInfo.model_fields),
    "status_bands": tuple(StatusBands.model_fields),
    "targets": tuple(Target.model_fields),
}


def _describe(err: Any, loc: list[Any]) -> tuple[str, str, str]:
    """The code, message and a hint ("did you mean …") for one pydantic error."""
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        section = next((str(p) for p in loc[:-1] if isinstance(p, str)), "")
        known = _KEYS.get(section, ())
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known)
        return "unknown-key", f"unknown key '{key}'", hint
    if kind == "missing":
        return "missing-key", "is required", ""
    if kind == "literal_error":
        expected = [s.strip(" '") for s in
                    err["ctx"]["expected"].replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(value), expected, n=1)
        hint = f"did you mean '{close[0]}'?" if close else ""
        return "bad-value", f"'{value}' is not one of {', '.join(expected)}", hint
    if kind == "string_pattern_mismatch":
        return "bad-value", f"'{value}' is not a valid id", "use lower-case letters, digits and _"
    if kind == "plan_rule":
        return (err.get("ctx") or {}).get("code", "plan-rule"), err["msg"], ""
    message = err["msg"][:1].lower() + err["msg"][1:]
    if isinstance(value, (str, int, float, bool)) or value is None:
        shown = repr(value) if not isinstance(value, str) or len(value) < 60 else "a long text"
        message += f" (got {shown})"
    return "bad-value", message, ""


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file, from the pydantic model (`hauloc schema`)."""
    schema = Plan.model_json_schema()
    schema["title"] = "hauloc plan"
    schema["description"] = ("The targets a local government set itself for one year "
                             "(hauloc plan file, YAML).")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


DEFAULT_PLAN = "targets_2024.yaml"


def default_plan_path() -> Path:
    """The plan shipped with hauloc: inside the wheel, or in data/ of a source checkout."""
    installed = Path(__file__).with_name("data") / DEFAULT_PLAN
    if installed.is_file():
        return installed
    return Path(__file__).resolve().parents[2] / "data" / DEFAULT_PLAN

"""Reading a plan file: YAML with a safe loader into a frozen `Plan`.

`load_plan(path)` returns the plan, or raises `InputError` naming the file, line, column,
target id and key of every problem it found (pydantic's errors, translated for people).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from hauloc_cli.errors import Code, InputError, Message, Problem
from hauloc_cli.inputs.files.yaml import YamlLocator, load_yaml
from hauloc_cli.model.plan import GroupInfo, Plan, PlanInfo, StatusBands, Target
from hauloc_cli.vocab.messages import MESSAGES, Text, text


def load_plan(path: Path, max_size: int | None = None) -> Plan:
    """Read and validate a plan file; raise InputError with every problem found.

    Files larger than `max_size` bytes (default 100 MB) are refused.
    """
    return load_model(path, max_size, Plan, _KEYS,
                      (text("plan.not_mapping"), text("plan.hint_not_mapping")))


M = TypeVar("M", bound=BaseModel)


def load_model(path: Path, max_size: int | None, model: type[M],
               keys: dict[str, tuple[str, ...]], not_mapping: tuple[Message, Message]) -> M:
    """A YAML file validated as `model`; InputError names the place of every problem."""
    name = str(path)
    data, locator = load_yaml(path, max_size)
    if not isinstance(data, dict):
        raise InputError([Problem(name, "1:1", Code.BAD_VALUE, *not_mapping, 1)])
    info = data.get("plan")
    year = info.get("year") if isinstance(info, dict) else None
    try:  # with the year, each target checks its own deadline: all problems in one run
        return model.model_validate(data, context={"year": year})
    except ValidationError as exc:
        raise InputError(problems_of(exc, data, locator(), name, keys)) from None


def problems_of(exc: ValidationError, data: Any, locator: YamlLocator, name: str,
              keys: dict[str, tuple[str, ...]] | None = None) -> list[Problem]:
    """Pydantic's errors as problems naming file, line, column and key; `keys` are the keys
    known per section, for "did you mean" (default: the plan's)."""
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
        if loc[:1] == ["targets"] and loc[-1:] == ["measure"] and _says_unit(data, loc):
            loc[-1] = "unit"  # the file gives the measure by its old name
        code, message, hint = describe(err, loc, _KEYS if keys is None else keys)
        line, col = locator.position(loc, key_itself=err["type"] == "extra_forbidden")
        problems.append(Problem(name, f"{line}:{col}", code,
                                text("plan.at", path=_path_label(loc, data), message=message),
                                hint, line))
    problems.sort(key=lambda p: tuple(int(n) for n in p.where.split(":")))
    return problems


def _says_unit(data: Any, loc: list[Any]) -> bool:
    """Whether the target at `loc` gives its measure as `unit:`."""
    targets = data.get("targets") if isinstance(data, dict) else None
    index = loc[1] if len(loc) > 2 else None
    return (isinstance(targets, list) and isinstance(index, int) and index < len(targets)
            and isinstance(targets[index], dict) and "unit" in targets[index])


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
    "": tuple(Plan.model_fields),
    "plan": tuple(PlanInfo.model_fields),
    "status_bands": tuple(StatusBands.model_fields),
    "targets": (*(k for k in Target.model_fields if k != "target_range"),
                "unit"),  # unit: the old name of measure
    "groups": tuple(GroupInfo.model_fields),
}


def describe(err: Any, loc: list[Any], keys: dict[str, tuple[str, ...]]
              ) -> tuple[Code, Message, Message]:
    """The code, message and a hint ("did you mean …") for one pydantic error."""
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        section = next((str(p) for p in loc[:-1] if isinstance(p, str)), "")
        known = keys.get(section, ())
        close = difflib.get_close_matches(key, known, n=1)
        hint: Message = (text("hint.did_you_mean", word=close[0]) if close
                         else text("plan.hint_known_keys", keys=", ".join(known)))
        top = keys.get("", ())
        if section and section != "targets" and key in top and key not in known:
            hint = text("plan.hint_top_level", key=key, section=section)
        return Code.UNKNOWN_KEY, text("plan.unknown_key", key=key), hint
    if kind == "missing":
        return Code.MISSING_KEY, text("plan.required"), ""
    if kind == "literal_error":
        expected = [s.strip(" '") for s in
                    err["ctx"]["expected"].replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(value), expected, n=1)
        hint = text("hint.did_you_mean", word=close[0]) if close else ""
        return Code.BAD_VALUE, text("plan.not_one_of", value=value,
                                    expected=", ".join(expected)), hint
    if kind == "string_pattern_mismatch":
        return (Code.BAD_VALUE, text("plan.bad_id", value=value), text("plan.hint_id"))
    if kind.startswith("date_") and isinstance(value, str):
        return Code.BAD_VALUE, text("plan.not_a_date", value=value), _date_hint(value)
    if kind == "plan_rule":
        ctx = err.get("ctx") or {}
        return Code(ctx.get("code", Code.PLAN_RULE)), rule_text(err["msg"]), ""
    message = err["msg"][:1].lower() + err["msg"][1:]
    if isinstance(value, (str, int, float, bool)) or value is None:
        shown: Message = (repr(value) if not isinstance(value, str) or len(value) < 60
                          else text("plan.long_text"))
        return Code.BAD_VALUE, text("plan.invalid_got", detail=message, got=shown), ""
    return Code.BAD_VALUE, text("plan.invalid", detail=message), ""


def _rule_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each plan rule's English words (the model says them, in model/plan.py, term.py and
    units.py) as a pattern, its `{placeholders}` as groups, and its key in the catalogue."""
    found = []
    for key, template in MESSAGES["en"].items():
        if key.startswith("rule."):
            pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(template))
            found.append((re.compile(pattern), key))
    return found


_RULES: list[tuple[re.Pattern[str], str]] = []


def rule_text(said: str) -> Message:
    """A plan rule broken, as the catalogue says it in each language: the model's English
    matched to its message; words the catalogue does not hold stay as they are."""
    if not _RULES:
        _RULES.extend(_rule_patterns())
    for pattern, key in _RULES:
        if (m := pattern.fullmatch(said)) is not None:
            return text(key, **m.groupdict())
    return said


_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _date_hint(value: str) -> Text:
    """`31/05/2025` → `write dates as 2025-05-31 (year-month-day)`."""
    m = _DAY_FIRST.fullmatch(value.strip())
    example = (f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m
               else "2025-05-31")
    return text("plan.hint_date", example=example)


DEFAULT_PLAN = "targets_2024.yaml"


def default_plan_path() -> Path:
    """The plan shipped with hauloc: inside the wheel, or in data/ of a source checkout."""
    installed = Path(__file__).parents[1] / "data" / DEFAULT_PLAN
    if installed.is_file():
        return installed
    return Path(__file__).resolve().parents[3] / "data" / DEFAULT_PLAN

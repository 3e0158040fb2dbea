"""A draft plan as YAML text (`hauloc plan import`): the targets read from a resolution, each
with the place and words it was read from, and every statement not read as a commented entry
saying why. Pure: a `Draft` in, text out."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from hauloc_cli.inputs.resolution.draft import Draft, Stated, slug
from hauloc_cli.inputs.resolution.phrases import Reading, Refused

# The plan's key for a target's measure (docs/plan.md).
MEASURE_KEY = "measure"


def _text(value: str) -> str:
    """A YAML string: JSON's double-quoted form, which YAML reads as it is."""
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str, indent: str) -> list[str]:
    """`text` as YAML comment lines of at most 80 characters (a long word left whole)."""
    return textwrap.wrap(text, 80, initial_indent=indent + "# ", subsequent_indent=indent + "# ",
                         break_long_words=False, break_on_hyphens=False)


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _value(value: float | tuple[float, float]) -> str:
    if isinstance(value, tuple):
        return f"[{_number(value[0])}, {_number(value[1])}]"
    return _number(value)


def plan_id(draft: Draft) -> str:
    """The draft plan's id: its file's name as a slug (`nghi-quyet-hdnd-2026`)."""
    return slug(Path(draft.file).stem, "-") or f"plan-{draft.year}"


def place_lines(name: str | None) -> list[str]:
    """The plan's keys that name the place (`hauloc init --name "Xã Hoằng Phú"`): its name,
    the issuer of its report (`ỦY BAN NHÂN DÂN` / `XÃ HOẰNG PHÚ`) and the place the report is
    dated at (`Hoằng Phú`)."""
    if not name:
        return []
    first, _, rest = name.partition(" ")
    place = rest if first.lower() in _PLACE_KINDS and rest else name
    return [f"  name: {_text(name)}",
            f"  issuer: [{_text('ỦY BAN NHÂN DÂN')}, {_text(name.upper())}]",
            f"  place: {_text(place)}"]


# The first word of a place's name that says what kind of place it is (xã, phường, tỉnh …).
_PLACE_KINDS = ("xã", "phường", "tỉnh", "huyện", "thành", "thị", "đặc")


def render_draft(draft: Draft, given_id: str | None = None, place: str | None = None) -> str:
    """The draft plan's YAML; `place` the place's name (`place_lines`)."""
    name = Path(draft.file).name
    read, refused = len(draft.read), len(draft.refused)
    lines = [*_comment(
        f"A draft plan read from {name} by `hauloc plan import`: {read} target(s) read, "
        f"{refused} statement(s) not read (commented out below, with the reason). Check every "
        "target against the resolution before use (docs/plan-import.md in hauloc's "
        "repository).", ""),
        "plan:",
        f"  id: {_text(given_id or plan_id(draft))}",
        *place_lines(place),
        f"  year: {draft.year}",
    ]
    if draft.declared is not None:
        lines.append(f"  declared_targets: {draft.declared}")
    lines.append(f"  source: {_text(name)}")
    if draft.groups:
        lines += ["", "groups:"]
        for group in draft.groups:
            lines += [f"  - id: {group.id}", f"    name: {_text(group.name)}"]
    lines += ["", "targets:"]
    for stated in draft.stated:
        lines += ["", *_entry(name, stated)]
    return "\n".join(lines) + "\n"


def _entry(file: str, stated: Stated) -> list[str]:
    reading = stated.reading
    if isinstance(reading, Refused):
        return [*_comment(f"NOT READ ({file}:{stated.where}): {reading.why}", "  "),
                f"  # - source: {_text(stated.words)}"]
    keys: list[tuple[str, str]] = [("id", stated.id or ""), ("name", _text(reading.name))]
    if stated.group is not None:
        keys.append(("group", stated.group))
    keys.append(("kind", reading.kind))
    keys += _forms(reading)
    if reading.measure is not None:
        keys.append((MEASURE_KEY, _text(reading.measure)))
    keys.append(("source", _text(stated.words)))
    first, *rest = keys
    return [f"  # {file}:{stated.where}", f"  - {first[0]}: {first[1]}",
            *(f"    {k}: {v}" for k, v in rest)]


def _forms(reading: Reading) -> list[tuple[str, str]]:
    """The keys that say what the target is: a deadline, or a change, a direction, a value
    or range (or `about:`), and whether equal is not enough."""
    if reading.kind == "milestone":
        return [] if reading.deadline is None else [("deadline", reading.deadline.isoformat())]
    keys: list[tuple[str, str]] = []
    if reading.change is not None:
        keys.append(("change", reading.change))
    if reading.about is not None:
        return [*keys, ("about", _number(reading.about))]
    if reading.direction is not None:
        keys.append(("direction", reading.direction))
    if reading.target is not None:
        keys.append(("target", _value(reading.target)))
    if reading.strict:
        keys.append(("strict", "true"))
    return keys


def render_skeleton(name: str | None, year: int, lang: str) -> str:
    """A new plan (`hauloc init` without a resolution): the place and the year, and three
    example targets, one of each common kind, named as examples, to be replaced."""
    from hauloc_cli.vocab.messages import text

    plan = slug(f"{name or 'plan'} {year}", "-")
    lines = [*_comment(text("init.skeleton.comment", year=year).render(lang), ""),
             "plan:", f"  id: {_text(plan)}", *place_lines(name), f"  year: {year}", "",
             "targets:"]
    examples = (
        ("thu_nhap_binh_quan_dau_nguoi", "init.example.income",
         ["kind: annual", "direction: at_least", "target: 70",
          f"measure: {_text(text('init.example.income.measure').render(lang))}"]),
        ("san_pham_ocop", "init.example.ocop",
         ["kind: cumulative", "direction: at_least", "target: 2",
          f"measure: {_text(text('init.example.ocop.measure').render(lang))}"]),
        ("nong_thon_moi_nang_cao", "init.example.ntm",
         ["kind: milestone", f"deadline: {year}-12-31"]),
    )
    for tid, key, keys in examples:
        lines += ["", f"  - id: {tid}", f"    name: {_text(text(key).render(lang))}",
                  *(f"    {k}" for k in keys)]
    return "\n".join(lines) + "\n"

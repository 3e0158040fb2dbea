"""Reading YAML safely, and finding where in the file a value came from.

Files are parsed with PyYAML's C safe loader when present. Two kinds of small hostile file are
refused before anything is built from them: alias bombs ("billion laughs": aliases that expand
to far more nodes than the file holds) and nesting too deep to be a plan. The check that counts
them walks the parser's events, and runs only when a cheap look at the text finds anchors or
deep indentation or brackets, so honest plans of any size load at full speed.

Line numbers are only needed when something is wrong, so the node tree that carries them is
built only then (`YamlLocator`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from hauloc_cli.errors import Code, InputError, Problem
from hauloc_cli.inputs.files.text import (
    DEFAULT_MAX_SIZE,
    check_readable,
    file_kind,
    head,
    read_text,
)
from hauloc_cli.vocab.messages import Text
from hauloc_cli.vocab.messages import text as message

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKey(yaml.YAMLError):
    """A key given twice in one mapping: YAML says keys are unique, PyYAML keeps the last."""

    def __init__(self, key: Any, first: Any, second: Any) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key, self.first, self.second = key, first, second


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """The safe loader, refusing a key given twice in the same mapping (a plan with `target: 6`
    then `target: 60` would otherwise be judged against 60, silently). Merge keys (`<<`) may
    still be overridden: that is what they are for."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, Any] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.setdefault(key, key_node.start_mark)
                except TypeError:  # an unhashable key: PyYAML refuses it itself
                    continue
                if first is not key_node.start_mark:
                    raise DuplicateKey(key, first, key_node.start_mark)
        return super().construct_mapping(node, deep)


MAX_DEPTH = 50  # a plan nests 4 deep
# Aliases may add at most this many nodes, or as many as the file itself holds if more.
MAX_ALIAS_NODES = 100_000
_INDENT = re.compile(r"^[ \t?:-]*", re.MULTILINE)
_BRACKET = re.compile(r"[\[\]{}]")
_NEWLINE = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")


class YamlLocator:
    """Maps a path of keys and indexes (as pydantic reports it) to a 1-based line and column."""

    def __init__(self, text: str) -> None:
        self._root = yaml.compose(text, Loader=_Loader)

    def position(self, loc: Sequence[Any], key_itself: bool = False) -> tuple[int, int]:
        node = self._root
        best = node
        for i, part in enumerate(loc):
            child = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == str(part):
                        last = i == len(loc) - 1
                        child = key_node if (key_itself and last) else value_node
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if 0 <= part < len(node.value):
                    child = node.value[part]
            if child is None:
                break
            node = best = child
        if best is None:
            return 1, 1
        return best.start_mark.line + 1, best.start_mark.column + 1


def _may_be_hostile(text: str) -> bool:
    """True when the text has anchors, or could nest deeper than MAX_DEPTH (a cheap bound:
    each level of nesting takes a bracket or a character of indentation)."""
    if "&" in text:
        return True
    if max(map(len, _INDENT.findall(text)), default=0) >= MAX_DEPTH:
        return True
    if "[" in text or "{" in text:
        depth = deepest = 0
        for m in _BRACKET.finditer(text):
            depth += 1 if m.group() in "[{" else -1
            deepest = max(deepest, depth)
        return deepest + max(map(len, _INDENT.findall(text)), default=0) >= MAX_DEPTH
    return False


def _check_limits(text: str, name: str) -> None:
    """Refuse alias bombs and deep nesting, walking the parser's events (no objects built)."""
    loader = _Loader(text)
    try:
        depth = own = added = 0
        sizes: dict[str, int] = {}
        open_: list[tuple[str | None, int]] = []  # (anchor, nodes counted when it opened)
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                own += 1
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        _refuse(name, event, message("yaml.too_deep", depth=MAX_DEPTH))
                    open_.append((event.anchor, own + added))
                elif event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                anchor, at = open_.pop()
                if anchor:
                    sizes[anchor] = own + added - at + 1
            elif isinstance(event, yaml.AliasEvent):
                added += sizes.get(event.anchor or "", 1)
                if added > max(MAX_ALIAS_NODES, own):
                    _refuse(name, event, message("yaml.alias_bomb",
                                              n=f"{max(MAX_ALIAS_NODES, own):,}"))
    finally:
        loader.dispose()


def _refuse(name: str, event: Any, said: Text) -> None:
    mark = event.start_mark
    raise InputError([Problem(name, f"{mark.line + 1}:{mark.column + 1}", Code.YAML_LIMIT, said,
                              message("yaml.hint_limit"), mark.line + 1)])


def load_yaml(path: Path, max_size: int | None = None
              ) -> tuple[Any, Callable[[], YamlLocator]]:
    """Parse a YAML file; return the data and a function that builds its locator on demand."""
    name = str(path)
    limit = DEFAULT_MAX_SIZE if max_size is None else max_size
    check_readable(path, limit)
    kind = file_kind(path, head(path))  # a workbook, a PDF, a Word document: no YAML
    if kind is not None:
        raise InputError([Problem(name, "", Code.UNSUPPORTED_FORMAT,
                                  message("yaml.not_yaml", kind=kind),
                                  message("yaml.hint_not_yaml"))])
    text = read_text(path, limit)
    try:
        if _may_be_hostile(text):
            _check_limits(text, name)
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except DuplicateKey as exc:
        first, second = exc.first.line + 1, exc.second.line + 1
        raise InputError([Problem(
            name, f"{second}:{exc.second.column + 1}", Code.DUPLICATE_KEY,
            message("yaml.duplicate_key", key=exc.key, first=first, second=second),
            message("yaml.hint_duplicate_key"), second,
        )]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else ""
        said = " ".join(str(s) for s in (exc.context, exc.problem) if s)
        raise InputError([Problem(name, where, Code.YAML_SYNTAX,
                                  message("yaml.syntax", detail=said),
                                  message("yaml.hint_syntax"),
                                  mark.line + 1 if mark else None)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        lines = _NEWLINE.split(text[:exc.position])
        line, col = len(lines), len(lines[-1]) + 1
        raise InputError([Problem(
            name, f"{line}:{col}", Code.YAML_SYNTAX,
            message("yaml.bad_character", code=f"U+{exc.character:04X}")
            if isinstance(exc.character, int) else message("yaml.syntax", detail=exc.reason),
            message("yaml.hint_bad_character"), line,
        )]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(name, "", Code.YAML_SYNTAX,
                                  message("yaml.syntax", detail=str(exc).strip()))]) from None
    except (ValueError, OverflowError) as exc:  # a scalar such as the date 2024-02-30
        raise InputError([_bad_scalar(text, name, exc)]) from None
    return data, lambda: YamlLocator(text)


def _bad_scalar(text: str, name: str, exc: Exception) -> Problem:
    """Find the scalar that could not be built (dates, numbers) to say where it is."""
    constructor = yaml.SafeLoader("")
    stack = [yaml.compose(text, Loader=_Loader)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                constructor.construct_object(node)
            except (ValueError, OverflowError):
                mark = node.start_mark
                return Problem(name, f"{mark.line + 1}:{mark.column + 1}", Code.BAD_VALUE,
                               message("yaml.bad_scalar", value=node.value, error=str(exc)),
                               message("yaml.hint_date"), mark.line + 1)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in reversed(node.value) for n in reversed(pair))
    return Problem(name, "", Code.BAD_VALUE, message("yaml.bad_value", error=str(exc)))

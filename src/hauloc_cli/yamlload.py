"""Reading YAML safely, and finding where in the file a value came from.

Files are parsed with PyYAML's C safe loader when present. Line numbers are only needed when
something is wrong, so the node tree that carries them is built only then (`YamlLocator`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from hauloc_cli.errors import InputError, Problem
from hauloc_cli.textio import read_text

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def load_yaml(path: Path) -> tuple[Any, Callable[[], YamlLocator]]:
    """Parse a YAML file; return the data and a function that builds its locator on demand."""
    text = read_text(path)
    name = str(path)
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else ""
        message = " ".join(str(s) for s in (exc.context, exc.problem) if s)
        raise InputError([Problem(name, where, "yaml-syntax", message,
                                  "check indentation, colons and quotes near that place",
                                  mark.line + 1 if mark else None)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(name, "", "yaml-syntax", str(exc))]) from None
    return data, lambda: YamlLocator(text)

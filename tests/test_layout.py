"""The shape of the code: small functions, tests that mirror the packages."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "hauloc_cli"
LONGEST = 60
# The one honest exception: the row checker's loop over every row of a file is kept in one
# function, its checks inline, because a call per row costs a tenth of the national file's
# read time (docs/performance.md); split, it would only be harder to follow.
EXCEPTIONS = {("inputs/actuals/long.py", "_rows")}


def test_no_function_is_longer_than_60_lines() -> None:
    long = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                where = (str(path.relative_to(SRC)), node.name)
                if lines > LONGEST and where not in EXCEPTIONS:
                    long.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name} {lines}")
    assert long == []


def test_tests_mirror_the_packages() -> None:
    packages = {p.name for p in SRC.iterdir() if (p / "__init__.py").is_file()}
    assert packages == {"cli", "core", "inputs", "model", "render", "rules", "views", "vocab"}
    assert all((ROOT / "tests" / name / "__init__.py").is_file() for name in packages)

"""Black-box helpers for the issue 9 tests: only `hauloc_cli.cli.app` and files are used."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from hauloc_cli.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "actuals_2024.csv"
PLAN_2024 = ROOT / "data" / "targets_2024.yaml"
README = ROOT / "README.md"
OUTPUT_SCHEMA = ROOT / "docs" / "output.schema.json"
CRON_WRAPPER = ROOT / "examples" / "cron" / "hauloc-report.sh"

# Status words of the shipped example at 2024-Q3, with how many targets have each
# (README: 1 achieved, 3 on track, 2 at risk, 2 off track, 1 no data).
STATUS_WORDS = {
    "en": {"✔ Achieved": 1, "● On track": 3, "▲ At risk": 2, "✖ Off track": 2, "? No data": 1},
    "vi": {"✔ Đạt": 1, "● Đúng tiến độ": 3, "▲ Có nguy cơ": 2, "✖ Chậm tiến độ": 2,
           "? Chưa có số liệu": 1},
}


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run(*args: object, columns: int = 160, env: dict[str, str | None] | None = None) -> Run:
    """Run `hauloc ARGS` in-process with no colour, a fixed width and no locale."""
    environment: dict[str, str | None] = {
        "NO_COLOR": "1", "COLUMNS": str(columns), "HAULOC_LANG": None, "HAULOC_DECIMAL": None,
        "LC_ALL": None, "LC_MESSAGES": None, "LANG": None, "FORCE_COLOR": None, "TERM": None,
    }
    environment.update(env or {})
    result = CliRunner().invoke(app, [str(a) for a in args], env=environment)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# A small plan of our own: a cumulative count and a milestone due at the end of the year.
SMALL_PLAN = """\
plan:
  id: test-commune-2024
  name: Xã Thử — chỉ tiêu năm 2024
  name_en: Test commune — targets for 2024
  year: 2024
targets:
  - id: road_km
    name: Đường giao thông mới
    name_en: New roads
    kind: cumulative
    target: 10
    unit: km
  - id: recognition
    name: Xã được công nhận
    name_en: Commune recognised
    kind: milestone
    deadline: 2024-12-31
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.conftest import EXAMPLE


def test_check_example_json() -> None:
    result = CliRunner().invoke(app, ["check", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)
    assert doc["period"] == "2024-Q3"
    assert doc["plan"]["defined_targets"] == 9

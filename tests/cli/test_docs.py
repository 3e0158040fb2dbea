"""Every command has help and a place in the README (a habit from sqlite-utils)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from hauloc_cli.cli import app
from tests.conftest import ROOT
from tests.docs_examples import runnable

HELP = {(c.name or c.callback.__name__): (c.callback.__doc__ or "").strip().splitlines()[0]
        for c in app.registered_commands if c.callback is not None}
COMMANDS = sorted(HELP)


def test_the_commands_are_the_ones_documented() -> None:
    assert COMMANDS == ["check", "init", "report", "schema", "summary", "targets", "template",
                        "term", "validate"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_a_place_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert HELP[command]  # a docstring, which typer shows as the command's help
    assert HELP[command] in " ".join(result.stdout.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # init's page is docs/project.md (issue 25); the README links to it
    pages = (ROOT / "docs" / "project.md").read_text(encoding="utf-8")
    assert f"`hauloc {command}" in readme or f"$ hauloc {command}" in pages


def test_the_docs_show_the_report_runs() -> None:
    """Issue 24: the letter (without and with the offices' causes), the annex and the table by
    unit are shown as they are (each block is run against what it shows by
    tests/test_docs_examples.py)."""
    runs = [b for b in runnable() if b.page.name == "report.md"
            and b.lines[0].startswith("$ hauloc report ")]
    assert len(runs) == 4
